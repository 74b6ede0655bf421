// Where the vertical slice of the 3-D airflow view can stand, and where a drag of its handle puts
// it: the cell columns of the solved field along the slice axis (the slice shows one column of
// cells, so it snaps to their centres), and the point of the slice axis nearest to the pointer's
// ray. Pure geometry: no physics, no three.js objects.
import type { Airflow3dHallView } from '../../solver/thermal3d/view'
import type { SliceAxis } from './slices'

/** The cell columns along the slice axis: from the hall's near wall, `count` cells of `cellM`. */
export interface SliceCells {
  /** Site coordinate of the first column's near face, m. */
  from: number
  cellM: number
  count: number
}

export function sliceCells(h: Pick<Airflow3dHallView, 'nx' | 'ny' | 'cellXM' | 'cellYM' | 'originX' | 'originY'>, axis: SliceAxis): SliceCells {
  return axis === 'x' ? { from: h.originX, cellM: h.cellXM, count: h.nx } : { from: h.originY, cellM: h.cellYM, count: h.ny }
}

/** Centre of the cell column holding `at` (clamped to the hall): where the slice is drawn. */
export function snapToCell(at: number, c: SliceCells): number {
  const i = Math.min(c.count - 1, Math.max(0, Math.floor((at - c.from) / c.cellM)))
  return c.from + (i + 0.5) * c.cellM
}

/** First and last cell centre: the range of the slider, whose step is one cell. */
export function sliceRange(c: SliceCells): { min: number; max: number; step: number } {
  return { min: c.from + c.cellM / 2, max: c.from + (c.count - 0.5) * c.cellM, step: c.cellM }
}

type V3 = readonly [number, number, number]

/** The slice axis in three's frame (site x → x, site y → −z). */
const AXIS: Record<SliceAxis, V3> = { x: [1, 0, 0], y: [0, 0, -1] }

/** Site coordinate along the slice axis of the point of the axis line through `through` (three's
 *  frame) nearest to the ray (three's frame): where the pointer is along the hall, whatever the
 *  camera's angle. Null when the ray runs (nearly) along the axis: the pointer then says nothing
 *  about where along it. */
export function axisCoordinateOfRay(origin: V3, direction: V3, through: V3, axis: SliceAxis): number | null {
  const u = AXIS[axis]
  const w = [through[0] - origin[0], through[1] - origin[1], through[2] - origin[2]]
  const dot = (a: readonly number[], b: readonly number[]): number => a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!
  const b = dot(u, direction)
  const c = dot(direction, direction)
  const d = dot(u, w)
  const e = dot(direction, w)
  const denom = c - b * b // |u| = 1
  if (!(denom > 1e-6 * c)) return null
  const s = (b * e - c * d) / denom // along the axis from `through`
  const at = axis === 'x' ? through[0] : -through[2]
  return at + s
}
