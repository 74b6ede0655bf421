import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { solveForZero } from '../../../src/solver/economics/finance'

/** The bisection as it was: 100 halvings whatever the interval. */
function hundredSteps(f: (x: number) => number, lo: number, hi: number): number | null {
  let fLo = f(lo)
  const fHi = f(hi)
  if (fLo === 0) return lo
  if (fHi === 0) return hi
  if (Math.sign(fLo) === Math.sign(fHi)) return null
  let a = lo
  let b = hi
  for (let i = 0; i < 100; i++) {
    const mid = (a + b) / 2
    const fm = f(mid)
    if (Math.sign(fm) === Math.sign(fLo)) {
      a = mid
      fLo = fm
    } else b = mid
  }
  return (a + b) / 2
}

describe('solveForZero', () => {
  it('finds the root of 3·(x − 41.25) on [0, 10 000] to the last bit', () => {
    // 41.25 = 10 000 · 33/8 000 is reached exactly by no halving, so the answer is the double
    // pair around it: within one ulp of 41.25 (≈ 7·10⁻¹⁵).
    const x = solveForZero((v) => 3 * (v - 41.25), 0, 10_000)!
    expect(Math.abs(x - 41.25)).toBeLessThanOrEqual(2 * Number.EPSILON * 41.25)
  })
  it('stops early yet returns bit for bit what 100 halvings return, and evaluates f about 63 times', () => {
    // Halvings until [a, b] is two adjacent doubles: log2(10 000 / ulp(41.25)) = log2(10 000 /
    // 7.1·10⁻¹⁵) ≈ 60.3, so 61 midpoints plus the two ends ≈ 63 evaluations (the loop took 102).
    let calls = 0
    const f = (v: number) => {
      calls++
      return 3 * (v - 41.25)
    }
    expect(Object.is(solveForZero(f, 0, 10_000), hundredSteps(f, 0, 10_000))).toBe(true)
    calls = 0
    solveForZero(f, 0, 10_000)
    expect(calls).toBeGreaterThanOrEqual(60)
    expect(calls).toBeLessThanOrEqual(66)
  })
  it('equals the 100-step bisection on random monotone functions of both search ranges', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -200, max: 12_000, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e9, noNaN: true }),
        fc.boolean(),
        fc.constantFrom(100, 10_000),
        (root, slope, cubic, hi) => {
          const f = (x: number) => slope * (x - root) + (cubic ? (x - root) ** 3 : 0)
          expect(Object.is(solveForZero(f, 0, hi), hundredSteps(f, 0, hi))).toBe(true)
          const g = (x: number) => -f(x)
          expect(Object.is(solveForZero(g, 0, hi), hundredSteps(g, 0, hi))).toBe(true)
        },
      ),
      { numRuns: 2000 },
    )
  })
})
