// Plan geometry of rows and cooling placements in hall-local metres: footprints (oriented
// rectangles), centres, and a rotation about the centre. Same conventions as layout.ts (which
// draws the same items as boxes in site metres). The solver's layout checks and the editor both
// use it: there is no second copy.
import type { Catalog } from './catalog'
import type { CoolingPlacement, Row, Vec2 } from './sceneSchema'

const DEG = Math.PI / 180

/** An oriented rectangle on the floor plus the vertical range it occupies. */
export interface Footprint {
  id: string
  kind: 'row' | 'cooling'
  /** Corner the item is placed by, and the unit vectors along its length and its depth. */
  corner: Vec2
  lengthM: number
  depthM: number
  rotationDeg: number
  baseM: number
  topM: number
}

export function itemSize(item: Row | CoolingPlacement, catalog: Catalog): { lengthM: number; depthM: number; heightM: number } | null {
  if ('enclosureId' in item) {
    const e = catalog.enclosures.get(item.enclosureId)
    return e ? { lengthM: e.widthM * item.rackCount, depthM: e.depthM, heightM: e.heightM } : null
  }
  const u = catalog.coolingUnits.get(item.modelId)
  return u ? { lengthM: u.size.widthM * item.count, depthM: u.size.depthM, heightM: u.size.heightM } : null
}

export function footprintOf(item: Row | CoolingPlacement, catalog: Catalog): Footprint | null {
  const size = itemSize(item, catalog)
  if (!size) return null
  const baseM = 'elevationM' in item ? (item.elevationM ?? 0) : 0
  return {
    id: item.id,
    kind: 'enclosureId' in item ? 'row' : 'cooling',
    corner: item.position,
    lengthM: size.lengthM,
    depthM: size.depthM,
    rotationDeg: item.rotationDeg,
    baseM,
    topM: baseM + size.heightM,
  }
}

export function axes(rotationDeg: number): { u: Vec2; n: Vec2 } {
  const r = rotationDeg * DEG
  const u = { x: Math.cos(r), y: Math.sin(r) }
  return { u, n: { x: -u.y, y: u.x } }
}

export function centreOf(f: Pick<Footprint, 'corner' | 'lengthM' | 'depthM' | 'rotationDeg'>): Vec2 {
  const { u, n } = axes(f.rotationDeg)
  return { x: f.corner.x + (u.x * f.lengthM + n.x * f.depthM) / 2, y: f.corner.y + (u.y * f.lengthM + n.y * f.depthM) / 2 }
}

/** The four corners, counter-clockwise from the placement corner. */
export function cornersOf(f: Footprint): Vec2[] {
  const { u, n } = axes(f.rotationDeg)
  const c = f.corner
  const a = { x: u.x * f.lengthM, y: u.y * f.lengthM }
  const b = { x: n.x * f.depthM, y: n.y * f.depthM }
  return [c, { x: c.x + a.x, y: c.y + a.y }, { x: c.x + a.x + b.x, y: c.y + a.y + b.y }, { x: c.x + b.x, y: c.y + b.y }]
}

/** The corner that puts an item of this size, turned to `rotationDeg`, on the same centre. */
export function cornerForCentre(centre: Vec2, lengthM: number, depthM: number, rotationDeg: number): Vec2 {
  const { u, n } = axes(rotationDeg)
  return { x: centre.x - (u.x * lengthM + n.x * depthM) / 2, y: centre.y - (u.y * lengthM + n.y * depthM) / 2 }
}

/** Normalises an angle to [0, 360). */
export const normDeg = (deg: number): number => ((deg % 360) + 360) % 360
