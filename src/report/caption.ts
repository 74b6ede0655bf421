// Tour captions with live figures: {itMW} {facilityMW} {pue} {verdict} {binding} {usableMW} {npv}
// {capex} {payback} {irr} are replaced by the figures of the report shown (the money from the
// solver's report.economics, never recomputed); moneyLine() is the money of a variant in one line. Plain text out: whoever shows it escapes it
// (React text nodes in the app, escapeHtml in the report).
import type { Check, Report } from '../solver/report'
import { checkFiguresText, ratioSuffix, fmtMW, fmt, fmtPaybackWithReason, fmtPctOrDash, fmtUsd, STATUS_WORD } from './format'

export const CAPTION_FIELDS = ['itMW', 'facilityMW', 'pue', 'verdict', 'binding', 'usableMW', 'npv', 'capex', 'payback', 'irr'] as const
export type CaptionField = (typeof CAPTION_FIELDS)[number]

/** "Air-side rack density, Row 1.1: 35.0 against ≤ 40.0 kW/m (88 %)"; "(no capacity)" against
 *  nothing; no parenthesis where the ratio says nothing: "Rows in series, Main hall: 10 against
 *  ≤ 0 rows" (ratioSuffix). */
export function describeBinding(check: Check | null): string {
  if (!check) return 'no binding constraint'
  return `${check.title}, ${check.subject}: ${checkFiguresText(check)}${ratioSuffix(check)}`
}

export function captionFigures(report: Report): Record<CaptionField, string> {
  const economics = (report as Partial<Report>).economics
  const npv = economics?.npvUsd
  return {
    itMW: fmtMW(report.totals.itKW),
    // The facility as the plant runs on the design day: the figure {pue} divides by IT, and the one
    // the presentation's key figures show beside it (not the nameplate sum the power chain carries).
    facilityMW: fmtMW(report.totals.designDayFacilityKW),
    pue: fmt(report.totals.pue, 2),
    verdict: STATUS_WORD[report.verdict],
    binding: describeBinding(report.binding),
    usableMW: fmtMW(report.power.usableITKW),
    // A variant that cannot run as drawn never shows its NPV bare.
    npv: npv === undefined ? '—' : economics?.buildable === false ? `${fmtUsd(npv)} (not buildable as drawn)` : fmtUsd(npv),
    capex: economics ? fmtUsd(economics.capexUsd) : '—',
    payback: economics ? fmtPaybackWithReason(economics.paybackYears, economics.horizonYears) : '—',
    irr: economics ? fmtPctOrDash(economics.irrPct) : '—',
  }
}

/** The money of the variant shown, in one line: "Capex $719 M · NPV $96.9 M · IRR 23.5 % ·
 *  payback 2.8 y"; where the verdict fails it leads with "Not buildable as drawn" and the check
 *  that stops it, and the figures are what it would earn if it ran. null without economics. */
export function moneyLine(report: Report): { buildable: boolean; lead: string | null; figures: string } | null {
  const e = (report as Partial<Report>).economics
  if (!e) return null
  const figures = `Capex ${fmtUsd(e.capexUsd)} · NPV ${fmtUsd(e.npvUsd)} · IRR ${fmtPctOrDash(e.irrPct)} · payback ${fmtPaybackWithReason(e.paybackYears, e.horizonYears)}`
  if (e.buildable !== false) return { buildable: true, lead: null, figures }
  const why = e.notBuildable ? `: ${e.notBuildable.title}, ${e.notBuildable.subject}` : ''
  return { buildable: false, lead: `Not buildable as drawn${why}`, figures: `if it ran: ${figures}` }
}

/** Fills the placeholders; unknown ones stay as written, and without a report figures read "…". */
export function fillCaption(template: string, report: Report | null): string {
  const figures = report ? captionFigures(report) : null
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(CAPTION_FIELDS as readonly string[]).includes(name)) return whole
    return figures ? figures[name as CaptionField] : '…'
  })
}
