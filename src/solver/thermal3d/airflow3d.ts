// The 3-D airflow of every hall of a variant (hallAirflow3d.ts), with the design-day air the 2-D
// field uses (thermal/thermalField.ts climateFieldAir: one source of the intake and supply air).
import type { Catalog } from '../../model/catalog'
import type { Scene } from '../../model/sceneSchema'
import { climateFieldAir, fieldInputs } from '../thermal/thermalField'
import { hallAirflow3d, type Airflow3dOptions, type HallAirflow3d } from './hallAirflow'

export interface Airflow3dResult {
  variantId: string
  halls: HallAirflow3d[]
  solveMs: number
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now())

/** `warm`: states by hall id from a previous run of the same grid. */
export function solveAirflow3d(scene: Scene, variantId: string, catalog: Catalog, options: Omit<Airflow3dOptions, 'warm'> & { warm?: Record<string, HallAirflow3d['state']> } = {}): Airflow3dResult {
  const started = now()
  const { variant, climate, params, loads } = fieldInputs(scene, variantId, catalog)
  const { warm, ...rest } = options
  const halls = variant.halls.map((hall) => {
    const w = warm?.[hall.id]
    return hallAirflow3d(hall, loads.rows.filter((r) => r.hall === hall), climateFieldAir(hall, climate, catalog, params), catalog, params, w ? { ...rest, warm: w } : rest)
  })
  return { variantId, halls, solveMs: now() - started }
}
