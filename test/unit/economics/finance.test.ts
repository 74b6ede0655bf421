import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { irr, npv, paybackYears } from '../../../src/solver/economics/finance'

describe('discounted cash flow', () => {
  it('NPV of −100, +60, +60 at 10 %', () => {
    // −100 + 60/1.1 + 60/1.21 = −100 + 54.5455 + 49.5868 = 4.1322
    expect(npv([-100, 60, 60], 10)).toBeCloseTo(4.1322, 4)
  })
  it('IRR of −100, +60, +60 is 13.07 %', () => {
    // 60/(1+r) + 60/(1+r)² = 100 → 100x² + 100x... with x = 1/(1+r): 60x² + 60x − 100 = 0
    // x = (−60 + √(3600 + 24000))/120 = (−60 + 166.1325)/120 = 0.884437 → r = 13.066 %
    expect(irr([-100, 60, 60])!).toBeCloseTo(13.066, 2)
    expect(npv([-100, 60, 60], irr([-100, 60, 60])!)).toBeCloseTo(0, 6)
  })
  it('no IRR when the flows never change sign', () => {
    expect(irr([10, 10])).toBeNull()
    expect(irr([-10, -10])).toBeNull()
  })
  it('payback interpolates within the year the cumulative cash turns positive', () => {
    // cumulative: −100, −40, +20 → 1 + 40/60 = 1.667 years
    expect(paybackYears([-100, 60, 60])).toBeCloseTo(1.6667, 4)
    expect(paybackYears([-100, 10, 10])).toBeNull()
    expect(paybackYears([0, 5, 5])).toBe(0)
  })
  it('NPV at the IRR is zero for any investment that pays back', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e6, noNaN: true }), fc.array(fc.double({ min: 0.01, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 10 }), (capex, inflows) => {
        const flows = [-capex, ...inflows]
        const r = irr(flows)
        if (r !== null) expect(Math.abs(npv(flows, r))).toBeLessThan(1e-6 * Math.max(capex, 1))
      }),
    )
  })
})
