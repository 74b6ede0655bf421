// The weather of the measured hours: the measured outdoor dry bulb where the data has it (with its
// measured relative humidity, else the site weather's humidity ratio at the same hour of the year),
// and the site weather's hour (EPW, or the catalog climate's synthetic year) where it has not.
import type { MeasuredData } from '../../model/weather/measured'
import { pressureAtAltitudePa } from '../constants'
import { climateYear } from '../year/year'
import { ratioAtWetBulb, wetBulbFromRatioC, wetBulbFromRelativeHumidityC } from '../year/psychrometrics'
import type { SiteClimate } from '../year/siteClimate'
import type { HourlyWeather } from './hourlyModel'

export function measuredWeather(data: MeasuredData, site: SiteClimate): { weather: HourlyWeather; note: string } {
  const year = climateYear(site.climate)
  const pressurePa = pressureAtAltitudePa(site.climate.altitudeM)
  const n = data.hours.length
  const dryBulbC = new Float64Array(n)
  const wetBulbC = new Float64Array(n)
  let measured = 0
  for (let h = 0; h < n; h++) {
    const at = data.hourOfYear[h]!
    const yearDb = year.dryBulbC[at]!
    const yearWb = year.wetBulbC[at]!
    const db = data.outdoorC?.[h]
    if (db === undefined || !Number.isFinite(db)) {
      dryBulbC[h] = yearDb
      wetBulbC[h] = yearWb
      continue
    }
    measured++
    dryBulbC[h] = db
    const rh = data.outdoorRH?.[h]
    wetBulbC[h] =
      rh !== undefined && Number.isFinite(rh)
        ? wetBulbFromRelativeHumidityC(db, rh, pressurePa)
        : wetBulbFromRatioC(db, ratioAtWetBulb(yearDb, Math.min(yearWb, yearDb), pressurePa), pressurePa)
  }
  const source = site.weather.source === 'epw' ? 'the EPW file' : `the catalog climate ${site.climate.name}`
  const note =
    measured === 0
      ? `no outdoor temperature measured: ${source}, hour by hour`
      : `measured outdoorC for ${measured} h${data.outdoorRH ? ' (wet bulb from measured RH)' : ` (humidity from ${source})`}; ${source}'s hour where it is missing`
  return { weather: { dryBulbC, wetBulbC }, note }
}
