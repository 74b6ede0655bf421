// The air side of each hall: the airflow its air-side heat needs against what its fans and air
// handlers move, and air-side heat against the air handlers' capacity.
import { makeCheck } from '../../check'
import type { CheckModule } from '../types'

export const airflow: CheckModule = {
  meta: {
    kind: 'cooling.airflow',
    domain: 'cooling',
    title: 'Airflow needed vs supplied',
    unit: 'm³/s',
    sense: 'max',
    description: 'Airflow the hall’s air-side heat needs at the design rise, Q = P/(ρ·cp·ΔT), against what its fans (derated) and air handlers move.',
    limitSource: 'catalog airflow × params.fanFlowDerate; params.airDeltaTK; warns above params.coolingWarnFraction',
  },
  evaluate: (ctx) =>
    ctx.halls.map(({ hall, airSide, air }) =>
      makeCheck(airflow.meta, {
        subject: hall.name,
        subjectId: hall.id,
        value: airSide.airflowNeededM3s,
        limit: airSide.airflowSuppliedM3s,
        warnRatio: ctx.params.coolingWarnFraction,
        note: `${airSide.heatAirKW.toFixed(0)} kW to air at ΔT ${ctx.params.airDeltaTK} K, ρ ${air.densityKgM3.toFixed(3)} kg/m³`,
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
    description: 'Air-side heat of a hall with air handlers against the heat their coils remove plus what outside air carries out.',
    limitSource: 'catalog coolingKW of the CRAH units; warns above params.coolingWarnFraction',
  },
  evaluate: (ctx) =>
    ctx.halls
      .filter((h) => h.airSide.hasHandlers)
      .map(({ hall, airSide }) =>
        makeCheck(airHeat.meta, {
          subject: hall.name,
          subjectId: hall.id,
          value: airSide.heatAirKW,
          limit: airSide.airCapacityKW,
          warnRatio: ctx.params.coolingWarnFraction,
        }),
      ),
}
