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

/** The row's devices breathe hall air: some of their heat leaves by their own fans, whether or not
 *  a rear door then takes it out of the exhaust (P·(1 − liquid share) = air + door heat > 0). Their
 *  inlet is hall air and is judged against their limits; a fully liquid-cooled device's is not. */
export function breathesHallAir(load: RowLoad): boolean {
  return load.heatAirKW + load.rearDoorKW > 0
}
