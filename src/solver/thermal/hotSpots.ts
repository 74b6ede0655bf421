// The hottest places of a field: repeatedly the hottest cell not within HOT_SPOT_SEPARATION_M of
// one already taken (a greedy non-maximum suppression), so one plume counts once.
// Each pick is the kernel `hottest` (kernels.wat: the first cell of the largest temperature among
// the cells not masked); the cells near a pick are masked here, over the few rows and columns
// that can be near it.
import type { ThermalGrid } from './grid'
import { Arena, f64Bytes, i32Bytes } from './kernels'
import type { HotSpot } from './types'

export const HOT_SPOT_COUNT = 5
/** Two hot spots closer than this are one plume, metres. */
export const HOT_SPOT_SEPARATION_M = 3

export function findHotSpots(g: ThermalGrid, tempC: Float32Array | Float64Array, count = HOT_SPOT_COUNT): HotSpot[] {
  const spots: HotSpot[] = []
  const ri = HOT_SPOT_SEPARATION_M / g.hx
  const rj = HOT_SPOT_SEPARATION_M / g.hy
  // Cell (i, j) is near a pick (pi, pj) when ((pi − i)/ri)² + ((pj − j)/rj)² < 1: never once
  // |pi − i| > ri + 1 (its quotient is then > 1), so the columns beyond di and rows beyond dj are
  // not tested.
  const di = Math.ceil(ri) + 1
  const dj = Math.ceil(rj) + 1
  const n = tempC.length
  const arena = new Arena(f64Bytes(n) + i32Bytes(n))
  try {
    const t = arena.copyF64(tempC instanceof Float64Array ? tempC : Float64Array.from(tempC))
    const mask = arena.i32(n)
    for (let s = 0; s < count; s++) {
      const best = arena.kernels.hottest(n, t.byteOffset, mask.byteOffset)
      if (best < 0) break
      const i = best % g.nx
      const j = Math.floor(best / g.nx)
      spots.push({ x: g.originX + (i + 0.5) * g.hx, y: g.originY + (j + 0.5) * g.hy, tempC: t[best]! })
      for (let nj = Math.max(0, j - dj); nj <= Math.min(g.ny - 1, j + dj); nj++) {
        for (let ni = Math.max(0, i - di); ni <= Math.min(g.nx - 1, i + di); ni++) {
          if (((i - ni) / ri) ** 2 + ((j - nj) / rj) ** 2 < 1) mask[nj * g.nx + ni] = 1
        }
      }
    }
    return spots
  } finally {
    arena.close()
  }
}
