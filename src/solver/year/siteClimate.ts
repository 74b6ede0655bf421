// Which weather a site runs on: the EPW file embedded in `site.weather` (its hours are the
// typical year, its percentiles the design day: epwYear.ts), else the catalog climate of
// `site.climateId` (a year synthesised from monthly means: typicalYear.ts). A `site.weather.file`
// that nobody loaded (the browser cannot read files beside the scene) falls back to the catalog
// and says so. The report names the weather in use (report.climate.weather).
import type { Catalog } from '../../model/catalog'
import type { Climate } from '../../model/catalogSchema'
import type { Site } from '../../model/sceneSchema'
import { parseEpw } from '../../model/weather/epw'
import { epwYear, type EpwDesign } from './epwYear'
import { registerHourlyYear } from './year'

export interface WeatherInUse {
  /** 'epw': the hours of a weather file; 'catalog': the catalog climate's synthetic year. */
  source: 'epw' | 'catalog'
  /** One line for the report and the CLI. */
  note: string
}

export interface SiteClimate {
  /** Where the weather came from: the EPW's file name ("embedded" when none), or the catalog id. */
  label: string
  climate: Climate
  weather: WeatherInUse
  /** The EPW's design figures and header values (null on a catalog climate). */
  design: EpwDesign | null
  /** The EPW's local standard time, hours from UTC (null on a catalog climate). */
  timeZoneH: number | null
}

// An EPW text is 1.6 MB: parse each once. Keyed by the site's weather record (one object for
// every variant and every solve of a scene), then by the text itself (the same file in an edited
// scene); the last few texts kept.
const byRecord = new WeakMap<object, SiteClimate>()
const byText = new Map<string, SiteClimate>()
const KEEP = 4

function fromEpw(text: string, label: string): SiteClimate | null {
  const hit = byText.get(text)
  if (hit && hit.label === label) return hit
  const result = parseEpw(text)
  if (!result.ok) return null
  const year = epwYear(result.epw, label)
  registerHourlyYear(year.climate, year.year)
  const out: SiteClimate = {
    label,
    climate: year.climate,
    design: year.design,
    timeZoneH: result.epw.location.timeZoneH,
    weather: { source: 'epw', note: `EPW weather file ${label}: 8,760 hours; design day ${year.design.dryBulbC} °C dry / ${year.design.wetBulbC} °C wet bulb (${year.design.basis})` },
  }
  if (byText.size >= KEEP) byText.delete(byText.keys().next().value!)
  byText.set(text, out)
  return out
}

/** The climate a site runs on. Throws on an unknown catalog climate (the parser refuses those). */
export function siteClimate(site: Site, catalog: Catalog): SiteClimate {
  const fallback = catalog.climates.get(site.climateId)
  if (!fallback) throw new Error(`unknown climate "${site.climateId}"`)
  const w = site.weather
  if (w?.epw !== undefined) {
    const cached = byRecord.get(w)
    if (cached) return cached
    const epw = fromEpw(w.epw, w.file ?? 'embedded')
    if (epw) {
      byRecord.set(w, epw)
      return epw
    }
  }
  const why = w?.file !== undefined && w.epw === undefined ? ` (the EPW file ${w.file} was not loaded)` : w?.epw !== undefined ? ' (the embedded EPW could not be read)' : ''
  return {
    label: fallback.id,
    climate: fallback,
    design: null,
    timeZoneH: null,
    weather: { source: 'catalog', note: `catalog climate ${fallback.name}: a year synthesised from monthly means and the design day${why}` },
  }
}
