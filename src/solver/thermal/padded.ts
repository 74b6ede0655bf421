// The solvers work on a padded copy of the grid: a ring of ghost cells around the hall whose
// values stay 0 and whose face coefficients are 0, so the inner loops need no edge tests.
// Cell (i, j) of the hall sits at padded index (j + 1)·(nx + 2) + (i + 1).
import type { ThermalGrid } from './grid'

export interface Padded {
  /** Row stride of the padded grid. */
  w: number
  size: number
}

export function padded(g: ThermalGrid): Padded {
  return { w: g.nx + 2, size: (g.nx + 2) * (g.ny + 2) }
}

/** Padded index of hall cell k. */
export function padIndex(g: ThermalGrid, k: number): number {
  const j = Math.floor(k / g.nx)
  return (j + 1) * (g.nx + 2) + (k - j * g.nx) + 1
}

/** A hall-indexed array copied into a padded one (ghosts 0): `out` when given (its ghosts left
 *  as they are), else a new array. */
export function toPadded(g: ThermalGrid, a: Float64Array, out: Float64Array = new Float64Array((g.nx + 2) * (g.ny + 2))): Float64Array {
  const w = g.nx + 2
  for (let j = 0; j < g.ny; j++) out.set(a.subarray(j * g.nx, (j + 1) * g.nx), (j + 1) * w + 1)
  return out
}

/** A padded array copied back to hall indexing. */
export function fromPadded(g: ThermalGrid, a: Float64Array): Float64Array {
  const w = g.nx + 2
  const out = new Float64Array(g.n)
  for (let j = 0; j < g.ny; j++) out.set(a.subarray((j + 1) * w + 1, (j + 1) * w + 1 + g.nx), j * g.nx)
  return out
}
