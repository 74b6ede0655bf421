// Air side of a hall: the airflow its air-side heat needs, Q = P / (ρ·cp·ΔT), against the airflow
// its fans and air handlers supply, and the heat its air handlers can remove.
import type { Catalog } from '../../model/catalog'
import type { SolverParams } from '../../model/params'
import type { Hall } from '../../model/sceneSchema'
import type { Check } from '../report'
import { makeCheck } from '../checks'
import { airflowForHeatM3s, heatForAirflowKW } from '../constants'
import { unitsOfKind, type HallAir } from './climate'

export interface HallAirSide {
  heatAirKW: number
  airflowNeededM3s: number
  airflowSuppliedM3s: number
  /** Heat the supplied air can carry at the design rise, plus what air handlers remove. */
  airCapacityKW: number
  checks: Check[]
}

export function hallAirSide(hall: Hall, heatAirKW: number, air: HallAir, catalog: Catalog, params: SolverParams): HallAirSide {
  const fans = unitsOfKind(hall, catalog, 'exhaust-fan')
  const crahs = unitsOfKind(hall, catalog, 'crah')
  const fanFlowM3s = fans.reduce((s, f) => s + (f.model.airflowM3s ?? 0) * f.count, 0) * params.fanFlowDerate
  const crahFlowM3s = crahs.reduce((s, c) => s + (c.model.airflowM3s ?? 0) * c.count, 0)
  const crahKW = crahs.reduce((s, c) => s + (c.model.coolingKW ?? 0) * c.count, 0)
  const airflowSuppliedM3s = fanFlowM3s + crahFlowM3s
  const airflowNeededM3s = airflowForHeatM3s(heatAirKW, air.densityKgM3, params.airDeltaTK)
  // Outside air carries its heat out of the building; CRAH air is recirculated and the coils remove it.
  const airCapacityKW = heatForAirflowKW(fanFlowM3s, air.densityKgM3, params.airDeltaTK) + crahKW

  const checks: Check[] = [
    makeCheck({
      id: `cooling.airflow:${hall.id}`,
      domain: 'cooling',
      title: 'Airflow needed vs supplied',
      subject: hall.name,
      subjectId: hall.id,
      value: airflowNeededM3s,
      limit: airflowSuppliedM3s,
      unit: 'm³/s',
      sense: 'max',
      warnRatio: params.coolingWarnFraction,
      note: `${heatAirKW.toFixed(0)} kW to air at ΔT ${params.airDeltaTK} K, ρ ${air.densityKgM3.toFixed(3)} kg/m³`,
    }),
  ]
  if (crahs.length > 0) {
    checks.push(
      makeCheck({
        id: `cooling.air-heat:${hall.id}`,
        domain: 'cooling',
        title: 'Air-side heat vs capacity',
        subject: hall.name,
        subjectId: hall.id,
        value: heatAirKW,
        limit: airCapacityKW,
        unit: 'kW',
        sense: 'max',
        warnRatio: params.coolingWarnFraction,
      }),
    )
  }
  return { heatAirKW, airflowNeededM3s, airflowSuppliedM3s, airCapacityKW, checks }
}
