// Where the camera must stand to see a box whole: the distance along a viewing direction at which
// every corner of the box falls inside the frustum (vertical field of view and aspect ratio),
// with a margin. Plain math on three.js axes (+x east, +y up, +z south), no renderer.
import type { Box } from '../model/layout'
import type { SiteBounds } from './sceneLayout'

export type Vec3 = readonly [number, number, number]

export interface CameraPose {
  position: Vec3
  target: Vec3
}

/** Direction from the target to the camera of the default view: from the south-east and above. */
export const DEFAULT_VIEW_DIRECTION: Vec3 = [0.5, 0.72, 0.85]

const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
const cross = (a: Vec3, b: Vec3): Vec3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]]
const norm = (a: Vec3): Vec3 => {
  const l = Math.hypot(a[0], a[1], a[2]) || 1
  return [a[0] / l, a[1] / l, a[2] / l]
}

/**
 * A pose that shows all of `bounds` (site metres, up to maxZ high) from `direction`.
 * `margin` widens the view (1.1: a tenth of the view left free around the box).
 */
export function fitPose(bounds: SiteBounds, direction: Vec3, fovDeg: number, aspect: number, margin = 1.1): CameraPose {
  const d = norm(direction)
  const right = norm(cross([0, 1, 0], d))
  const up = cross(d, right)
  const tanV = Math.tan(((fovDeg / 2) * Math.PI) / 180)
  const tanH = tanV * Math.max(aspect, 0.1)
  // Three.js coordinates of the corners: site (x, y, z) → (x, z, −y).
  const corners: Vec3[] = []
  for (const x of [bounds.minX, bounds.maxX]) for (const y of [bounds.minY, bounds.maxY]) for (const z of [0, bounds.maxZ]) corners.push([x, z, -y])
  // Centre the box on screen: its extent across and up the view, measured in the view's plane.
  const across = corners.map((c) => dot(c, right))
  const upward = corners.map((c) => dot(c, up))
  const along = corners.map((c) => dot(c, d))
  const mid = (v: number[]) => (Math.min(...v) + Math.max(...v)) / 2
  const [ca, cu, cd] = [mid(across), mid(upward), mid(along)]
  const target: Vec3 = [
    right[0] * ca + up[0] * cu + d[0] * cd,
    right[1] * ca + up[1] * cu + d[1] * cd,
    right[2] * ca + up[2] * cu + d[2] * cd,
  ]
  let distance = 1
  for (const c of corners) {
    const q: Vec3 = [c[0] - target[0], c[1] - target[1], c[2] - target[2]]
    const need = dot(q, d) + margin * Math.max(Math.abs(dot(q, right)) / tanH, Math.abs(dot(q, up)) / tanV)
    distance = Math.max(distance, need)
  }
  // That pose sees every corner; now centre the perspective picture and fill the view: move the
  // target by the picture's offset and the camera by its size, a few times (it converges fast).
  let t: Vec3 = target
  for (let i = 0; i < 8; i++) {
    const pos: Vec3 = [t[0] + d[0] * distance, t[1] + d[1] * distance, t[2] + d[2] * distance]
    let minX = Infinity
    let maxX = -Infinity
    let minY = Infinity
    let maxY = -Infinity
    let nearest = Infinity
    for (const c of corners) {
      const q: Vec3 = [c[0] - pos[0], c[1] - pos[1], c[2] - pos[2]]
      const depth = -dot(q, d)
      nearest = Math.min(nearest, depth)
      const x = dot(q, right) / (depth * tanH)
      const y = dot(q, up) / (depth * tanV)
      minX = Math.min(minX, x)
      maxX = Math.max(maxX, x)
      minY = Math.min(minY, y)
      maxY = Math.max(maxY, y)
    }
    const ox = ((minX + maxX) / 2) * distance * tanH
    const oy = ((minY + maxY) / 2) * distance * tanV
    t = [t[0] + right[0] * ox + up[0] * oy, t[1] + right[1] * ox + up[1] * oy, t[2] + right[2] * ox + up[2] * oy]
    const fill = Math.max((maxX - minX) / 2, (maxY - minY) / 2) * margin
    // Closer by the free share of the view, but never into the box.
    const next = distance * (fill > 0 ? fill : 1)
    distance = Math.max(next, distance - nearest + 1)
  }
  return { target: t, position: [t[0] + d[0] * distance, t[1] + d[1] * distance, t[2] + d[2] * distance] }
}

/** Bounds of a set of boxes (null when empty), grown by `padM` on every side. */
export function boundsOfBoxes(boxes: readonly Box[], padM = 0): SiteBounds | null {
  if (boxes.length === 0) return null
  const b: SiteBounds = { minX: Infinity, maxX: -Infinity, minY: Infinity, maxY: -Infinity, maxZ: 0 }
  for (const box of boxes) {
    const hx = 0.5 * (Math.abs(Math.cos(box.rotationRad)) * box.widthM + Math.abs(Math.sin(box.rotationRad)) * box.depthM)
    const hy = 0.5 * (Math.abs(Math.sin(box.rotationRad)) * box.widthM + Math.abs(Math.cos(box.rotationRad)) * box.depthM)
    b.minX = Math.min(b.minX, box.cx - hx - padM)
    b.maxX = Math.max(b.maxX, box.cx + hx + padM)
    b.minY = Math.min(b.minY, box.cy - hy - padM)
    b.maxY = Math.max(b.maxY, box.cy + hy + padM)
    b.maxZ = Math.max(b.maxZ, box.elevationM + box.heightM + padM)
  }
  return b
}

/** The union of several bounds. */
export function unionBounds(list: readonly SiteBounds[]): SiteBounds | null {
  if (list.length === 0) return null
  return list.reduce((a, b) => ({
    minX: Math.min(a.minX, b.minX),
    maxX: Math.max(a.maxX, b.maxX),
    minY: Math.min(a.minY, b.minY),
    maxY: Math.max(a.maxY, b.maxY),
    maxZ: Math.max(a.maxZ, b.maxZ),
  }))
}
