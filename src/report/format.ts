// Number formatting for the report, the captions, the CLI and the app (no DOM): thousands
// separators, a real minus, precision by magnitude; and how a check's value and limit read.
import type { Check, CheckGroup } from '../solver/check'

const formatters = new Map<number, Intl.NumberFormat>()

export function fmt(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return '—'
  let f = formatters.get(decimals)
  if (!f) {
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
    formatters.set(decimals, f)
  }
  return f.format(value).replace('-', '−')
}

/** About three significant digits: 12,345 · 1,234 · 123 · 12.3 · 1.23. */
export function fmtAuto(value: number): string {
  const a = Math.abs(value)
  if (a >= 100 || a === 0) return fmt(value, 0)
  if (a >= 10) return fmt(value, 1)
  return fmt(value, 2)
}

/** Megawatts from kilowatts: 20.8 · 1.24. */
export function fmtMW(kw: number): string {
  return fmt(kw / 1000, Math.abs(kw) >= 10_000 ? 1 : 2)
}

/** Money in short form, for the report, the CLI and the app alike: $13.4M · −$250M · $820k ·
 *  $1.8k · $950 · $1.2B (about three significant digits). */
export function fmtUsd(usd: number): string {
  if (!Number.isFinite(usd)) return '—'
  const sign = usd < 0 ? '−' : ''
  const a = Math.abs(usd)
  if (a >= 1e9) return `${sign}$${fmtAuto(a / 1e9)}B`
  if (a >= 1e6) return `${sign}$${fmtAuto(a / 1e6)}M`
  if (a >= 1e3) return `${sign}$${fmt(a / 1e3, a >= 1e4 ? 0 : 1)}k`
  return `${sign}$${fmt(a, 0)}`
}

/** Years to payback: "2.8 y"; "0 y" when the cash never goes negative (nothing to pay back);
 *  "never" when it is still negative at the end of the horizon. */
export function fmtPayback(years: number | null): string {
  if (years === null || !Number.isFinite(years)) return 'never'
  if (years === 0) return '0 y'
  return `${fmt(years, 1)} y`
}

/** A rate or share in percent, "—" where there is none (no IRR when the cash never turns). */
export function fmtPctOrDash(pct: number | null): string {
  return pct === null || !Number.isFinite(pct) ? '—' : `${fmt(pct, Math.abs(pct) >= 100 ? 0 : 1)} %`
}

/** A check value in its unit: shares as percent, temperatures to a tenth. */
export function fmtValue(value: number, unit: string): string {
  if (unit === '%') return fmt(value, value >= 100 ? 0 : 1)
  if (unit === '°C' || unit === 'K') return fmt(value, 1)
  if (unit === 'PF') return fmt(value, 2)
  return fmtAuto(value)
}

export const STATUS_WORD = { ok: 'OK', warn: 'WARN', fail: 'FAIL' } as const

/** A check's value as every view shows it: its words where it is not a number. */
export function checkValueText(c: Pick<Check, 'value' | 'valueText' | 'unit'>): string {
  if (c.valueText !== undefined) return c.valueText
  return c.value === null ? '—' : fmtValue(c.value, c.unit)
}

/** A check's limit with its sense: "≤ 2,500", "≥ 10", or its words. */
export function checkLimitText(c: Pick<Check, 'limit' | 'limitText' | 'unit' | 'sense'>): string {
  const sign = c.sense === 'max' ? '≤' : '≥'
  if (c.limitText !== undefined) return `${sign} ${c.limitText}`
  return c.limit === null ? '—' : `${sign} ${fmtValue(c.limit, c.unit)}`
}

/** How much of its limit a check uses: "92 %", "> 999 %", or "no capacity" where the limit is zero
 *  (a layout limit of zero is a rule, no overlap, and zero hours a year a tolerance, not a
 *  capacity: "—"). */
export function checkRatioText(c: Pick<Check, 'ratio' | 'status' | 'limit' | 'value' | 'domain' | 'typicalYear'>): string {
  if (c.ratio === null) return c.status === 'fail' && c.limit === 0 && c.domain !== 'layout' && !c.typicalYear ? 'no capacity' : '—'
  if (c.ratio > 9.99) return '> 999 %'
  return `${fmt(c.ratio * 100, 0)} %`
}

/** The subject of a group of identical checks: "Row 3", or "11 of them: Row 1, Row 2 … Row 11". */
export function groupSubjectText(group: CheckGroup): string {
  const n = group.checks.length
  if (n === 1) return group.lead.subject
  const names = group.checks.map((c) => c.subject)
  const list = n <= 3 ? names.join(', ') : `${names.slice(0, 2).join(', ')} … ${names[n - 1]}`
  return `${n} × (${list})`
}

/** Domains in the order the docs and panels list them. */
export const DOMAIN_ORDER_TEXT = ['grid', 'power', 'redundancy', 'cooling', 'density', 'inlet', 'liquid', 'network', 'layout'] as const
