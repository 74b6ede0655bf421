// ASHRAE Guideline 14-2014 metrics by hand (engineering-data.md §11.5), p = 1.
import { describe, expect, it } from 'vitest'
import { g14Metrics, monthlyPairs } from '../../../src/solver/calibration/metrics'

describe('Guideline 14 NMBE and CV(RMSE)', () => {
  it('four points by hand', () => {
    // m = 10, 12, 8, 10 (mean 10); s = 9, 12, 9, 8 → m − s = 1, 0, −1, 2
    // NMBE = Σ(m − s)/((n − 1)·m̄) = 2/(3·10) = 6.667 %
    // CV(RMSE) = √(Σ(m − s)²/(n − 1))/m̄ = √(6/3)/10 = 14.142 %
    const m = g14Metrics([10, 12, 8, 10], [9, 12, 9, 8], 'hourly')!
    expect(m.n).toBe(4)
    expect(m.nmbePct).toBeCloseTo(6.6667, 3)
    expect(m.cvrmsePct).toBeCloseTo(14.1421, 3)
    expect(m.pass).toBe(true) // ≤ 10 %, ≤ 30 %
    // The same errors judged monthly: 6.7 % > 5 % fails.
    expect(g14Metrics([10, 12, 8, 10], [9, 12, 9, 8], 'monthly')!.pass).toBe(false)
  })

  it('pairs with a gap on either side are left out; too few pairs or a mean ≤ 0 give no verdict', () => {
    const m = g14Metrics([10, NaN, 8, 10], [9, 12, NaN, 8], 'hourly')!
    // pairs (10, 9), (10, 8): NMBE = 3/(1·10) = 30 %
    expect(m.n).toBe(2)
    expect(m.nmbePct).toBeCloseTo(30, 9)
    expect(m.pass).toBe(false)
    expect(g14Metrics([10], [9], 'hourly')).toBeNull()
    expect(g14Metrics([-1, 1], [0, 0], 'hourly')).toBeNull()
  })

  it('monthly pairs: sums for energy, means for temperatures, over the measured hours only', () => {
    const month = [0, 0, 1, 1, 1]
    const sums = monthlyPairs([1, 2, 3, NaN, 5], [1, 1, 2, 2, 2], month, false)
    expect(sums).toEqual({ measured: [3, 8], simulated: [2, 4] })
    const means = monthlyPairs([1, 2, 3, NaN, 5], [1, 1, 2, 2, 2], month, true)
    expect(means).toEqual({ measured: [1.5, 4], simulated: [1, 2] })
  })
})
