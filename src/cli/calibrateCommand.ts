// halltwin calibrate <scene.json> --measured data.csv [--weather file.epw] [--variant ID]
//   [--no-fit] [--json] [--out calibrated.json]
// Model vs measured for every measured series (ASHRAE Guideline 14 NMBE and CV(RMSE), hourly and
// monthly), a fit of the uncertain parameters, and the scene with a calibrated variant written to
// --out. Exit 0 when every judged metric passes (after the fit, or as measured with --no-fit),
// 1 when one fails, 2 for bad input (the CSV's and the EPW's errors name line and column).
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { builtInCatalog } from '../model/catalog'
import type { Scene } from '../model/sceneSchema'
import { describeWeatherIssue } from '../model/weather/epw'
import { parseMeasured } from '../model/weather/measured'
import { calibrate, type CalibrationResult, type SeriesComparison } from '../solver/calibration/calibrate'
import { G14_CRITERIA, type FitMetrics } from '../solver/calibration/metrics'
import { siteClimate } from '../solver/year/siteClimate'
import { CliInputError, readSceneFile } from './io'
import { formatJson, oneLine } from './format/terminal'
import { embedWeatherFile } from './weatherFile'

const USAGE = `Usage:
  halltwin calibrate <scene.json> --measured data.csv [--weather file.epw] [--variant ID]
                     [--no-fit] [--json] [--out calibrated.json] [--html report.html]
      Model vs measured (ASHRAE Guideline 14: hourly |NMBE| ≤ 10 %, CV(RMSE) ≤ 30 %; monthly ≤ 5 %,
      ≤ 15 %), a fit of the uncertain parameters, the scene with a calibrated variant (--out) and a
      printable page of model vs measured, daily, with the metrics (--html).
      Exit code 0 when every judged metric passes, 1 when one fails, 2 for bad input.
      The CSV format is in docs/calibration.md.`

/** Measured data files up to this size (a year of 1-min readings of a few series ≈ 50 MB). */
const MAX_MEASURED_BYTES = 200 * 1024 * 1024

interface Io {
  out: (text: string) => void
  err: (text: string) => void
}

function readMeasuredText(path: string): string {
  try {
    const size = statSync(path).size
    if (size > MAX_MEASURED_BYTES) throw new CliInputError(`${oneLine(path)}: too large (${size.toLocaleString('en-US')} bytes, at most ${MAX_MEASURED_BYTES / 1024 / 1024} MB)`)
    return readFileSync(path, 'utf8')
  } catch (e) {
    if (e instanceof CliInputError) throw e
    const code = (e as NodeJS.ErrnoException).code
    throw new CliInputError(`${oneLine(path)}: ${code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? (e as Error).message})`}`)
  }
}

/** One decimal, never "-0.0". */
const fixed1 = (v: number) => (Math.abs(v) < 0.05 ? 0 : v).toFixed(1)
const pct = (v: number) => `${v >= 0 ? ' ' : ''}${fixed1(v)} %`
function metricText(m: FitMetrics | null): string {
  if (!m) return 'n/a (too few points or mean ≤ 0)'
  return `NMBE ${pct(m.nmbePct)}  CV(RMSE) ${fixed1(m.cvrmsePct)} %  ${m.pass ? 'PASS' : 'FAIL'}  (n ${m.n})`
}

function seriesText(s: SeriesComparison): string[] {
  const lines = [`  ${s.name}: ${s.hoursCompared} h compared, ${s.missingHours} h missing${s.gaps.length > 0 ? ` (first gap ${s.gaps[0]!.from} … ${s.gaps[0]!.to})` : ''}`]
  for (const res of ['hourly', 'monthly'] as const) {
    lines.push(`    ${res.padEnd(8)} before  ${metricText(s.before[res])}`)
    if (s.after) lines.push(`    ${''.padEnd(8)} after   ${metricText(s.after[res])}`)
  }
  return lines
}

export function formatCalibration(r: CalibrationResult): string {
  const c = G14_CRITERIA
  const lines = [
    `Scene    ${oneLine(r.scene)}`,
    `Variant  ${oneLine(r.variant)}`,
    `Weather  ${oneLine(r.weather.note)}`,
    `Data     ${r.period.from} … ${r.period.to}: ${r.period.readings} readings every ${r.period.intervalMin} min, ${r.period.hours} h`,
    `Criteria ASHRAE Guideline 14-2014: hourly |NMBE| ≤ ${c.hourly.nmbePct} %, CV(RMSE) ≤ ${c.hourly.cvrmsePct} %; monthly ≤ ${c.monthly.nmbePct} %, ≤ ${c.monthly.cvrmsePct} %`,
    '',
    'Model vs measured',
    ...r.series.flatMap(seriesText),
  ]
  if (r.fit) {
    lines.push('', `Fit (bounded Levenberg–Marquardt, priors from the parameters' confidence; ${r.fit.iterations} iterations)`)
    for (const p of r.fit.params) {
      lines.push(`  ${p.key.padEnd(21)} ${p.value.toPrecision(4)} ± ${p.sigma.toPrecision(2)} ${p.unit}  (prior ${p.prior} ± ${p.priorSigma})${p.atBound ? '  at its bound' : ''}${p.determined ? '' : '  the data barely moves it: prior-dominated'}`)
    }
    for (const n of r.fit.notFitted) lines.push(`  ${n.key.padEnd(21)} not fitted: ${n.why}`)
    if (r.calibratedVariant) lines.push('', `Calibrated variant "${oneLine(r.calibratedVariant.id)}": ${oneLine(r.calibratedVariant.description ?? '')}`)
  }
  return `${lines.join('\n')}\n`
}

const esc = (t: string) => t.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** Daily means of one series as an SVG line chart: measured, model before, model after. */
function dailyChart(s: SeriesComparison): string {
  const W = 760
  const H = 220
  const pad = 44
  const pts = s.daily
  if (pts.length === 0) return '<p>No measured hours.</p>'
  const all = pts.flatMap((p) => [p.measured, p.before, ...(p.after === null ? [] : [p.after])]).filter(Number.isFinite)
  let lo = Math.min(...all)
  let hi = Math.max(...all)
  if (hi - lo < 1e-9) [lo, hi] = [lo - 1, hi + 1]
  // The measured days side by side; a day missing between two leaves a break in the lines.
  const dayNo = pts.map((p) => Date.parse(`${p.day}T00:00:00Z`) / 86_400_000)
  const x = (i: number) => pad + (pts.length > 1 ? (i / (pts.length - 1)) * (W - 2 * pad) : (W - 2 * pad) / 2)
  const y = (v: number) => H - pad / 2 - ((v - lo) / (hi - lo)) * (H - pad)
  const line = (get: (p: (typeof pts)[number]) => number | null, colour: string, dash = '') => {
    const runs: string[][] = [[]]
    pts.forEach((p, i) => {
      const v = get(p)
      if (i > 0 && dayNo[i]! - dayNo[i - 1]! > 1) runs.push([])
      if (v !== null && Number.isFinite(v)) runs[runs.length - 1]!.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`)
    })
    return runs
      .filter((r) => r.length > 0)
      .map((r) => `<polyline fill="none" stroke="${colour}" stroke-width="1.6"${dash ? ` stroke-dasharray="${dash}"` : ''} points="${r.join(' ')}"/>`)
      .join('')
  }
  const ticks = [lo, (lo + hi) / 2, hi].map((v) => `<text x="${pad - 6}" y="${y(v) + 4}" text-anchor="end">${v.toPrecision(4)}</text>`).join('')
  return `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(s.name)}, daily means">
<rect x="${pad}" y="${pad / 2}" width="${W - 2 * pad}" height="${H - pad}" fill="#fafafa" stroke="#ccc"/>${ticks}
${dayNo.map((d, i) => (i > 0 && d - dayNo[i - 1]! > 1 ? `<line x1="${((x(i) + x(i - 1)) / 2).toFixed(1)}" x2="${((x(i) + x(i - 1)) / 2).toFixed(1)}" y1="${pad / 2}" y2="${H - pad / 2}" stroke="#bbb" stroke-dasharray="2 3"/><text x="${x(i).toFixed(1)}" y="${H - 4}">${esc(pts[i]!.day)}</text>` : '')).join('')}
<text x="${pad}" y="${H - 4}">${esc(pts[0]!.day)}</text><text x="${W - pad}" y="${H - 4}" text-anchor="end">${esc(pts[pts.length - 1]!.day)}</text>
${line((p) => p.before, '#d95f02', '5 3')}${line((p) => p.after, '#1b9e77')}${line((p) => p.measured, '#222')}</svg>`
}

function metricCell(m: FitMetrics | null): string {
  if (!m) return '<td colspan="2">n/a</td><td></td>'
  return `<td>${fixed1(m.nmbePct)} %</td><td>${fixed1(m.cvrmsePct)} %</td><td class="${m.pass ? 'pass' : 'fail'}">${m.pass ? 'pass' : 'FAIL'}</td>`
}

/** A standalone page: the data, the weather, every series' daily plot and metrics, the fit. */
export function calibrationHtml(r: CalibrationResult): string {
  const c = G14_CRITERIA
  const rows = (s: SeriesComparison) =>
    (['hourly', 'monthly'] as const)
      .map((res) => `<tr><td>${res}</td><td>before</td>${metricCell(s.before[res])}${s.after ? `<td>after</td>${metricCell(s.after[res])}` : ''}</tr>`)
      .join('')
  const series = r.series
    .map(
      (s) => `<section><h2>${esc(s.name)}</h2><p>${s.hoursCompared} h compared, ${s.missingHours} h missing${s.gaps.length > 0 ? ` (first gap ${esc(s.gaps[0]!.from)} … ${esc(s.gaps[0]!.to)})` : ''}. Daily means: <b style="color:#222">measured</b>, <b style="color:#d95f02">model before</b>${s.after ? ', <b style="color:#1b9e77">model after the fit</b>' : ''}.</p>
${dailyChart(s)}<table><tr><th></th><th></th><th>NMBE</th><th>CV(RMSE)</th><th></th>${s.after ? '<th></th><th>NMBE</th><th>CV(RMSE)</th><th></th>' : ''}</tr>${rows(s)}</table></section>`,
    )
    .join('\n')
  const fit = r.fit
    ? `<section><h2>Fit</h2><p>Bounded Levenberg–Marquardt, Gaussian priors from each parameter's confidence; ${r.fit.iterations} iterations. Method: docs/calibration.md.</p><table><tr><th>parameter</th><th>fitted</th><th>± σ</th><th>prior</th></tr>${r.fit.params
        .map((p) => `<tr><td>${p.key}</td><td>${p.value.toPrecision(4)} ${esc(p.unit)}</td><td>${p.sigma.toPrecision(2)}</td><td>${p.prior} ± ${p.priorSigma}${p.atBound ? ' (at its bound)' : ''}${p.determined ? '' : ' (prior-dominated)'}</td></tr>`)
        .join('')}${r.fit.notFitted.map((n) => `<tr><td>${n.key}</td><td colspan="3">not fitted: ${esc(n.why)}</td></tr>`).join('')}</table>${r.calibratedVariant ? `<p>Calibrated variant <code>${esc(r.calibratedVariant.id)}</code>: ${esc(r.calibratedVariant.description ?? '')}</p>` : ''}</section>`
    : ''
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Model vs measured: ${esc(r.scene)}</title>
<style>body{font:14px system-ui,sans-serif;margin:24px;max-width:820px}svg text{font-size:11px;fill:#555}table{border-collapse:collapse;margin:8px 0}td,th{padding:2px 8px;text-align:right;border-bottom:1px solid #eee}td:first-child{text-align:left}.pass{color:#1b7a3e}.fail{color:#b00020;font-weight:600}section{break-inside:avoid;margin-top:20px}</style></head><body>
<h1>Model vs measured</h1><p><b>${esc(r.scene)}</b> · variant <code>${esc(r.variant)}</code></p>
<p>Weather: ${esc(r.weather.note)}.<br>Data: ${esc(r.period.from)} … ${esc(r.period.to)}, ${r.period.readings} readings every ${r.period.intervalMin} min.<br>
Criteria, ASHRAE Guideline 14-2014: hourly |NMBE| ≤ ${c.hourly.nmbePct} %, CV(RMSE) ≤ ${c.hourly.cvrmsePct} %; monthly |NMBE| ≤ ${c.monthly.nmbePct} %, CV(RMSE) ≤ ${c.monthly.cvrmsePct} %.</p>
${series}${fit}</body></html>
`
}

/** Every judged metric passes: after the fit when there is one. */
export function calibrated(r: CalibrationResult): boolean {
  return r.series.every((s) => {
    const m = s.after ?? s.before
    return [m.hourly, m.monthly].every((x) => x === null || x.pass)
  })
}

/** The scene with the calibrated variant added; an EPW named by a file stays a file (its path
 *  made relative to the output), not 1.6 MB of embedded text. */
function outputScene(scene: Scene, r: CalibrationResult, outPath: string, scenePath: string, weatherPath: string | null): Scene {
  const w = scene.site.weather
  const fromOut = (path: string) => relative(dirname(resolve(outPath)), path)
  let weather = w
  if (weatherPath) weather = { file: fromOut(resolve(weatherPath)) }
  else if (w?.file !== undefined && w.file !== 'embedded') weather = { file: fromOut(resolve(scenePath === '-' ? '.' : dirname(scenePath), w.file)) }
  return { ...scene, site: { ...scene.site, weather }, variants: [...scene.variants, ...(r.calibratedVariant ? [r.calibratedVariant] : [])] }
}

export function calibrateCommand(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      measured: { type: 'string' },
      weather: { type: 'string' },
      variant: { type: 'string' },
      json: { type: 'boolean' },
      out: { type: 'string' },
      html: { type: 'string' },
      'no-fit': { type: 'boolean' },
      help: { type: 'boolean' },
    },
  })
  if (values.help) {
    io.out(`${USAGE}\n`)
    return 0
  }
  if (positionals.length !== 1) throw new CliInputError(`calibrate: expected one scene file, got ${positionals.length}\n${USAGE}`)
  if (values.measured === undefined) throw new CliInputError(`calibrate: --measured data.csv is required\n${USAGE}`)
  const catalog = builtInCatalog()
  let scene = readSceneFile(positionals[0]!, catalog)
  if (values.weather !== undefined) scene = embedWeatherFile(scene, values.weather, values.weather)
  const variant = values.variant === undefined ? scene.variants[0]! : scene.variants.find((v) => v.id === values.variant)
  if (!variant) throw new CliInputError(`--variant: unknown variant "${values.variant}" (known: ${scene.variants.map((v) => v.id).join(', ')})`)
  const targets = { powerNodes: new Set(variant.power.map((n) => n.id)), rows: new Set(variant.halls.flatMap((h) => h.rows.map((r) => r.id))) }
  const parsed = parseMeasured(readMeasuredText(values.measured), targets, siteClimate(scene.site, catalog).timeZoneH)
  if (!parsed.ok) {
    throw new CliInputError(
      `${oneLine(values.measured)}: invalid measured data (${parsed.issues.length} problem${parsed.issues.length === 1 ? '' : 's'})`,
      parsed.issues.map((i) => ({ path: '', message: describeWeatherIssue(i) })),
    )
  }
  const result = calibrate(scene, variant.id, catalog, parsed.data, { fit: !values['no-fit'], dataLabel: values.measured })
  if (values.out !== undefined) writeFileSync(values.out, `${JSON.stringify(outputScene(scene, result, values.out, positionals[0]!, values.weather ?? null), null, 2)}\n`)
  if (values.html !== undefined) writeFileSync(values.html, calibrationHtml(result))
  io.out(values.json ? formatJson(result) : formatCalibration(result))
  return calibrated(result) ? 0 : 1
}
