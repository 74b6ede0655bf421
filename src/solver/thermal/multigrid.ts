// A multigrid V-cycle for the plan airflow's Poisson matrix (flow.ts), the preconditioner of its
// conjugate gradients (U. Trottenberg, C. W. Oosterlee, A. Schüller, Multigrid, 2001: cell-centred
// grids §2.8, multigrid as a preconditioner §7.8). Each coarser level merges 2 × 2 cells:
// the correction is copied to the four children (piecewise constant), residuals are summed (mass
// is conserved), and the coarse operator is ½·PᵀAP (a side already one cell wide stops halving). PᵀAP alone adds up the two fine faces between
// two blocks but ignores that the block centres are twice as far apart, so it is twice too stiff
// (on open air its conductance is 2 where re-discretising on the coarse cells gives 1); the ½
// makes it the re-discretised one, keeps it symmetric positive definite, and keeps the cycle's
// correction at full strength. Smoothing: one forward Gauss–Seidel sweep down, one backward up,
// so the cycle is a symmetric operator as CG needs. The coarsest level is solved exactly
// (Cholesky). The levels' arrays, a table of them and the Cholesky factor live in the WebAssembly
// kernels' memory (kernels.ts); the coarse operators are built by the kernels `coarsenFaces` and
// `addDiagonal`, the factor by `factor`, and the whole cycle is the kernel `precondition`.
import { f64Bytes, i32Bytes, type Arena, type FieldKernels } from './kernels'

/** A level stops coarsening at this many cells; its matrix is factored densely. */
const COARSEST_CELLS = 64

/** A symmetric 5-point operator on a padded grid (a ghost ring, padded.ts): y = d·x − Σ g·x_nb,
 *  g the conductance of each cell's east and north face, row stride w = nx + 2. */
export interface Stencil {
  nx: number
  ny: number
  w: number
  gE: Float64Array
  gN: Float64Array
  d: Float64Array
}

/** One level of the hierarchy: its operator and work arrays. */
interface Level extends Stencil {
  /** Cells merged along x and y into one cell of the next coarser level (1 or 2). */
  fx: number
  fy: number
  /** Work: this level's right-hand side, solution and residual (padded). */
  b: Float64Array
  x: Float64Array
  r: Float64Array
}

export interface Multigrid {
  levels: Level[]
  /** The levels as the kernel reads them: LEVEL_INTS i32 each (levelTable). */
  table: Int32Array
  /** Cholesky factor of the coarsest level, row-major n × n (lower triangle). */
  chol: Float64Array
  kernels: FieldKernels
}

/** i32 per level in the kernels' table: nx, ny, w, gE, gN, d, b, x, r, sx, sy, and one unused. */
const LEVEL_INTS = 12

function level(arena: Arena, nx: number, ny: number, gE: Float64Array, gN: Float64Array, d: Float64Array): Level {
  const size = (nx + 2) * (ny + 2)
  return { nx, ny, w: nx + 2, gE, gN, d, fx: nx > 1 ? 2 : 1, fy: ny > 1 ? 2 : 1, b: arena.f64(size), x: arena.f64(size), r: arena.f64(size) }
}

/** The cells along x and y of every level, finest first: each side halved (rounded up) until a
 *  level has at most COARSEST_CELLS (a side one cell wide stays one cell). */
function levelSides(nx: number, ny: number): [number, number][] {
  const sides: [number, number][] = [[nx, ny]]
  while (nx * ny > COARSEST_CELLS) {
    nx = Math.ceil(nx / (nx > 1 ? 2 : 1))
    ny = Math.ceil(ny / (ny > 1 ? 2 : 1))
    sides.push([nx, ny])
  }
  return sides
}

/** Bytes the hierarchy takes from an arena besides the finest level's operator (gE, gN, d):
 *  b, x, r on every level, the operator of every coarser one, the level table and the coarsest
 *  level's Cholesky factor. */
export function multigridBytes(nx: number, ny: number): number {
  const sides = levelSides(nx, ny)
  let bytes = 0
  for (let i = 0; i < sides.length; i++) bytes += (i === 0 ? 3 : 6) * f64Bytes((sides[i]![0] + 2) * (sides[i]![1] + 2))
  const [cx, cy] = sides[sides.length - 1]!
  return bytes + i32Bytes(LEVEL_INTS * sides.length) + f64Bytes(cx * cy * cx * cy)
}

/** The next coarser level: fx × fy blocks (a last single row or column where a side is odd). Each
 *  block's east and north face: the fine faces on its east column and north row summed; its
 *  Dirichlet share: the fine cells' shares (diagonal less four faces) summed; each halved (kernel
 *  `coarsenFaces`); then the diagonal (kernel `addDiagonal`). */
function coarsen(arena: Arena, f: Level): Level {
  const nx = Math.ceil(f.nx / f.fx)
  const ny = Math.ceil(f.ny / f.fy)
  const w = nx + 2
  const size = w * (ny + 2)
  const gE = arena.f64(size)
  const gN = arena.f64(size)
  const d = arena.f64(size)
  const k = arena.kernels
  k.coarsenFaces(f.nx, f.ny, f.w, f.fx, f.fy, f.gE.byteOffset, f.gN.byteOffset, f.d.byteOffset, nx, ny, w, gE.byteOffset, gN.byteOffset, d.byteOffset)
  k.addDiagonal(nx, ny, w, gE.byteOffset, gN.byteOffset, d.byteOffset)
  return level(arena, nx, ny, gE, gN, d)
}

/** The hierarchy over A (whose arrays are the arena's), its work arrays, its table and the
 *  coarsest level's Cholesky factor (kernel `factor`: d on the diagonal, −gE and −gN off it;
 *  l_jj = √max(a_jj − Σ l_jk², 1e-300), l_ij = (a_ij − Σ l_ik·l_jk)/l_jj) from the arena
 *  (multigridBytes). */
export function multigrid(A: Stencil, arena: Arena): Multigrid {
  const levels = [level(arena, A.nx, A.ny, A.gE, A.gN, A.d)]
  for (let L = levels[0]!; L.nx * L.ny > COARSEST_CELLS; ) {
    L = coarsen(arena, L)
    levels.push(L)
  }
  const table = arena.i32(LEVEL_INTS * levels.length)
  for (let i = 0; i < levels.length; i++) {
    const L = levels[i]!
    const o = i * LEVEL_INTS
    table[o] = L.nx
    table[o + 1] = L.ny
    table[o + 2] = L.w
    table[o + 3] = L.gE.byteOffset
    table[o + 4] = L.gN.byteOffset
    table[o + 5] = L.d.byteOffset
    table[o + 6] = L.b.byteOffset
    table[o + 7] = L.x.byteOffset
    table[o + 8] = L.r.byteOffset
    table[o + 9] = L.fx - 1
    table[o + 10] = L.fy - 1
  }
  const C = levels[levels.length - 1]!
  const chol = arena.f64(C.nx * C.ny * C.nx * C.ny)
  arena.kernels.factor(C.nx, C.ny, C.w, C.gE.byteOffset, C.gN.byteOffset, C.d.byteOffset, chol.byteOffset)
  return { levels, table, chol, kernels: arena.kernels }
}

/** z = M⁻¹·r (one V-cycle from zero, kernel `precondition`: at each level but the coarsest one
 *  forward Gauss–Seidel sweep of L·x = b from x = 0, r = b − L·x, the coarse right-hand side each
 *  block's residuals summed (shift i >> 1 when merging pairs, i itself when not), the cycle there,
 *  the coarse correction added to every child cell, one backward sweep; at the coarsest the
 *  Cholesky solve); returns r·z. Both padded arrays of the finest level, in the kernels' memory. */
export function precondition(mg: Multigrid, r: Float64Array, z: Float64Array): number {
  return mg.kernels.precondition(mg.table.byteOffset, mg.levels.length, mg.chol.byteOffset, r.byteOffset, z.byteOffset)
}
