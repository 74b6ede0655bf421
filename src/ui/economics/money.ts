// Money and finance figures for the economics view beyond the shared ones (fmtUsd, fmtPayback,
// fmtPctOrDash in src/report/format.ts, which the CLI and the report use too): exact dollars for
// titles, axis ticks, input values with their units, rates.
import { formatNumber } from '../format'

/** Whole dollars, for titles: $12,345,678. */
export function formatUsdExact(usd: number): string {
  return Number.isFinite(usd) ? `${usd < 0 ? '−' : ''}$${formatNumber(Math.abs(usd), 0)}` : '—'
}

/** Axis ticks: the same suffixes, without a decimal when the step is whole. */
export function formatUsdTick(usd: number, stepUsd: number): string {
  if (usd === 0) return '$0'
  const sign = usd < 0 ? '−' : ''
  const a = Math.abs(usd)
  if (stepUsd >= 1e6 || a >= 1e6) return `${sign}$${formatNumber(a / 1e6, stepUsd >= 1e6 || stepUsd === 0 ? 0 : 1)}M`
  if (a >= 1e3) return `${sign}$${formatNumber(a / 1e3, stepUsd >= 1e3 ? 0 : 1)}k`
  return `${sign}$${formatNumber(a, 0)}`
}

/** A plain number, short: 3.25M · 250k · 52 · 0.7 (trailing zeros dropped). */
function formatShort(value: number): string {
  const a = Math.abs(value)
  const trim = (text: string) => text.replace(/\.0+$|(\.\d*[1-9])0+$/, '$1')
  if (a >= 1e6) return `${trim(formatNumber(value / 1e6, 2))}M`
  if (a >= 1e4) return `${trim(formatNumber(value / 1e3, 0))}k`
  if (Number.isInteger(value) || a >= 100) return formatNumber(value, 0)
  return trim(formatNumber(value, a >= 10 ? 1 : 2))
}

/** An input value with its unit, short enough to sit at the end of a bar: "$52/MWh",
 *  "$3.25M/MW", "0.7× global", "35 %", "6 months"; a share as percent. */
export function formatInput(value: number, unit: string): string {
  if (unit === 'share') return `${formatNumber(value * 100, 0)} %`
  const text = formatShort(value)
  if (unit.startsWith('USD/')) return `${value < 0 ? '−' : ''}$${text.replace('−', '')}/${unit.slice(4)}`
  if (unit === 'USD') return `${value < 0 ? '−' : ''}$${text.replace('−', '')}`
  if (unit.startsWith('×')) return `${text}${unit}`
  return unit ? `${text} ${unit}` : text
}

/** A rate as set: "18 %", "12.5 %". */
export function formatRate(pct: number): string {
  return `${formatNumber(pct, Number.isInteger(pct) ? 0 : 1)} %`
}
