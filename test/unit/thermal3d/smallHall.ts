// A small hall for the containment, capture-index and rear-door tests: 9 × 9 × 3 m, intake pads on
// the south wall, two 50-inch exhaust fans on the north wall, two rows of four 600 mm racks of
// 4 × DGX H100 (40.8 kW, 4 × 0.4229 m³/s each) with a 1.5 m aisle between them, built on the
// default scene's H100 variant (its catalog ids and power nodes).
import { readFileSync } from 'node:fs'
import { builtInCatalog } from '../../../src/model/catalog'
import { parseSceneText } from '../../../src/model/parse'
import type { AisleContainment, Hall, RearDoor, Row, Scene } from '../../../src/model/sceneSchema'

export const catalog = builtInCatalog()
const parsed = parseSceneText(readFileSync('scenes/siberia-20mw.json', 'utf8'), catalog)
if (!parsed.ok) throw new Error('the default scene must parse')
const base = parsed.scene

export interface SmallHallOptions {
  /** 'hot': rears towards the aisle (row A faces south, row B north); 'cold': fronts towards it. */
  aisle: 'hot' | 'cold'
  containment?: Omit<AisleContainment, 'rows'>
  rearDoor?: RearDoor
  /** Rows: both (default) or only row A. */
  rows?: 1 | 2
}

/** Row A: y 2.5–3.7; row B: y 5.2–6.4; x 3.0–5.4. */
export function smallHallScene(o: SmallHallOptions): Scene {
  const h100 = base.variants.find((v) => v.id === 'gpu-h100-air')!
  const row = (id: string, x: number, y: number, rotationDeg: number): Row => ({
    id,
    name: id,
    position: { x, y },
    rotationDeg,
    enclosureId: 'rack-42u-600',
    rackCount: 4,
    deviceId: 'dgx-h100',
    devicesPerRack: 4,
    feed: 'LV-1.1',
    ...(o.rearDoor ? { rearDoor: o.rearDoor } : {}),
  })
  // Rotation 180°: the row runs along −x from its corner and its depth along −y.
  const rows = o.aisle === 'hot' ? [row('A', 3, 2.5, 0), row('B', 5.4, 6.4, 180)] : [row('A', 5.4, 3.7, 180), row('B', 3, 5.2, 0)]
  const hall: Hall = {
    id: 'small',
    name: 'Small hall',
    origin: { x: 0, y: 0 },
    lengthM: 9,
    widthM: 9,
    heightM: 3,
    airScheme: 'wall-to-wall',
    rows: rows.slice(0, o.rows ?? 2),
    cooling: [
      { id: 'pads', modelId: 'evap-pad-section', count: 3, position: { x: 1.5, y: 0 }, rotationDeg: 0, elevationM: 0.5, feed: 'LV-1.AUX' },
      { id: 'fans', modelId: 'exhaust-fan-50in', count: 2, position: { x: 3.1, y: 8.55 }, rotationDeg: 0, elevationM: 0.8, feed: 'LV-1.AUX' },
    ],
    ...(o.containment ? { containment: [{ rows: ['A', 'B'] as [string, string], ...o.containment }] } : {}),
  }
  return { ...base, variants: [{ ...h100, id: 'small', halls: [hall] }], tours: [], bookmarks: [] }
}

/** 0.5 m cells, Δt 0.5 s, 80 steps (≈ 3 air changes of the 243 m³ hall at ≈ 14 m³/s). */
export const SMALL_RUN = { cellM: 0.5, layerM: 0.5, dtS: 0.5, maxSteps: 80 } as const
