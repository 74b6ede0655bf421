// The hottest places of a field: repeatedly the hottest cell not within HOT_SPOT_SEPARATION_M of
// one already taken (a greedy non-maximum suppression), so one plume counts once.
import type { ThermalGrid } from './grid'
import type { HotSpot } from './types'

export const HOT_SPOT_COUNT = 5
/** Two hot spots closer than this are one plume, metres. */
export const HOT_SPOT_SEPARATION_M = 3

export function findHotSpots(g: ThermalGrid, tempC: Float32Array | Float64Array, count = HOT_SPOT_COUNT): HotSpot[] {
  const spots: HotSpot[] = []
  const taken: { i: number; j: number }[] = []
  const ri = HOT_SPOT_SEPARATION_M / g.hx
  const rj = HOT_SPOT_SEPARATION_M / g.hy
  const near = (i: number, j: number): boolean => taken.some((t) => ((t.i - i) / ri) ** 2 + ((t.j - j) / rj) ** 2 < 1)
  for (let s = 0; s < count; s++) {
    let best = -1
    let bestC = -Infinity
    for (let k = 0; k < tempC.length; k++) {
      const v = tempC[k]!
      if (v > bestC && !near(k % g.nx, Math.floor(k / g.nx))) {
        bestC = v
        best = k
      }
    }
    if (best < 0) break
    const i = best % g.nx
    const j = Math.floor(best / g.nx)
    taken.push({ i, j })
    spots.push({ x: g.originX + (i + 0.5) * g.hx, y: g.originY + (j + 0.5) * g.hy, tempC: bestC })
  }
  return spots
}
