// Inline SVG charts for the report: no scripts, no fonts beyond the page's, every label escaped.
// The economics charts the app also shows (capex by item, cumulative cash) are the app's chart
// components (src/report/svg/*.tsx) rendered to static markup, not a second drawing; the power
// budget, NPV and PUE-by-month bars are the report's own.
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import type { CheckStatus, Report } from '../solver/report'
import { escapeHtml as e } from './escape'
import { fmt, fmtUsd } from './format'
import { REPORT_INK, REPORT_STATUS } from './colours'
import type { BudgetLevel } from './powerBudget'
import { bestBuildable } from '../solver/economics/rank'
import { CapexSvg } from './svg/CapexSvg'
import { CashFlowSvg } from './svg/CashFlowSvg'
import type { ChartVariant } from './svg/types'

const W = 720

function statusOfUtilisation(u: number, warnAt: number): CheckStatus {
  return u > 1 ? 'fail' : u > warnAt ? 'warn' : 'ok'
}

/** Horizontal bars: each level's load (coloured by its worst node) inside its rating (grey). */
export function powerBudgetChart(levels: readonly BudgetLevel[], warnAt: number): string {
  if (levels.length === 0) return '<p class="muted">No rated power equipment.</p>'
  const rowH = 34
  const labelW = 190
  const barW = W - labelW - 190
  const top = 8
  const h = top + levels.length * rowH + 26
  const max = Math.max(...levels.map((l) => Math.max(l.ratingKVA, l.loadKVA)), 1)
  const x = (kva: number) => labelW + (kva / max) * barW
  const rows = levels.map((l, i) => {
    const y = top + i * rowH
    const colour = REPORT_STATUS[statusOfUtilisation(l.worstUtilisation, warnAt)]
    const share = l.ratingKVA > 0 ? l.loadKVA / l.ratingKVA : 0
    return `<g data-level="${e(l.label)}">
  <text x="${labelW - 8}" y="${y + 14}" text-anchor="end" class="lbl">${e(l.label)}</text>
  <text x="${labelW - 8}" y="${y + 27}" text-anchor="end" class="sub">${l.count} × rated</text>
  <rect x="${labelW}" y="${y + 4}" width="${(x(l.ratingKVA) - labelW).toFixed(1)}" height="20" fill="${REPORT_INK.rating}" rx="2"/>
  <rect x="${labelW}" y="${y + 8}" width="${(x(l.loadKVA) - labelW).toFixed(1)}" height="12" fill="${colour}" rx="1"/>
  <text x="${x(Math.max(l.ratingKVA, l.loadKVA)) + 8}" y="${y + 14}" class="val">${fmt(l.loadKVA / 1000, 1)} / ${fmt(l.ratingKVA / 1000, 1)} MVA · ${fmt(share * 100, 0)} %</text>
  <text x="${x(Math.max(l.ratingKVA, l.loadKVA)) + 8}" y="${y + 27}" class="sub" style="fill:${colour}">worst ${fmt(l.worstUtilisation * 100, 0)} %: ${e(l.worstName)}</text>
</g>`
  })
  return `<svg class="chart" viewBox="0 0 ${W} ${h}" width="${W}" height="${h}" role="img" aria-label="Power budget by level" xmlns="http://www.w3.org/2000/svg">
${rows.join('\n')}
<g class="legend" transform="translate(${labelW},${h - 12})">
  <rect width="14" height="10" fill="${REPORT_INK.rating}"/><text x="20" y="9" class="sub">rating</text>
  <rect x="80" width="14" height="10" fill="${REPORT_STATUS.ok}"/><text x="100" y="9" class="sub">load (colour: worst node of the level)</text>
</g>
</svg>`
}

interface Bar {
  label: string
  value: number
  colour: string
  text: string
}

/** Horizontal bars around a zero line (values may be negative). */
export function barChart(bars: readonly Bar[], ariaLabel: string): string {
  if (bars.length === 0) return ''
  const rowH = 26
  const labelW = 220
  const textW = 180 // "−$280 M · not buildable" at 11.5 px semibold is about 160 px
  const plotW = W - labelW - textW
  const lo = Math.min(0, ...bars.map((b) => b.value))
  const hi = Math.max(0, ...bars.map((b) => b.value))
  const span = hi - lo || 1
  const x = (v: number) => labelW + ((v - lo) / span) * plotW
  const h = bars.length * rowH + 8
  const rows = bars.map((b, i) => {
    const y = 4 + i * rowH
    const x0 = Math.min(x(0), x(b.value))
    const w = Math.max(1, Math.abs(x(b.value) - x(0)))
    return `<text x="${labelW - 8}" y="${y + 15}" text-anchor="end" class="lbl">${e(b.label)}</text>
<rect x="${x0.toFixed(1)}" y="${y + 4}" width="${w.toFixed(1)}" height="15" fill="${b.colour}" rx="1"/>
<text x="${(Math.max(x(0), x(b.value)) + 6).toFixed(1)}" y="${y + 15}" class="val">${e(b.text)}</text>`
  })
  return `<svg class="chart" viewBox="0 0 ${W} ${h}" width="${W}" height="${h}" role="img" aria-label="${e(ariaLabel)}" xmlns="http://www.w3.org/2000/svg">
<line x1="${x(0)}" x2="${x(0)}" y1="0" y2="${h}" stroke="${REPORT_INK.muted}" stroke-width="1"/>
${rows.join('\n')}
</svg>`
}

/** NPV of every variant side by side: the best buildable one marked, one that cannot run as drawn
 *  in grey and marked "not buildable" (it is never ranked). */
export function npvChart(reports: readonly Report[]): string {
  const ec = (r: Report) => (r as Partial<Report>).economics
  const best = bestBuildable(reports, ec)
  const bars = reports.flatMap((r) => {
    const e = ec(r)
    if (e === undefined) return []
    const npv = e.npvUsd
    if (e.buildable === false) return [{ label: r.variantName, value: npv, colour: REPORT_INK.muted, text: `${fmtUsd(npv)} · not buildable` }]
    return [{ label: r.variantName, value: npv, colour: npv >= 0 ? REPORT_STATUS.ok : REPORT_STATUS.fail, text: r === best ? `${fmtUsd(npv)} · best` : fmtUsd(npv) }]
  })
  return barChart(bars, 'NPV by variant')
}

function chartVariants(reports: readonly Report[], colours: readonly string[]): ChartVariant[] {
  return reports.map((r, i) => ({ id: r.variant, name: r.variantName, colour: colours[i % colours.length] ?? '#555', current: false, economics: (r as Partial<Report>).economics ?? null }))
}

/** What the capex of one variant is made of: the app's capex chart (CapexSvg) for that variant. */
export function capexChart(report: Report): string {
  const e = (report as Partial<Report>).economics
  if (!e || !e.capexLines.some((l) => l.usd > 0)) return ''
  return `<div class="econ-chart">${renderToStaticMarkup(createElement(CapexSvg, { variants: chartVariants([report], ['#3b6ea5']), width: W, className: 'chart' }))}</div>`
}

/** Cumulative cash of every variant over the horizon: the app's cash chart (CashFlowSvg). */
export function cashChart(reports: readonly Report[], colours: readonly string[]): string {
  const variants = chartVariants(reports, colours)
  if (!variants.some((v) => (v.economics?.cashFlows.length ?? 0) > 0)) return ''
  return `<div class="econ-chart">${renderToStaticMarkup(createElement(CashFlowSvg, { variants, width: W, className: 'chart' }))}</div>`
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** PUE by month of the typical year, one bar a month. */
export function pueByMonthChart(report: Report): string {
  const year = (report as Partial<Report>).year
  if (!year) return ''
  return barChart(
    year.months.map((m) => ({ label: `${MONTH_NAMES[m.month]} (${fmt(m.meanDryBulbC, 1)} °C)`, value: m.pue === null ? 0 : m.pue - 1, colour: '#5f7fa8', text: fmt(m.pue, 3) })),
    `PUE by month, ${report.variantName}`,
  )
}
