// Many box outlines as one line-segment geometry: one draw call for any number of outlined items.
import { BufferAttribute, BufferGeometry } from 'three'
import type { Box } from '../../model/layout'

/** Edges of a unit cube as corner index pairs (corners: bit 0 = x, bit 1 = y, bit 2 = z). */
const EDGES = [0, 1, 2, 3, 4, 5, 6, 7, 0, 2, 1, 3, 4, 6, 5, 7, 0, 4, 1, 5, 2, 6, 3, 7]

export function outlineGeometry(boxes: readonly Box[], marginM = 0.15): BufferGeometry {
  const positions = new Float32Array(boxes.length * EDGES.length * 3)
  let o = 0
  const corner = [0, 0, 0]
  for (const b of boxes) {
    const c = Math.cos(b.rotationRad)
    const s = Math.sin(b.rotationRad)
    const hw = b.widthM / 2 + marginM
    const hd = b.depthM / 2 + marginM
    for (const k of EDGES) {
      const lx = k & 1 ? hw : -hw
      const ly = k & 2 ? hd : -hd
      // Site coordinates (x east, y north, z up) → three (x, z, −y).
      corner[0] = b.cx + lx * c - ly * s
      corner[1] = k & 4 ? b.elevationM + b.heightM + marginM : b.elevationM + 0.02
      corner[2] = -(b.cy + lx * s + ly * c)
      positions[o++] = corner[0]
      positions[o++] = corner[1]
      positions[o++] = corner[2]
    }
  }
  const g = new BufferGeometry()
  g.setAttribute('position', new BufferAttribute(positions, 3))
  return g
}

/** One box around a set of boxes sharing a rotation (a row of racks): what to outline per item. */
export function itemBox(boxes: readonly Box[]): Box | null {
  const first = boxes[0]
  const last = boxes[boxes.length - 1]
  if (!first || !last) return null
  const along = Math.hypot(last.cx - first.cx, last.cy - first.cy)
  return {
    cx: (first.cx + last.cx) / 2,
    cy: (first.cy + last.cy) / 2,
    widthM: along + first.widthM,
    depthM: first.depthM,
    heightM: Math.max(...boxes.map((b) => b.heightM + b.elevationM)) - first.elevationM,
    rotationRad: first.rotationRad,
    elevationM: first.elevationM,
  }
}
