// Money and finance figures for the economics view beyond the shared ones (fmtUsd, fmtUsdExact,
// fmtPayback, fmtPct in src/report/format.ts, which the CLI and the report use too): axis ticks and
// input values with their units, built on the same formatter.
import { fmt, fmtPct, fmtUsd, fmtUsdExact } from '../../report/format'

/** Whole dollars, for titles: $12,345,678. */
export const formatUsdExact = fmtUsdExact

/** Axis ticks: the short money format ("$200 M", "−$50 M", "$0"); ticks are round, so three
 *  significant digits show them exactly. */
export function formatUsdTick(usd: number): string {
  return fmtUsd(usd)
}

/** A plain number, short: 3.25M · 250k · 52 · 0.7 (trailing zeros dropped). */
function formatShort(value: number): string {
  const a = Math.abs(value)
  const trim = (text: string) => text.replace(/\.0+$|(\.\d*[1-9])0+$/, '$1')
  if (a >= 1e6) return `${trim(fmt(value / 1e6, 2))}M`
  if (a >= 1e4) return `${trim(fmt(value / 1e3, 0))}k`
  if (Number.isInteger(value) || a >= 100) return fmt(value, 0)
  return trim(fmt(value, a >= 10 ? 1 : 2))
}

/** An input value with its unit, short enough to sit at the end of a bar: "$52/MWh",
 *  "$3.25M/MW", "0.7× global", "35 %", "6 months"; a share as percent. */
export function formatInput(value: number, unit: string): string {
  if (unit === 'share') return `${fmt(value * 100, 0)} %`
  const text = formatShort(value)
  if (unit.startsWith('USD/')) return `${value < 0 ? '−' : ''}$${text.replace('−', '')}/${unit.slice(4)}`
  if (unit === 'USD') return `${value < 0 ? '−' : ''}$${text.replace('−', '')}`
  if (unit.startsWith('×')) return `${text}${unit}`
  return unit ? `${text} ${unit}` : text
}

/** A rate as set: "18 %", "12.5 %". */
export function formatRate(pct: number): string {
  return Number.isInteger(pct) ? `${fmt(pct, 0)} %` : fmtPct(pct)
}
