// A typical year of hourly weather synthesised from a climate record's monthly means and summer
// design values (models/climates.json). Method:
//   1. Daily mean: the monthly means sit at mid-month; between them a cosine blend, periodic over
//      the year.
//   2. Diurnal swing: T = daily mean + A·cos(2π(h − 15)/24), warmest at 15:00, with the half-range A
//      a named parameter (continental Siberia: ≈ 6 K).
//   3. Weather: a deterministic sum of three slow waves (periods 3.1, 5.7 and 9.3 days) of total
//      amplitude W, so warm spells exceed the diurnal envelope.
//   4. The deviations (2 + 3) are scaled so the year's hottest hour equals the design dry bulb:
//      the synthetic year meets the cooling design point once, as a design-day check assumes, and
//      the plant at that hour is the design-day plant. (A climate whose design dry bulb is not
//      above its warmest monthly mean cannot be met: its deviations are dropped, the year keeps
//      its means, and its hottest hour is warmer than the design.)
//   Wet bulb: the depression DB − WB grows linearly from 0 at −10 °C (cold air is near
//   saturation) to the design depression at the design dry bulb.
// It is a smooth stand-in for a measured TMY (none is stored here): right in monthly means and in
// the design peak, not in the statistics of individual days.
import type { Climate } from '../../model/catalogSchema'

export const HOURS = 8760
const MONTH_START_DAY = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
/** Diurnal half-range, K. Irkutsk July: mean daily max ≈ 24.5 °C, min ≈ 12 °C → ≈ 6 K (approx). */
export const DIURNAL_HALF_RANGE_K = 6
/** Amplitude of the synthetic weather waves, K (approx). */
export const WEATHER_AMPLITUDE_K = 4
/** Dry bulb at which the wet-bulb depression is taken as zero, °C (approx). */
const SATURATED_BELOW_C = -10

export interface HourlyYear {
  dryBulbC: Float64Array
  wetBulbC: Float64Array
  /** Month (0–11) of each hour. */
  month: Uint8Array
}

/** Day of the year at each month's middle. */
const MONTH_MID_DAY = MONTH_START_DAY.map((s, m) => s + MONTH_DAYS[m]! / 2)

function hottestAt(base: Float64Array, deviation: Float64Array, scale: number): number {
  let hottest = 0
  let hottestC = base[0]! + scale * deviation[0]!
  for (let h = 1; h < HOURS; h++) {
    const c = base[h]! + scale * deviation[h]!
    if (c > hottestC) {
      hottest = h
      hottestC = c
    }
  }
  return hottest
}

/** The scale s ≥ 0 at which max_h(base_h + s·deviation_h) = designC (maxBase: max_h base_h). That maximum is convex and
 *  piecewise linear in s, so Newton's step s ← (designC − base)/deviation at the current hottest
 *  hour reaches the root in a few steps (after the first, from above, monotonically). */
function deviationScale(base: Float64Array, deviation: Float64Array, designC: number, maxBase: number): number {
  if (!(designC > maxBase)) return 0
  let scale = 1
  for (let step = 0; step < 100; step++) {
    const hottest = hottestAt(base, deviation, scale)
    if (deviation[hottest]! <= 0) {
      scale *= 2
      continue
    }
    const next = (designC - base[hottest]!) / deviation[hottest]!
    if (next === scale) break
    scale = next
  }
  return scale
}

// Each loop over the hours is a function of its own that returns when the loop ends: a cold
// process optimises a long loop while it runs, and code after it in the same function, never run
// when the loop was compiled, would throw that optimised code away as soon as the loop ends.

/** What every climate's year shares, hour by hour: the month, the month whose middle the hour is
 *  past (December's before January's) and the cosine weight w of the next month's mean in the
 *  daily mean, and the deviation (the diurnal swing plus the weather waves, unscaled). Read-only;
 *  made once a process. */
interface YearShape {
  month: Uint8Array
  blendFrom: Uint8Array
  nextWeight: Float64Array
  deviation: Float64Array
}

let shape: YearShape | null = null

function yearShape(): YearShape {
  if (!shape) {
    shape = { month: new Uint8Array(HOURS), blendFrom: new Uint8Array(HOURS), nextWeight: new Float64Array(HOURS), deviation: new Float64Array(HOURS) }
    fillYearShape(shape)
  }
  return shape
}

function fillYearShape({ month, blendFrom, nextWeight, deviation }: YearShape): void {
  // The diurnal swing is the same every day: its 24 values once.
  const diurnal = new Float64Array(24)
  for (let hourOfDay = 0; hourOfDay < 24; hourOfDay++) diurnal[hourOfDay] = DIURNAL_HALF_RANGE_K * Math.cos((2 * Math.PI * (hourOfDay - 15)) / 24)
  const mid = MONTH_MID_DAY
  // How many month starts, and month middles, the hour is past: both only grow with the hour, so
  // each is advanced where it changes (the same months as searching all twelve every hour).
  let starts = 0
  let middles = 0
  let h = 0
  for (let day = 0; day < 365; day++) {
    while (starts < 12 && day >= MONTH_START_DAY[starts]!) starts++
    for (let hourOfDay = 0; hourOfDay < 24; hourOfDay++, h++) {
      const dayOfYear = day + hourOfDay / 24
      while (middles < 12 && dayOfYear >= mid[middles]!) middles++
      // Between the middle of month m and the next month's: a cosine blend, periodic over the year.
      const m = middles === 0 ? 11 : middles - 1
      const next = (m + 1) % 12
      const start = mid[m]!
      const span = (next === 0 ? mid[0]! + 365 : mid[next]!) - start
      const t = ((dayOfYear - start + 365) % 365) / span
      const w = (1 - Math.cos(Math.PI * t)) / 2
      blendFrom[h] = m
      nextWeight[h] = w
      const days = h / 24
      const weather =
        (WEATHER_AMPLITUDE_K / 3) * (Math.sin((2 * Math.PI * days) / 3.1) + Math.sin((2 * Math.PI * days) / 5.7 + 1.3) + Math.sin((2 * Math.PI * days) / 9.3 + 2.1))
      deviation[h] = diurnal[hourOfDay]! + weather
      month[h] = starts - 1
    }
  }
}

/** The daily mean of a year of monthly means, hour by hour. Returns the highest. */
function dailyMeans(monthly: readonly number[], { blendFrom, nextWeight }: YearShape, base: Float64Array): number {
  // The means as a typed array with January again after December: each hour reads two of them.
  const means = new Float64Array(13)
  for (let m = 0; m < 12; m++) means[m] = monthly[m]!
  means[12] = monthly[0]!
  let maxBase = -Infinity
  for (let h = 0; h < HOURS; h++) {
    const m = blendFrom[h]!
    const w = nextWeight[h]!
    const mean = means[m]! * (1 - w) + means[m + 1]! * w
    base[h] = mean
    maxBase = Math.max(maxBase, mean)
  }
  return maxBase
}

/** Dry bulb = mean + scale·deviation, and the wet bulb below it, hour by hour. */
function bulbs(base: Float64Array, deviation: Float64Array, scale: number, designDepression: number, span: number, dryBulbC: Float64Array, wetBulbC: Float64Array): void {
  for (let h = 0; h < HOURS; h++) {
    const db = base[h]! + deviation[h]! * scale
    dryBulbC[h] = db
    const depression = span > 0 ? designDepression * Math.min(1, Math.max(0, (db - SATURATED_BELOW_C) / span)) : 0
    wetBulbC[h] = db - depression
  }
}

/** The typical year of a climate. Its `month` array is every synthetic year's (read-only). */
export function typicalYear(climate: Climate): HourlyYear {
  const year = yearShape()
  const dryBulbC = new Float64Array(HOURS)
  const wetBulbC = new Float64Array(HOURS)
  const base = new Float64Array(HOURS)
  const maxBase = dailyMeans(climate.monthlyMeanC, year, base)
  const scale = deviationScale(base, year.deviation, climate.designSummerDryBulbC, maxBase)
  const designDepression = Math.max(0, climate.designSummerDryBulbC - climate.designSummerWetBulbC)
  const span = climate.designSummerDryBulbC - SATURATED_BELOW_C
  bulbs(base, year.deviation, scale, designDepression, span, dryBulbC, wetBulbC)
  return { dryBulbC, wetBulbC, month: year.month }
}
