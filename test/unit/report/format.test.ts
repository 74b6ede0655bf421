import { describe, expect, it } from 'vitest'
import { fmtPayback, fmtPaybackWithReason, fmtPctOrDash, fmtUsd } from '../../../src/report/format'

// One formatter for money and payback in the report, the CLI and the app.
describe('shared money and payback formats', () => {
  it('money: about three significant digits, a space before the suffix, a true minus', () => {
    expect(fmtUsd(13_412_000)).toBe('$13.4 M')
    expect(fmtUsd(-266_040_000)).toBe('−$266 M')
    expect(fmtUsd(1_800)).toBe('$1.8 k')
    expect(fmtUsd(820_000)).toBe('$820 k')
    expect(fmtUsd(950)).toBe('$950')
    expect(fmtUsd(1_234_000_000)).toBe('$1.23 B')
  })

  it('payback: "—" with no investment, "never" when the cash stays negative', () => {
    expect(fmtPayback(0)).toBe('—')
    expect(fmtPayback(null)).toBe('never')
    expect(fmtPayback(2.83)).toBe('2.8 y')
    expect(fmtPaybackWithReason(0, 5)).toBe('— (no investment)')
    expect(fmtPaybackWithReason(null, 5)).toBe('never (within 5 y)')
    expect(fmtPaybackWithReason(2.83, 5)).toBe('2.8 y')
  })

  it('a missing IRR is a dash', () => {
    expect(fmtPctOrDash(null)).toBe('—')
    expect(fmtPctOrDash(23.54)).toBe('23.5 %')
  })
})
