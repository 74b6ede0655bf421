// The solvers work on a padded copy of the grid: a ring of ghost cells around the hall whose
// values stay 0 and whose face coefficients are 0, so the inner loops need no edge tests.
// Cell (i, j) of the hall sits at padded index (j + 1)·(nx + 2) + (i + 1). The copies to and
// from it are the kernels `pad`, `unpad` and `padCells` (kernels.wat).
import type { ThermalGrid } from './grid'
import { f64Bytes, type Arena } from './kernels'

export interface Padded {
  /** Row stride of the padded grid. */
  w: number
  size: number
}

export function padded(g: ThermalGrid): Padded {
  return { w: g.nx + 2, size: (g.nx + 2) * (g.ny + 2) }
}

/** Arena bytes of padIn: a hall-indexed copy and the padded array. */
export const padInBytes = (g: ThermalGrid): number => f64Bytes(g.n) + f64Bytes((g.nx + 2) * (g.ny + 2))

/** A hall-indexed array copied into a new padded array of the arena (ghosts 0). */
export function padIn(arena: Arena, g: ThermalGrid, a: Float64Array): Float64Array {
  const cells = arena.copyF64(a)
  const out = arena.f64((g.nx + 2) * (g.ny + 2))
  arena.kernels.pad(g.nx, g.ny, g.nx + 2, cells.byteOffset, out.byteOffset)
  return out
}

/** A padded array of the arena back to hall indexing, copied out of the arena (takes f64Bytes(n)). */
export function padOut(arena: Arena, g: ThermalGrid, a: Float64Array): Float64Array {
  const out = arena.f64(g.n)
  arena.kernels.unpad(g.nx, g.ny, g.nx + 2, a.byteOffset, out.byteOffset)
  return out.slice()
}

/** Hall cell indices (in the arena) to padded ones, into a new array of the arena (i32Bytes(count)). */
export function padCellsIn(arena: Arena, g: ThermalGrid, cells: Int32Array): Int32Array {
  const out = arena.i32(cells.length)
  arena.kernels.padCells(cells.length, g.nx, g.nx + 2, cells.byteOffset, out.byteOffset)
  return out
}
