// Boxes and outline segments of the hall shells: slab, walls (cut away towards the default camera,
// which looks from the south-east) and the roof line. Site coordinates, metres.
import type { Box } from '../model/layout'
import type { Hall } from '../model/sceneSchema'
import { SLAB_THICKNESS_M, WALL_THICKNESS_M } from './displayConstants'

/** Height of the cut-away south and east walls, so the hall's inside stays visible. */
export const CUTAWAY_WALL_HEIGHT_M = 1.0

export interface HallShellGeometry {
  slabs: Box[]
  /** North and west walls, full height, drawn translucent. */
  tallWalls: Box[]
  /** South and east walls cut down to a parapet. */
  lowWalls: Box[]
  /** Line segment end points in three.js coordinates (x, y-up, z = −site y), 6 numbers each. */
  outline: Float32Array
}

const box = (cx: number, cy: number, widthM: number, depthM: number, heightM: number): Box => ({
  cx,
  cy,
  widthM,
  depthM,
  heightM,
  rotationRad: 0,
  elevationM: 0,
})

export function hallShellGeometry(halls: readonly Hall[]): HallShellGeometry {
  const t = WALL_THICKNESS_M
  const slabs: Box[] = []
  const tallWalls: Box[] = []
  const lowWalls: Box[] = []
  const segments: number[] = []
  for (const h of halls) {
    const { x: ox, y: oy } = h.origin
    const L = h.lengthM
    const W = h.widthM
    slabs.push(box(ox + L / 2, oy + W / 2, L + 2 * t, W + 2 * t, SLAB_THICKNESS_M))
    tallWalls.push(box(ox + L / 2, oy + W + t / 2, L + 2 * t, t, h.heightM)) // north
    tallWalls.push(box(ox - t / 2, oy + W / 2, t, W, h.heightM)) // west
    lowWalls.push(box(ox + L / 2, oy - t / 2, L + 2 * t, t, CUTAWAY_WALL_HEIGHT_M)) // south
    lowWalls.push(box(ox + L + t / 2, oy + W / 2, t, W, CUTAWAY_WALL_HEIGHT_M)) // east
    // Roof line and corner posts, on the outer face of the walls.
    const x0 = ox - t
    const x1 = ox + L + t
    const z0 = -(oy - t)
    const z1 = -(oy + W + t)
    const y = h.heightM
    const corners: [number, number][] = [
      [x0, z0],
      [x1, z0],
      [x1, z1],
      [x0, z1],
    ]
    corners.forEach(([ax, az], i) => {
      const [bx, bz] = corners[(i + 1) % 4] as [number, number]
      segments.push(ax, y, az, bx, y, bz) // roof edge
      segments.push(ax, 0, az, ax, y, az) // corner post
    })
  }
  return { slabs, tallWalls, lowWalls, outline: new Float32Array(segments) }
}
