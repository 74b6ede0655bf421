// Discounted cash flow: NPV, IRR and payback of a yearly series (index 0 = today).

/** NPV = Σ CF_t / (1 + r)^t. */
export function npv(cashFlows: readonly number[], ratePct: number): number {
  const r = ratePct / 100
  let sum = 0
  for (let t = 0; t < cashFlows.length; t++) sum += cashFlows[t]! / Math.pow(1 + r, t)
  return sum
}

/** The rate at which NPV = 0, by bisection on (−99 %, 1000 %]; null when the flows never change
 *  sign or NPV does not cross zero in that range. */
export function irr(cashFlows: readonly number[]): number | null {
  const hasNeg = cashFlows.some((c) => c < 0)
  const hasPos = cashFlows.some((c) => c > 0)
  if (!hasNeg || !hasPos) return null
  let lo = -99
  let hi = 1000
  let fLo = npv(cashFlows, lo)
  const fHi = npv(cashFlows, hi)
  if (Math.sign(fLo) === Math.sign(fHi)) return null
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2
    const f = npv(cashFlows, mid)
    if (Math.abs(f) < 1e-9 || hi - lo < 1e-9) return mid
    if (Math.sign(f) === Math.sign(fLo)) {
      lo = mid
      fLo = f
    } else hi = mid
  }
  return (lo + hi) / 2
}

/** Years until the cumulative cash flow turns non-negative, interpolated within the year; 0 when
 *  it never goes negative; null when it is still negative at the end. */
export function paybackYears(cashFlows: readonly number[]): number | null {
  let cumulative = 0
  let wasNegative = false
  for (let t = 0; t < cashFlows.length; t++) {
    const before = cumulative
    cumulative += cashFlows[t]!
    if (cumulative < 0) wasNegative = true
    if (wasNegative && cumulative >= 0 && t > 0) return t - 1 + -before / cashFlows[t]!
  }
  return wasNegative ? null : 0
}

/** x in [lo, hi] with f(x) = 0 by bisection (f monotone); null when f does not change sign. */
export function solveForZero(f: (x: number) => number, lo: number, hi: number): number | null {
  let fLo = f(lo)
  const fHi = f(hi)
  if (fLo === 0) return lo
  if (fHi === 0) return hi
  if (Math.sign(fLo) === Math.sign(fHi)) return null
  let a = lo
  let b = hi
  for (let i = 0; i < 100; i++) {
    const mid = (a + b) / 2
    // a and b adjacent doubles: the midpoint rounds to one of them, and every further step would
    // evaluate f there again and leave both as they are, so the answer is already fixed (about
    // 60 steps in on the economics' ranges: log2(10 000 / ulp(41.25)) ≈ 60).
    if (mid === a || mid === b) break
    const fm = f(mid)
    if (Math.sign(fm) === Math.sign(fLo)) {
      a = mid
      fLo = fm
    } else b = mid
  }
  return (a + b) / 2
}
