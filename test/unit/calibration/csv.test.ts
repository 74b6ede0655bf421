// calibrateCsv: what the app's solver worker runs on an imported CSV's text. It reads the
// timestamps at the site weather's time zone (the EPW's, which the page never parses) and returns
// the CSV's errors with line and column instead of throwing.
import { describe, expect, it } from 'vitest'
import { calibrateCsv } from '../../../src/solver/calibration/calibrate'
import { catalog, chicagoScene } from './synthetic'

const scene = chicagoScene()

describe('calibrateCsv', () => {
  it('reads UTC timestamps at the EPW’s time zone: Chicago O’Hare is UTC−6', () => {
    // 05:00Z and 06:00Z are 23:00 and 00:00 local standard time (05 − 6 = −1 → the day before).
    const csv = 'timestamp,GRID.kW\n2025-07-01T05:00:00Z,800\n2025-07-01T06:00:00Z,810\n'
    const r = calibrateCsv(scene, 'asic', catalog, csv, 'utc.csv', { fit: false, dataLabel: 'utc.csv' })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.result.period).toMatchObject({ from: '2025-06-30T23:00', to: '2025-07-01T00:00', hours: 2 })
    expect(r.result.weather.source).toBe('epw')
  })

  it('returns the CSV’s errors, named by file, line and column', () => {
    const r = calibrateCsv(scene, 'asic', catalog, 'timestamp,GRID.kW,TR-9.kW\n2025-01-01T00:00,1,2\n', 'bad.csv', { fit: false, dataLabel: 'bad.csv' })
    expect(r).toEqual({ ok: false, errors: ['bad.csv: line 1, column 3: unknown id "TR-9" in "TR-9.kW": not a power node, a row or "site" of the variant'] })
  })
})
