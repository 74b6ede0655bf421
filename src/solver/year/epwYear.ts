// The site's weather from an EPW file (model/weather/epw.ts): the 8,760 hours of the file are the
// typical year, each hour's wet bulb from its dry bulb, dew point and station pressure
// (psychrometrics.ts); the design day and the monthly means follow from the same hours.
//
// Design day (docs/calibration.md): the cooling design dry bulb is the 0.4 % annual percentile of
// the file's own hourly dry bulbs (the value exceeded in 0.4 % of the hours, ≈ 35 h, ASHRAE
// Fundamentals ch. 14's definition applied to this one year), with its mean coincident wet bulb:
// the mean wet bulb of the hours whose dry bulb is within ±1 K of it. The winter design is the
// 99.6 % (heating) percentile. The file's DESIGN CONDITIONS header (ASHRAE's values from the long
// record) is reported beside them for comparison, not used: it is absent or laid out differently in
// many files, while the hours are always there and are what the year runs on.
import type { Climate } from '../../model/catalogSchema'
import type { EpwFile } from '../../model/weather/epw'
import { pressureAtAltitudePa } from '../constants'
import { wetBulbFromDewPointC, wetBulbFromRelativeHumidityC } from './psychrometrics'
import type { HourlyYear } from './typicalYear'

/** Cooling design: share of the hours above the design dry bulb (ASHRAE 0.4 %). */
export const COOLING_DESIGN_EXCEEDANCE = 0.004
/** Heating design: share of the hours below the winter design (ASHRAE 99.6 % → 0.4 % below). */
export const HEATING_DESIGN_SHARE = 0.004
/** Band around the design dry bulb whose hours give the mean coincident wet bulb, K. */
export const COINCIDENT_BAND_K = 1

export interface EpwDesign {
  dryBulbC: number
  wetBulbC: number
  winterC: number
  /** How they were found, for the report. */
  basis: string
  /** The header's ASHRAE values, when the file has them in the 2009 layout. */
  header: { title: string; cooling04C: number; cooling04WetBulbC: number; heating996C: number } | null
}

export interface EpwYear {
  climate: Climate
  year: HourlyYear
  design: EpwDesign
}

/** Linear-interpolated quantile of sorted values (p in 0…1; the "type 7" definition). */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const pos = (sorted.length - 1) * p
  const i = Math.floor(pos)
  const frac = pos - i
  const a = sorted[i]!
  const b = sorted[Math.min(sorted.length - 1, i + 1)]!
  return a + frac * (b - a)
}

/** Every hour's wet bulb, °C: from the dew point, or from RH where the dew point is missing; at the
 *  standard pressure of the file's elevation where its pressure is missing. */
export function epwWetBulbs(epw: EpwFile): Float64Array {
  const standard = pressureAtAltitudePa(epw.location.elevationM)
  const out = new Float64Array(epw.dryBulbC.length)
  for (let h = 0; h < out.length; h++) {
    const p = Number.isFinite(epw.pressurePa[h]!) ? epw.pressurePa[h]! : standard
    const db = epw.dryBulbC[h]!
    const dp = epw.dewPointC[h]!
    out[h] = Number.isFinite(dp) ? wetBulbFromDewPointC(db, dp, p) : wetBulbFromRelativeHumidityC(db, epw.relativeHumidityPct[h]!, p)
  }
  return out
}

export function epwDesign(epw: EpwFile, wetBulbC: Float64Array): EpwDesign {
  const sorted = Float64Array.from(epw.dryBulbC).sort()
  const dryBulbC = quantileSorted(sorted, 1 - COOLING_DESIGN_EXCEEDANCE)
  const winterC = quantileSorted(sorted, HEATING_DESIGN_SHARE)
  let sum = 0
  let n = 0
  for (let h = 0; h < epw.dryBulbC.length; h++) {
    if (Math.abs(epw.dryBulbC[h]! - dryBulbC) <= COINCIDENT_BAND_K) {
      sum += wetBulbC[h]!
      n++
    }
  }
  const wet = n > 0 ? Math.min(dryBulbC, sum / n) : dryBulbC
  const header = epw.designConditions
    ? { title: epw.designConditions.title, cooling04C: epw.designConditions.cooling04C, cooling04WetBulbC: epw.designConditions.cooling04WetBulbC, heating996C: epw.designConditions.heating996C }
    : null
  const round = (v: number) => Math.round(v * 100) / 100
  return {
    dryBulbC: round(dryBulbC),
    wetBulbC: round(wet),
    winterC: round(winterC),
    basis: `0.4 % / 99.6 % percentiles of the file's ${epw.dryBulbC.length.toLocaleString('en-US')} hourly dry bulbs; wet bulb: mean of the ${n} hours within ±${COINCIDENT_BAND_K} K of the design dry bulb`,
    header,
  }
}

/** The catalog-shaped climate record, the hourly year and the design of an EPW file. `label`
 *  names where the file came from (a path, or "embedded"). */
export function epwYear(epw: EpwFile, label: string): EpwYear {
  const wetBulbC = epwWetBulbs(epw)
  const design = epwDesign(epw, wetBulbC)
  const month = new Uint8Array(epw.month.length)
  const sums = new Array<number>(12).fill(0)
  const counts = new Array<number>(12).fill(0)
  let total = 0
  for (let h = 0; h < month.length; h++) {
    const m = epw.month[h]! - 1
    month[h] = m
    sums[m]! += epw.dryBulbC[h]!
    counts[m]!++
    total += epw.dryBulbC[h]!
  }
  const loc = epw.location
  const place = [loc.city, loc.region, loc.country].filter((s) => s !== '' && s !== '-').join(', ')
  const climate: Climate = {
    id: `epw:${loc.wmo || loc.city}`,
    name: `${place || 'EPW site'} (EPW ${loc.source || 'weather'} file: ${label})`,
    country: loc.country || '—',
    latitude: loc.latitude,
    longitude: loc.longitude,
    altitudeM: Math.min(6000, Math.max(-500, loc.elevationM)),
    annualMeanC: total / Math.max(1, month.length),
    monthlyMeanC: sums.map((s, m) => s / Math.max(1, counts[m]!)),
    designSummerDryBulbC: design.dryBulbC,
    designSummerWetBulbC: design.wetBulbC,
    designWinterC: design.winterC,
    sources: [
      { title: `EnergyPlus weather file ${label}: ${place} (${loc.source}, WMO ${loc.wmo})`, confidence: 'verified', note: `design day: ${design.basis}` },
    ],
  }
  return { climate, year: { dryBulbC: Float64Array.from(epw.dryBulbC), wetBulbC, month }, design }
}
