// The kinds of equipment a layout draws, in a fixed order, with their names and kind colours:
// what the legend lists under the 'kind' colour mode (and nothing it does not draw).
import type { CoolingUnitKind } from '../model/catalogSchema'
import type { PowerNodeKind } from '../model/sceneSchema'
import { COOLING_COLOURS, DEVICE_KIND_COLOURS, POWER_COLOURS } from './palette'
import type { SceneLayout } from './sceneLayout'

export type DrawnKind = 'asic' | 'gpu' | CoolingUnitKind | PowerNodeKind

export interface KindEntry {
  kind: DrawnKind
  label: string
  colour: string
  /** Racks are coloured by the inlet air in the temperature mode; equipment keeps its kind colour. */
  rack: boolean
}

const ENTRIES: readonly KindEntry[] = [
  { kind: 'asic', label: 'ASIC miners', colour: DEVICE_KIND_COLOURS.asic, rack: true },
  { kind: 'gpu', label: 'GPU racks', colour: DEVICE_KIND_COLOURS.gpu, rack: true },
  { kind: 'exhaust-fan', label: 'Exhaust fans', colour: COOLING_COLOURS['exhaust-fan'], rack: false },
  { kind: 'evap-pad', label: 'Evaporative pads', colour: COOLING_COLOURS['evap-pad'], rack: false },
  { kind: 'crah', label: 'CRAH units', colour: COOLING_COLOURS.crah, rack: false },
  { kind: 'cdu', label: 'CDUs', colour: COOLING_COLOURS.cdu, rack: false },
  { kind: 'dry-cooler', label: 'Dry coolers', colour: COOLING_COLOURS['dry-cooler'], rack: false },
  { kind: 'chiller', label: 'Chillers', colour: COOLING_COLOURS.chiller, rack: false },
  { kind: 'immersion-tank', label: 'Immersion tanks', colour: COOLING_COLOURS['immersion-tank'], rack: false },
  { kind: 'grid', label: 'Grid connection', colour: POWER_COLOURS.grid, rack: false },
  { kind: 'transformer', label: 'Transformers', colour: POWER_COLOURS.transformer, rack: false },
  { kind: 'switchgear', label: 'MV switchgear', colour: POWER_COLOURS.switchgear, rack: false },
  { kind: 'feeder', label: 'Feeders', colour: POWER_COLOURS.feeder, rack: false },
  { kind: 'board', label: 'LV boards', colour: POWER_COLOURS.board, rack: false },
  { kind: 'busway', label: 'Busways', colour: POWER_COLOURS.busway, rack: false },
  { kind: 'pdu', label: 'PDUs', colour: POWER_COLOURS.pdu, rack: false },
  { kind: 'ups', label: 'UPS', colour: POWER_COLOURS.ups, rack: false },
  { kind: 'generator', label: 'Gensets', colour: POWER_COLOURS.generator, rack: false },
]

export function drawnKinds(layout: SceneLayout): KindEntry[] {
  const present = new Set<DrawnKind>()
  for (const r of layout.racks) present.add(r.deviceKind)
  for (const c of layout.cooling) present.add(c.kind)
  for (const p of layout.power) present.add(p.kind)
  if (layout.busways.length > 0) present.add('busway')
  return ENTRIES.filter((e) => present.has(e.kind))
}
