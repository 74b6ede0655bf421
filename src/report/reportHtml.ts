// The printable report: a standalone HTML page (inline CSS and SVG, no scripts, no network) with
// the site summary, every check of every variant, the power budget and economics charts, and a 3D
// snapshot (app) or a schematic plan (CLI) of each variant. Pure: scene + reports in, string out.
// Every text from the scene or the solver is escaped (escape.ts).
import type { Catalog } from '../model/catalog'
import type { Scene } from '../model/sceneSchema'
import type { Check, Report } from '../solver/report'
import { groupChecks } from '../solver/check'
import { escapeHtml, html, raw, safeImageDataUrl, type RawHtml } from './escape'
import { checkLimitText, checkRatioText, checkValueText, fmt, fmtMW, fmtPaybackWithReason, fmtPctOrDash, fmtUsd, groupSubjectText, STATUS_WORD } from './format'
import { describeBinding } from './caption'
import { bestBuildable } from '../solver/economics/rank'
import { powerBudget } from './powerBudget'
import { capexChart, cashChart, npvChart, powerBudgetChart, pueByMonthChart } from './charts'
import { planSvg } from './plan'
import { REPORT_CSS } from './styles'

export interface ReportInput {
  scene: Scene
  /** One report per variant to include, in the order to show them. */
  reports: readonly Report[]
  /** 3D snapshots by variant id (PNG/JPEG data URLs captured by the app). */
  snapshots?: Readonly<Record<string, string>>
  /** With a catalog, variants without a snapshot get a schematic plan. */
  catalog?: Catalog
  /** Shown in the header; defaults to now. */
  generatedAt?: Date
}

const SERIES = ['#3b6ea5', '#c8372f', '#2e8b57', '#8a6cc6', '#c98a12', '#4f9fb0']

const figure = (k: string, v: string, u = '') => html`<div class="figure"><div class="k">${k}</div><div class="v">${v}<span class="u"> ${u}</span></div></div>`

function economics(r: Report) {
  return (r as Partial<Report>).economics ?? null
}

/** The NPV cell of the summary: marked "best" among the buildable, "not buildable" (and so not
 *  ranked) where the verdict fails. */
function npvCell(r: Report, best: Report | null): RawHtml | string {
  const ec = economics(r)
  if (!ec) return '—'
  if (ec.buildable === false) return html`<span class="muted">${fmtUsd(ec.npvUsd)}</span> <span class="tag fail">not buildable</span>`
  return r === best ? html`${fmtUsd(ec.npvUsd)} <span class="tag ok">best</span>` : fmtUsd(ec.npvUsd)
}

function summaryTable(reports: readonly Report[]): RawHtml {
  const best = bestBuildable(reports, economics)
  const rows = reports.map((r) => {
    const ec = economics(r)
    return html`<tr class="${r.verdict}">
<td><span class="dot ${r.verdict}"></span>${r.variantName}</td>
<td><span class="badge ${r.verdict}">${STATUS_WORD[r.verdict]}</span></td>
<td class="num">${fmtMW(r.totals.itKW)}</td><td class="num">${fmtMW(r.totals.facilityKW)}</td><td class="num">${fmt(r.year?.annualPue ?? r.totals.pue, 2)}${r.year ? '' : html` <span class="muted">(design day)</span>`}</td>
<td class="num">${fmtMW(r.power.usableITKW)} <span class="muted">@ ${r.power.requiredTier}</span></td>
<td class="num">${ec ? fmtUsd(ec.capexUsd) : '—'}</td><td class="num">${npvCell(r, best)}</td>
<td>${r.binding ? `${r.binding.title}, ${r.binding.subject}` : '—'}</td></tr>`
  })
  const unbuildable = reports.filter((r) => economics(r)?.buildable === false)
  return html`<table class="summary"><thead><tr><th>Variant</th><th>Verdict</th><th class="num">IT MW</th><th class="num">Facility MW (nameplate)</th><th class="num">PUE (year)</th><th class="num">Usable IT MW</th><th class="num">Capex</th><th class="num">NPV</th><th>Binding constraint</th></tr></thead>
<tbody>${rows}</tbody></table>
${unbuildable.length > 0 ? html`<p class="note">A variant whose verdict fails is not buildable as drawn: its NPV is what it would earn if it ran, and it is not ranked. ${best ? html`Best NPV among the buildable variants: <strong>${best.variantName}</strong>.` : 'No variant is buildable as drawn.'}</p>` : ''}`
}

/** Why a variant cannot run, and what making it pass would cost, line by line with its sources. */
function costToPassBlock(r: Report): RawHtml | string {
  const ec = economics(r)
  if (!ec || ec.buildable !== false || !ec.notBuildable || !ec.costToPass) return ''
  const c = ec.costToPass
  const lines = c.lines.map(
    (l) => html`<tr><td>${l.title}<div class="note">${l.subject}</div></td><td>${l.text}<div class="note">${l.basis}${l.sources.length > 0 ? ` — ${l.sources.map((s) => s.title).join('; ')}` : ''}</div></td>
<td class="num">${l.costUsd === null ? html`<span class="muted">not priced</span>` : l.includedIn ? html`<span class="muted">included</span>` : fmtUsd(l.costUsd)}</td></tr>`,
  )
  const total = `${fmtUsd(c.pricedUsd)}${c.unpriced.length > 0 ? ` + ${c.unpriced.length} not priced` : ''}`
  return html`<div class="binding fail"><strong>Not buildable as drawn:</strong> ${ec.notBuildable.title} — ${ec.notBuildable.subject}${ec.notBuildable.failing > 1 ? ` (${ec.notBuildable.failing} checks fail)` : ''}. The figures below are what it would earn if it could run; it is not ranked.</div>
<table class="checks"><thead><tr><th>To make it pass</th><th>What</th><th class="num">Cost</th></tr></thead><tbody>${lines}
<tr><td><strong>Cost to make it pass</strong></td><td class="muted">rough, from the unit costs of models/economics.json</td><td class="num"><strong>${total}</strong></td></tr></tbody></table>`
}

function energyNote(r: Report): RawHtml | string {
  const en = economics(r)?.energy
  if (!en) return ''
  const basis = en.basis === 'typical year' ? 'the typical year (fans and pumps staged, chillers only when needed)' : 'the design day as the plant runs it × 8,760 h (the year was not simulated)'
  return html`<p class="note">Energy from ${basis}: ${fmt(en.mwhPerYear, 0)} MWh a year (${fmt(en.loadShare * 100, 0)} % of full load) × ${fmt(en.tariffUsdPerMWh, 0)} USD/MWh; PUE ${fmt(en.pue, 3)}.</p>`
}

function checksTable(checks: readonly Check[]): RawHtml {
  const rows = groupChecks(checks).map((g) => {
    const c = g.lead
    return html`<tr class="${c.status}" data-check-id="${c.id}"><td><span class="dot ${c.status}"></span>${STATUS_WORD[c.status]}</td>
<td>${c.domain}</td><td>${c.title}${c.note ? html`<div class="note">${c.note}</div>` : ''}</td><td>${groupSubjectText(g)}</td>
<td class="num">${checkValueText(c)}</td><td class="num">${checkLimitText(c)}</td><td>${c.unit}</td><td class="num">${checkRatioText(c)}</td></tr>`
  })
  return html`<table class="checks"><thead><tr><th>Status</th><th>Domain</th><th>Check</th><th>Subject</th><th class="num">Value</th><th class="num">Limit</th><th>Unit</th><th class="num">Of limit</th></tr></thead>
<tbody>${rows}</tbody></table>`
}

function variantSection(input: ReportInput, r: Report): RawHtml {
  const variant = input.scene.variants.find((v) => v.id === r.variant)
  const snap = input.snapshots?.[r.variant]
  const url = snap ? safeImageDataUrl(snap) : null
  const picture = url
    ? html`<img class="snapshot" alt="${`3D view of ${r.variantName}`}" src="${url}">`
    : variant && input.catalog
      ? raw(planSvg(variant, input.catalog))
      : ''
  const ec = economics(r)
  const counts = { fail: 0, warn: 0, ok: 0 }
  for (const c of r.checks) counts[c.status]++
  const t = r.totals
  return html`<section class="variant" id="${`variant-${r.variant}`}" data-variant="${r.variant}">
<h2>${r.variantName} <span class="badge ${r.verdict}">${STATUS_WORD[r.verdict]}</span></h2>
${variant?.description ? html`<p class="lead">${variant.description}</p>` : ''}
<div class="binding ${r.binding?.status ?? 'ok'}"><strong>Binding constraint:</strong> ${describeBinding(r.binding)}${r.binding?.note ? html`<div class="muted">${r.binding.note}</div>` : ''}</div>
<div class="figures">
${figure('IT load', fmtMW(t.itKW), 'MW')}${figure('Facility, nameplate', fmtMW(t.facilityKW), 'MW')}${figure('PUE, design day', fmt(t.pue, 2))}${figure('Grid draw', fmt(t.gridKVA / 1000, 1), 'MVA')}
${figure('Usable IT', fmtMW(r.power.usableITKW), `MW at ${r.power.requiredTier}`)}${figure('Racks', fmt(t.rackCount, 0))}${figure('Devices', fmt(t.deviceCount, 0))}${figure('Checks', `${counts.fail} fail`, `${counts.warn} warn · ${counts.ok} ok`)}
</div>
${picture}
<h3>Power budget by level</h3>
${raw(powerBudgetChart(powerBudget(r), r.params.continuousLoadFraction))}
${r.year ? html`<h3>Typical year: PUE ${fmt(r.year.annualPue, 3)} (worst hour ${fmt(r.year.worstHourPue, 3)}), water ${fmt(r.year.waterM3, 0)} m³</h3><p class="note">Bars: PUE − 1 by month (mean outdoor temperature in brackets).</p>${raw(pueByMonthChart(r))}` : ''}
${r.power.advice.length > 0 ? html`<h3>Upgrade advice</h3><ul class="advice">${r.power.advice.map((a) => html`<li>${a.text}</li>`)}</ul>` : ''}
${ec ? html`<h3>Economics</h3>${costToPassBlock(r)}<div class="figures">${figure('Capex', fmtUsd(ec.capexUsd))}${figure(`NPV @ ${fmt(ec.discountRatePct, 0)} %`, fmtUsd(ec.npvUsd))}${figure('IRR', fmtPctOrDash(ec.irrPct))}${figure('Payback', fmtPaybackWithReason(ec.paybackYears, ec.horizonYears))}</div>${energyNote(r)}${raw(capexChart(r))}` : ''}
<h3>Every check (${r.checks.length})</h3>
<p class="note" data-inlet-model="${r.inletModel.id}">Inlet air temperatures (rows, the inlet checks) from the ${r.inletModel.name}.</p>
${checksTable(r.checks)}
</section>`
}

function assumptions(r: Report): RawHtml {
  const rows = Object.entries(r.params).map(([k, v]) => html`<tr><td>${k}</td><td>${typeof v === 'object' ? JSON.stringify(v) : String(v)}</td></tr>`)
  return html`<section class="assumptions"><h3>Solver parameters (${r.variantName})</h3><table><tbody>${rows}</tbody></table></section>`
}

export function buildReportHtml(input: ReportInput): string {
  const { scene, reports } = input
  const first = reports[0]
  const when = (input.generatedAt ?? new Date()).toISOString().slice(0, 16).replace('T', ' ')
  const withEconomics = reports.filter((r) => economics(r) !== null)
  const grid = scene.site.grid
  const body = html`<div class="page">
<header>
<h1>${scene.name}</h1>
<div class="meta">${scene.site.name} · ${first?.climate.name ?? scene.site.climateId} (design ${first ? fmt(first.climate.designDryBulbC, 1) : '—'} °C dry / ${first ? fmt(first.climate.designWetBulbC, 1) : '—'} °C wet bulb) · grid ${fmt(grid.capacityMVA, 0)} MVA at ${fmt(grid.voltageKV, 0)} kV · generated ${when} UTC</div>
${scene.description ? html`<p class="lead">${scene.description}</p>` : ''}
<p class="lead">Can this site carry AI (GPU) density, and if not, what binds? ${reports.length} variant${reports.length === 1 ? '' : 's'} checked for power, redundancy, cooling, inlet air and network.</p>
</header>
<section><h3>Variants side by side</h3>${summaryTable(reports)}</section>
${withEconomics.length > 0 ? html`<section><h3>Net present value</h3>${raw(npvChart(withEconomics))}<h3>Cumulative cash</h3>${raw(cashChart(withEconomics, SERIES))}</section>` : ''}
${reports.map((r) => variantSection(input, r))}
${first ? assumptions(first) : ''}
<p class="muted">Halltwin report · solver ${first?.meta.solverVersion ?? ''}. Print this page (Ctrl/Cmd+P) to save it as PDF.</p>
</div>`
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${scene.name} — Halltwin report`)}</title>
<style>${REPORT_CSS}</style></head>
<body>${body.__html}</body></html>
`
}
