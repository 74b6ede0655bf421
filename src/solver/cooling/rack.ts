// Per-row cooling figures: air-side heat density along the row face, and the design-day inlet
// air at the row.
import type { Hall } from '../../model/sceneSchema'
import type { RowLoad } from '../loads'

export const AIR_SCHEME_NAME: Record<Hall['airScheme'], string> = {
  'wall-to-wall': 'wall-to-wall outside air',
  room: 'room air without containment',
  'contained-aisle': 'contained aisles',
  'rear-door': 'rear-door heat exchangers',
}

/** Air-side heat per metre of row face, kW/m. */
export function rowDensityKWPerM(load: RowLoad): number {
  return load.rowLengthM > 0 ? load.heatAirKW / load.rowLengthM : 0
}
