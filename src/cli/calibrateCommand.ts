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
                     [--no-fit] [--json] [--out calibrated.json]
      Model vs measured (ASHRAE Guideline 14: hourly |NMBE| ≤ 10 %, CV(RMSE) ≤ 30 %; monthly ≤ 5 %,
      ≤ 15 %), a fit of the uncertain parameters, and the scene with a calibrated variant (--out).
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

const pct = (v: number) => `${v >= 0 ? ' ' : ''}${v.toFixed(1)} %`
function metricText(m: FitMetrics | null): string {
  if (!m) return 'n/a (too few points or mean ≤ 0)'
  return `NMBE ${pct(m.nmbePct)}  CV(RMSE) ${m.cvrmsePct.toFixed(1)} %  ${m.pass ? 'PASS' : 'FAIL'}  (n ${m.n})`
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
      lines.push(`  ${p.key.padEnd(18)} ${p.value.toPrecision(4)} ± ${p.sigma.toPrecision(2)} ${p.unit}  (prior ${p.prior} ± ${p.priorSigma})${p.atBound ? '  at its bound' : ''}`)
    }
    for (const n of r.fit.notFitted) lines.push(`  ${n.key.padEnd(18)} not fitted: ${n.why}`)
    if (r.calibratedVariant) lines.push('', `Calibrated variant "${oneLine(r.calibratedVariant.id)}": ${oneLine(r.calibratedVariant.description ?? '')}`)
  }
  return `${lines.join('\n')}\n`
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
  io.out(values.json ? formatJson(result) : formatCalibration(result))
  return calibrated(result) ? 0 : 1
}
