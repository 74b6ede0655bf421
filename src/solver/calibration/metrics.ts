// Goodness of fit of a model to measurements, as ASHRAE Guideline 14-2014 defines it
// (engineering-data.md §11.5):
//   NMBE     = Σ(m − s) / ((n − p) · m̄) · 100 %
//   CV(RMSE) = √(Σ(m − s)² / (n − p)) / m̄ · 100 %
// m measured, s simulated, m̄ the mean of the measurements, n the number of pairs, p = 1 (as
// commonly applied). Calibrated when hourly |NMBE| ≤ 10 % and CV(RMSE) ≤ 30 %, monthly
// |NMBE| ≤ 5 % and CV(RMSE) ≤ 15 %. The criteria are written for energy data; they are applied to
// every series here (for temperatures the percentages are of the mean in °C, a looser test).

/** Number of parameters the Guideline's formulas take off the degrees of freedom. */
export const G14_P = 1
export const G14_CRITERIA = {
  hourly: { nmbePct: 10, cvrmsePct: 30 },
  monthly: { nmbePct: 5, cvrmsePct: 15 },
} as const
export type Resolution = keyof typeof G14_CRITERIA

export interface FitMetrics {
  resolution: Resolution
  /** Pairs compared (hours, or months). */
  n: number
  meanMeasured: number
  nmbePct: number
  cvrmsePct: number
  pass: boolean
}

/** G14 metrics over the pairs where both are finite; null when there are too few pairs (n ≤ p)
 *  or the mean measurement is not positive (the percentages need a positive mean). */
export function g14Metrics(measured: ArrayLike<number>, simulated: ArrayLike<number>, resolution: Resolution): FitMetrics | null {
  let n = 0
  let sumM = 0
  let sumD = 0
  let sumD2 = 0
  for (let i = 0; i < measured.length; i++) {
    const m = measured[i]!
    const s = simulated[i]!
    if (!Number.isFinite(m) || !Number.isFinite(s)) continue
    n++
    sumM += m
    sumD += m - s
    sumD2 += (m - s) ** 2
  }
  if (n <= G14_P) return null
  const mean = sumM / n
  if (!(mean > 0)) return null
  const nmbePct = (sumD / ((n - G14_P) * mean)) * 100
  const cvrmsePct = (Math.sqrt(sumD2 / (n - G14_P)) / mean) * 100
  const c = G14_CRITERIA[resolution]
  return { resolution, n, meanMeasured: mean, nmbePct, cvrmsePct, pass: Math.abs(nmbePct) <= c.nmbePct && cvrmsePct <= c.cvrmsePct }
}

/** Monthly pairs from hourly ones: per calendar month (key: year·12 + month), the sum over the hours
 *  measured (energy, water) or their mean (temperatures); the model over the same hours. */
export function monthlyPairs(measured: ArrayLike<number>, simulated: ArrayLike<number>, monthKey: ArrayLike<number>, mean: boolean): { measured: number[]; simulated: number[] } {
  const sums = new Map<number, { m: number; s: number; n: number }>()
  for (let i = 0; i < measured.length; i++) {
    const m = measured[i]!
    const s = simulated[i]!
    if (!Number.isFinite(m) || !Number.isFinite(s)) continue
    const k = monthKey[i]!
    const cur = sums.get(k) ?? { m: 0, s: 0, n: 0 }
    cur.m += m
    cur.s += s
    cur.n++
    sums.set(k, cur)
  }
  const keys = [...sums.keys()].sort((a, b) => a - b)
  return {
    measured: keys.map((k) => (mean ? sums.get(k)!.m / sums.get(k)!.n : sums.get(k)!.m)),
    simulated: keys.map((k) => (mean ? sums.get(k)!.s / sums.get(k)!.n : sums.get(k)!.s)),
  }
}
