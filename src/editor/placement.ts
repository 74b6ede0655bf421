// Where a new row or cooling placement goes: the first free spot of the hall, scanning from the
// front wall in grid steps, so that an added item lands on nothing and breaks no layout rule
// (model/clearance.ts: walls, aisles, the free face of the pads and fans).
import type { Catalog } from '../model/catalog'
import { overlapDepth, planItem, planItems, standsClear, type LayoutLimits } from '../model/clearance'
import type { CoolingPlacement, Hall, Row, Vec2 } from '../model/sceneSchema'

/** Free space kept around a new item, metres (an aisle's worth), also beside and behind it. */
const PLACEMENT_MARGIN_M = 1.2

export function findFreeSpot(hall: Hall, item: Row | CoolingPlacement, catalog: Catalog, limits: LayoutLimits, stepM = 0.5): Vec2 {
  const others = planItems(hall, catalog).filter((o) => o.footprint.id !== item.id)
  const probe = planItem({ ...item, position: { x: 0, y: 0 } }, catalog)
  if (!probe) return item.position
  const f0 = probe.footprint
  for (let y = 1; y + f0.depthM < hall.widthM; y += stepM) {
    for (let x = 1; x + f0.lengthM < hall.lengthM; x += stepM) {
      const at = { ...probe, footprint: { ...f0, corner: { x, y } } }
      // The candidate, grown by the margin on every side.
      const grown = { ...f0, corner: { x: x - PLACEMENT_MARGIN_M, y: y - PLACEMENT_MARGIN_M }, lengthM: f0.lengthM + 2 * PLACEMENT_MARGIN_M, depthM: f0.depthM + 2 * PLACEMENT_MARGIN_M }
      const spaced = others.every(({ footprint: o }) => o.topM <= grown.baseM || o.baseM >= grown.topM || overlapDepth(grown, o) <= 0)
      if (spaced && standsClear(at, others, hall, limits)) return { x, y }
    }
  }
  return { x: 1, y: 1 }
}
