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
// (Cholesky).

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
}

function level(nx: number, ny: number, gE: Float64Array, gN: Float64Array, d: Float64Array): Level {
  const size = (nx + 2) * (ny + 2)
  return { nx, ny, w: nx + 2, gE, gN, d, fx: nx > 1 ? 2 : 1, fy: ny > 1 ? 2 : 1, b: new Float64Array(size), x: new Float64Array(size), r: new Float64Array(size) }
}

/** The next coarser level: fx × fy blocks (a last single row or column where a side is odd). */
function coarsen(f: Level): Level {
  const nx = Math.ceil(f.nx / f.fx)
  const ny = Math.ceil(f.ny / f.fy)
  const w = nx + 2
  const size = w * (ny + 2)
  const gE = new Float64Array(size)
  const gN = new Float64Array(size)
  const d = new Float64Array(size)
  for (let J = 0; J < ny; J++) {
    for (let I = 0; I < nx; I++) {
      const p = (J + 1) * w + I + 1
      let east = 0
      let north = 0
      let dirichlet = 0
      for (let dj = 0; dj < f.fy; dj++) {
        const j = f.fy * J + dj
        if (j >= f.ny) continue
        for (let di = 0; di < f.fx; di++) {
          const i = f.fx * I + di
          if (i >= f.nx) continue
          const q = (j + 1) * f.w + i + 1
          // The fine cell's Dirichlet share: its diagonal less its four faces.
          dirichlet += f.d[q]! - f.gE[q]! - f.gE[q - 1]! - f.gN[q]! - f.gN[q - f.w]!
          if (di === f.fx - 1 && I < nx - 1) east += f.gE[q]!
          if (dj === f.fy - 1 && J < ny - 1) north += f.gN[q]!
        }
      }
      gE[p] = 0.5 * east
      gN[p] = 0.5 * north
      d[p] = 0.5 * dirichlet
    }
  }
  for (let J = 1; J <= ny; J++) for (let p = J * w + 1, end = p + nx; p < end; p++) d[p] = d[p]! + gE[p]! + gE[p - 1]! + gN[p]! + gN[p - w]!
  return level(nx, ny, gE, gN, d)
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

export function multigrid(A: Stencil): Multigrid {
  const levels = [level(A.nx, A.ny, A.gE, A.gN, A.d)]
  for (let L = levels[0]!; L.nx * L.ny > COARSEST_CELLS; ) {
    L = coarsen(L)
    levels.push(L)
  }
  return { levels, chol: factor(levels[levels.length - 1]!) }
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

// The steps of a V-cycle, one loop each. Kept apart so that a cold process, which compiles a hot
// loop while it runs (on-stack replacement), compiles each one with the type feedback of its own
// loop: a single function holding all of them was compiled once the first loop got hot, then
// thrown away at the next loop it had never seen run, over and over, before it settled.

/** One forward Gauss–Seidel sweep of L·x = b. */
function relaxForward(L: Level): void {
  const { nx, ny, w, gE, gN, d, x, b } = L
  for (let j = 1; j <= ny; j++) {
    for (let p = j * w + 1, end = p + nx; p < end; p++) {
      x[p] = (b[p]! + gE[p - 1]! * x[p - 1]! + gE[p]! * x[p + 1]! + gN[p - w]! * x[p - w]! + gN[p]! * x[p + w]!) / d[p]!
    }
  }
}

/** One backward Gauss–Seidel sweep (the same update, cells in reverse order). */
function relaxBackward(L: Level): void {
  const { nx, ny, w, gE, gN, d, x, b } = L
  for (let j = ny; j >= 1; j--) {
    for (let p = j * w + nx, end = j * w; p > end; p--) {
      x[p] = (b[p]! + gE[p - 1]! * x[p - 1]! + gE[p]! * x[p + 1]! + gN[p - w]! * x[p - w]! + gN[p]! * x[p + w]!) / d[p]!
    }
  }
}

/** r = b − L·x. */
function residual(L: Level): void {
  const { nx, ny, w, gE, gN, d, x, b, r } = L
  for (let j = 1; j <= ny; j++) {
    for (let p = j * w + 1, end = p + nx; p < end; p++) {
      r[p] = b[p]! - d[p]! * x[p]! + gE[p - 1]! * x[p - 1]! + gE[p]! * x[p + 1]! + gN[p - w]! * x[p - w]! + gN[p]! * x[p + w]!
    }
  }
}

/** The coarse right-hand side: each block's residuals summed. */
function restrict(L: Level, C: Level): void {
  const { nx, ny, w, r } = L
  const sx = L.fx - 1 // shift: i >> 1 when merging pairs, i itself when not
  const sy = L.fy - 1
  const cb = C.b
  cb.fill(0)
  for (let j = 0; j < ny; j++) {
    const cRow = ((j >> sy) + 1) * C.w + 1
    for (let i = 0, p = (j + 1) * w + 1; i < nx; i++, p++) cb[cRow + (i >> sx)] = cb[cRow + (i >> sx)]! + r[p]!
  }
}

/** The coarse correction added to every child cell. */
function prolong(L: Level, C: Level): void {
  const { nx, ny, w, x } = L
  const sx = L.fx - 1
  const sy = L.fy - 1
  const cx = C.x
  for (let j = 0; j < ny; j++) {
    const cRow = ((j >> sy) + 1) * C.w + 1
    for (let i = 0, p = (j + 1) * w + 1; i < nx; i++, p++) x[p] = x[p]! + cx[cRow + (i >> sx)]!
  }
}

/** x = V-cycle applied to b at level `at`, from x = 0. */
function cycle(mg: Multigrid, at: number): void {
  const L = mg.levels[at]!
  if (at === mg.levels.length - 1) {
    solveCoarsest(mg, L)
    return
  }
  L.x.fill(0)
  relaxForward(L)
  residual(L)
  const C = mg.levels[at + 1]!
  restrict(L, C)
  cycle(mg, at + 1)
  prolong(L, C)
  relaxBackward(L)
}

/** z = M⁻¹·r (one V-cycle from zero); returns r·z. Both padded arrays of the finest level. */
export function precondition(mg: Multigrid, r: Float64Array, z: Float64Array): number {
  const top = mg.levels[0]!
  top.b.set(r)
  cycle(mg, 0)
  z.set(top.x)
  let sum = 0
  for (let j = 1; j <= top.ny; j++) for (let p = j * top.w + 1, end = p + top.nx; p < end; p++) sum += z[p]! * r[p]!
  return sum
}
