// The measured-data CSV: intervals from 1 min to 1 h aggregate to hours, gaps are reported (not
// errors), and every bad input names its line and column.
import { describe, expect, it } from 'vitest'
import { parseMeasured, type MeasuredResult } from '../../../src/model/weather/measured'
import { describeWeatherIssue } from '../../../src/model/weather/epw'

const targets = { powerNodes: new Set(['GRID', 'T-1', 'LV-1.1']), rows: new Set(['row-1', 'row-1.1']) }

function ok(r: MeasuredResult) {
  if (!r.ok) throw new Error(r.issues.map(describeWeatherIssue).join('\n'))
  return r.data
}
function errors(text: string) {
  const r = parseMeasured(text, targets)
  expect(r.ok).toBe(false)
  return r.ok ? [] : r.issues
}

describe('measured CSV: reading', () => {
  it('1-min readings: each hour the mean of its 60 (energy), water summed to the hour', () => {
    const lines = ['timestamp,GRID.kW,site.waterM3,row-1.1.inletC']
    // Two hours; kW ramps 0…119 (hour means 29.5 and 89.5); 0.01 m³ a minute → 0.6 m³ an hour.
    for (let i = 0; i < 120; i++) lines.push(`2025-03-01T${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00Z,${i},0.01,${20 + (i % 60 === 0 ? 1 : 0)}`)
    const d = ok(parseMeasured(lines.join('\n'), targets))
    expect(d.intervalMin).toBe(1)
    expect(d.readings).toBe(120)
    expect([...d.series[0]!.values]).toEqual([29.5, 89.5])
    expect(d.series[1]!.values[0]).toBeCloseTo(0.6, 12)
    // Ids with dots split at the last dot: row-1.1, inletC.
    expect(d.series[2]!.spec).toMatchObject({ id: 'row-1.1', unit: 'inletC' })
    expect(d.series[2]!.values[0]).toBeCloseTo(20 + 1 / 60, 12)
    // 1 March 2025 is day 60 of the year: hour of year (59)·24.
    expect(d.hourOfYear[0]).toBe(59 * 24)
    expect(d.month[0]).toBe(2)
  })

  it('hourly readings with a missing day and blank cells: gaps, reported', () => {
    const lines = ['timestamp,outdoorC,GRID.kW,T-1.kVA']
    for (let h = 0; h < 72; h++) {
      if (h >= 24 && h < 48) continue // the second day is missing
      const t = new Date(Date.UTC(2025, 0, 1, h)).toISOString().slice(0, 16)
      lines.push(`${t},${-5 + (h % 24) / 4},${800 + h},${h === 60 ? '' : 820 + h}`)
    }
    const d = ok(parseMeasured(lines.join('\n'), targets))
    expect(d.intervalMin).toBe(60)
    expect(d.hours.length).toBe(72)
    expect(d.series[0]!.missingHours).toBe(24)
    expect(d.series[0]!.gaps).toEqual([{ from: '2025-01-02T00:00', to: '2025-01-02T23:00', hours: 24 }])
    expect(d.series[1]!.missingHours).toBe(25)
    expect(d.outdoorC![0]).toBe(-5)
  })

  it('timestamps with offsets go to the site’s standard time: a DST shift is no duplicate', () => {
    // 02:00+02:00 (summer time) is 01:00+01:00: the next hour after 00:00+01:00.
    const text = 'timestamp,GRID.kW\n2025-10-26T00:00+01:00,1\n2025-10-26T02:00+02:00,2\n2025-10-26T02:00+01:00,3\n'
    const d = ok(parseMeasured(text, targets, 1))
    expect([...d.series[0]!.values]).toEqual([1, 2, 3])
  })

  it('15-min readings where half an hour is missing keep that hour; less than half makes a gap', () => {
    const text = ['timestamp,GRID.kW', '2025-01-01T00:00,10', '2025-01-01T00:15,20', '2025-01-01T01:00,5', '2025-01-01T01:15,5', '2025-01-01T01:30,5', '2025-01-01T01:45,5', '2025-01-01T02:00,7'].join('\n')
    const d = ok(parseMeasured(text, targets))
    expect(d.intervalMin).toBe(15)
    expect(d.series[0]!.values[0]).toBe(15)
    expect(d.series[0]!.values[1]).toBe(5)
    expect(Number.isNaN(d.series[0]!.values[2]!)).toBe(true)
  })
})

describe('measured CSV: errors name line and column', () => {
  const head = 'timestamp,GRID.kW,row-1.inletC'
  it('an unknown id', () => {
    const [i] = errors('timestamp,GRID.kW,TR-9.kVA\n2025-01-01T00:00,1,2\n')
    expect(describeWeatherIssue(i!)).toBe('line 1, column 3: unknown id "TR-9" in "TR-9.kVA": not a power node, a row or "site" of the variant')
  })
  it('an unknown unit', () => {
    expect(errors('timestamp,GRID.kWh\n2025-01-01T00:00,1\n')[0]).toMatchObject({ line: 1, column: 2, message: expect.stringMatching(/unknown unit "kWh"/) })
  })
  it('a unit the id does not have', () => {
    expect(errors('timestamp,row-1.kVA\n2025-01-01T00:00,1\n')[0]).toMatchObject({ line: 1, column: 2, message: expect.stringMatching(/row "row-1" has no kVA/) })
  })
  it('a header without a timestamp column', () => {
    expect(errors('time,GRID.kW\n')[0]).toMatchObject({ line: 1, column: 1 })
  })
  it('a bad timestamp', () => {
    expect(errors(`${head}\n2025-01-01T00:00,1,20\n2025-13-01T00:00,1,20\n`)[0]).toMatchObject({ line: 3, column: 1, message: expect.stringMatching(/not a date and time/) })
    expect(errors(`${head}\n01/02/2025 10:00,1,20\n`)[0]).toMatchObject({ line: 2, column: 1, message: expect.stringMatching(/ISO 8601/) })
  })
  it('a value that is not a number', () => {
    expect(errors(`${head}\n2025-01-01T00:00,1,20\n2025-01-01T01:00,n/a,20\n`)[0]).toMatchObject({ line: 3, column: 2 })
  })
  it('a duplicate row', () => {
    const [i] = errors(`${head}\n2025-01-01T00:00,1,20\n2025-01-01T01:00,1,20\n2025-01-01T01:00:00,2,21\n`)
    expect(describeWeatherIssue(i!)).toBe('line 4, column 1: duplicate timestamp 2025-01-01T01:00:00 (line 3 has the same time)')
  })
  it('a short line', () => {
    expect(errors(`${head}\n2025-01-01T00:00,1\n`)[0]).toMatchObject({ line: 2, column: 0 })
  })
  it('an interval longer than an hour', () => {
    expect(errors(`${head}\n2025-01-01T00:00,1,20\n2025-01-01T02:00,1,20\n2025-01-01T04:00,1,20\n`)[0]!.message).toMatch(/every 120 min: expected an interval from 1 min to 1 h/)
  })
  it('a duplicate column', () => {
    expect(errors('timestamp,GRID.kW,GRID.kW\n')[0]).toMatchObject({ line: 1, column: 3 })
  })
})
