// The one number formatter of Halltwin: the app, the report, the captions and the CLI all write
// numbers, megawatts, money, percent and payback with these (Intl.NumberFormat, en-US: thousands
// separators, a real minus, precision by magnitude); and how a check's value and limit read.
import type { Check, CheckGroup } from '../solver/check'

const formatters = new Map<number, Intl.NumberFormat>()

/** A number at `decimals` places; '—' for a figure that does not exist (null: a PUE without IT
 *  load) or is not finite. */
export function fmt(value: number | null, decimals: number): string {
  if (value === null || !Number.isFinite(value)) return '—'
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

const usdCompact = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', notation: 'compact', maximumSignificantDigits: 3 })
const usdWhole = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 })
/** Compact suffixes as the app writes them: k (SI), M, B, T, each after a space. */
const COMPACT_SUFFIX: Record<string, string> = { K: 'k', M: 'M', B: 'B', T: 'T' }

/** Money in short form, the one money format of the app, the report and the CLI: about three
 *  significant digits, a space before the suffix, a true minus: $1.23 B · $13.4 M · −$266 M ·
 *  $820 k · $1.8 k · $950 (Intl.NumberFormat, compact notation). */
export function fmtUsd(usd: number): string {
  if (!Number.isFinite(usd)) return '—'
  return usdCompact
    .formatToParts(usd)
    .map((p) => (p.type === 'minusSign' ? '−' : p.type === 'compact' ? ` ${COMPACT_SUFFIX[p.value] ?? p.value}` : p.value))
    .join('')
}

/** Whole dollars, for titles and tooltips: $12,345,678 · −$950. */
export function fmtUsdExact(usd: number): string {
  return Number.isFinite(usd) ? usdWhole.format(usd).replace('-', '−') : '—'
}

/** Years to payback: "2.8 y"; "—" where there is nothing to pay back (no investment: the cash never
 *  goes negative, as for the as-built variant); "never" when it is still negative at the end. */
export function fmtPayback(years: number | null): string {
  if (years === null || !Number.isFinite(years)) return 'never'
  if (years === 0) return '—'
  return `${fmt(years, 1)} y`
}

/** A payback as its figure, a short note where the figure is not a number of years, and the
 *  reason in full (for a tooltip or a footnote). */
export function paybackParts(years: number | null, horizonYears: number): { text: string; note: string | null; reason: string | null } {
  const text = fmtPayback(years)
  if (years === null || !Number.isFinite(years)) return { text, note: `within ${fmt(horizonYears, 0)} y`, reason: `the cumulative cash is still negative after ${fmt(horizonYears, 0)} years` }
  if (years === 0) return { text, note: 'no investment', reason: 'no investment to pay back: the cash never goes negative' }
  return { text, note: null, reason: null }
}

/** Payback with its note, where a cell has room: "2.8 y" · "— (no investment)" · "never (within
 *  5 y)". The app, the report and the CLI all say it so. */
export function fmtPaybackWithReason(years: number | null, horizonYears: number): string {
  const p = paybackParts(years, horizonYears)
  return p.note ? `${p.text} (${p.note})` : p.text
}

/** A rate or share in percent: "23.5 %", "120 %". */
export function fmtPct(pct: number): string {
  return Number.isFinite(pct) ? `${fmt(pct, Math.abs(pct) >= 100 ? 0 : 1)} %` : '—'
}

/** A rate or share in percent, "—" where there is none (no IRR when the cash never turns). */
export function fmtPctOrDash(pct: number | null): string {
  return pct === null ? '—' : fmtPct(pct)
}

/** A check value in its unit: shares as percent, temperatures to a tenth. */
export function fmtValue(value: number, unit: string): string {
  if (unit === '%') return fmt(value, value >= 100 ? 0 : 1)
  if (unit === '°C' || unit === 'K') return fmt(value, 1)
  if (unit === 'PF') return fmt(value, 2)
  return fmtAuto(value)
}

export const STATUS_WORD = { ok: 'OK', warn: 'WARN', fail: 'FAIL' } as const

/** A value written beside a limit it differs from never reads as that limit: 30.006 °C against
 *  30 °C is "30.006", not "30.0" (a failing check that looked like it sat exactly on its limit).
 *  Decimals are added, up to six, only where the usual ones would make the two read the same. */
export function fmtDistinct(value: number, limit: number | null, unit: string): string {
  const text = fmtValue(value, unit)
  if (limit === null || value === limit || !Number.isFinite(value) || !Number.isFinite(limit) || text !== fmtValue(limit, unit)) return text
  for (let decimals = 1; decimals <= 6; decimals++) {
    const t = fmt(value, decimals)
    if (t !== fmt(limit, decimals)) return t
  }
  return text
}

/** A check's value as every view shows it: its words where it is not a number; never the same
 *  text as its limit unless it is the limit (fmtDistinct). */
export function checkValueText(c: Pick<Check, 'value' | 'valueText' | 'unit'> & { limit?: number | null }): string {
  if (c.valueText !== undefined) return c.valueText
  return c.value === null ? '—' : fmtDistinct(c.value, c.limit ?? null, c.unit)
}

/** A check's limit with its sense: "≤ 2,500", "≥ 10", or its words. */
export function checkLimitText(c: Pick<Check, 'limit' | 'limitText' | 'unit' | 'sense'>): string {
  const sign = c.sense === 'max' ? '≤' : '≥'
  if (c.limitText !== undefined) return `${sign} ${c.limitText}`
  return c.limit === null ? '—' : `${sign} ${fmtValue(c.limit, c.unit)}`
}

/** A check's figures in a sentence: "35.0 against ≤ 40.0 kW/m" ("35.0 kW/m against ≤ 40.0 kW/m"
 *  with `unitAfterValue`); its value alone, "22.4 min", where it states no limit (a cooling loss
 *  that overheats racks whatever the ride-through), never "against — min". */
export function checkFiguresText(c: Pick<Check, 'value' | 'valueText' | 'limit' | 'limitText' | 'unit' | 'sense'>, unitAfterValue = false): string {
  const value = checkValueText(c)
  if (c.limit === null && c.limitText === undefined) return `${value} ${c.unit}`
  return `${value}${unitAfterValue ? ` ${c.unit}` : ''} against ${checkLimitText(c)} ${c.unit}`
}

/** A capacity search's figures (what stops the next rack, a cheap fix's check): "112 against 0 kW";
 *  the value alone, "169 min", where it states no limit (checkFiguresText's rule). */
export function capacityFiguresText(b: { value: number | null; limit: number | null; unit: string }): string {
  const v = b.value === null ? '—' : fmtDistinct(b.value, b.limit, b.unit)
  if (b.limit === null) return `${v} ${b.unit}`
  return `${v} against ${fmtValue(b.limit, b.unit)} ${b.unit}`
}

/** How much of its limit a check uses: "92 %", "> 999 %", or "no capacity" where the limit is zero
 *  (a layout limit of zero is a rule, no overlap, and zero hours a year a tolerance, not a
 *  capacity: "—"). */
export function checkRatioText(c: Pick<Check, 'ratio' | 'status' | 'limit' | 'value' | 'domain' | 'typicalYear'>): string {
  if (c.ratio === null) return c.status === 'fail' && c.limit === 0 && c.domain !== 'layout' && !c.typicalYear ? 'no capacity' : '—'
  if (c.ratio > 9.99) return '> 999 %'
  return `${fmt(c.ratio * 100, 0)} %`
}

/** " (88 %)", " (no capacity)" after a check's figures in a sentence; nothing where the ratio says
 *  nothing ("—": a count or a tier with no ratio), so a line never ends in an empty "(—)". */
export function ratioSuffix(c: Parameters<typeof checkRatioText>[0]): string {
  const text = checkRatioText(c)
  return text === '—' ? '' : ` (${text})`
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
