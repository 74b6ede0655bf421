// What the viewport draws for one variant: every enclosure, cooling unit and placed power node as
// an oriented box in site coordinates, from the shared layout helpers in model/layout.ts.
import type { Catalog } from '../model/catalog'
import type { CoolingUnitKind } from '../model/catalogSchema'
import { arrayBoxes, coolingBoxes, hallToSite, rowRackBoxes, type Box } from '../model/layout'
import type { Hall, PowerNode, PowerNodeKind, Variant } from '../model/sceneSchema'
import { buswayRuns } from './buswayLayout'
import { POWER_NODE_DISPLAY_SIZE } from './displayConstants'

export interface RackItem {
  box: Box
  rowId: string
  /** Position of the rack in its row (for per-rack feeds). */
  index: number
  hallId: string
  deviceKind: 'asic' | 'gpu'
}

export interface CoolingItem {
  box: Box
  placementId: string
  hallId: string
  kind: CoolingUnitKind
}

export interface PowerItem {
  box: Box
  nodeId: string
  kind: PowerNodeKind
}

/** A busway run drawn over one row it feeds. */
export interface BuswayItem {
  box: Box
  nodeId: string
}

export interface SiteBounds {
  minX: number
  maxX: number
  minY: number
  maxY: number
  maxZ: number
}

export interface SceneLayout {
  halls: readonly Hall[]
  racks: RackItem[]
  cooling: CoolingItem[]
  power: PowerItem[]
  busways: BuswayItem[]
  /** Everything drawn. */
  bounds: SiteBounds
  /** The halls alone: what the camera centres on. */
  hallBounds: SiteBounds
}

function powerBox(node: PowerNode, halls: readonly Hall[], catalog: Catalog): Box | null {
  const placement = node.placement
  if (!placement) return null
  const hall = placement.hallId ? halls.find((h) => h.id === placement.hallId) : undefined
  const corner = hall ? hallToSite(hall, placement.position) : placement.position
  const model = node.kind === 'transformer' && node.modelId ? catalog.transformers.get(node.modelId) : undefined
  const size = model?.size ?? POWER_NODE_DISPLAY_SIZE[node.kind]
  return arrayBoxes(corner, placement.rotationDeg ?? 0, 1, size.widthM, size.depthM, size.heightM)[0] ?? null
}

function growBounds(b: SiteBounds, box: Box): void {
  const r = 0.5 * Math.hypot(box.widthM, box.depthM)
  b.minX = Math.min(b.minX, box.cx - r)
  b.maxX = Math.max(b.maxX, box.cx + r)
  b.minY = Math.min(b.minY, box.cy - r)
  b.maxY = Math.max(b.maxY, box.cy + r)
  b.maxZ = Math.max(b.maxZ, box.elevationM + box.heightM)
}

export function buildSceneLayout(variant: Variant, catalog: Catalog): SceneLayout {
  const bounds: SiteBounds = { minX: Infinity, maxX: -Infinity, minY: Infinity, maxY: -Infinity, maxZ: 0 }
  const racks: RackItem[] = []
  const cooling: CoolingItem[] = []
  for (const hall of variant.halls) {
    bounds.minX = Math.min(bounds.minX, hall.origin.x)
    bounds.maxX = Math.max(bounds.maxX, hall.origin.x + hall.lengthM)
    bounds.minY = Math.min(bounds.minY, hall.origin.y)
    bounds.maxY = Math.max(bounds.maxY, hall.origin.y + hall.widthM)
    bounds.maxZ = Math.max(bounds.maxZ, hall.heightM)
    for (const row of hall.rows) {
      const deviceKind = catalog.devices.get(row.deviceId)?.kind ?? 'asic'
      rowRackBoxes(hall, row, catalog).forEach((box, index) => racks.push({ box, rowId: row.id, index, hallId: hall.id, deviceKind }))
    }
    for (const unit of hall.cooling) {
      const kind = catalog.coolingUnits.get(unit.modelId)?.kind ?? 'exhaust-fan'
      for (const box of coolingBoxes(hall, unit, catalog)) {
        cooling.push({ box, placementId: unit.id, hallId: hall.id, kind })
        growBounds(bounds, box)
      }
    }
  }
  const power: PowerItem[] = []
  for (const node of variant.power) {
    const box = powerBox(node, variant.halls, catalog)
    if (!box) continue
    power.push({ box, nodeId: node.id, kind: node.kind })
    growBounds(bounds, box)
  }
  if (!Number.isFinite(bounds.minX)) Object.assign(bounds, { minX: -10, maxX: 10, minY: -10, maxY: 10 })
  const hallBounds: SiteBounds = { ...bounds, minX: Infinity, maxX: -Infinity, minY: Infinity, maxY: -Infinity }
  for (const h of variant.halls) {
    hallBounds.minX = Math.min(hallBounds.minX, h.origin.x)
    hallBounds.maxX = Math.max(hallBounds.maxX, h.origin.x + h.lengthM)
    hallBounds.minY = Math.min(hallBounds.minY, h.origin.y)
    hallBounds.maxY = Math.max(hallBounds.maxY, h.origin.y + h.widthM)
  }
  return { halls: variant.halls, racks, cooling, power, busways: buswayRuns(variant, catalog), bounds, hallBounds }
}
