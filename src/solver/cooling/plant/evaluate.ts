// The plant of a hall at one outdoor condition: supply air, airflow, air and liquid capacity, the
// coolant loop's balance, trim-chiller use, electrical draw and water. The design day is this at
// the design dry and wet bulb; the typical year is this hour by hour; a cooling contingency is
// this with units lost. Formulas in physics.ts and ../../constants.ts; docs/plant.md.
//
// Air side. Supply air: air handlers (CRAH) in a room / contained hall hold params.crahSupplyAirC;
//   otherwise outside air, through the pads when it is warmer than params.padOnAboveC, never below
//   params.winterMinSupplyC (exhaust mixed back in the cold). The heat needs a mass flow
//   P/(cp·ΔT): exhaust fans move it as exhaust air (density at supply + ΔT), air handlers as supply
//   air. Air handlers carry the heat first where they hold the supply, fans first where outside
//   air does; the other movers take the rest. Air removed = what the fans' air carries plus what
//   the handlers' coils take (at most what their air carries).
// Liquid side. The CDUs (or tanks) pass at most their capacity to the facility loop. Dry coolers
//   reject K·(T_return − T_amb); the loop settles where that equals the heat (loopBalanceSupplyC),
//   never colder than the setpoint (fans slow, bypass). Where that would pass the devices' coolant
//   limit, a trim chiller (in series) takes what the dry coolers cannot at the limit, within its
//   capacity, and holds the limit. Rejection capacity = dry coolers at the limit + chillers.
// Electrical: fans, pumps and dry-cooler fans in proportion to the share of their capacity used
//   (units staged on/off); chillers at their Carnot-fraction COP.
import type { Climate } from '../../../model/catalogSchema'
import type { SolverParams } from '../../../model/params'
import * as constants from '../../constants'
import { withoutUnits, type HallPlant, type LostUnits, type PlantUnits } from './plant'
import * as physics from './physics'

// The formulas the plant runs every hour, each read once here: under the test runner every read
// of an imported binding is a getter call. The same functions (constants.ts and physics.ts do not
// import this module, so they are evaluated before it and their functions are there to read).
const { airDensityKgM3, airflowForHeatM3s, heatForAirflowKW, pressureAtAltitudePa } = constants
const { chillerCop, evaporatedWaterKgS, fanDeliveredM3s, loopBalanceSupplyC, padSupplyC } = physics

export interface Weather {
  dryBulbC: number
  wetBulbC: number
}

/** How the supply air is made: air-handler setpoint, outside air through pads, outside air as it
 *  is, or outside air mixed with exhaust to hold the winter minimum. */
export type SupplyMode = 'crah' | 'pads' | 'outside' | 'recirculation'

export interface PlantState {
  dryBulbC: number
  wetBulbC: number
  // Air side
  supplyMode: SupplyMode
  /** Air entering the IT space (before recirculation), °C. */
  supplyAirC: number
  /** Density of the supply air and of the exhaust air (supply + ΔT), kg/m³. */
  airDensityKgM3: number
  exhaustDensityKgM3: number
  heatAirKW: number
  /** Airflow the air-side heat needs, each part at the density of the movers that carry it, m³/s. */
  airflowNeededM3s: number
  /** Exhaust fans (derated) plus air handlers, m³/s. */
  airflowSuppliedM3s: number
  /** Heat the moving air can carry out plus what the handlers' coils remove, kW. */
  airCapacityKW: number
  crahCapacityKW: number
  airShortKW: number
  /** The movers cannot move the mass flow the heat needs. */
  airflowShort: boolean
  /** Warm-up of the inlet over supply + recirculation when air-side heat is not removed, K
   *  (Infinity when nothing moves air): airInletRiseK(airDeltaTK, airShortKW, airMovedCarryKW). */
  inletRiseK: number
  /** Heat the air the movers move carries at the design ΔT, kW (fans and handlers' flow). */
  airMovedCarryKW: number
  /** Heat the fans' air and the handlers' coils carry out at the hour, kW. */
  fanRunKW: number
  crahRunKW: number
  // Liquid side
  heatLiquidKW: number
  cduCapacityKW: number
  /** The supply the loop must not pass: the devices' strictest limit, else the setpoint, °C. */
  coolantLimitC: number
  /** Coolant supply, °C; null when the hall has no liquid heat, no loop (no CDU or tank), or
   *  nothing can reject the heat (then coolantOverLimit). */
  coolantSupplyC: number | null
  /** The coolant supply is above the limit (or unbounded). */
  coolantOverLimit: boolean
  /** Heat the dry coolers and the trim chillers take, kW. */
  dryRejectedKW: number
  chillerTrimKW: number
  /** What the plant can reject while holding the coolant limit: dry coolers at the limit + chillers, kW. */
  rejectionKW: number
  liquidShortKW: number
  // Electrical draw, kW, and water
  fanPowerKW: number
  padPowerKW: number
  crahPowerKW: number
  /** Chillers behind the air handlers when the economiser cannot do the work. */
  airChillerPowerKW: number
  cduPowerKW: number
  dryCoolerPowerKW: number
  trimChillerPowerKW: number
  coolingPowerKW: number
  waterLph: number
}

export function emptyPlantState(): PlantState {
  return {
    dryBulbC: 0,
    wetBulbC: 0,
    supplyMode: 'outside',
    // No supply yet: plantAtNextHour computes the air side of a fresh state in full.
    supplyAirC: NaN,
    airDensityKgM3: 0,
    exhaustDensityKgM3: 0,
    heatAirKW: 0,
    airflowNeededM3s: 0,
    airflowSuppliedM3s: 0,
    airCapacityKW: 0,
    airMovedCarryKW: 0,
    fanRunKW: 0,
    crahRunKW: 0,
    crahCapacityKW: 0,
    airShortKW: 0,
    airflowShort: false,
    inletRiseK: 0,
    heatLiquidKW: 0,
    cduCapacityKW: 0,
    coolantLimitC: 0,
    coolantSupplyC: null,
    coolantOverLimit: false,
    dryRejectedKW: 0,
    chillerTrimKW: 0,
    rejectionKW: 0,
    liquidShortKW: 0,
    fanPowerKW: 0,
    padPowerKW: 0,
    crahPowerKW: 0,
    airChillerPowerKW: 0,
    cduPowerKW: 0,
    dryCoolerPowerKW: 0,
    trimChillerPowerKW: 0,
    coolingPowerKW: 0,
    waterLph: 0,
  }
}

type SupplyUnits = Pick<PlantUnits, 'crahMode' | 'padEffectiveness'>

/** The pads' wet-bulb effectiveness: params.padEffectiveness (a calibrated value) where given,
 *  else the catalog's best in the hall; 0 without pads. */
export function padEffectivenessOf(units: SupplyUnits, params: SolverParams): number {
  return units.padEffectiveness > 0 ? (params.padEffectiveness ?? units.padEffectiveness) : 0
}

export function supplyMode(units: SupplyUnits, dryBulbC: number, params: SolverParams): SupplyMode {
  if (units.crahMode) return 'crah'
  if (units.padEffectiveness > 0 && dryBulbC > params.padOnAboveC) return 'pads'
  return dryBulbC < params.winterMinSupplyC ? 'recirculation' : 'outside'
}

/** Supply air for a mode, °C (wet bulb at most the dry bulb). */
export function supplyAirC(mode: SupplyMode, units: SupplyUnits, dryBulbC: number, wetBulbC: number, params: SolverParams): number {
  switch (mode) {
    case 'crah':
      return params.crahSupplyAirC
    case 'pads':
      return Math.max(params.winterMinSupplyC, padSupplyC(dryBulbC, Math.min(wetBulbC, dryBulbC), padEffectivenessOf(units, params)))
    case 'recirculation':
      return params.winterMinSupplyC
    case 'outside':
      return dryBulbC
  }
}

/** How the supply air was reached on the design day, in words, for the check notes. */
export function supplyBasis(mode: SupplyMode, units: SupplyUnits, weather: Weather, params: SolverParams): string {
  const db = weather.dryBulbC
  switch (mode) {
    case 'crah':
      return `CRAH supply setpoint ${params.crahSupplyAirC} °C`
    case 'pads':
      return `outside air ${db} °C through evaporative pads (ε ${padEffectivenessOf(units, params)}, wet bulb ${Math.min(weather.wetBulbC, db)} °C)`
    case 'recirculation':
      return `outside air ${db} °C mixed with exhaust to ${params.winterMinSupplyC} °C`
    case 'outside':
      return `outside air at design dry bulb ${db} °C`
  }
}

/** The plant at one outdoor condition; `lost` takes units away (a contingency). Writes into `out`
 *  (the year reuses one record per hall) and returns it. */
export function plantAt(
  plant: HallPlant,
  weather: Weather,
  pressurePa: number,
  params: SolverParams,
  lost?: LostUnits,
  out: PlantState = emptyPlantState(),
): PlantState {
  const p = lost && lost.size > 0 ? withoutUnits(plant, lost) : plant
  // No supply air yet: whatever `out` held, the air side is computed in full.
  out.supplyAirC = NaN
  return plantAtNextHour(p, weather, pressurePa, params, out)
}

/** plantAt at the next hour of a run over hours (the typical year): `out` holds this plant, with
 *  no unit lost, at this pressure and with these params, at an earlier hour (plantAt or this wrote
 *  it), or is fresh (emptyPlantState). Writes into it the state plantAt gives; what the supply air
 *  alone sets (densities, airflow, capacities, fan and handler power) is not computed again while
 *  the supply air stays the same (the winter recirculation, the handlers' setpoint: most hours of
 *  a cold site). */
export function plantAtNextHour(p: HallPlant, weather: Weather, pressurePa: number, params: SolverParams, out: PlantState): PlantState {
  const db = weather.dryBulbC
  const wb = Math.min(weather.wetBulbC, db)
  out.dryBulbC = db
  out.wetBulbC = wb
  const mode = supplyMode(p, db, params)
  const supplyC = supplyAirC(mode, p, db, wb, params)
  // The hour before's supply, in a mode where the outside air reaches the plant only through the
  // supply (no pads, no economiser), and a liquid side the weather does not reach: every figure
  // but the bulbs is the hour before's (most hours of a cold site's air-cooled halls, at the
  // winter minimum). A fresh state's NaN supply is never the same.
  if ((mode === 'recirculation' || mode === 'outside') && out.supplyMode === mode && out.supplyAirC === supplyC && !liquidFollowsWeather(p)) return out
  // The same supply (−0 and 0 set the same air side; NaN, never the same, none).
  if (out.supplyAirC !== supplyC) airAtSupply(p, supplyC, pressurePa, params, out)
  out.supplyAirC = supplyC
  out.supplyMode = mode
  // What the outside air sets at that supply: pad pumps and water, the chillers behind the handlers.
  const padsOn = mode === 'pads'
  out.padPowerKW = padsOn ? p.padPowerKW : 0
  // The air the fans move has passed the pads: its mass flow ρ·Q evaporates the water.
  const rhoExhaust = out.exhaustDensityKgM3
  out.waterLph = padsOn ? evaporatedWaterKgS(airflowForHeatM3s(out.fanRunKW, rhoExhaust, params.airDeltaTK), rhoExhaust, db, supplyC) * 3600 : 0
  // Economiser: outdoor air (or a dry cooler on the chilled-water loop) cold enough does the work.
  const mechanical = mode === 'crah' && db > supplyC - params.economiserApproachK
  out.airChillerPowerKW = mechanical ? out.crahRunKW / chillerCop(supplyC, db, params) : 0
  evaluateLiquid(p, db, params, out)
  out.coolingPowerKW =
    out.fanPowerKW + out.padPowerKW + out.crahPowerKW + out.airChillerPowerKW + out.cduPowerKW + out.dryCoolerPowerKW + out.trimChillerPowerKW
  return out
}

/** Whether plantAt gives two plants the same state at every outdoor condition with no unit lost:
 *  every figure of theirs is the same (plantAt reads the placements only to take units away, and
 *  the hall id not at all). The typical year evaluates such plants once an hour, not once each. */
export function samePlantFigures(a: HallPlant, b: HallPlant): boolean {
  for (const key of Object.keys(a) as (keyof HallPlant)[]) {
    if (key === 'hallId' || key === 'placements') continue
    if (!Object.is(a[key], b[key])) return false
  }
  return Object.keys(a).length === Object.keys(b).length
}

/** Heat not removed warms the air that is moved: ΔT' − ΔT = ΔT·P_short/P_carried, K (Infinity when
 *  nothing moves air). */
export function airInletRiseK(deltaTK: number, shortKW: number, movedCarryKW: number): number {
  return shortKW > 0 ? (movedCarryKW > 0 ? (deltaTK * shortKW) / movedCarryKW : Infinity) : 0
}

/** The air side as the supply air sets it, whatever the hour: densities, the airflow the heat
 *  needs and the movers supply, capacities, and the heat fans and handlers carry with their power. */
function airAtSupply(p: HallPlant, supplyC: number, pressurePa: number, params: SolverParams, out: PlantState): void {
  const deltaTK = params.airDeltaTK
  const rhoSupply = airDensityKgM3(supplyC, pressurePa)
  const rhoExhaust = airDensityKgM3(supplyC + deltaTK, pressurePa)
  const heatAir = p.heatAirKW
  const fanM3s = fanDeliveredM3s(p.fanFreeAirM3s, params)
  const crahM3s = p.crahAirflowM3s
  // Fans move exhaust air; air handlers move supply air.
  const fanCarryKW = heatForAirflowKW(fanM3s, rhoExhaust, deltaTK)
  const crahCarryKW = heatForAirflowKW(crahM3s, rhoSupply, deltaTK)
  let fanHeatKW: number
  let crahHeatKW: number
  if (p.crahMode) {
    crahHeatKW = fanM3s > 0 ? Math.min(heatAir, crahCarryKW) : heatAir
    fanHeatKW = heatAir - crahHeatKW
  } else {
    fanHeatKW = crahM3s > 0 ? Math.min(heatAir, fanCarryKW) : heatAir
    crahHeatKW = heatAir - fanHeatKW
  }
  const crahCapacityKW = Math.min(p.crahCoolingKW, crahCarryKW)
  const airCapacityKW = fanCarryKW + crahCapacityKW
  const airShortKW = Math.max(0, heatAir - airCapacityKW)
  const movedCarryKW = fanCarryKW + crahCarryKW
  const fanRunKW = Math.min(fanHeatKW, fanCarryKW)
  const crahRunKW = Math.min(crahHeatKW, crahCapacityKW)

  out.airDensityKgM3 = rhoSupply
  out.exhaustDensityKgM3 = rhoExhaust
  out.heatAirKW = heatAir
  out.airflowNeededM3s = airflowForHeatM3s(fanHeatKW, rhoExhaust, deltaTK) + airflowForHeatM3s(crahHeatKW, rhoSupply, deltaTK)
  out.airflowSuppliedM3s = fanM3s + crahM3s
  out.airCapacityKW = airCapacityKW
  out.crahCapacityKW = p.crahCoolingKW
  out.airShortKW = airShortKW
  out.airflowShort = heatAir > 0 && heatAir > movedCarryKW
  out.airMovedCarryKW = movedCarryKW
  out.inletRiseK = airInletRiseK(deltaTK, airShortKW, movedCarryKW)
  out.fanRunKW = fanRunKW
  out.crahRunKW = crahRunKW
  out.fanPowerKW = fanCarryKW > 0 ? (p.fanPowerKW * fanRunKW) / fanCarryKW : 0
  out.crahPowerKW = crahCapacityKW > 0 ? (p.crahPowerKW * crahRunKW) / crahCapacityKW : 0
}

/** The coolant supply the loop must not pass: the devices' strictest limit, else the setpoint, °C. */
export function coolantLimitC(p: Pick<HallPlant, 'coolantMaxC'>, params: SolverParams): number {
  return p.coolantMaxC ?? params.liquidSupplySetpointC
}

/** What dry coolers of `kWPerK` reject holding the loop at `limitC` (return limit + ΔT_loop) in air
 *  at `dryBulbC`, kW: K·(T_return − T_amb), never below 0. */
export function dryAtLimitKW(kWPerK: number, limitC: number, dryBulbC: number, params: SolverParams): number {
  return kWPerK * Math.max(0, limitC + params.liquidDeltaTK - dryBulbC)
}

/** Whether evaluateLiquid's figures change with the dry bulb: it reads it through the dry coolers
 *  (their rejection) and the trim chillers' COP, and a chiller trims only a running loop (liquid
 *  heat and CDUs). Without either, the liquid side is the same at every hour. */
function liquidFollowsWeather(p: HallPlant): boolean {
  return p.dryKWPerK > 0 || (p.heatLiquidKW > 0 && p.cduCoolingKW > 0)
}

function evaluateLiquid(p: HallPlant, db: number, params: SolverParams, out: PlantState): void {
  const heatLiquid = p.heatLiquidKW
  const limitC = coolantLimitC(p, params)
  const floorC = Math.min(params.liquidSupplySetpointC, limitC)
  const loopDeltaTK = params.liquidDeltaTK
  const kWPerK = p.dryKWPerK
  // What the CDUs pass to the facility loop.
  const loopHeat = Math.min(heatLiquid, p.cduCoolingKW)
  const dryAtLimit = dryAtLimitKW(kWPerK, limitC, db, params)
  let supplyC: number | null = null
  let over = false
  let dryRejected = 0
  let trim = 0
  let dryShare = 0
  // Without CDUs (or tanks) there is no loop: the heat stays in the devices (liquidShortKW).
  if (heatLiquid > 0 && p.cduCoolingKW > 0) {
    const freeC = loopHeat <= 0 ? floorC : kWPerK > 0 ? loopBalanceSupplyC(db, loopHeat, kWPerK, loopDeltaTK) : Infinity
    if (freeC <= floorC) {
      // More dry cooler than the heat needs: fans slow down (or a bypass opens) to hold the floor.
      supplyC = floorC
      dryRejected = loopHeat
      const capacityKW = kWPerK * Math.max(0, floorC + loopDeltaTK - db)
      dryShare = capacityKW > 0 ? loopHeat / capacityKW : 0
    } else if (freeC <= limitC) {
      supplyC = freeC
      dryRejected = loopHeat
      dryShare = 1
    } else {
      // Dry coolers alone would pass the limit: the trim chiller takes what they cannot at the limit.
      const needKW = loopHeat - dryAtLimit
      trim = Math.min(p.chillerCoolingKW, needKW)
      if (trim >= needKW) {
        supplyC = limitC
        dryRejected = dryAtLimit
        dryShare = dryAtLimit > 0 ? 1 : 0
      } else {
        over = true
        dryRejected = kWPerK > 0 ? loopHeat - trim : 0
        dryShare = kWPerK > 0 ? 1 : 0
        supplyC = kWPerK > 0 ? loopBalanceSupplyC(db, loopHeat - trim, kWPerK, loopDeltaTK) : null
      }
    }
  }
  const rejectionKW = dryAtLimit + p.chillerCoolingKW
  out.heatLiquidKW = heatLiquid
  out.cduCapacityKW = p.cduCoolingKW
  out.coolantLimitC = limitC
  out.coolantSupplyC = supplyC
  out.coolantOverLimit = over
  out.dryRejectedKW = dryRejected
  out.chillerTrimKW = trim
  out.rejectionKW = rejectionKW
  out.liquidShortKW = heatLiquid - Math.min(heatLiquid, p.cduCoolingKW, rejectionKW)
  out.cduPowerKW = heatLiquid > 0 && p.cduCoolingKW > 0 ? p.cduPowerKW * Math.min(1, heatLiquid / p.cduCoolingKW) : 0
  out.dryCoolerPowerKW = p.dryPowerKW * dryShare
  out.trimChillerPowerKW = trim > 0 ? trim / chillerCop(supplyC ?? limitC, db, params) : 0
}

/** The design day: the climate's summer design dry bulb and its coincident wet bulb. */
export function designWeather(climate: Climate): Weather {
  return { dryBulbC: climate.designSummerDryBulbC, wetBulbC: Math.min(climate.designSummerWetBulbC, climate.designSummerDryBulbC) }
}

/** The plant on the design day (with units lost, for a contingency). */
export function designPlant(plant: HallPlant, climate: Climate, params: SolverParams, lost?: LostUnits): PlantState {
  return plantAt(plant, designWeather(climate), pressureAtAltitudePa(climate.altitudeM), params, lost)
}
