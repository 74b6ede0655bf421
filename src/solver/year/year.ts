// The configuration run hour by hour over a typical year of the site's climate: facility power,
// PUE (annual and worst hour), hours outside the allowed inlet and coolant range, water use.
// IT runs at its design load all year (the conservative basis); transformer and UPS losses are
// held at their design-day value.
import type { Catalog } from '../../model/catalog'
import type { Climate } from '../../model/catalogSchema'
import type { SolverParams } from '../../model/params'
import type { Variant } from '../../model/sceneSchema'
import { pressureAtAltitudePa } from '../constants'
import type { RowLoad } from '../loads'
import { emptyPlantHour, hallPlant, plantHour, type HallPlant } from './plant'
import { allowableInletC } from '../cooling/ashrae'
import { HOURS, typicalYear, type HourlyYear } from './typicalYear'

export interface MonthFigures {
  month: number
  meanDryBulbC: number
  itMWh: number
  facilityMWh: number
  pue: number
  waterM3: number
  hoursInletAboveAllowable: number
}

export interface HallYear {
  hallId: string
  hoursInletAboveAllowable: number
  hoursInletAboveRecommended: number
  hoursCoolantAboveMax: number
  hoursAirflowShort: number
  hoursLiquidShort: number
  /** Lowest allowable and recommended inlet, and coolant maximum, of the hall's devices. */
  allowableInletC: number | null
  recommendedInletC: number | null
  coolantMaxC: number | null
}

export interface YearResult {
  itMWh: number
  coolingMWh: number
  lossMWh: number
  facilityMWh: number
  annualPue: number
  worstHourPue: number
  /** Hour of the year (0–8759) of the worst PUE. */
  worstHour: number
  waterM3: number
  maxDryBulbC: number
  minDryBulbC: number
  halls: HallYear[]
  months: MonthFigures[]
  solveMs: number
}

const cache = new WeakMap<Climate, HourlyYear>()

export function climateYear(climate: Climate): HourlyYear {
  let year = cache.get(climate)
  if (!year) {
    year = typicalYear(climate)
    cache.set(climate, year)
  }
  return year
}

interface HallLimits {
  plant: HallPlant
  allowable: number
  recommended: number | null
  coolantMax: number | null
}

export function simulateYear(variant: Variant, rows: readonly RowLoad[], lossKW: number, climate: Climate, catalog: Catalog, params: SolverParams): YearResult {
  const t0 = typeof performance !== 'undefined' ? performance.now() : Date.now()
  const weather = climateYear(climate)
  const pressurePa = pressureAtAltitudePa(climate.altitudeM)
  const itKW = rows.reduce((s, r) => s + r.rowKW, 0)
  const halls: HallLimits[] = variant.halls.map((hall) => {
    const hallRows = rows.filter((r) => r.hall.id === hall.id)
    const air = hallRows.filter((r) => r.heatAirKW > 0)
    const liquid = hallRows.filter((r) => r.heatLiquidKW > 0 && r.device.coolantMaxSupplyC !== undefined)
    const recommended = air.map((r) => r.device.inlet.recommendedMaxC).filter((v): v is number => v !== undefined)
    return {
      plant: hallPlant(hall, air.reduce((s, r) => s + r.heatAirKW, 0), hallRows.reduce((s, r) => s + r.heatLiquidKW, 0), catalog),
      allowable: air.length > 0 ? Math.min(...air.map((r) => allowableInletC(r.device))) : Infinity,
      recommended: recommended.length > 0 ? Math.min(...recommended) : null,
      coolantMax: liquid.length > 0 ? Math.min(...liquid.map((r) => r.device.coolantMaxSupplyC!)) : null,
    }
  })
  const hallYears: HallYear[] = halls.map((h) => ({
    hallId: h.plant.hallId,
    hoursInletAboveAllowable: 0,
    hoursInletAboveRecommended: 0,
    hoursCoolantAboveMax: 0,
    hoursAirflowShort: 0,
    hoursLiquidShort: 0,
    allowableInletC: Number.isFinite(h.allowable) ? h.allowable : null,
    recommendedInletC: h.recommended,
    coolantMaxC: h.coolantMax,
  }))
  const months: MonthFigures[] = Array.from({ length: 12 }, (_, month) => ({ month, meanDryBulbC: 0, itMWh: 0, facilityMWh: 0, pue: 1, waterM3: 0, hoursInletAboveAllowable: 0 }))
  const hoursInMonth = new Array<number>(12).fill(0)
  const scratch = halls.map(() => emptyPlantHour())
  let coolingKWh = 0
  let waterL = 0
  let worstHourPue = 0
  let worstHour = 0
  let maxDb = -Infinity
  let minDb = Infinity
  for (let h = 0; h < HOURS; h++) {
    const db = weather.dryBulbC[h]!
    const wb = weather.wetBulbC[h]!
    const m = weather.month[h]!
    maxDb = Math.max(maxDb, db)
    minDb = Math.min(minDb, db)
    let coolingKW = 0
    let waterLph = 0
    let inletOut = false
    for (let i = 0; i < halls.length; i++) {
      const hall = halls[i]!
      const r = plantHour(hall.plant, db, wb, pressurePa, params, scratch[i])
      coolingKW += r.coolingKW
      waterLph += r.waterLph
      const inlet = r.supplyAirC + params.recirculationK
      const y = hallYears[i]!
      if (hall.plant.heatAirKW > 0 && (inlet > hall.allowable || r.airflowShort)) {
        y.hoursInletAboveAllowable++
        inletOut = true
      }
      if (hall.recommended !== null && inlet > hall.recommended) y.hoursInletAboveRecommended++
      if (hall.coolantMax !== null && r.coolantC > hall.coolantMax) y.hoursCoolantAboveMax++
      if (r.airflowShort) y.hoursAirflowShort++
      if (r.liquidShortKW > 0) y.hoursLiquidShort++
    }
    const facilityKW = itKW + coolingKW + lossKW
    const pue = itKW > 0 ? facilityKW / itKW : 1
    if (pue > worstHourPue) {
      worstHourPue = pue
      worstHour = h
    }
    coolingKWh += coolingKW
    waterL += waterLph
    const mf = months[m]!
    mf.meanDryBulbC += db
    mf.itMWh += itKW / 1000
    mf.facilityMWh += facilityKW / 1000
    mf.waterM3 += waterLph / 1000
    if (inletOut) mf.hoursInletAboveAllowable++
    hoursInMonth[m]!++
  }
  for (const mf of months) {
    mf.meanDryBulbC /= Math.max(1, hoursInMonth[mf.month]!)
    mf.pue = mf.itMWh > 0 ? mf.facilityMWh / mf.itMWh : 1
  }
  const itMWh = (itKW * HOURS) / 1000
  const lossMWh = (lossKW * HOURS) / 1000
  const facilityMWh = itMWh + coolingKWh / 1000 + lossMWh
  return {
    itMWh,
    coolingMWh: coolingKWh / 1000,
    lossMWh,
    facilityMWh,
    annualPue: itMWh > 0 ? facilityMWh / itMWh : 1,
    worstHourPue: worstHourPue || 1,
    worstHour,
    waterM3: waterL / 1000,
    maxDryBulbC: maxDb,
    minDryBulbC: minDb,
    halls: hallYears,
    months,
    solveMs: (typeof performance !== 'undefined' ? performance.now() : Date.now()) - t0,
  }
}
