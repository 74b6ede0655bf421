// The air side of each hall on the design day (its plant, cooling/plant/evaluate.ts): the airflow
// its air-side heat needs against what its fans and air handlers move, and air-side heat against
// the air handlers' capacity.
import { makeCheck } from '../../check'
import type { CheckModule, HallState } from '../types'

function airflowNote({ plant, design }: HallState, deltaTK: number): string {
  const movers: string[] = []
  if (plant.fanFreeAirM3s > 0) movers.push(`fans move exhaust air at ${(design.supplyAirC + deltaTK).toFixed(1)} °C, ρ ${design.exhaustDensityKgM3.toFixed(3)} kg/m³`)
  if (plant.crahAirflowM3s > 0) movers.push(`air handlers supply air at ${design.supplyAirC.toFixed(1)} °C, ρ ${design.airDensityKgM3.toFixed(3)} kg/m³`)
  if (movers.length === 0) movers.push(`no fans or air handlers; exhaust air at ρ ${design.exhaustDensityKgM3.toFixed(3)} kg/m³`)
  return `${design.heatAirKW.toFixed(0)} kW to air at ΔT ${deltaTK} K; ${movers.join('; ')}`
}

export const airflow: CheckModule = {
  meta: {
    kind: 'cooling.airflow',
    domain: 'cooling',
    title: 'Airflow needed vs supplied',
    unit: 'm³/s',
    sense: 'max',
    description:
      'Airflow the hall’s air-side heat needs at the design rise, Q = P/(ρ·cp·ΔT) — at exhaust density for the exhaust fans, at supply density for air handlers — against what its fans (derated) and air handlers move.',
    limitSource: 'catalog airflow × params.fanFlowDerate; params.airDeltaTK; warns above params.coolingWarnFraction',
  },
  evaluate: (ctx) =>
    ctx.halls.map((h) =>
      makeCheck(airflow.meta, {
        subject: h.hall.name,
        subjectId: h.hall.id,
        value: h.design.airflowNeededM3s,
        limit: h.design.airflowSuppliedM3s,
        warnRatio: ctx.params.coolingWarnFraction,
        note: airflowNote(h, ctx.params.airDeltaTK),
      }),
    ),
}

export const airHeat: CheckModule = {
  meta: {
    kind: 'cooling.air-heat',
    domain: 'cooling',
    title: 'Air-side heat vs capacity',
    unit: 'kW',
    sense: 'max',
    description: 'Air-side heat of a hall with air handlers against the heat their coils remove (at most what their air carries) plus what outside air carries out.',
    limitSource: 'catalog coolingKW and airflow of the CRAH units; warns above params.coolingWarnFraction',
  },
  evaluate: (ctx) =>
    ctx.halls
      .filter((h) => h.plant.crahCoolingKW > 0)
      .map(({ hall, design }) =>
        makeCheck(airHeat.meta, {
          subject: hall.name,
          subjectId: hall.id,
          value: design.heatAirKW,
          limit: design.airCapacityKW,
          warnRatio: ctx.params.coolingWarnFraction,
        }),
      ),
}
