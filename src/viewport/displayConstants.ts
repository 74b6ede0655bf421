// Sizes the viewport uses to draw things the catalog has no size for. Display only: the solver
// never sees these. Metres: width along the unit's front, depth, height.
import type { PowerNodeKind } from '../model/sceneSchema'

export interface DisplaySize {
  widthM: number
  depthM: number
  heightM: number
}

/** Typical cabinet line-ups; transformers take their size from the catalog instead. */
export const POWER_NODE_DISPLAY_SIZE: Record<PowerNodeKind, DisplaySize> = {
  grid: { widthM: 12, depthM: 8, heightM: 4 }, // outdoor substation bay
  transformer: { widthM: 2.2, depthM: 1.4, heightM: 2.2 }, // fallback when the model has no size
  switchgear: { widthM: 4.8, depthM: 1.2, heightM: 2.2 }, // 6 MV panels of 800 mm
  feeder: { widthM: 0.8, depthM: 0.6, heightM: 2.1 }, // one MV feeder panel
  board: { widthM: 2.4, depthM: 0.8, heightM: 2.1 }, // LV main distribution board
  busway: { widthM: 1.0, depthM: 0.4, heightM: 0.4 },
  pdu: { widthM: 0.6, depthM: 0.3, heightM: 1.2 }, // floor PDU / rack power panel
  ups: { widthM: 3.0, depthM: 1.0, heightM: 2.0 },
  generator: { widthM: 6.0, depthM: 2.4, heightM: 2.8 }, // containerised diesel set
}

/** Floor slab thickness drawn under each hall. */
export const SLAB_THICKNESS_M = 0.25
/** Wall thickness of the hall shell. */
export const WALL_THICKNESS_M = 0.3
/** Depth of the darker front panel drawn on each enclosure's front face. */
export const FRONT_PANEL_DEPTH_M = 0.04

/** Busway runs drawn over the rows they feed: bar section and clearance above the enclosures. */
export const BUSWAY_BAR = { depthM: 0.3, heightM: 0.15, clearanceM: 0.4 } as const
