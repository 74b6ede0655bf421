// A typical year of hourly weather synthesised from a climate record's monthly means and summer
// design values (models/climates.json). Method:
//   1. Daily mean: the monthly means sit at mid-month; between them a cosine blend, periodic over
//      the year.
//   2. Diurnal swing: T = daily mean + A·cos(2π(h − 15)/24), warmest at 15:00, with the half-range A
//      a named parameter (continental Siberia: ≈ 6 K).
//   3. Weather: a deterministic sum of three slow waves (periods 3.1, 5.7 and 9.3 days) of total
//      amplitude W, so warm spells exceed the diurnal envelope.
//   4. The deviations (2 + 3) are scaled so the year's hottest hour equals the design dry bulb:
//      the synthetic year meets the cooling design point once, as a design-day check assumes.
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

function dailyMean(monthly: readonly number[], day: number): number {
  const mid = MONTH_START_DAY.map((s, m) => s + MONTH_DAYS[m]! / 2)
  let m = 11
  for (let i = 0; i < 12; i++) if (day >= mid[i]!) m = i
  const next = (m + 1) % 12
  const start = mid[m]!
  const span = (next === 0 ? mid[0]! + 365 : mid[next]!) - start
  const t = ((day - start + 365) % 365) / span
  const w = (1 - Math.cos(Math.PI * t)) / 2
  return monthly[m]! * (1 - w) + monthly[next]! * w
}

export function typicalYear(climate: Climate): HourlyYear {
  const dryBulbC = new Float64Array(HOURS)
  const wetBulbC = new Float64Array(HOURS)
  const month = new Uint8Array(HOURS)
  const base = new Float64Array(HOURS)
  const deviation = new Float64Array(HOURS)
  for (let h = 0; h < HOURS; h++) {
    const day = Math.floor(h / 24)
    const hourOfDay = h % 24
    base[h] = dailyMean(climate.monthlyMeanC, day + hourOfDay / 24)
    const days = h / 24
    const weather =
      (WEATHER_AMPLITUDE_K / 3) * (Math.sin((2 * Math.PI * days) / 3.1) + Math.sin((2 * Math.PI * days) / 5.7 + 1.3) + Math.sin((2 * Math.PI * days) / 9.3 + 2.1))
    deviation[h] = DIURNAL_HALF_RANGE_K * Math.cos((2 * Math.PI * (hourOfDay - 15)) / 24) + weather
    let m = 11
    for (let i = 0; i < 12; i++) if (day >= MONTH_START_DAY[i]!) m = i
    month[h] = m
  }
  // Scale the deviations so that the hottest hour is the design dry bulb.
  let hottest = 0
  for (let h = 1; h < HOURS; h++) if (base[h]! + deviation[h]! > base[hottest]! + deviation[hottest]!) hottest = h
  const need = climate.designSummerDryBulbC - base[hottest]!
  const scale = deviation[hottest]! > 0 && need > 0 ? need / deviation[hottest]! : 1
  const designDepression = Math.max(0, climate.designSummerDryBulbC - climate.designSummerWetBulbC)
  const span = climate.designSummerDryBulbC - SATURATED_BELOW_C
  for (let h = 0; h < HOURS; h++) {
    const db = base[h]! + deviation[h]! * scale
    dryBulbC[h] = db
    const depression = span > 0 ? designDepression * Math.min(1, Math.max(0, (db - SATURATED_BELOW_C) / span)) : 0
    wetBulbC[h] = db - depression
  }
  return { dryBulbC, wetBulbC, month }
}
