// Model vs measured, and calibration (docs/calibration.md). For every measured series the model's
// value hour by hour under the measured weather (calibration/weather.ts) with ASHRAE Guideline 14's
// NMBE and CV(RMSE), hourly and monthly (metrics.ts); then, optionally, a bounded MAP fit (fit.ts)
// of the uncertain parameters that the data can see, the metrics again, and a calibrated variant:
// the compared variant with the fitted values as params overrides and a note of the data.
import type { Catalog } from '../../model/catalog'
import { resolveParams, type SolverParams, type SolverParamsOverride } from '../../model/params'
import type { Scene, Variant } from '../../model/sceneSchema'
import type { MeasuredData, MeasuredGap } from '../../model/weather/measured'
import { siteClimate } from '../year/siteClimate'
import { fitMap } from './fit'
import { modelSeries, prepareHourlyModel, type HourlyModel, type HourlyWeather, type SeriesKey } from './hourlyModel'
import { g14Metrics, monthlyPairs, type FitMetrics } from './metrics'
import { measuredWeather } from './weather'

/** A parameter calibration may fit: its prior is the value the scene uses, its spread from the
 *  parameter's confidence (params.ts marks these approx). */
export interface CalibrationParam {
  key: 'itPowerFraction' | 'fanFlowDerate' | 'winterMinSupplyC' | 'padOnAboveC'
  label: string
  unit: string
  /** Prior standard deviation. */
  priorSigma: number
  min: number
  max: number
  why: string
  /** A mode-switching threshold: fitted with a finite-difference step of 1 K (fit.ts). */
  threshold?: boolean
}

/** Resolution of a fitted threshold: half its 1 K finite-difference step, K. */
const THRESHOLD_RESOLUTION_K = 0.5

export const CALIBRATION_PARAMS: readonly CalibrationParam[] = [
  { key: 'itPowerFraction', label: 'Device power drawn / basis', unit: '', priorSigma: 0.1, min: 0.5, max: 1.3, why: 'miners and GPUs draw below (or, overclocked, above) nameplate: ±10 % (approx)' },
  { key: 'fanFlowDerate', label: 'Fan flow derate', unit: '', priorSigma: 0.15, min: 0.3, max: 1, why: 'params.ts: approx; system effects cut 10–40 % of free-air flow' },
  { key: 'winterMinSupplyC', label: 'Winter minimum supply air', unit: '°C', priorSigma: 4, min: -10, max: 30, why: 'params.ts: approx (an operator setpoint)' },
  { key: 'padOnAboveC', label: 'Pads on above', unit: '°C', priorSigma: 4, min: 0, max: 40, why: 'params.ts: approx (an operator setpoint)', threshold: true },
]

export interface SeriesComparison {
  name: string
  id: string
  unit: SeriesKey['unit']
  hoursCompared: number
  missingHours: number
  gaps: MeasuredGap[]
  before: { hourly: FitMetrics | null; monthly: FitMetrics | null }
  after: { hourly: FitMetrics | null; monthly: FitMetrics | null } | null
  /** Daily means for a plot: measured, model before, model after the fit (null before a fit). */
  daily: { day: string; measured: number; before: number; after: number | null }[]
}

export interface FittedParam {
  key: CalibrationParam['key']
  label: string
  unit: string
  prior: number
  priorSigma: number
  value: number
  /** Posterior standard deviation (linearised). */
  sigma: number
  atBound: boolean
  /** The data pins it down: the posterior σ is under 90 % of the prior's (else the prior rules). */
  determined: boolean
}

export interface CalibrationResult {
  scene: string
  variant: string
  weather: { source: string; note: string }
  period: { from: string; to: string; hours: number; intervalMin: number; readings: number }
  series: SeriesComparison[]
  fit: { params: FittedParam[]; notFitted: { key: string; why: string }[]; iterations: number; costBefore: number; costAfter: number } | null
  /** The calibrated variant (params overrides + a note of the data), when a fit ran. */
  calibratedVariant: Variant | null
}

export interface CalibrateOptions {
  fit: boolean
  /** Names the data in the calibrated variant's note. */
  dataLabel: string
  maxIterations?: number
}

const hourLabel = (hour: number) => new Date(hour * 3_600_000).toISOString().slice(0, 13) + ':00'

function metricsOf(m: Float64Array, s: Float64Array, hours: Float64Array, mean: boolean): { hourly: FitMetrics | null; monthly: FitMetrics | null } {
  const key = Array.from(hours, (h) => {
    const d = new Date(h * 3_600_000)
    return d.getUTCFullYear() * 12 + d.getUTCMonth()
  })
  const monthly = monthlyPairs(m, s, key, mean)
  return { hourly: g14Metrics(m, s, 'hourly'), monthly: g14Metrics(monthly.measured, monthly.simulated, 'monthly') }
}

function dailyOf(m: Float64Array, before: Float64Array, after: Float64Array | null, hours: Float64Array): SeriesComparison['daily'] {
  const days = new Map<string, { m: number; b: number; a: number; n: number }>()
  for (let i = 0; i < m.length; i++) {
    if (!Number.isFinite(m[i]!)) continue
    const day = hourLabel(hours[i]!).slice(0, 10)
    const cur = days.get(day) ?? { m: 0, b: 0, a: 0, n: 0 }
    cur.m += m[i]!
    cur.b += before[i]!
    cur.a += after ? after[i]! : 0
    cur.n++
    days.set(day, cur)
  }
  return [...days.entries()].map(([day, v]) => ({ day, measured: v.m / v.n, before: v.b / v.n, after: after ? v.a / v.n : null }))
}

/** The noise of a series: the RMS of its hour-to-hour changes / √2 (an upper bound of the
 *  measurement noise that does not depend on the model), at least 0.1 % of its mean. */
function noiseSigma(values: Float64Array): number {
  let s = 0
  let n = 0
  let mean = 0
  let k = 0
  for (let i = 0; i < values.length; i++) {
    if (Number.isFinite(values[i]!)) {
      mean += Math.abs(values[i]!)
      k++
    }
    if (i > 0 && Number.isFinite(values[i]!) && Number.isFinite(values[i - 1]!)) {
      s += (values[i]! - values[i - 1]!) ** 2
      n++
    }
  }
  const floor = 1e-3 * (k > 0 ? mean / k : 1) || 1e-6
  return Math.max(floor, n > 0 ? Math.sqrt(s / n / 2) : floor)
}

function withParams(base: SolverParams, keys: readonly CalibrationParam['key'][], theta: readonly number[]): SolverParams {
  const out: SolverParams = { ...base }
  keys.forEach((k, i) => (out[k] = theta[i]!))
  return out
}

function sensitive(model: HourlyModel, base: SolverParams, p: CalibrationParam, weather: HourlyWeather, keys: SeriesKey[], at: Float64Array[], sigma: number[]): boolean {
  for (const dir of [1, -1]) {
    const probe = withParams(base, [p.key], [Math.min(p.max, Math.max(p.min, base[p.key] + dir * p.priorSigma))])
    const moved = modelSeries(model, probe, weather, keys)
    for (let s = 0; s < keys.length; s++) {
      for (let h = 0; h < moved[s]!.length; h++) if (Math.abs(moved[s]![h]! - at[s]![h]!) > 0.05 * sigma[s]!) return true
    }
  }
  return false
}

export function calibrate(scene: Scene, variantId: string, catalog: Catalog, data: MeasuredData, options: CalibrateOptions): CalibrationResult {
  const variant = scene.variants.find((v) => v.id === variantId)
  if (!variant) throw new Error(`unknown variant "${variantId}"`)
  const site = siteClimate(scene.site, catalog)
  const base = resolveParams(scene.params, variant.params)
  const model = prepareHourlyModel(scene, variant, catalog, site, base)
  const w = measuredWeather(data, site)
  const keys: SeriesKey[] = data.series.map((s) => ({ id: s.spec.id, unit: s.spec.unit }))
  // The model runs only at the hours something was measured.
  const used: number[] = []
  for (let h = 0; h < data.hours.length; h++) if (data.series.some((s) => Number.isFinite(s.values[h]!))) used.push(h)
  const pick = (a: Float64Array) => Float64Array.from(used, (h) => a[h]!)
  const hours = pick(data.hours)
  const weather: HourlyWeather = { dryBulbC: pick(w.weather.dryBulbC), wetBulbC: pick(w.weather.wetBulbC) }
  const measured = data.series.map((s) => pick(s.values))
  const before = modelSeries(model, base, weather, keys)
  const sigma = measured.map(noiseSigma)

  let fit: CalibrationResult['fit'] = null
  let after: Float64Array[] | null = null
  let calibratedVariant: Variant | null = null
  if (options.fit) {
    const chosen = CALIBRATION_PARAMS.filter((p) => sensitive(model, base, p, weather, keys, before, sigma))
    const notFitted = CALIBRATION_PARAMS.filter((p) => !chosen.includes(p)).map((p) => ({ key: p.key, why: 'the measured series do not respond to it' }))
    // The measured points, flattened series by series; the model gives the same points.
    const points: { s: number; h: number }[] = []
    measured.forEach((m, s) => m.forEach((v, h) => Number.isFinite(v) && points.push({ s, h })))
    const flat = (series: Float64Array[]) => Float64Array.from(points, (p) => series[p.s]![p.h]!)
    const problem = {
      params: chosen.map((p) => ({ prior: base[p.key], priorSigma: p.priorSigma, min: p.min, max: p.max, stepZ: p.threshold ? 1 / p.priorSigma : undefined })),
      measured: flat(measured),
      sigma: Float64Array.from(points, (p) => sigma[p.s]!),
      model: (theta: readonly number[]) => flat(modelSeries(model, withParams(base, chosen.map((p) => p.key), theta), weather, keys)),
      maxIterations: options.maxIterations,
    }
    const r = chosen.length > 0 ? fitMap(problem) : { theta: [], sigma: [], costBefore: 0, costAfter: 0, iterations: 0 }
    const fitted = withParams(base, chosen.map((p) => p.key), r.theta)
    after = modelSeries(model, fitted, weather, keys)
    const params: FittedParam[] = chosen.map((p, k) => ({
      key: p.key,
      label: p.label,
      unit: p.unit,
      prior: base[p.key],
      priorSigma: p.priorSigma,
      value: r.theta[k]!,
      // A threshold's response is a staircase: its slope, so its σ, is known to the 1 K step at best.
      sigma: p.threshold ? Math.max(THRESHOLD_RESOLUTION_K, r.sigma[k]!) : r.sigma[k]!,
      atBound: r.theta[k]! <= p.min + 1e-9 || r.theta[k]! >= p.max - 1e-9,
      determined: r.sigma[k]! < 0.9 * p.priorSigma,
    }))
    fit = { params, notFitted, iterations: r.iterations, costBefore: r.costBefore, costAfter: r.costAfter }
    const overrides: SolverParamsOverride = { ...variant.params }
    for (const p of params) overrides[p.key] = Number(p.value.toPrecision(4))
    const ids = new Set(scene.variants.map((v) => v.id))
    let id = `${variant.id}-calibrated`
    for (let i = 2; ids.has(id); i++) id = `${variant.id}-calibrated-${i}`
    const from = hourLabel(data.hours[0]!)
    const to = hourLabel(data.hours[data.hours.length - 1]!)
    const fittedText = params.map((p) => `${p.key} ${p.value.toPrecision(4)} ± ${p.sigma.toPrecision(2)} (prior ${p.prior})`).join('; ')
    calibratedVariant = {
      ...variant,
      id,
      name: `${variant.name} (calibrated)`.slice(0, 200),
      description: `Calibrated to ${options.dataLabel} (${from} to ${to}, ${data.readings} readings every ${data.intervalMin} min; series ${keys.map((k) => `${k.id}.${k.unit}`).join(', ')}; weather: ${w.note}). Fitted: ${fittedText || 'nothing'}.`.slice(0, 2000),
      params: overrides,
    }
  }

  const series: SeriesComparison[] = data.series.map((s, i) => {
    const mean = s.spec.unit === 'inletC'
    return {
      name: s.spec.name,
      id: s.spec.id,
      unit: s.spec.unit,
      hoursCompared: s.values.filter((v) => Number.isFinite(v)).length,
      missingHours: s.missingHours,
      gaps: s.gaps,
      before: metricsOf(measured[i]!, before[i]!, hours, mean),
      after: after ? metricsOf(measured[i]!, after[i]!, hours, mean) : null,
      daily: dailyOf(measured[i]!, before[i]!, after ? after[i]! : null, hours),
    }
  })
  return {
    scene: scene.name,
    variant: variant.id,
    weather: { source: site.weather.source, note: w.note },
    period: { from: hourLabel(data.hours[0]!), to: hourLabel(data.hours[data.hours.length - 1]!), hours: data.hours.length, intervalMin: data.intervalMin, readings: data.readings },
    series,
    fit,
    calibratedVariant,
  }
}
