// Air side of a hall: the airflow its air-side heat needs, Q = P / (ρ·cp·ΔT), against the airflow
// its fans and air handlers supply, and the heat its air handlers can remove.
import type { Catalog } from '../../model/catalog'
import type { SolverParams } from '../../model/params'
import type { Hall } from '../../model/sceneSchema'
import { airflowForHeatM3s, heatForAirflowKW } from '../constants'
import { unitsOfKind, type HallAir } from './climate'

export interface HallAirSide {
  heatAirKW: number
  airflowNeededM3s: number
  airflowSuppliedM3s: number
  /** Heat the supplied air can carry at the design rise, plus what air handlers remove. */
  airCapacityKW: number
  /** The hall has air handlers (CRAH) whose coils remove heat. */
  hasHandlers: boolean
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
  return { heatAirKW, airflowNeededM3s, airflowSuppliedM3s, airCapacityKW, hasHandlers: crahs.length > 0 }
}
