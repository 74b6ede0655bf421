// The configuration run hour by hour over a typical year of the site's climate: facility power,
// PUE (annual and worst hour), hours outside the allowed inlet and coolant range, water use.
// Each hour is the hall's one cooling plant (cooling/plant) at that hour's dry and wet bulb — the
// same plant the design-day checks evaluate at the design condition, which the year's hottest
// hour is by construction (typicalYear.ts). IT runs at its design load all year (the
// conservative basis); the power chain's losses follow the load served each hour (losses.ts).
import type { Climate } from '../../model/catalogSchema'
import type { SolverParams } from '../../model/params'
import { pressureAtAltitudePa, pueOf } from '../constants'
import { emptyPlantState, plantAt, plantAtNextHour, samePlantFigures, type PlantState, type Weather } from '../cooling/plant/evaluate'
import type { HallPlant } from '../cooling/plant/plant'
import { lossAtKW, type LossModel } from './losses'
import type { RowInlet } from '../cooling/inlet'
import { HOURS, typicalYear, type HourlyYear } from './typicalYear'

export interface MonthFigures {
  month: number
  meanDryBulbC: number
  itMWh: number
  facilityMWh: number
  /** null without IT load (constants.ts pueOf). */
  pue: number | null
  waterM3: number
  hoursInletAboveAllowable: number
}

/** One hall's plant at one hour of the year, as the report shows it. */
export interface PlantSnapshot {
  /** Hour of the year, 0–8759. */
  hour: number
  dryBulbC: number
  wetBulbC: number
  supplyAirC: number
  coolantSupplyC: number | null
  coolingPowerKW: number
  waterLph: number
  airflowShort: boolean
  liquidShortKW: number
}

export interface HallYear {
  hallId: string
  hoursInletAboveAllowable: number
  hoursInletAboveRecommended: number
  /** Hours the coolant supply is above the devices' limit (or nothing can hold it). */
  hoursCoolantAboveMax: number
  hoursAirflowShort: number
  /** Hours the plant cannot take all the liquid heat while the coolant stays within its limit
   *  (CDUs short): disjoint from hoursCoolantAboveMax, so the two add up. */
  hoursLiquidShort: number
  /** Lowest allowable and recommended inlet, and coolant maximum, of the hall's devices. */
  allowableInletC: number | null
  recommendedInletC: number | null
  coolantMaxC: number | null
  /** The plant at the year's hottest hour: the design condition, so the design day's figures. */
  designHour: PlantSnapshot
}

export interface YearResult {
  itMWh: number
  coolingMWh: number
  lossMWh: number
  facilityMWh: number
  /** The PUEs are null without IT load (constants.ts pueOf). */
  annualPue: number | null
  worstHourPue: number | null
  /** PUE at the design hour (the year's hottest): the report's design-day PUE. */
  designHourPue: number | null
  /** Hour of the year (0–8759) of the worst PUE. */
  worstHour: number
  waterM3: number
  maxDryBulbC: number
  minDryBulbC: number
  halls: HallYear[]
  months: MonthFigures[]
}

const cache = new WeakMap<Climate, HourlyYear>()
const NO_ROWS: readonly RowInlet[] = []

/** A climate whose hours are measured (an EPW file, siteClimate.ts) runs on them instead of the
 *  synthetic year: registered once, when the climate record is made from the file. */
export function registerHourlyYear(climate: Climate, year: HourlyYear): void {
  cache.set(climate, year)
}

export function climateYear(climate: Climate): HourlyYear {
  let year = cache.get(climate)
  if (!year) {
    year = typicalYear(climate)
    cache.set(climate, year)
  }
  return year
}

function snapshot(hour: number, r: PlantState): PlantSnapshot {
  return {
    hour,
    dryBulbC: r.dryBulbC,
    wetBulbC: r.wetBulbC,
    supplyAirC: r.supplyAirC,
    coolantSupplyC: r.coolantSupplyC,
    coolingPowerKW: r.coolingPowerKW,
    waterLph: r.waterLph,
    airflowShort: r.airflowShort,
    liquidShortKW: r.liquidShortKW,
  }
}

const hottest = new WeakMap<HourlyYear, number>()

/** The hottest hour of a year (the first, if several); found once a year (the year's hours are
 *  not changed once made). */
export function hottestHour(year: HourlyYear): number {
  let hour = hottest.get(year)
  if (hour === undefined) {
    hour = findHottestHour(year)
    hottest.set(year, hour)
  }
  return hour
}

function findHottestHour(year: HourlyYear): number {
  // The array, the hour count and the highest value so far in locals: a cold process runs this
  // loop before it is optimised, where each step would read them through the object again.
  const dryBulbC = year.dryBulbC
  const hours = HOURS
  let hottest = 0
  let hottestC = dryBulbC[0]!
  for (let h = 1; h < hours; h++) {
    const c = dryBulbC[h]!
    if (c > hottestC) {
      hottest = h
      hottestC = c
    }
  }
  return hottest
}

/** `inlets[i]`: the air-cooled rows of plants[i] with their recirculation rise from the airflow
 *  field (cooling/inlet.ts): a row's inlet at hour h is the plant's supply air then + its rise. */
export function simulateYear(plants: readonly HallPlant[], inlets: readonly (readonly RowInlet[])[], itKW: number, losses: LossModel, climate: Climate, params: SolverParams): YearResult {
  const weather = climateYear(climate)
  const pressurePa = pressureAtAltitudePa(climate.altitudeM)
  const designHour = hottestHour(weather)
  // Each plant at the design hour first, outside the hour loop (the loop then neither snapshots
  // nor meets, half-way through the year, a call it has never made, nor a plant state field that
  // turns from whole to fractional there, each of which threw the loop's optimised code away in a
  // cold process). plantAt writes every field of its state, so an hour never sees another's.
  const designWeatherHour: Weather = { dryBulbC: weather.dryBulbC[designHour]!, wetBulbC: weather.wetBulbC[designHour]! }
  const scratch = plants.map((plant) => plantAt(plant, designWeatherHour, pressurePa, params, undefined, emptyPlantState()))
  const hallYears: HallYear[] = plants.map((p, i) => ({
    hallId: p.hallId,
    hoursInletAboveAllowable: 0,
    hoursInletAboveRecommended: 0,
    hoursCoolantAboveMax: 0,
    hoursAirflowShort: 0,
    hoursLiquidShort: 0,
    allowableInletC: p.allowableInletC,
    recommendedInletC: p.recommendedInletC,
    coolantMaxC: p.coolantMaxC,
    designHour: snapshot(designHour, scratch[i]!),
  }))
  // Month sums in typed arrays (the month records are made after the loop, from the same sums).
  const monthDryBulbC = new Float64Array(12)
  const monthItMWh = new Float64Array(12)
  const monthFacilityMWh = new Float64Array(12)
  const monthWaterM3 = new Float64Array(12)
  const monthInletHours = new Float64Array(12)
  const hoursInMonth = new Array<number>(12).fill(0)
  // A plant the same in every figure as an earlier one (halls built alike) is not evaluated again:
  // each hour it reads the state of the first such plant, which plantAt would give it exactly.
  const source = plants.map((p, i) => {
    for (let j = 0; j < i; j++) if (samePlantFigures(plants[j]!, p)) return j
    return i
  })
  // Whether a hall has a row above its allowable (recommended) inlet is monotonic in the supply
  // air: a row's inlet supply + rise, rounded, never falls as the supply rises. So a supply at or
  // below one known to leave every row within its limit leaves them within it, and one at or above
  // a supply known to put a row over puts that row over: only a supply between the two is checked
  // row by row, and it narrows them (the same answers as checking every row every hour).
  const withinAllowableUpTo = plants.map(() => -Infinity)
  const aboveAllowableFrom = plants.map(() => Infinity)
  const withinRecommendedUpTo = plants.map(() => -Infinity)
  const aboveRecommendedFrom = plants.map(() => Infinity)
  const hour: Weather = { dryBulbC: 0, wetBulbC: 0 }
  // The year's arrays, the hall and hour counts in locals: a cold process reads them every hour.
  // So are the imported functions the loop calls, and HOURS: under the test runner each read of an
  // imported binding is a getter call.
  const nextHour = plantAtNextHour
  const lossAt = lossAtKW
  const dryBulbs = weather.dryBulbC
  const wetBulbs = weather.wetBulbC
  const monthOf = weather.month
  const halls = plants.length
  const hours = HOURS
  const itMWhPerHour = itKW / 1000
  let coolingKWh = 0
  let lossKWh = 0
  let waterL = 0
  let worstHourPue: number | null = null
  let designHourPue: number | null = null
  let worstHour = 0
  let maxDb = -Infinity
  let minDb = Infinity
  for (let h = 0; h < hours; h++) {
    const db = dryBulbs[h]!
    const m = monthOf[h]!
    hour.dryBulbC = db
    hour.wetBulbC = wetBulbs[h]!
    maxDb = Math.max(maxDb, db)
    minDb = Math.min(minDb, db)
    let coolingKW = 0
    let waterLph = 0
    let inletOut = false
    for (let i = 0; i < halls; i++) {
      const plant = plants[i]!
      const from = source[i]!
      const r = from === i ? nextHour(plant, hour, pressurePa, params, scratch[i]!) : scratch[from]!
      coolingKW += r.coolingPowerKW
      waterLph += r.waterLph
      const y = hallYears[i]!
      const supplyC = r.supplyAirC
      const rows = inlets[i] ?? NO_ROWS
      let aboveAllowable = supplyC >= aboveAllowableFrom[i]!
      let aboveRecommended = supplyC >= aboveRecommendedFrom[i]!
      if ((!aboveAllowable && !(supplyC <= withinAllowableUpTo[i]!)) || (!aboveRecommended && !(supplyC <= withinRecommendedUpTo[i]!))) {
        aboveAllowable = false
        aboveRecommended = false
        // An index loop, not for…of: a cold process runs this many times before it is optimised,
        // and each step of an interpreted for…of allocates an iterator result.
        for (let k = 0; k < rows.length; k++) {
          const row = rows[k]!
          const inlet = supplyC + row.riseK
          if (inlet > row.allowableC) aboveAllowable = true
          if (row.recommendedC !== null && inlet > row.recommendedC) aboveRecommended = true
        }
        // Each bound written whenever the rows are checked (the one that does not move keeps its
        // value), not in a branch first taken in summer: a cold process optimises this loop in
        // January, and code it had never run would throw that optimised code away.
        aboveAllowableFrom[i] = Math.min(aboveAllowableFrom[i]!, aboveAllowable ? supplyC : Infinity)
        withinAllowableUpTo[i] = Math.max(withinAllowableUpTo[i]!, aboveAllowable ? -Infinity : supplyC)
        aboveRecommendedFrom[i] = Math.min(aboveRecommendedFrom[i]!, aboveRecommended ? supplyC : Infinity)
        withinRecommendedUpTo[i] = Math.max(withinRecommendedUpTo[i]!, aboveRecommended ? -Infinity : supplyC)
      }
      if (plant.allowableInletC !== null && (aboveAllowable || r.airflowShort)) {
        y.hoursInletAboveAllowable++
        inletOut = true
      }
      if (aboveRecommended) y.hoursInletAboveRecommended++
      if (plant.coolantMaxC !== null && r.coolantOverLimit) y.hoursCoolantAboveMax++
      else if (r.liquidShortKW > 0) y.hoursLiquidShort++
      if (r.airflowShort) y.hoursAirflowShort++
    }
    const loadKW = itKW + coolingKW
    const lossKW = lossAt(losses, loadKW)
    const facilityKW = loadKW + lossKW
    const pue = pueOf(facilityKW, itKW)
    if (h === designHour) designHourPue = pue
    if (pue !== null && (worstHourPue === null || pue > worstHourPue)) {
      worstHourPue = pue
      worstHour = h
    }
    coolingKWh += coolingKW
    lossKWh += lossKW
    waterL += waterLph
    monthDryBulbC[m] = monthDryBulbC[m]! + db
    monthItMWh[m] = monthItMWh[m]! + itMWhPerHour
    monthFacilityMWh[m] = monthFacilityMWh[m]! + facilityKW / 1000
    monthWaterM3[m] = monthWaterM3[m]! + waterLph / 1000
    monthInletHours[m] = monthInletHours[m]! + (inletOut ? 1 : 0)
    hoursInMonth[m]!++
  }
  const months: MonthFigures[] = Array.from({ length: 12 }, (_, month) => ({
    month,
    meanDryBulbC: monthDryBulbC[month]! / Math.max(1, hoursInMonth[month]!),
    itMWh: monthItMWh[month]!,
    facilityMWh: monthFacilityMWh[month]!,
    pue: pueOf(monthFacilityMWh[month]!, monthItMWh[month]!),
    waterM3: monthWaterM3[month]!,
    hoursInletAboveAllowable: monthInletHours[month]!,
  }))
  const itMWh = (itKW * HOURS) / 1000
  const lossMWh = lossKWh / 1000
  const facilityMWh = itMWh + coolingKWh / 1000 + lossMWh
  return {
    itMWh,
    coolingMWh: coolingKWh / 1000,
    lossMWh,
    facilityMWh,
    annualPue: pueOf(facilityMWh, itMWh),
    worstHourPue,
    designHourPue,
    worstHour,
    waterM3: waterL / 1000,
    maxDryBulbC: maxDb,
    minDryBulbC: minDb,
    halls: hallYears,
    months,
  }
}
