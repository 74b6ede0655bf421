// The thermal fields of a variant's halls for the app (heat map, racks coloured by inlet air):
// hallRackInlets (hallField.ts, the method) on the fine grid by default, with the design-day air
// taken from cooling/climate.ts. The design checks call hallRackInlets themselves, on the check
// grid, with the supply air of their own cooling-plant model.
import type { Catalog } from '../../model/catalog'
import { resolveParams, type SolverParams } from '../../model/params'
import type { Climate } from '../../model/catalogSchema'
import type { Hall, Scene } from '../../model/sceneSchema'
import { hallSupplyAir } from '../cooling/climate'
import { variantLoads } from '../loads'
import { siteClimate } from '../year/siteClimate'
import { hallRackInlets } from './hallField'
import type { FieldAir, ThermalOptions, ThermalResult } from './types'

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now())

/** Design-day air of a hall as climate.ts gives it: outside air through the hall's openings (pads
 *  or none) whatever its scheme, handlers at the CRAH setpoint, density of the hall's supply air. */
export function climateFieldAir(hall: Hall, climate: Climate, catalog: Catalog, params: SolverParams): FieldAir {
  const supply = hallSupplyAir(hall, climate, catalog, params)
  const intake = hallSupplyAir({ ...hall, airScheme: 'wall-to-wall' }, climate, catalog, params)
  return { intakeC: intake.supplyC, supplyC: params.crahSupplyAirC, densityKgM3: supply.densityKgM3 }
}

/** What a variant's airflow fields are solved from: its params, loads and the site's weather as
 *  solve() takes it (siteClimate: an embedded EPW file's design day, else the catalog climate), so
 *  a heat map never answers for other weather than the inlet checks. */
export function fieldInputs(scene: Scene, variantId: string, catalog: Catalog) {
  const variant = scene.variants.find((v) => v.id === variantId)
  if (!variant) throw new Error(`unknown variant "${variantId}"`)
  const climate = siteClimate(scene.site, catalog).climate
  const params = resolveParams(scene.params, variant.params)
  return { variant, climate, params, loads: variantLoads(variant, catalog, params) }
}

export function solveThermalField(scene: Scene, variantId: string, catalog: Catalog, options: ThermalOptions = {}): ThermalResult {
  const started = now()
  const { variant, climate, params, loads } = fieldInputs(scene, variantId, catalog)
  // The check grid by default: the heat map shows the very field the inlet checks judge.
  const withGrid: ThermalOptions = { grid: 'check', ...options }
  const halls = variant.halls.map((hall) =>
    hallRackInlets(
      hall,
      loads.rows.filter((r) => r.hall === hall),
      climateFieldAir(hall, climate, catalog, params),
      catalog,
      params,
      withGrid,
    ),
  )
  return { variantId, halls, solveMs: now() - started }
}
