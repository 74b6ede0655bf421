// Which variant is best on money: the highest NPV among the variants that can be built as drawn.
// A variant whose verdict fails is never ranked, whatever its NPV (every view uses this).
import type { EconomicsResult } from './types'

/** The buildable item with the highest NPV; null when none is buildable. */
export function bestBuildable<T>(items: readonly T[], economicsOf: (item: T) => EconomicsResult | null | undefined): T | null {
  let best: T | null = null
  let bestNpv = -Infinity
  for (const item of items) {
    const e = economicsOf(item)
    // Reports from a solver without the verdict in its economics count as buildable.
    if (!e || e.buildable === false || !(e.npvUsd > bestNpv)) continue
    best = item
    bestNpv = e.npvUsd
  }
  return best
}
