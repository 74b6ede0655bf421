// A value written beside its limit never reads as that limit unless it is it (report/format.ts
// fmtDistinct): a capacity search that stopped on Row 1.8 at 30.006 °C against 30 °C read
// "30.0 / 30.0 °C", a failure that looked like a value sitting on its limit.
import { describe, expect, it } from 'vitest'
import { checkValueText, fmtDistinct } from '../../../src/report/format'

describe('fmtDistinct', () => {
  it('adds the decimals it takes to tell the value from the limit, and no more', () => {
    // °C to a tenth: 30.0 = 30.0; to hundredths 30.01 ≠ 30.00.
    expect(fmtDistinct(30.006, 30, '°C')).toBe('30.01')
    expect(fmtDistinct(29.96, 30, '°C')).toBe('29.96')
    // Already apart at a tenth: unchanged.
    expect(fmtDistinct(30.2, 30, '°C')).toBe('30.2')
    // On the limit, or no limit: the usual text.
    expect(fmtDistinct(30, 30, '°C')).toBe('30.0')
    expect(fmtDistinct(30.006, null, '°C')).toBe('30.0')
    // kVA in whole units: 2,500.4 against 2,500 reads 2,500.4.
    expect(fmtDistinct(2500.4, 2500, 'kVA')).toBe('2,500.4')
  })

  it('is what every view writes for a check: value and limit never read the same unless equal', () => {
    expect(checkValueText({ value: 30.006, limit: 30, unit: '°C' })).toBe('30.01')
    expect(checkValueText({ value: 30.006, unit: '°C' })).toBe('30.0')
    expect(checkValueText({ value: 30.006, limit: 30, unit: '°C', valueText: 'words' })).toBe('words')
  })
})
