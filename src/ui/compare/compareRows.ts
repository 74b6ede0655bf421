// The figures Compare puts side by side, each read from a solved report (the solver's totals, power
// summary, year and economics; nothing recomputed) with its text and, where it is a number, the
// difference B − A in the same format.
import { describeBinding } from '../../report'
import { checkRatioText, checkValueText, fmt, fmtMW, fmtPaybackWithReason, fmtPctOrDash, fmtUsd, STATUS_WORD } from '../../report/format'
import type { Check, Report } from '../../solver/report'

export interface CompareRow {
  key: string
  label: string
  hint?: string
  /** The figure's text. */
  text: (r: Report) => string
  /** The figure as a number, for the difference; absent for words. */
  value?: (r: Report) => number | null
  /** The difference B − A as text (signed). */
  delta?: (d: number) => string
  /** Whether a larger value is better (colours the difference); absent: neutral. */
  better?: 'higher' | 'lower'
  group?: boolean
}

const signed = (text: string, d: number) => (d > 0 ? `+${text}` : text)
const economics = (r: Report) => (r as Partial<Report>).economics ?? null

export const COMPARE_ROWS: CompareRow[] = [
  { key: 'verdict', label: 'Verdict', text: (r) => STATUS_WORD[r.verdict] },
  {
    key: 'binding',
    label: 'Binding constraint',
    hint: 'The failing check furthest over its limit or, if none fails, the tightest one',
    text: (r) => (r.binding ? `${r.binding.title}, ${r.binding.subject}` : '—'),
  },
  {
    key: 'buildable',
    label: 'Buildable as drawn',
    text: (r) => {
      const e = economics(r)
      if (!e) return '—'
      return e.buildable === false ? `no: ${e.notBuildable?.title ?? 'a check fails'}` : 'yes'
    },
  },
  {
    key: 'usable',
    label: 'Usable IT',
    hint: 'IT the power chain carries at the required tier',
    text: (r) => `${fmtMW(r.power.usableITKW)} MW @ ${r.power.requiredTier}`,
    value: (r) => r.power.usableITKW / 1000,
    delta: (d) => `${signed(fmt(d, 2), d)} MW`,
    better: 'higher',
    group: true,
  },
  { key: 'it', label: 'IT load', text: (r) => `${fmtMW(r.totals.itKW)} MW`, value: (r) => r.totals.itKW / 1000, delta: (d) => `${signed(fmt(d, 2), d)} MW` },
  { key: 'capex', label: 'Capex', text: (r) => (economics(r) ? fmtUsd(economics(r)!.capexUsd) : '—'), value: (r) => economics(r)?.capexUsd ?? null, delta: (d) => signed(fmtUsd(d), d), better: 'lower', group: true },
  {
    key: 'npv',
    label: 'NPV',
    hint: 'Net present value over the horizon at the discount rate; a variant that is not buildable would earn it only if it ran',
    text: (r) => {
      const e = economics(r)
      if (!e) return '—'
      return `${fmtUsd(e.npvUsd)}${e.buildable === false ? ' (if it ran)' : ''}`
    },
    value: (r) => economics(r)?.npvUsd ?? null,
    delta: (d) => signed(fmtUsd(d), d),
    better: 'higher',
  },
  { key: 'irr', label: 'IRR', text: (r) => (economics(r) ? fmtPctOrDash(economics(r)!.irrPct) : '—'), value: (r) => economics(r)?.irrPct ?? null, delta: (d) => `${signed(fmt(d, 1), d)} pt`, better: 'higher' },
  {
    key: 'payback',
    label: 'Payback',
    text: (r) => {
      const e = economics(r)
      return e ? fmtPaybackWithReason(e.paybackYears, e.horizonYears) : '—'
    },
  },
  {
    key: 'pue',
    label: 'PUE, year',
    hint: 'Annual PUE of the typical year (design day where the year was not simulated)',
    text: (r) => (r.year ? fmt(r.year.annualPue, 3) : `${fmt(r.totals.pue, 3)} (design day)`),
    value: (r) => r.year?.annualPue ?? r.totals.pue,
    delta: (d) => signed(fmt(d, 3), d),
    better: 'lower',
    group: true,
  },
  {
    key: 'water',
    label: 'Water',
    hint: 'Water evaporated over the typical year (pads, adiabatic coolers)',
    text: (r) => (r.year ? `${fmt(r.year.waterM3, 0)} m³/yr` : '—'),
    value: (r) => r.year?.waterM3 ?? null,
    delta: (d) => `${signed(fmt(d, 0), d)} m³/yr`,
    better: 'lower',
  },
  { key: 'facility', label: 'Facility, nameplate', hint: 'IT + installed cooling at nameplate + losses: what the power chain carries (the design day runs below it)', text: (r) => `${fmtMW(r.totals.facilityKW)} MW`, value: (r) => r.totals.facilityKW / 1000, delta: (d) => `${signed(fmt(d, 2), d)} MW`, better: 'lower' },
  { key: 'grid', label: 'Grid draw', text: (r) => `${fmt(r.totals.gridKVA / 1000, 2)} MVA`, value: (r) => r.totals.gridKVA / 1000, delta: (d) => `${signed(fmt(d, 2), d)} MVA`, better: 'lower' },
  { key: 'devices', label: 'Devices', text: (r) => fmt(r.totals.deviceCount, 0), value: (r) => r.totals.deviceCount, delta: (d) => signed(fmt(d, 0), d) },
]

/** The difference B − A of a row, as text and as better/worse; null where either has no number. */
export function rowDelta(row: CompareRow, a: Report, b: Report): { text: string; tone: 'better' | 'worse' | 'same' } | null {
  const va = row.value?.(a)
  const vb = row.value?.(b)
  if (va === null || va === undefined || vb === null || vb === undefined || !row.delta) return null
  const d = vb - va
  const text = row.delta(d)
  if (Math.abs(d) < 1e-9 || text.replace(/[+−-]/g, '') === row.delta(0).replace(/[+−-]/g, '')) return { text: '=', tone: 'same' }
  const tone = !row.better ? 'same' : (d > 0) === (row.better === 'higher') ? 'better' : 'worse'
  return { text, tone }
}

/** The binding constraint in full, for a tooltip. */
export const bindingTitle = (r: Report) => describeBinding(r.binding)

/** The two variants Compare opens on: the as-built site (else the first variant) against the one on
 *  screen; when that is the as-built one, against the next. Always two different ones when the scene
 *  has two. */
export function defaultPair(variants: readonly { id: string; asBuilt?: boolean | undefined }[], current: string | null): [string, string] {
  const base = variants.find((v) => v.asBuilt)?.id ?? variants[0]?.id ?? ''
  const other = current && current !== base ? current : (variants.find((v) => v.id !== base)?.id ?? base)
  return [base, other]
}

/** A check's key across variants: its id, except that a check about the variant itself (usable IT,
 *  the fibre uplink: `power.usable-it:<variant id>`) is the same check in every variant, so its
 *  variant id is left out — paired by id alone, A's and B's would be two rows, each "—" on the
 *  other side, and counted as differing in status when both pass. */
export function crossVariantKey(c: Pick<Check, 'id' | 'kind'>, variantId: string): string {
  return c.id === `${c.kind}:${variantId}` ? `${c.kind}:(variant)` : c.id
}

export interface CheckPair {
  key: string
  a: Check | undefined
  b: Check | undefined
}

/** The checks of A and B paired (A's order, then B's own), and those whose status differs. */
export function pairChecks(ra: Pick<Report, 'variant' | 'checks'>, rb: Pick<Report, 'variant' | 'checks'>): { pairs: CheckPair[]; differing: CheckPair[] } {
  const byKey = new Map<string, CheckPair>()
  for (const c of ra.checks) byKey.set(crossVariantKey(c, ra.variant), { key: crossVariantKey(c, ra.variant), a: c, b: undefined })
  for (const c of rb.checks) {
    const key = crossVariantKey(c, rb.variant)
    const pair = byKey.get(key)
    if (pair) pair.b = c
    else byKey.set(key, { key, a: undefined, b: c })
  }
  const pairs = [...byKey.values()]
  return { pairs, differing: pairs.filter((p) => p.a?.status !== p.b?.status) }
}

/** What a check's cell in Compare says: its share of the limit, or — for a check with no ratio
 *  (hours over a limit, a tier, a count) — its value in its unit, as the checks table writes it,
 *  never a bare "—" for a check that has a figure. */
export function checkCellText(c: Check): string {
  if (c.ratio !== null) return checkRatioText(c)
  const value = checkValueText(c)
  return value === '—' ? value : `${value} ${c.unit}`.trim()
}
