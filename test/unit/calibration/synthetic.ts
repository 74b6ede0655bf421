// Measured data made from the model itself with known parameters, seeded noise and gaps: the
// calibration must find the parameters again.
import { readFileSync } from 'node:fs'
import { builtInCatalog } from '../../../src/model/catalog'
import { resolveParams, type SolverParams } from '../../../src/model/params'
import { parseScene } from '../../../src/model/parse'
import type { Scene } from '../../../src/model/sceneSchema'
import { embedSiteWeather } from '../../../src/model/weather/embed'
import { modelSeries, prepareHourlyModel, type SeriesKey } from '../../../src/solver/calibration/hourlyModel'
import { siteClimate } from '../../../src/solver/year/siteClimate'
import { climateYear } from '../../../src/solver/year/year'

export const DIR = 'test/fixtures/weather'
export const EPW_TEXT = readFileSync(`${DIR}/USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw`, 'utf8')
export const catalog = builtInCatalog()

export function chicagoScene(): Scene {
  const parsed = parseScene(JSON.parse(readFileSync(`${DIR}/chicago-hall.json`, 'utf8')), catalog)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues))
  const embedded = embedSiteWeather(parsed.scene, EPW_TEXT, 'chicago.epw')
  if (!embedded.ok) throw new Error(embedded.messages.join('\n'))
  return embedded.scene
}

/** Seeded uniform generator (mulberry32) and a standard normal from it (Box–Muller). */
export function gaussian(seed: number): () => number {
  let a = seed >>> 0
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform())
}

export interface Synthetic {
  csv: string
  truth: SolverParams
  keys: SeriesKey[]
}

const MONTH_START_DAY = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334]
const pad = (n: number) => String(n).padStart(2, '0')

/** The meters of the fixture (test/fixtures/weather/chicago-measured.csv) and the noise of each at
 *  noise = 1, in its unit per reading: kW, kW, kVA, K, m³ per 15 min. */
export const FIXTURE_METERS: readonly (SeriesKey & { noise: number })[] = [
  { id: 'GRID', unit: 'kW', noise: 10 },
  { id: 'LV-AUX', unit: 'kW', noise: 0.2 },
  { id: 'T-1', unit: 'kVA', noise: 10 },
  { id: 'row-2', unit: 'inletC', noise: 0.3 },
  { id: 'site', unit: 'waterM3', noise: 0.01 },
]

/** 15-min readings over `months` (0-based) of 2025, the model's values at `truth` plus noise
 *  (`noise` × each meter's), a three-day hole in each month and blank cells. */
export function syntheticCsv(scene: Scene, truth: Partial<SolverParams>, months: number[], noise: number, seed: number, meters: readonly (SeriesKey & { noise: number })[] = FIXTURE_METERS): Synthetic {
  const variant = scene.variants[0]!
  const site = siteClimate(scene.site, catalog)
  const params = resolveParams(scene.params, variant.params, truth)
  const model = prepareHourlyModel(scene, variant, catalog, site, resolveParams(scene.params, variant.params))
  const year = climateYear(site.climate)
  const keys: SeriesKey[] = meters.map((m) => ({ id: m.id, unit: m.unit }))
  const scale = meters.map((m) => m.noise)
  const hours: number[] = []
  for (const m of months) for (let d = 0; d < [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m]!; d++) for (let h = 0; h < 24; h++) hours.push((MONTH_START_DAY[m]! + d) * 24 + h)
  const weather = { dryBulbC: Float64Array.from(hours, (h) => year.dryBulbC[h]!), wetBulbC: Float64Array.from(hours, (h) => year.wetBulbC[h]!) }
  const values = modelSeries(model, params, weather, keys)
  const rand = gaussian(seed)
  const lines = [`timestamp,outdoorC,${keys.map((k) => `${k.id}.${k.unit}`).join(',')}`]
  hours.forEach((hoy, i) => {
    const day = Math.floor(hoy / 24)
    const month = MONTH_START_DAY.findLastIndex((s) => s <= day)
    const dom = day - MONTH_START_DAY[month]! + 1
    if (dom >= 10 && dom < 13) return // a three-day hole
    for (let q = 0; q < 4; q++) {
      const cells = keys.map((k, s) => {
        if ((i * 4 + q) % 97 === s) return '' // a blank cell now and then
        const v = k.unit === 'waterM3' ? values[s]![i]! / 4 : values[s]![i]!
        return (v + noise * scale[s]! * rand()).toFixed(4)
      })
      lines.push(`2025-${pad(month + 1)}-${pad(dom)}T${pad(hoy % 24)}:${pad(q * 15)}:00,${year.dryBulbC[hoy]!.toFixed(1)},${cells.join(',')}`)
    }
  })
  return { csv: lines.join('\n') + '\n', truth: params, keys }
}
