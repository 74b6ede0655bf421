// Liquid side of a hall: the heat its devices put into liquid against the CDUs (or immersion
// tanks) that take it, the dry coolers and chillers that reject it on the design day, and the
// coolant supply temperature against what the devices accept.
//   Dry-cooler capacity falls with the air-to-fluid temperature difference:
//   Q(T_amb) = Q_rated · (T_return − T_amb) / (T_return − T_rated), T_return = supply + ΔT_loop.
//   Coolant supply on the design day = max(setpoint, T_amb + approach) when only dry coolers reject heat.
import type { Catalog } from '../../model/catalog'
import type { Climate } from '../../model/catalogSchema'
import type { SolverParams } from '../../model/params'
import type { Hall } from '../../model/sceneSchema'
import type { RowLoad } from '../loads'
import { unitsOfKind } from './climate'

export interface HallLiquidSide {
  heatLiquidKW: number
  /** Heat the CDUs / tanks can take, kW. */
  liquidCapacityKW: number
  /** Heat the dry coolers + chillers reject on the design day, kW. */
  rejectionKW: number
  supplyC: number
}

export function dryCoolerCapacityKW(ratedKW: number, ratedAmbientC: number, ambientC: number, returnC: number): number {
  const ratedDifference = returnC - ratedAmbientC
  if (ratedDifference <= 0) return 0
  return ratedKW * Math.max(0, (returnC - ambientC) / ratedDifference)
}

export function hallLiquidSide(
  hall: Hall,
  rows: readonly RowLoad[],
  climate: Climate,
  catalog: Catalog,
  params: SolverParams,
): HallLiquidSide {
  const heatLiquidKW = rows.reduce((s, r) => s + r.heatLiquidKW, 0)
  const cdus = [...unitsOfKind(hall, catalog, 'cdu'), ...unitsOfKind(hall, catalog, 'immersion-tank')]
  const liquidCapacityKW = cdus.reduce((s, c) => s + (c.model.coolingKW ?? 0) * c.count, 0)
  const ambientC = climate.designSummerDryBulbC
  const dry = unitsOfKind(hall, catalog, 'dry-cooler')
  const chillers = unitsOfKind(hall, catalog, 'chiller')
  const approachK = Math.max(0, ...dry.map((d) => d.model.ratedFluidOutC - d.model.ratedAirInC))
  const supplyC = chillers.length > 0 ? params.liquidSupplySetpointC : Math.max(params.liquidSupplySetpointC, ambientC + approachK)
  const returnC = supplyC + params.liquidDeltaTK
  const dryKW = dry.reduce(
    (s, d) => s + dryCoolerCapacityKW((d.model.coolingKW ?? 0) * d.count, d.model.ratedAirInC, ambientC, returnC),
    0,
  )
  const chillerKW = chillers.reduce((s, c) => s + (c.model.coolingKW ?? 0) * c.count, 0)
  const rejectionKW = dryKW + chillerKW
  return { heatLiquidKW, liquidCapacityKW, rejectionKW, supplyC }
}
