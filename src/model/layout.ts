// Geometry of a scene in site coordinates: x east, y north, z up, metres.
// A row's position is the corner of its first enclosure; enclosure i sits i widths further along
// the row direction (cos θ, sin θ); at θ = 0 the row runs along +x and the racks' fronts face −y.
// Cooling units in a placement are laid out the same way. Shared by the viewport and the solver.
import type { Catalog } from './catalog'
import type { Hall, Row, CoolingPlacement, Vec2 } from './sceneSchema'
import { axes } from './footprint'

/** An oriented box: centre on the floor (x, y), size, and rotation about z. */
export interface Box {
  cx: number
  cy: number
  widthM: number // along the row direction
  depthM: number
  heightM: number
  rotationRad: number
  /** Height of the box's base above the floor. */
  elevationM: number
}

const DEG = Math.PI / 180

export function hallToSite(hall: Hall, p: Vec2): Vec2 {
  return { x: hall.origin.x + p.x, y: hall.origin.y + p.y }
}

/** Boxes of `count` items of size w×d×h placed from a corner along a direction. */
export function arrayBoxes(
  corner: Vec2,
  rotationDeg: number,
  count: number,
  widthM: number,
  depthM: number,
  heightM: number,
  elevationM = 0,
): Box[] {
  const r = rotationDeg * DEG
  // Depth runs along the left normal n: at θ = 0 the box spans y ∈ [corner.y, corner.y + depth].
  const { u, n } = axes(rotationDeg)
  const boxes: Box[] = []
  for (let i = 0; i < count; i++) {
    const along = (i + 0.5) * widthM
    boxes.push({
      cx: corner.x + u.x * along + n.x * depthM * 0.5,
      cy: corner.y + u.y * along + n.y * depthM * 0.5,
      widthM,
      depthM,
      heightM,
      rotationRad: r,
      elevationM,
    })
  }
  return boxes
}

/** One box per enclosure of the row, in site coordinates. */
export function rowRackBoxes(hall: Hall, row: Row, catalog: Catalog): Box[] {
  const e = catalog.enclosures.get(row.enclosureId)
  if (!e) return []
  return arrayBoxes(hallToSite(hall, row.position), row.rotationDeg, row.rackCount, e.widthM, e.depthM, e.heightM)
}

/** One box per cooling unit of the placement, in site coordinates. */
export function coolingBoxes(hall: Hall, unit: CoolingPlacement, catalog: Catalog): Box[] {
  const u = catalog.coolingUnits.get(unit.modelId)
  if (!u) return []
  return arrayBoxes(hallToSite(hall, unit.position), unit.rotationDeg, unit.count, u.size.widthM, u.size.depthM, u.size.heightM, unit.elevationM ?? 0)
}

/** Length of a row's face, metres. */
export function rowLengthM(row: Row, catalog: Catalog): number {
  const e = catalog.enclosures.get(row.enclosureId)
  return e ? e.widthM * row.rackCount : 0
}
