// Tour captions with live figures: {itMW} {facilityMW} {pue} {verdict} {binding} {usableMW} {npv}
// are replaced by the figures of the report shown. Plain text out: whoever shows it escapes it
// (React text nodes in the app, escapeHtml in the report).
import type { Check, Report } from '../solver/report'
import { checkLimitText, checkRatioText, checkValueText, fmtMW, fmt, fmtUsd, STATUS_WORD } from './format'

export const CAPTION_FIELDS = ['itMW', 'facilityMW', 'pue', 'verdict', 'binding', 'usableMW', 'npv'] as const
export type CaptionField = (typeof CAPTION_FIELDS)[number]

/** "Air-side rack density, Row 1.1: 35.0 of 40.0 kW/m (88 %)". */
export function describeBinding(check: Check | null): string {
  if (!check) return 'no binding constraint'
  return `${check.title}, ${check.subject}: ${checkValueText(check)} against ${checkLimitText(check)} ${check.unit} (${checkRatioText(check)})`
}

export function captionFigures(report: Report): Record<CaptionField, string> {
  const economics = (report as Partial<Report>).economics
  const npv = economics?.npvUsd
  return {
    itMW: fmtMW(report.totals.itKW),
    facilityMW: fmtMW(report.totals.facilityKW),
    pue: fmt(report.totals.pue, 2),
    verdict: STATUS_WORD[report.verdict],
    binding: describeBinding(report.binding),
    usableMW: fmtMW(report.power.usableITKW),
    // A variant that cannot run as drawn never shows its NPV bare.
    npv: npv === undefined ? '—' : economics?.buildable === false ? `${fmtUsd(npv)} (not buildable as drawn)` : fmtUsd(npv),
  }
}

/** Fills the placeholders; unknown ones stay as written, and without a report figures read "…". */
export function fillCaption(template: string, report: Report | null): string {
  const figures = report ? captionFigures(report) : null
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(CAPTION_FIELDS as readonly string[]).includes(name)) return whole
    return figures ? figures[name as CaptionField] : '…'
  })
}
