// The EPW reader on a real file (Chicago O'Hare TMY3 from the EnergyPlus repository, see
// test/fixtures/weather/README.md): every figure is checked against one computed here from the
// raw text by another route (split on commas, count, sort) — never against a number copied from
// the reader.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { describeWeatherIssue, parseEpw, type EpwFile } from '../../../src/model/weather/epw'
import { epwYear } from '../../../src/solver/year/epwYear'
import { wetBulbFromDewPointC, wetBulbFromRelativeHumidityC } from '../../../src/solver/year/psychrometrics'

const PATH = 'test/fixtures/weather/USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw'
const TEXT = readFileSync(PATH, 'utf8')
const LINES = TEXT.split('\n').filter((l) => l.trim() !== '')
const ROWS = LINES.slice(8).map((l) => l.split(','))
const column = (c: number) => ROWS.map((r) => Number(r[c - 1]))

function parsed(): EpwFile {
  const r = parseEpw(TEXT)
  if (!r.ok) throw new Error(r.issues.map(describeWeatherIssue).join('\n'))
  return r.epw
}
const epw = parsed()
const year = epwYear(epw, 'chicago.epw')

/** Stull (2011), "Wet-bulb temperature from relative humidity and air temperature", J. Appl.
 *  Meteor. Climatol. 50, 2267–2269, eq. 1: an empirical fit at 101.325 kPa, ±0.3 K for RH 5–99 %,
 *  −20…50 °C — an independent route to the wet bulb. */
function stullWetBulbC(t: number, rh: number): number {
  return (
    t * Math.atan(0.151977 * Math.sqrt(rh + 8.313659)) +
    Math.atan(t + rh) -
    Math.atan(rh - 1.676331) +
    0.00391838 * rh ** 1.5 * Math.atan(0.023101 * rh) -
    4.686035
  )
}

describe('EPW file: the real Chicago O’Hare TMY3', () => {
  it('reads the LOCATION record and 8,760 hours', () => {
    const loc = LINES[0]!.split(',')
    expect(epw.location.city).toBe(loc[1])
    expect(epw.location.latitude).toBe(Number(loc[6]))
    expect(epw.location.longitude).toBe(Number(loc[7]))
    expect(epw.location.elevationM).toBe(Number(loc[9]))
    expect(ROWS.length).toBe(8760)
    expect(epw.dryBulbC.length).toBe(8760)
  })

  it('takes dry bulb, dew point, RH and pressure from columns 7–10 of every row', () => {
    for (const h of [0, 1234, 5000, 8759]) {
      expect(epw.dryBulbC[h]).toBe(Number(ROWS[h]![6]))
      expect(epw.dewPointC[h]).toBe(Number(ROWS[h]![7]))
      expect(epw.relativeHumidityPct[h]).toBe(Number(ROWS[h]![8]))
      expect(epw.pressurePa[h]).toBe(Number(ROWS[h]![9]))
    }
  })

  it('the typical year is the file’s hours: same extremes and monthly means as column 7', () => {
    const db = column(7)
    expect(Math.max(...year.year.dryBulbC)).toBe(Math.max(...db))
    expect(Math.min(...year.year.dryBulbC)).toBe(Math.min(...db))
    const months = column(2)
    for (let m = 1; m <= 12; m++) {
      const of = db.filter((_, i) => months[i] === m)
      const mean = of.reduce((s, v) => s + v, 0) / of.length
      expect(year.climate.monthlyMeanC[m - 1]).toBeCloseTo(mean, 9)
    }
    // January is the coldest month and July the warmest in Chicago.
    const ordered = [...year.climate.monthlyMeanC].map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0])
    expect(ordered[0]![1]).toBe(0)
    expect(ordered[11]![1]).toBe(6)
  })

  it('design day: 0.4 % of the hours lie above the cooling design, 0.4 % below the winter design', () => {
    const db = column(7)
    const limit = 0.004 * 8760 // 35.04 h
    const above = db.filter((t) => t > year.design.dryBulbC).length
    const atOrAbove = db.filter((t) => t >= year.design.dryBulbC - 0.005).length
    expect(above).toBeLessThanOrEqual(Math.ceil(limit))
    expect(atOrAbove).toBeGreaterThanOrEqual(Math.floor(limit))
    const below = db.filter((t) => t < year.design.winterC).length
    const atOrBelow = db.filter((t) => t <= year.design.winterC + 0.005).length
    expect(below).toBeLessThanOrEqual(Math.ceil(limit))
    expect(atOrBelow).toBeGreaterThanOrEqual(Math.floor(limit))
    // The climate record the solver reads carries them.
    expect(year.climate.designSummerDryBulbC).toBe(year.design.dryBulbC)
    expect(year.climate.designWinterC).toBe(year.design.winterC)
    expect(year.climate.altitudeM).toBe(201)
  })

  it('the header’s ASHRAE 2009 design conditions are read for comparison', () => {
    const f = LINES[1]!.split(',')
    const c = f.indexOf('Cooling')
    const h = f.indexOf('Heating')
    expect(year.design.header).toEqual({ title: f[2], cooling04C: Number(f[c + 3]), cooling04WetBulbC: Number(f[c + 4]), heating996C: Number(f[h + 2]) })
    // The typical year is milder than the 30-year record at the extremes; within 2 K here.
    expect(Math.abs(year.design.dryBulbC - year.design.header!.cooling04C)).toBeLessThan(2)
    expect(Math.abs(year.design.winterC - year.design.header!.heating996C)).toBeLessThan(2)
  })

  it('wet bulb: ASHRAE psychrometrics agree with Stull’s empirical fit hour by hour', () => {
    const rh = column(9)
    const db = column(7)
    let checked = 0
    let sumDiff = 0
    for (let h = 0; h < 8760; h += 97) {
      // Stull fits the wet bulb over water at 101.325 kPa; below freezing ASHRAE's eq. 35 gives the
      // ice bulb, another quantity: compare above freezing, at Stull's pressure.
      if (rh[h]! < 5 || rh[h]! > 99 || db[h]! < 0) continue
      const ours = wetBulbFromRelativeHumidityC(db[h]!, rh[h]!, 101_325)
      const diff = Math.abs(ours - stullWetBulbC(db[h]!, rh[h]!))
      // Stull's stated error of the fit: −1 to +0.65 K at worst, a few tenths typically.
      expect(diff).toBeLessThan(1)
      sumDiff += diff
      checked++
    }
    expect(checked).toBeGreaterThan(40)
    expect(sumDiff / checked).toBeLessThan(0.35)
    // Chart point: 20 °C, 50 % at sea level → 13.8 °C wet bulb (ASHRAE psychrometric chart no. 1).
    expect(wetBulbFromRelativeHumidityC(20, 50, 101_325)).toBeCloseTo(13.8, 1)
    // Saturated air: wet bulb = dry bulb = dew point.
    expect(wetBulbFromDewPointC(15, 15, 101_325)).toBeCloseTo(15, 3)
    // Never above the dry bulb, never below the dew point.
    const dp = column(8)
    for (let h = 0; h < 8760; h += 13) {
      expect(year.year.wetBulbC[h]!).toBeLessThanOrEqual(db[h]! + 1e-9)
      expect(year.year.wetBulbC[h]!).toBeGreaterThanOrEqual(Math.min(db[h]!, dp[h]!) - 1e-6)
    }
  })
})

describe('EPW file: leap years and missing values', () => {
  it('a leap year’s 29 February (8,784 rows) is dropped: the year keeps 365 days', () => {
    const lines = TEXT.split('\n')
    // After 28 February 24:00 (line 8 + 59·24), 24 rows dated 2/29.
    const at = 8 + 59 * 24
    const leap = Array.from({ length: 24 }, (_, h) => `1986,2,29,${h + 1},0,?,1.0,0.0,90,99000,0,0,0`)
    const r = parseEpw([...lines.slice(0, at), ...leap, ...lines.slice(at)].join('\n'))
    expect(r.ok).toBe(true)
    if (r.ok) {
      expect(r.epw.dryBulbC.length).toBe(8760)
      expect(r.epw.month[59 * 24]).toBe(3) // 1 March follows 28 February
      expect(r.epw.dryBulbC[59 * 24]).toBe(Number(ROWS[59 * 24]![6]))
    }
  })
  it('a 29 February in a file of 8,760 rows is an error at its line', () => {
    const lines = TEXT.split('\n')
    lines[8 + 59 * 24] = lines[8 + 59 * 24]!.replace(/^(\d+),3,1,/, '$1,2,29,')
    const r = parseEpw(lines.join('\n'))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.issues[0]).toMatchObject({ line: 9 + 59 * 24, column: 3 })
  })
  it('missing pressure takes the standard atmosphere at the elevation; missing dew point the RH', () => {
    const lines = TEXT.split('\n')
    const f = lines[8]!.split(',')
    f[9] = '999999' // pressure missing
    f[7] = '99.9' // dew point missing, RH present
    lines[8] = f.join(',')
    const r = parseEpw(lines.join('\n'))
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(Number.isNaN(r.epw.pressurePa[0]!)).toBe(true)
    const y = epwYear(r.epw, 'x')
    // 201 m: 101 325·(1 − 2.25577e-5·201)^5.25588 = 98 933 Pa; wet bulb from RH there.
    const p = 101_325 * (1 - 2.25577e-5 * 201) ** 5.25588
    expect(p).toBeCloseTo(98_933, -1)
    expect(y.year.wetBulbC[0]).toBeCloseTo(wetBulbFromRelativeHumidityC(Number(f[6]), Number(f[8]), p), 9)
  })
})

describe('EPW file: errors name the line and the column', () => {
  const withRow = (row: number, col: number, value: string) =>
    TEXT.split('\n')
      .map((l, i) => {
        if (i !== row - 1) return l
        const f = l.split(',')
        f[col - 1] = value
        return f.join(',')
      })
      .join('\n')
  const issues = (text: string) => {
    const r = parseEpw(text)
    expect(r.ok).toBe(false)
    return r.ok ? [] : r.issues
  }

  it('a dry bulb that is not a number', () => {
    const [i] = issues(withRow(120, 7, 'warm'))
    expect(i).toMatchObject({ line: 120, column: 7 })
    expect(describeWeatherIssue(i!)).toMatch(/^line 120, column 7: expected the dry bulb temperature/)
  })
  it('a missing dry bulb (99.9)', () => {
    expect(issues(withRow(500, 7, '99.9'))[0]).toMatchObject({ line: 500, column: 7 })
  })
  it('an hour out of sequence', () => {
    expect(issues(withRow(20, 4, '7'))[0]).toMatchObject({ line: 20, column: 4 })
  })
  it('a bad latitude in LOCATION', () => {
    expect(issues(withRow(1, 7, '123'))[0]).toMatchObject({ line: 1, column: 7 })
  })
  it('a missing header record', () => {
    const text = TEXT.split('\n').filter((_, i) => i !== 3).join('\n')
    expect(issues(text)[0]).toMatchObject({ line: 4, column: 1 })
  })
  it('a truncated file', () => {
    const text = TEXT.split('\n').slice(0, 5000).join('\n')
    expect(describeWeatherIssue(issues(text)[0]!)).toMatch(/expected 8,760 hourly rows/)
  })
  it('not an EPW at all', () => {
    expect(issues('timestamp,kW\n2025-01-01T00:00Z,1\n')[0]!.message).toMatch(/not an EPW file/)
  })
})
