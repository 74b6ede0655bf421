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
// (Cholesky). The levels' arrays live in the WebAssembly kernels' memory (kernels.ts) and the
// cycle's loops are those kernels; the setup (coarsening, the Cholesky factor) stays here.
import { f64Bytes, type Arena, type FieldKernels } from './kernels'

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
  /** Cholesky factor of the coarsest level, row-major n × n (lower triangle). */
  chol: Float64Array
  kernels: FieldKernels
}

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
 *  b, x, r on every level and the operator of every coarser one. */
export function multigridBytes(nx: number, ny: number): number {
  return levelSides(nx, ny).reduce((sum, [x, y], i) => sum + (i === 0 ? 3 : 6) * f64Bytes((x + 2) * (y + 2)), 0)
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

/** Dense Cholesky factor of a level's matrix (cells in row order). */
function factor(L: Level): Float64Array {
  const n = L.nx * L.ny
  const a = new Float64Array(n * n)
  const at = (k: number): number => (Math.floor(k / L.nx) + 1) * L.w + (k % L.nx) + 1
  for (let k = 0; k < n; k++) {
    const p = at(k)
    a[k * n + k] = L.d[p]!
    if (k % L.nx < L.nx - 1) a[k * n + k + 1] = a[(k + 1) * n + k] = -L.gE[p]!
    if (k + L.nx < n) a[k * n + k + L.nx] = a[(k + L.nx) * n + k] = -L.gN[p]!
  }
  for (let j = 0; j < n; j++) {
    let s = a[j * n + j]!
    for (let k = 0; k < j; k++) s -= a[j * n + k]! * a[j * n + k]!
    // A positive-definite matrix has s > 0; the floor only guards against round-off.
    const ljj = Math.sqrt(Math.max(s, 1e-300))
    a[j * n + j] = ljj
    for (let i = j + 1; i < n; i++) {
      let t = a[i * n + j]!
      for (let k = 0; k < j; k++) t -= a[i * n + k]! * a[j * n + k]!
      a[i * n + j] = t / ljj
    }
  }
  return a
}

/** The hierarchy over A (whose arrays are the arena's), its work arrays from the arena
 *  (multigridBytes). */
export function multigrid(A: Stencil, arena: Arena): Multigrid {
  const levels = [level(arena, A.nx, A.ny, A.gE, A.gN, A.d)]
  for (let L = levels[0]!; L.nx * L.ny > COARSEST_CELLS; ) {
    L = coarsen(arena, L)
    levels.push(L)
  }
  return { levels, chol: factor(levels[levels.length - 1]!), kernels: arena.kernels }
}

function solveCoarsest(mg: Multigrid, L: Level): void {
  const n = L.nx * L.ny
  const a = mg.chol
  const y = L.r // scratch
  for (let k = 0; k < n; k++) {
    let s = L.b[(Math.floor(k / L.nx) + 1) * L.w + (k % L.nx) + 1]!
    for (let m = 0; m < k; m++) s -= a[k * n + m]! * y[m]!
    y[k] = s / a[k * n + k]!
  }
  for (let k = n - 1; k >= 0; k--) {
    let s = y[k]!
    for (let m = k + 1; m < n; m++) s -= a[m * n + k]! * y[m]!
    y[k] = s / a[k * n + k]!
  }
  L.x.fill(0)
  for (let k = 0; k < n; k++) L.x[(Math.floor(k / L.nx) + 1) * L.w + (k % L.nx) + 1] = y[k]!
  L.r.fill(0)
}

/** x = V-cycle applied to b at level `at`, from x = 0. */
function cycle(mg: Multigrid, at: number): void {
  const L = mg.levels[at]!
  if (at === mg.levels.length - 1) {
    solveCoarsest(mg, L)
    return
  }
  const k = mg.kernels
  const { nx, ny, w } = L
  const gE = L.gE.byteOffset
  const gN = L.gN.byteOffset
  const d = L.d.byteOffset
  const x = L.x.byteOffset
  const b = L.b.byteOffset
  // One forward Gauss–Seidel sweep of L·x = b from x = 0; r = b − L·x; the coarse right-hand side
  // (each block's residuals summed; shift i >> 1 when merging pairs, i itself when not).
  L.x.fill(0)
  k.relaxForward(nx, ny, w, gE, gN, d, x, b)
  k.residual(nx, ny, w, gE, gN, d, x, b, L.r.byteOffset)
  const C = mg.levels[at + 1]!
  C.b.fill(0)
  k.restrict(nx, ny, w, L.r.byteOffset, L.fx - 1, L.fy - 1, C.b.byteOffset, C.w)
  cycle(mg, at + 1)
  // The coarse correction added to every child cell, then one backward sweep (cells in reverse).
  k.prolong(nx, ny, w, x, L.fx - 1, L.fy - 1, C.x.byteOffset, C.w)
  k.relaxBackward(nx, ny, w, gE, gN, d, x, b)
}

/** z = M⁻¹·r (one V-cycle from zero); returns r·z. Both padded arrays of the finest level, in the
 *  kernels' memory. */
export function precondition(mg: Multigrid, r: Float64Array, z: Float64Array): number {
  const top = mg.levels[0]!
  top.b.set(r)
  cycle(mg, 0)
  z.set(top.x)
  return mg.kernels.dotInterior(top.nx, top.ny, top.w, z.byteOffset, r.byteOffset)
}
