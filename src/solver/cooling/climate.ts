// Design-day supply air of a hall, as the thermal field reads it: a view of the hall's plant
// (plant/evaluate.ts supplyMode / supplyAirC), so the field and the checks start from one figure.
import type { Catalog } from '../../model/catalog'
import type { Climate } from '../../model/catalogSchema'
import type { SolverParams } from '../../model/params'
import type { Hall } from '../../model/sceneSchema'
import { airDensityKgM3, pressureAtAltitudePa } from '../constants'
import { designWeather, supplyAirC, supplyBasis, supplyMode } from './plant/evaluate'
import { plantPlacements, sumUnits } from './plant/plant'

export interface HallAir {
  /** Air entering the hall's IT space on the design day, °C. */
  supplyC: number
  /** Density of that air at the site's altitude, kg/m³. */
  densityKgM3: number
  /** How the supply temperature was reached, for the report. */
  basis: string
}

export function hallSupplyAir(hall: Hall, climate: Climate, catalog: Catalog, params: SolverParams): HallAir {
  const units = sumUnits(plantPlacements(hall, catalog), hall.airScheme)
  const weather = designWeather(climate)
  const mode = supplyMode(units, weather.dryBulbC, params)
  const supplyC = supplyAirC(mode, units, weather.dryBulbC, weather.wetBulbC, params)
  return { supplyC, densityKgM3: airDensityKgM3(supplyC, pressureAtAltitudePa(climate.altitudeM)), basis: supplyBasis(mode, units, weather, params) }
}
