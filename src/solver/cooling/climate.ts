// Design-day air at a hall's device inlets.
//   Evaporative pads cool outside air toward its wet bulb: T = DB − ε·(DB − WB) (direct
//   evaporative cooling, effectiveness ε from the pad's catalog entry).
//   CRAH halls hold a supply setpoint (a named parameter).
import type { Catalog } from '../../model/catalog'
import type { Climate, CoolingUnitKind, CoolingUnitOf } from '../../model/catalogSchema'
import type { SolverParams } from '../../model/params'
import type { Hall } from '../../model/sceneSchema'
import { airDensityKgM3, pressureAtAltitudePa } from '../constants'

export interface HallAir {
  /** Air entering the hall's IT space on the design day, °C. */
  supplyC: number
  /** Density of that air at the site's altitude, kg/m³. */
  densityKgM3: number
  /** How the supply temperature was reached, for the report. */
  basis: string
}

export function unitsOfKind<K extends CoolingUnitKind>(hall: Hall, catalog: Catalog, kind: K): { model: CoolingUnitOf<K>; count: number }[] {
  const out: { model: CoolingUnitOf<K>; count: number }[] = []
  for (const unit of hall.cooling) {
    const model = catalog.coolingUnits.get(unit.modelId)
    if (model?.kind === kind) out.push({ model: model as CoolingUnitOf<K>, count: unit.count })
  }
  return out
}

export function hallSupplyAir(hall: Hall, climate: Climate, catalog: Catalog, params: SolverParams): HallAir {
  const pressurePa = pressureAtAltitudePa(climate.altitudeM)
  const db = climate.designSummerDryBulbC
  const wb = Math.min(climate.designSummerWetBulbC, db)
  let supplyC = db
  let basis = `outside air at design dry bulb ${db} °C`
  if (unitsOfKind(hall, catalog, 'crah').length > 0 && hall.airScheme !== 'wall-to-wall') {
    supplyC = params.crahSupplyAirC
    basis = `CRAH supply setpoint ${supplyC} °C`
  } else {
    const pads = unitsOfKind(hall, catalog, 'evap-pad')
    const effectiveness = Math.max(0, ...pads.map((p) => p.model.effectiveness ?? 0))
    if (effectiveness > 0) {
      supplyC = db - effectiveness * (db - wb)
      basis = `outside air ${db} °C through evaporative pads (ε ${effectiveness}, wet bulb ${wb} °C)`
    }
  }
  return { supplyC, densityKgM3: airDensityKgM3(supplyC, pressurePa), basis }
}
