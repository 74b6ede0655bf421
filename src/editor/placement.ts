// Where a new row or cooling placement goes: the first free spot of the hall, scanning from the
// front wall in grid steps, so that an added item never lands on another.
import type { Catalog } from '../model/catalog'
import type { CoolingPlacement, Hall, Row, Vec2 } from '../model/sceneSchema'
import { overlapDepth } from '../model/clearance'
import { cornersOf, footprintOf } from '../model/footprint'

/** Free space kept around a new item, metres (an aisle's worth). */
const PLACEMENT_MARGIN_M = 1.2

export function findFreeSpot(hall: Hall, item: Row | CoolingPlacement, catalog: Catalog, stepM = 0.5): Vec2 {
  const others = [...hall.rows, ...hall.cooling.filter((c) => !c.outdoor)].filter((o) => o.id !== item.id).flatMap((o) => {
    const f = footprintOf(o, catalog)
    return f ? [f] : []
  })
  const probe = footprintOf({ ...item, position: { x: 0, y: 0 } }, catalog)
  if (!probe) return item.position
  for (let y = 1; y + probe.depthM < hall.widthM; y += stepM) {
    for (let x = 1; x + probe.lengthM < hall.lengthM; x += stepM) {
      // The candidate, grown by the margin on every side.
      const f = { ...probe, corner: { x: x - PLACEMENT_MARGIN_M, y: y - PLACEMENT_MARGIN_M }, lengthM: probe.lengthM + 2 * PLACEMENT_MARGIN_M, depthM: probe.depthM + 2 * PLACEMENT_MARGIN_M }
      const inside = cornersOf({ ...probe, corner: { x, y } }).every((p) => p.x >= 0 && p.y >= 0 && p.x <= hall.lengthM && p.y <= hall.widthM)
      if (inside && others.every((o) => o.topM <= f.baseM || o.baseM >= f.topM || overlapDepth(f, o) <= 0)) return { x, y }
    }
  }
  return { x: 1, y: 1 }
}
