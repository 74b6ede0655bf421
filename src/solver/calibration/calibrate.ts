// Model vs measured, and calibration (docs/calibration.md). For every measured series the model's
// value hour by hour under the measured weather (calibration/weather.ts) with ASHRAE Guideline 14's
// NMBE and CV(RMSE), hourly and monthly (metrics.ts); then, optionally, a bounded MAP fit (fit.ts)
// of the uncertain parameters that the data can see, the metrics again, and a calibrated variant:
// the compared variant with the fitted values as params overrides and a note of the data.
import type { Catalog } from '../../model/catalog'
import type { CoolingUnitOf, Source } from '../../model/catalogSchema'
import { resolveParams, type SolverParams, type SolverParamsOverride } from '../../model/params'
import type { Scene, Variant } from '../../model/sceneSchema'
import { describeWeatherIssue } from '../../model/weather/epw'
import { parseMeasured, SITE_ID, type MeasuredData, type MeasuredGap, type MeasuredTargets } from '../../model/weather/measured'
import { variantLoads } from '../loads'
import { siteClimate } from '../year/siteClimate'
import { fitMap } from './fit'
import { modelSeries, prepareHourlyModel, type HourlyModel, type HourlyWeather, type SeriesKey } from './hourlyModel'
import { g14Metrics, monthlyPairs, type FitMetrics } from './metrics'
import { measuredWeather } from './weather'

export type CalibrationKey = 'itPowerFraction' | 'itPowerFactor' | 'fanFlowDerate' | 'padEffectiveness' | 'transformerLossFactor' | 'winterMinSupplyC' | 'padOnAboveC'
type Confidence = Source['confidence']

/** A parameter calibration may fit. Its prior is the value the variant uses: the solver parameter,
 *  or, for a catalog figure the variant does not override, the catalog's (calibrationPriors). */
export interface CalibrationParam {
  key: CalibrationKey
  label: string
  unit: string
  /** Prior standard deviation: one value (a solver parameter, params.ts: approx), or by the
   *  confidence of the catalog source the prior comes from. */
  priorSigma: number | Readonly<Record<Confidence, number>>
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
  {
    key: 'itPowerFactor',
    label: 'IT power factor',
    unit: '',
    // A PSU's power factor is a datasheet figure at full load; it falls at part load and with
    // harmonics. Verified ±0.01 … approx ±0.05 (engineering judgement).
    priorSigma: { verified: 0.01, secondary: 0.02, derived: 0.03, approx: 0.05 },
    min: 0.7,
    max: 1,
    why: 'the devices’ catalog powerFactor, a full-load datasheet figure',
  },
  { key: 'fanFlowDerate', label: 'Fan flow derate', unit: '', priorSigma: 0.15, min: 0.3, max: 1, why: 'params.ts: approx; system effects cut 10–40 % of free-air flow' },
  {
    key: 'padEffectiveness',
    label: 'Pad wet-bulb effectiveness',
    unit: '',
    // ε of a cellulose pad moves with face velocity, depth, scale and wetting: 0.7–0.9 new
    // (ASHRAE Handbook HVAC Systems and Equipment, ch. 41, approx). Verified ±0.03 … approx ±0.1.
    priorSigma: { verified: 0.03, secondary: 0.05, derived: 0.07, approx: 0.1 },
    min: 0.3,
    max: 0.95,
    why: 'the pads’ catalog effectiveness at a nominal face velocity',
  },
  {
    key: 'transformerLossFactor',
    label: 'Transformer losses / catalog',
    unit: '',
    // IEC 60076-1 tolerates +10 % on a unit's total losses and +15 % on each part against its
    // guarantee (approx, memory): a verified passport ±0.1 … an approx figure ±0.3.
    priorSigma: { verified: 0.1, secondary: 0.15, derived: 0.2, approx: 0.3 },
    min: 0.3,
    max: 3,
    why: 'the catalog’s passport P0 and Pk; a unit in service differs within the standard’s tolerance',
  },
  { key: 'winterMinSupplyC', label: 'Winter minimum supply air (recirculation)', unit: '°C', priorSigma: 4, min: -10, max: 30, why: 'params.ts: approx (an operator setpoint)' },
  { key: 'padOnAboveC', label: 'Pads on above', unit: '°C', priorSigma: 4, min: 0, max: 40, why: 'params.ts: approx (an operator setpoint)', threshold: true },
]

const CONFIDENCE_RANK: Record<Confidence, number> = { approx: 0, derived: 1, secondary: 2, verified: 3 }

/** The confidence of a catalog entry's figure: its best source that names the figure (title or
 *  note matches; a figure is as good as the best source giving it), else approx. */
function figureConfidence(sources: readonly Source[], figure: RegExp): { confidence: Confidence; title: string } {
  const named = sources.filter((s) => figure.test(s.title) || figure.test(s.note ?? ''))
  if (named.length === 0) return { confidence: 'approx', title: 'no source names it' }
  return named.reduce((a, b) => (CONFIDENCE_RANK[b.confidence] > CONFIDENCE_RANK[a.confidence] ? b : a))
}

/** The weakest of several figures' confidences, and the figures with the weakest's source. */
function weakest(list: { confidence: Confidence; title: string; figure: string }[]): { confidence: Confidence; text: string } {
  const w = list.reduce((a, b) => (CONFIDENCE_RANK[b.confidence] < CONFIDENCE_RANK[a.confidence] ? b : a))
  return { confidence: w.confidence, text: `catalog ${[...new Set(list.map((l) => l.figure))].join(', ')} (“${w.title}”, ${w.confidence})` }
}

export interface Prior {
  value: number
  sigma: number
  /** Where the prior value and its σ come from. */
  source: string
}

/** The prior of every calibration parameter the variant has (null: nothing in the variant it acts
 *  on, e.g. no pads). A value the variant's params set is the prior itself; the σ stays the
 *  catalog confidence's. */
export function calibrationPriors(variant: Variant, catalog: Catalog, base: SolverParams): Map<CalibrationKey, Prior | null> {
  const loads = variantLoads(variant, catalog, base)
  const out = new Map<CalibrationKey, Prior | null>()
  for (const p of CALIBRATION_PARAMS) {
    if (typeof p.priorSigma === 'number') {
      out.set(p.key, { value: base[p.key] as number, sigma: p.priorSigma, source: `params.${p.key} (params.ts: approx)` })
      continue
    }
    let from: { confidence: Confidence; text: string } | null = null
    let value = base[p.key]
    if (p.key === 'itPowerFactor' && loads.rows.length > 0) {
      // The catalog's power factors as one: the one that gives the rows' total reactive power.
      const kw = loads.rows.reduce((s, r) => s + r.rowKW, 0)
      const kvar = loads.rows.reduce((s, r) => s + r.kvar, 0)
      value ??= kw > 0 ? kw / Math.hypot(kw, kvar) : 1
      from = weakest(loads.rows.map((r) => ({ ...figureConfidence(r.device.sources, /\bPF\b|power factor/i), figure: `${r.device.id} PF ${r.device.powerFactor}` })))
    } else if (p.key === 'padEffectiveness') {
      const pads = variant.halls.flatMap((h) => h.cooling.flatMap((c) => catalog.coolingUnits.get(c.modelId) ?? [])).filter((u): u is CoolingUnitOf<'evap-pad'> => u.kind === 'evap-pad')
      if (pads.length > 0) {
        // A hall's pads work at its best pad's ε (cooling/plant/plant.ts).
        value ??= Math.max(...pads.map((u) => u.effectiveness))
        from = weakest(pads.map((u) => ({ ...figureConfidence(u.sources, /effectiveness/i), figure: `${u.id} ε ${u.effectiveness}` })))
      }
    } else if (p.key === 'transformerLossFactor') {
      const models = variant.power.flatMap((n) => (n.kind === 'transformer' && n.modelId ? [catalog.transformers.get(n.modelId)] : [])).filter((t) => t !== undefined)
      if (models.length > 0) {
        value ??= 1
        from = weakest(models.map((t) => ({ ...figureConfidence(t.sources, /\bP0\b|\bPk\b/), figure: `${t.id} P0 ${t.noLoadLossKW} kW, Pk ${t.loadLossKW} kW` })))
      }
    }
    out.set(p.key, from && value !== undefined ? { value, sigma: p.priorSigma[from.confidence], source: base[p.key] !== undefined ? `params.${p.key} of the variant; σ from ${from.text}` : from.text } : null)
  }
  return out
}

export interface SeriesComparison {
  name: string
  id: string
  unit: SeriesKey['unit']
  hoursCompared: number
  missingHours: number
  gaps: MeasuredGap[]
  before: { hourly: FitMetrics | null; monthly: FitMetrics | null }
  after: { hourly: FitMetrics | null; monthly: FitMetrics | null } | null
  /** What the fit gained: |NMBE| before − after and CV(RMSE) before − after, percentage points
   *  (positive: closer to the measurement); null before a fit or where a metric is n/a. */
  improvement: { hourly: MetricGain | null; monthly: MetricGain | null } | null
  /** Daily means for a plot: measured, model before, model after the fit (null before a fit). */
  daily: { day: string; measured: number; before: number; after: number | null }[]
}

export interface MetricGain {
  nmbePct: number
  cvrmsePct: number
}

export interface FittedParam {
  key: CalibrationParam['key']
  label: string
  unit: string
  prior: number
  priorSigma: number
  /** Where the prior and its σ come from (the solver parameter, or the catalog figure and its source's confidence). */
  priorSource: string
  /** The measured series it moves (a ±1σ probe moves them by more than 5 % of their noise). */
  informedBy: string[]
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

function withParams(base: SolverParams, keys: readonly CalibrationKey[], theta: readonly number[]): SolverParams {
  const out: SolverParams = { ...base }
  keys.forEach((k, i) => (out[k] = theta[i]!))
  return out
}

/** The series (indices) a ±1σ probe of the parameter moves by more than 5 % of their noise. */
function sensitiveSeries(model: HourlyModel, base: SolverParams, p: CalibrationParam, prior: Prior, weather: HourlyWeather, keys: SeriesKey[], at: Float64Array[], sigma: number[]): number[] {
  const moved = new Set<number>()
  for (const dir of [1, -1]) {
    const probe = withParams(base, [p.key], [Math.min(p.max, Math.max(p.min, prior.value + dir * prior.sigma))])
    const values = modelSeries(model, probe, weather, keys)
    for (let s = 0; s < keys.length; s++) {
      if (moved.has(s)) continue
      for (let h = 0; h < values[s]!.length; h++) {
        if (Math.abs(values[s]![h]! - at[s]![h]!) > 0.05 * sigma[s]!) {
          moved.add(s)
          break
        }
      }
    }
  }
  return [...moved].sort((a, b) => a - b)
}

interface DataShape {
  model: HourlyModel
  base: SolverParams
  keys: SeriesKey[]
  measured: Float64Array[]
  weather: HourlyWeather
}

/** Why the measured series cannot tell a parameter apart from the others, or null when they can
 *  (the numeric probe then still has to see it move something):
 *  - the power factor needs an apparent power (kVA) series: kW alone does not show it;
 *  - the transformer losses need kW (or kVA) into a transformer (at it, or at a grid that feeds
 *    only it) and kW out of all it feeds: their difference is the loss; with a feeder unmetered the
 *    losses cannot be told from the device power behind it;
 *  - the pads' effectiveness needs a row's inlet °C (in a hall with pads) or the water, measured at
 *    hours in pad season (outdoor above padOnAboveC). */
function uninformed(key: CalibrationKey, d: DataShape): string | null {
  const chain = d.model.chain
  const measuredAt = (s: number, hourOk: (h: number) => boolean = () => true) => d.measured[s]!.some((v, h) => Number.isFinite(v) && hourOk(h))
  const node = (k: SeriesKey) => (k.id === SITE_ID ? chain.rootIndex : (chain.index.get(k.id) ?? -1))
  if (key === 'itPowerFactor') {
    return d.keys.some((k, s) => k.unit === 'kVA' && measuredAt(s)) ? null : 'no kVA series measured: apparent power is what shows the power factor'
  }
  if (key === 'transformerLossFactor') {
    const children = chain.nodes.map(() => [] as number[])
    chain.parent.forEach((p, i) => p >= 0 && children[p]!.push(i))
    const metered = (i: number, units: readonly string[]) => d.keys.some((k, s) => units.includes(k.unit) && node(k) === i && measuredAt(s))
    // Everything a node passes on is metered in kW: the node itself, or each of its children.
    const covered = (i: number): boolean => metered(i, ['kW']) || (children[i]!.length > 0 && children[i]!.every(covered))
    for (let t = 0; t < chain.nodes.length; t++) {
      if (!Number.isFinite(chain.p0[t]!) || children[t]!.length === 0 || !children[t]!.every(covered)) continue
      // Its intake metered at it, or at an ancestor that feeds nothing else.
      for (let a = t; a >= 0; a = chain.parent[a]!) {
        if (metered(a, ['kW', 'kVA'])) return null
        const up = chain.parent[a]!
        if (up < 0 || children[up]!.length !== 1) break
      }
    }
    return 'needs kW (or kVA) into a transformer (or the grid feeding only it) and kW out of every board it feeds: their difference is the loss'
  }
  if (key === 'padEffectiveness') {
    const loads = variantLoads(d.model.variant, d.model.catalog, d.base)
    const padHalls = new Set(d.model.variant.halls.filter((h) => h.cooling.some((c) => d.model.catalog.coolingUnits.get(c.modelId)?.kind === 'evap-pad')).map((h) => h.id))
    const rowInPadHall = new Set(loads.rows.filter((r) => padHalls.has(r.hall.id)).map((r) => r.row.id))
    const padSeason = (h: number) => d.weather.dryBulbC[h]! > d.base.padOnAboveC
    const seen = d.keys.some((k, s) => ((k.unit === 'inletC' && rowInPadHall.has(k.id)) || k.unit === 'waterM3') && measuredAt(s, padSeason))
    return seen ? null : `no inlet °C (or water) measured in pad season (outdoor above padOnAboveC ${d.base.padOnAboveC} °C)`
  }
  return null
}

const gain = (b: FitMetrics | null, a: FitMetrics | null): MetricGain | null =>
  b && a ? { nmbePct: Math.abs(b.nmbePct) - Math.abs(a.nmbePct), cvrmsePct: b.cvrmsePct - a.cvrmsePct } : null

/** A calibration from a CSV's text: the result, or the CSV's errors (line and column). */
export type CsvCalibration = { ok: true; result: CalibrationResult } | { ok: false; errors: string[] }

/** The ids of a variant that measured data may name (measured.ts). */
export function measuredTargets(variant: Variant): MeasuredTargets {
  return { powerNodes: new Set(variant.power.map((n) => n.id)), rows: new Set(variant.halls.flatMap((h) => h.rows.map((r) => r.id))) }
}

/** calibrate() from the CSV's text: parsed against the variant's ids at the site weather's time
 *  zone (the EPW's), so that a caller (the app's worker request) needs no weather of its own.
 *  Errors as lines naming line and column. */
export function calibrateCsv(scene: Scene, variantId: string, catalog: Catalog, csv: string, fileName: string, options: CalibrateOptions): CsvCalibration {
  const variant = scene.variants.find((v) => v.id === variantId)
  if (!variant) throw new Error(`unknown variant "${variantId}"`)
  const parsed = parseMeasured(csv, measuredTargets(variant), siteClimate(scene.site, catalog).timeZoneH)
  if (!parsed.ok) return { ok: false, errors: parsed.issues.map((i) => `${fileName}: ${describeWeatherIssue(i)}`) }
  return { ok: true, result: calibrate(scene, variantId, catalog, parsed.data, options) }
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
    const priors = calibrationPriors(variant, catalog, base)
    const shape: DataShape = { model, base, keys, measured, weather }
    const chosen: { p: CalibrationParam; prior: Prior; series: number[] }[] = []
    const notFitted: { key: string; why: string }[] = []
    for (const p of CALIBRATION_PARAMS) {
      const prior = priors.get(p.key)
      const why = prior ? uninformed(p.key, shape) : 'nothing in the variant it acts on'
      const series = prior && why === null ? sensitiveSeries(model, base, p, prior, weather, keys, before, sigma) : []
      if (prior && why === null && series.length > 0) chosen.push({ p, prior, series })
      else notFitted.push({ key: p.key, why: why ?? 'the measured series do not respond to it' })
    }
    const chosenKeys = chosen.map((c) => c.p.key)
    // The measured points, flattened series by series; the model gives the same points.
    const points: { s: number; h: number }[] = []
    measured.forEach((m, s) => m.forEach((v, h) => Number.isFinite(v) && points.push({ s, h })))
    const flat = (series: Float64Array[]) => Float64Array.from(points, (p) => series[p.s]![p.h]!)
    const problem = {
      params: chosen.map(({ p, prior }) => ({ prior: prior.value, priorSigma: prior.sigma, min: p.min, max: p.max, stepZ: p.threshold ? 1 / prior.sigma : undefined })),
      measured: flat(measured),
      sigma: Float64Array.from(points, (p) => sigma[p.s]!),
      model: (theta: readonly number[]) => flat(modelSeries(model, withParams(base, chosenKeys, theta), weather, keys)),
      maxIterations: options.maxIterations,
    }
    const r = chosen.length > 0 ? fitMap(problem) : { theta: [], sigma: [], costBefore: 0, costAfter: 0, iterations: 0 }
    const fitted = withParams(base, chosenKeys, r.theta)
    after = modelSeries(model, fitted, weather, keys)
    const params: FittedParam[] = chosen.map(({ p, prior, series }, k) => ({
      key: p.key,
      label: p.label,
      unit: p.unit,
      prior: prior.value,
      priorSigma: prior.sigma,
      priorSource: prior.source,
      informedBy: series.map((s) => data.series[s]!.spec.name),
      value: r.theta[k]!,
      // A threshold's response is a staircase: its slope, so its σ, is known to the 1 K step at best.
      sigma: p.threshold ? Math.max(THRESHOLD_RESOLUTION_K, r.sigma[k]!) : r.sigma[k]!,
      atBound: r.theta[k]! <= p.min + 1e-9 || r.theta[k]! >= p.max - 1e-9,
      determined: r.sigma[k]! < 0.9 * prior.sigma,
    }))
    fit = { params, notFitted, iterations: r.iterations, costBefore: r.costBefore, costAfter: r.costAfter }
    const overrides: SolverParamsOverride = { ...variant.params }
    for (const p of params) overrides[p.key] = Number(p.value.toPrecision(4))
    const ids = new Set(scene.variants.map((v) => v.id))
    let id = `${variant.id}-calibrated`
    for (let i = 2; ids.has(id); i++) id = `${variant.id}-calibrated-${i}`
    const from = hourLabel(data.hours[0]!)
    const to = hourLabel(data.hours[data.hours.length - 1]!)
    const fittedText = params
      .map((p) => `${p.key} ${p.value.toPrecision(4)} ± ${p.sigma.toPrecision(2)} (prior ${Number(p.prior.toPrecision(4))} ± ${Number(p.priorSigma.toPrecision(2))}; from ${p.informedBy.join(', ')})`)
      .join('; ')
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
    const was = metricsOf(measured[i]!, before[i]!, hours, mean)
    const now = after ? metricsOf(measured[i]!, after[i]!, hours, mean) : null
    return {
      name: s.spec.name,
      id: s.spec.id,
      unit: s.spec.unit,
      hoursCompared: s.values.filter((v) => Number.isFinite(v)).length,
      missingHours: s.missingHours,
      gaps: s.gaps,
      before: was,
      after: now,
      improvement: now ? { hourly: gain(was.hourly, now.hourly), monthly: gain(was.monthly, now.monthly) } : null,
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
