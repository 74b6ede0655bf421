// Cooling contingency, coupled with power. Lose one CDU, dry cooler, chiller or CRAH, or a whole
// fan bank (one placement of fans is one group on one breaker), each in turn — or lose what a
// power contingency de-energises — and find what then overheats, and how soon.
//   Air: the fans left move Q' < Q; at the same heat the air rises ΔT' = ΔT·Q/Q', and the excess
//        heat recirculates: inlet' = supply + recirculation + (ΔT' − ΔT). Rows whose devices
//        allow less than that overheat. Time to the limit from a lumped heat capacity
//        C = ρ·V·cp (hall air) + c_IT·P_IT: t = C·(T_limit − T_inlet)/P_excess.
//   Liquid: heat the remaining CDUs and heat rejection cannot take warms the loop,
//        C = m_water·c_w + c_IT·P_liquid, until the coolant passes the devices' limit.
import type { Catalog } from '../../model/catalog'
import type { Climate } from '../../model/catalogSchema'
import type { SolverParams } from '../../model/params'
import type { Hall } from '../../model/sceneSchema'
import { airDensityKgM3, AIR_CP_J_PER_KG_K, heatForAirflowKW, pressureAtAltitudePa } from '../constants'
import type { RowLoad } from '../loads'
import { hallSupplyAir } from './climate'
import { hallLiquidSide } from './liquid'

/** Specific heat of water, kJ/(kg·K) (engineering-data.md §3). */
const WATER_CP_KJ_PER_KG_K = 4.186
export interface CoolingConsequence {
  hallId: string
  /** What was lost: placement ids (with how many units when only some). */
  lost: string
  /** Rows whose devices' limit is passed. */
  rowsOverLimit: string[]
  /** Air-side and liquid-side heat the plant can no longer remove, kW. */
  excessAirKW: number
  excessLiquidKW: number
  /** Minutes until the first limit is passed; null when nothing overheats. */
  minutesToLimit: number | null
}

/** The hall with some cooling taken away: whole placements, or `units` of one placement. */
function hallWithout(hall: Hall, lostPlacements: ReadonlySet<string>, partial?: { id: string; units: number }): Hall {
  return {
    ...hall,
    cooling: hall.cooling
      .filter((c) => !lostPlacements.has(c.id))
      .map((c) => (partial && c.id === partial.id ? { ...c, count: c.count - partial.units } : c))
      .filter((c) => c.count > 0),
  }
}

function fanFlowM3s(hall: Hall, catalog: Catalog, params: SolverParams): number {
  let q = 0
  for (const c of hall.cooling) {
    const u = catalog.coolingUnits.get(c.modelId)
    if (u?.kind === 'exhaust-fan') q += (u.airflowM3s ?? 0) * c.count * params.fanFlowDerate
    if (u?.kind === 'crah') q += (u.airflowM3s ?? 0) * c.count
  }
  return q
}

export function coolingConsequence(
  hall: Hall,
  reduced: Hall,
  lost: string,
  rows: readonly RowLoad[],
  climate: Climate,
  catalog: Catalog,
  params: SolverParams,
): CoolingConsequence {
  const air = hallSupplyAir(reduced, climate, catalog, params)
  const heatAirKW = rows.reduce((s, r) => s + r.heatAirKW, 0)
  const heatLiquidKW = rows.reduce((s, r) => s + r.heatLiquidKW, 0)
  const qBefore = fanFlowM3s(hall, catalog, params)
  const qAfter = fanFlowM3s(reduced, catalog, params)
  const needed = (heatAirKW * 1000) / (air.densityKgM3 * AIR_CP_J_PER_KG_K * params.airDeltaTK)
  // Only a shortfall against what the heat needs matters, not the loss of spare fans.
  const shortM3s = Math.max(0, needed - Math.max(qAfter, 1e-9))
  // Only what the loss takes away counts: a hall already short is another check's failure.
  const airBefore = Math.min(heatAirKW, heatForAirflowKW(qBefore, air.densityKgM3, params.airDeltaTK))
  const excessAirKW = Math.max(0, airBefore - Math.min(heatAirKW, heatForAirflowKW(qAfter, air.densityKgM3, params.airDeltaTK)))
  const riseK = shortM3s > 0 && qAfter > 0 ? params.airDeltaTK * (needed / qAfter - 1) : shortM3s > 0 ? Infinity : 0
  const inletC = air.supplyC + params.recirculationK + riseK
  const baseInletC = air.supplyC + params.recirculationK
  const liquidBefore = hallLiquidSide(hall, rows, climate, catalog, params)
  const liquidAfter = hallLiquidSide(reduced, rows, climate, catalog, params)
  const takeBefore = Math.min(heatLiquidKW, liquidBefore.liquidCapacityKW, liquidBefore.rejectionKW)
  const takeAfter = Math.min(heatLiquidKW, liquidAfter.liquidCapacityKW, liquidAfter.rejectionKW)
  const excessLiquidKW = Math.max(0, takeBefore - takeAfter)

  const rowsOverLimit: string[] = []
  let minutes: number | null = null
  const hallAirKJPerK = (airDensityKgM3(baseInletC, pressureAtAltitudePa(climate.altitudeM)) * hall.lengthM * hall.widthM * hall.heightM * AIR_CP_J_PER_KG_K) / 1000
  for (const r of rows) {
    if (r.heatAirKW > 0 && excessAirKW > 0 && inletC > r.device.inlet.allowableMaxC) {
      rowsOverLimit.push(r.row.id)
      const capacity = hallAirKJPerK + params.itThermalMassKJPerKPerKW * heatAirKW
      const t = (capacity * Math.max(0, r.device.inlet.allowableMaxC - baseInletC)) / excessAirKW / 60
      minutes = minutes === null ? t : Math.min(minutes, t)
    }
    if (r.heatLiquidKW > 0 && excessLiquidKW > 0 && r.device.coolantMaxSupplyC !== undefined) {
      rowsOverLimit.push(r.row.id)
      const loopKJPerK = params.liquidLoopLitresPerKW * heatLiquidKW * WATER_CP_KJ_PER_KG_K + params.itThermalMassKJPerKPerKW * heatLiquidKW
      const t = (loopKJPerK * Math.max(0, r.device.coolantMaxSupplyC - liquidBefore.supplyC)) / excessLiquidKW / 60
      minutes = minutes === null ? t : Math.min(minutes, t)
    }
  }
  return { hallId: hall.id, lost, rowsOverLimit: [...new Set(rowsOverLimit)], excessAirKW, excessLiquidKW, minutesToLimit: minutes }
}

/** Every lose-one case of a hall's cooling: one unit of each CDU, dry cooler, chiller, CRAH or tank placement, or a whole fan bank. */
export function coolingCases(hall: Hall, rows: readonly RowLoad[], climate: Climate, catalog: Catalog, params: SolverParams): CoolingConsequence[] {
  const out: CoolingConsequence[] = []
  for (const c of hall.cooling) {
    const kind = catalog.coolingUnits.get(c.modelId)?.kind
    if (kind === 'evap-pad' || kind === undefined) continue
    if (kind === 'exhaust-fan') out.push(coolingConsequence(hall, hallWithout(hall, new Set([c.id])), c.id, rows, climate, catalog, params))
    else out.push(coolingConsequence(hall, hallWithout(hall, new Set(), { id: c.id, units: 1 }), `1 of ${c.id}`, rows, climate, catalog, params))
  }
  return out
}

/** The cooling consequence of the placements a power contingency leaves without supply. */
export function poweredDownConsequence(hall: Hall, dead: ReadonlySet<string>, rows: readonly RowLoad[], climate: Climate, catalog: Catalog, params: SolverParams): CoolingConsequence | null {
  if (!hall.cooling.some((c) => dead.has(c.id))) return null
  const ids = hall.cooling.filter((c) => dead.has(c.id)).map((c) => c.id)
  return coolingConsequence(hall, hallWithout(hall, dead), ids.join(', '), rows, climate, catalog, params)
}
