// Cooling contingency, coupled with power. Lose one CDU, dry cooler, chiller or CRAH, or a whole
// fan bank (one placement of fans is one group on one breaker), each in turn — or lose what a
// power contingency de-energises — and find what then overheats, and how soon. The reduced plant
// is the hall's own plant with those units lost, on the design day (plant/evaluate.ts), compared
// with the intact plant: only what the loss takes away counts (a hall already short is another
// check's failure).
//   Air: the heat the remaining movers and coils cannot remove warms the inlet by
//        ΔT·P_short/P_carried over each row's design inlet, supply + the row's recirculation rise
//        from the airflow field (inlet.ts), (PlantState.inletRiseK). Rows whose
//        devices allow less than that overheat (every row that breathes hall air, rear doors or
//        not; a row already over its limit counts, at 0 min). Time to the limit from a lumped heat capacity
//        C = ρ·V·cp (hall air) + c_IT·P_IT: t = C·(T_limit − T_inlet)/P_excess.
//   Liquid: heat the remaining CDUs and heat rejection cannot take while holding the coolant
//        limit warms the loop, C = m_water·c_w + c_IT·P_liquid, from the intact supply until the
//        coolant passes the row's limit (its devices', else the plant's): heat not removed always
//        fails the case. Rear doors are the exception: their devices breathe air and have no
//        coolant limit; a door on warmer water takes less, and the rest goes back into the hall air
//        with the racks' exhaust — so their share of the shortfall joins the air side above.
import type { Climate, CoolingUnit } from '../../model/catalogSchema'
import type { SolverParams } from '../../model/params'
import type { Hall } from '../../model/sceneSchema'
import { airDensityKgM3, AIR_CP_J_PER_KG_K, pressureAtAltitudePa, WATER_CP_KJ_PER_KG_K } from '../constants'
import type { RowLoad } from '../loads'
import { allowableInletC } from './ashrae'
import { airInletRiseK, designPlant, type PlantState } from './plant/evaluate'
import { rowCoolantLimitsC, type HallPlant, type LostUnits } from './plant/plant'
import { breathesHallAir } from './rack'
import type { RowInlet } from './inlet'

export interface CoolingConsequence {
  hallId: string
  /** What was lost: placement ids (with how many units when only some). */
  lost: string
  /** Rows whose devices' limit is passed. */
  rowsOverLimit: string[]
  /** Air-side and liquid-side heat the plant can no longer remove, kW. */
  excessAirKW: number
  excessLiquidKW: number
  /** Rear doors' share of the liquid heat the plant no longer takes: on warmer water a door takes
   *  less and the rest stays in the air it returns to the hall, which the air side then carries
   *  (counted in excessAirKW only as far as the movers cannot), kW. */
  doorSpillKW: number
  /** Minutes until the first limit is passed; null when nothing overheats. */
  minutesToLimit: number | null
}

/** One hall's plant as the contingencies need it: the model, its intact design day, its rows. */
export interface HallCooling {
  hall: Hall
  plant: HallPlant
  intact: PlantState
  rows: readonly RowLoad[]
  /** Each air-cooled row's design-day inlet from the airflow field, by row id. */
  inlets: ReadonlyMap<string, RowInlet>
}

export function coolingConsequence(h: HallCooling, lost: LostUnits, label: string, climate: Climate, params: SolverParams): CoolingConsequence {
  const { hall, plant, intact, rows, inlets } = h
  const reduced = designPlant(plant, climate, params, lost)
  const liquidShortKW = Math.max(0, reduced.liquidShortKW - intact.liquidShortKW)
  // Liquid heat of rows whose only liquid is a rear door: air-cooled devices with no coolant
  // limit of their own. What the plant no longer takes of it is not a coolant limit passed — the
  // doors on warmer water take less (cooling/rearDoor.ts) and the rest goes back into the hall's
  // air with the racks' exhaust — so it joins the air side, in proportion to the doors' share.
  const doorOnlyKW = rows.reduce((s, r) => s + (isDoorOnly(r) ? r.heatLiquidKW : 0), 0)
  const doorSpillKW = plant.heatLiquidKW > 0 ? (liquidShortKW * doorOnlyKW) / plant.heatLiquidKW : 0
  const excessLiquidKW = liquidShortKW - doorSpillKW
  const airShortKW = Math.max(0, reduced.heatAirKW + doorSpillKW - reduced.airCapacityKW)
  const excessAirKW = Math.max(0, airShortKW - intact.airShortKW)
  const inletRiseK = airInletRiseK(params.airDeltaTK, airShortKW, reduced.airMovedCarryKW)
  const hottestInletC = Math.max(intact.supplyAirC, ...[...inlets.values()].map((i) => i.inletC))

  const rowsOverLimit: string[] = []
  let minutes: number | null = null
  const hallAirKJPerK = (airDensityKgM3(hottestInletC, pressureAtAltitudePa(climate.altitudeM)) * hall.lengthM * hall.widthM * hall.heightM * AIR_CP_J_PER_KG_K) / 1000
  for (const r of rows) {
    const inletLimitC = allowableInletC(r.device)
    const riseK = inlets.get(r.row.id)?.riseK ?? 0
    const baseInletC = intact.supplyAirC + riseK
    const inletC = reduced.supplyAirC + riseK + inletRiseK
    // Every row that breathes hall air (behind a rear door too). A row already over its limit
    // before the loss stays in the count, at 0 min: more load must never read better.
    if (breathesHallAir(r) && excessAirKW > 0 && inletC > inletLimitC) {
      rowsOverLimit.push(r.row.id)
      const capacity = hallAirKJPerK + params.itThermalMassKJPerKPerKW * plant.heatAirKW
      const t = (capacity * Math.max(0, inletLimitC - baseInletC)) / excessAirKW / 60
      minutes = minutes === null ? t : Math.min(minutes, t)
    }
    // Liquid heat the plant no longer removes warms the loop until it passes the row's limit: its
    // devices' coolant limit (and its rear doors' rated water, where it has both), else the limit
    // the plant holds (the setpoint where none is stated). Door-only rows: the air side above.
    if (r.heatLiquidKW > 0 && excessLiquidKW > 0 && !isDoorOnly(r)) {
      const limits = rowCoolantLimitsC(r)
      const limitC = limits.length > 0 ? Math.min(...limits) : intact.coolantLimitC
      rowsOverLimit.push(r.row.id)
      const loopKJPerK = params.liquidLoopLitresPerKW * plant.heatLiquidKW * WATER_CP_KJ_PER_KG_K + params.itThermalMassKJPerKPerKW * plant.heatLiquidKW
      const fromC = intact.coolantSupplyC ?? intact.coolantLimitC
      const t = (loopKJPerK * Math.max(0, limitC - fromC)) / excessLiquidKW / 60
      minutes = minutes === null ? t : Math.min(minutes, t)
    }
  }
  return { hallId: hall.id, lost: label, rowsOverLimit: [...new Set(rowsOverLimit)], excessAirKW, excessLiquidKW, doorSpillKW, minutesToLimit: minutes }
}

/** A row whose liquid heat is its rear doors' only: no direct-liquid device behind them. */
const isDoorOnly = (r: RowLoad) => r.rearDoorKW > 0 && r.heatLiquidKW <= r.rearDoorKW

/** What a lose-one case of a placement takes: the whole placement for a fan bank (one group on
 *  one breaker), else one of its units; and the case's label (`lost`), by which the economics finds
 *  the units whose loss fails. Null for pads (losing a pad section is not a case). */
export function loseOneCase(kind: CoolingUnit['kind'], placementId: string, count: number): { units: number; label: string } | null {
  if (kind === 'evap-pad') return null
  return kind === 'exhaust-fan' ? { units: count, label: placementId } : { units: 1, label: `1 of ${placementId}` }
}

/** Every lose-one case of a hall's cooling: one unit of each CDU, dry cooler, chiller, CRAH or tank placement, or a whole fan bank. */
export function coolingCases(h: HallCooling, climate: Climate, params: SolverParams): CoolingConsequence[] {
  const out: CoolingConsequence[] = []
  for (const { id, unit, count } of h.plant.placements) {
    const c = loseOneCase(unit.kind, id, count)
    if (c) out.push(coolingConsequence(h, new Map([[id, c.units]]), c.label, climate, params))
  }
  return out
}

/** The cooling consequence of the placements a power contingency leaves without supply. */
export function poweredDownConsequence(h: HallCooling, dead: ReadonlySet<string>, climate: Climate, params: SolverParams): CoolingConsequence | null {
  const lost = h.plant.placements.filter((p) => dead.has(p.id))
  if (lost.length === 0) return null
  return coolingConsequence(h, new Map(lost.map((p) => [p.id, p.count])), lost.map((p) => p.id).join(', '), climate, params)
}
