// While the camera moves, a row of identical boxes is drawn as one long box (InstancedBoxes.tsx):
// software WebGL pays for every triangle, and a moving view needs the row, not its racks. Boxes
// are joined in the order given (a row's racks come one after the other, along the row) when they
// carry the same key (the same id to pick and the same colour), stand on one line along their
// width with the same rotation, depth, height and elevation, and the gap between them is at most
// MAX_GAP_M (a gap that small is not worth seeing while moving). Display only.
import type { Box } from '../model/layout'

/** Largest gap between two boxes that still joins them, metres. */
export const MAX_GAP_M = 1
/** Sizes, offsets and overlaps within this are taken as equal, metres. */
const TOLERANCE_M = 0.02
const ANGLE_TOLERANCE_RAD = 1e-6

export interface Run {
  /** The box covering the run. */
  box: Box
  /** Index of the run's first box in the input. */
  first: number
  /** Number of boxes joined. */
  count: number
}

export function mergeRuns(boxes: readonly Box[], keyOf: (index: number) => string): Run[] {
  const runs: Run[] = []
  // The open run: its first box, and where it starts and ends along the row direction.
  let open: { run: Run; key: string; ux: number; uy: number; startX: number; startY: number; length: number } | null = null
  const close = () => {
    if (!open) return
    const { run, ux, uy, startX, startY, length } = open
    run.box = { ...run.box, cx: startX + (ux * length) / 2, cy: startY + (uy * length) / 2, widthM: length }
    runs.push(run)
    open = null
  }
  boxes.forEach((b, i) => {
    const key = keyOf(i)
    if (open && joins(open, b, key)) {
      const along = (b.cx - open.startX) * open.ux + (b.cy - open.startY) * open.uy
      open.length = Math.max(open.length, along + b.widthM / 2)
      open.run.count++
      return
    }
    close()
    const ux = Math.cos(b.rotationRad)
    const uy = Math.sin(b.rotationRad)
    open = { run: { box: b, first: i, count: 1 }, key, ux, uy, startX: b.cx - (ux * b.widthM) / 2, startY: b.cy - (uy * b.widthM) / 2, length: b.widthM }
  })
  close()
  return runs
}

function joins(open: { run: Run; key: string; ux: number; uy: number; startX: number; startY: number; length: number }, b: Box, key: string): boolean {
  const a = open.run.box
  if (key !== open.key) return false
  if (Math.abs(b.rotationRad - a.rotationRad) > ANGLE_TOLERANCE_RAD) return false
  if (Math.abs(b.depthM - a.depthM) > TOLERANCE_M || Math.abs(b.heightM - a.heightM) > TOLERANCE_M || Math.abs(b.elevationM - a.elevationM) > TOLERANCE_M) return false
  const dx = b.cx - open.startX
  const dy = b.cy - open.startY
  const lateral = -dx * open.uy + dy * open.ux
  if (Math.abs(lateral) > TOLERANCE_M) return false
  // The gap from the run's end to the box's near edge, along the row.
  const gap = dx * open.ux + dy * open.uy - b.widthM / 2 - open.length
  return gap >= -TOLERANCE_M && gap <= MAX_GAP_M
}
