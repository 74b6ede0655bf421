// Shared axis arithmetic for the SVG charts (app and report): a money scale that always shows zero, with nice ticks
// far enough apart for their labels.
import { scaleLinear, type ScaleLinear } from 'd3-scale'

export interface MoneyAxis {
  scale: ScaleLinear<number, number>
  ticks: number[]
  /** Distance between shown ticks, USD (decides the decimals of their labels). */
  step: number
}

/** A linear money scale over [min, max] widened to include 0, niced, onto [from, to] pixels,
 *  with ticks at least minGapPx apart. */
export function moneyScale(values: readonly number[], from: number, to: number, tickCount: number, minGapPx = 28): MoneyAxis {
  const lo = Math.min(0, ...values)
  const hi = Math.max(0, ...values)
  const scale = scaleLinear()
    .domain(lo === hi ? [lo - 1, hi + 1] : [lo, hi])
    .range([from, to])
    .nice(tickCount)
  return { scale, ...spacedTicks(scale, tickCount, minGapPx) }
}

/** The scale's ticks, every k-th one (counted from zero) so that they stay minGapPx apart. */
export function spacedTicks(scale: ScaleLinear<number, number>, tickCount: number, minGapPx: number): { ticks: number[]; step: number } {
  const all = scale.ticks(tickCount)
  if (all.length < 2) return { ticks: all, step: 0 }
  const step = Math.abs((all[1] ?? 0) - (all[0] ?? 0))
  const gapPx = Math.abs(scale(all[1] ?? 0) - scale(all[0] ?? 0))
  const every = Math.max(1, Math.ceil(minGapPx / Math.max(gapPx, 1e-9)))
  const origin = Math.max(0, all.indexOf(0))
  return { ticks: all.filter((_, i) => (i - origin) % every === 0), step: step * every }
}
