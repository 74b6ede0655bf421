// A multigrid V-cycle for the projection's 7-point Poisson matrix (pressure.ts), used as the
// preconditioner of its conjugate gradients — the same construction as the 2-D field's
// (src/solver/thermal/multigrid.ts; Trottenberg, Oosterlee & Schüller, Multigrid, 2001, §2.8 and
// §7.8), in 3-D: each coarser level merges 2 × 2 × 2 cells (an axis already one cell thick
// stops halving), the correction is copied to the children, residuals are summed, and the coarse
// operator is ½·PᵀAP — PᵀAP adds the four fine faces between two blocks but ignores that block
// centres are twice as far apart; ½ makes it the re-discretised operator (face area 4h², distance
// 2h), symmetric positive (semi)definite. Smoothing: one forward Gauss–Seidel sweep down, one
// backward up, so the cycle is symmetric as CG needs. Coarsest level: symmetric Gauss–Seidel.

const COARSEST_CELLS = 64
const COARSEST_SWEEPS = 40

export interface Level3 {
  nx: number
  ny: number
  nz: number
  diag: Float64Array
  ax: Float64Array
  ay: Float64Array
  az: Float64Array
  fx: number
  fy: number
  fz: number
  b: Float64Array
  x: Float64Array
  r: Float64Array
}

function level(nx: number, ny: number, nz: number, diag: Float64Array, ax: Float64Array, ay: Float64Array, az: Float64Array): Level3 {
  const n = nx * ny * nz
  return { nx, ny, nz, diag, ax, ay, az, fx: nx > 1 ? 2 : 1, fy: ny > 1 ? 2 : 1, fz: nz > 1 ? 2 : 1, b: new Float64Array(n), x: new Float64Array(n), r: new Float64Array(n) }
}

function coarsen(f: Level3): Level3 {
  const nx = Math.ceil(f.nx / f.fx)
  const ny = Math.ceil(f.ny / f.fy)
  const nz = Math.ceil(f.nz / f.fz)
  const n = nx * ny * nz
  const diag = new Float64Array(n)
  const ax = new Float64Array(n)
  const ay = new Float64Array(n)
  const az = new Float64Array(n)
  for (let k = 0; k < f.nz; k++) {
    const K = Math.floor(k / f.fz)
    for (let j = 0; j < f.ny; j++) {
      const J = Math.floor(j / f.fy)
      for (let i = 0; i < f.nx; i++) {
        const I = Math.floor(i / f.fx)
        const c = i + f.nx * (j + f.ny * k)
        const C = I + nx * (J + ny * K)
        diag[C] = diag[C]! + 0.5 * f.diag[c]!
        // A link to +x inside the block counts twice (both directions) in PᵀAP; across, once.
        if (i + 1 < f.nx) {
          if (Math.floor((i + 1) / f.fx) === I) diag[C] = diag[C]! + f.ax[c]!
          else ax[C] = ax[C]! + 0.5 * f.ax[c]!
        }
        if (j + 1 < f.ny) {
          if (Math.floor((j + 1) / f.fy) === J) diag[C] = diag[C]! + f.ay[c]!
          else ay[C] = ay[C]! + 0.5 * f.ay[c]!
        }
        if (k + 1 < f.nz) {
          if (Math.floor((k + 1) / f.fz) === K) diag[C] = diag[C]! + f.az[c]!
          else az[C] = az[C]! + 0.5 * f.az[c]!
        }
      }
    }
  }
  return level(nx, ny, nz, diag, ax, ay, az)
}

export function buildMultigrid3(nx: number, ny: number, nz: number, diag: Float64Array, ax: Float64Array, ay: Float64Array, az: Float64Array): Level3[] {
  const levels = [level(nx, ny, nz, diag, ax, ay, az)]
  for (;;) {
    const last = levels[levels.length - 1]!
    if (last.nx * last.ny * last.nz <= COARSEST_CELLS || (last.fx === 1 && last.fy === 1 && last.fz === 1)) break
    levels.push(coarsen(last))
  }
  return levels
}

/**
 * One Gauss–Seidel sweep of A·x = b on a level, forward or backward. The cells of the middle
 * layers (nx·ny ≤ c < n − nx·ny) have all six neighbours in the arrays, so that range runs without
 * the bounds tests; the terms and their order are the same everywhere (an edge's zero coupling
 * included), so x is the same bits as one loop with the tests.
 */
function sweep(L: Level3, forward: boolean): void {
  const { nx, ny, diag, ax, ay, az, b, x } = L
  const n = x.length
  const nxy = nx * ny
  const lo = Math.min(nxy, n)
  const hi = Math.max(lo, n - nxy)
  if (forward) {
    for (let c = 0; c < lo; c++) relaxEdge(c, n, nx, nxy, diag, ax, ay, az, b, x)
    for (let c = lo; c < hi; c++) {
      const d = diag[c]!
      if (d <= 0) continue
      let s = b[c]!
      s -= ax[c - 1]! * x[c - 1]!
      s -= ax[c]! * x[c + 1]!
      s -= ay[c - nx]! * x[c - nx]!
      s -= ay[c]! * x[c + nx]!
      s -= az[c - nxy]! * x[c - nxy]!
      s -= az[c]! * x[c + nxy]!
      x[c] = s / d
    }
    for (let c = hi; c < n; c++) relaxEdge(c, n, nx, nxy, diag, ax, ay, az, b, x)
    return
  }
  for (let c = n - 1; c >= hi; c--) relaxEdge(c, n, nx, nxy, diag, ax, ay, az, b, x)
  for (let c = hi - 1; c >= lo; c--) {
    const d = diag[c]!
    if (d <= 0) continue
    let s = b[c]!
    s -= ax[c - 1]! * x[c - 1]!
    s -= ax[c]! * x[c + 1]!
    s -= ay[c - nx]! * x[c - nx]!
    s -= ay[c]! * x[c + nx]!
    s -= az[c - nxy]! * x[c - nxy]!
    s -= az[c]! * x[c + nxy]!
    x[c] = s / d
  }
  for (let c = lo - 1; c >= 0; c--) relaxEdge(c, n, nx, nxy, diag, ax, ay, az, b, x)
}

/** The Gauss–Seidel update of one cell of the first or last layer (neighbours bounds-tested). */
function relaxEdge(c: number, n: number, nx: number, nxy: number, diag: Float64Array, ax: Float64Array, ay: Float64Array, az: Float64Array, b: Float64Array, x: Float64Array): void {
  const d = diag[c]!
  if (d <= 0) return
  let s = b[c]!
  if (c >= 1) s -= ax[c - 1]! * x[c - 1]!
  if (c + 1 < n) s -= ax[c]! * x[c + 1]!
  if (c >= nx) s -= ay[c - nx]! * x[c - nx]!
  if (c + nx < n) s -= ay[c]! * x[c + nx]!
  if (c >= nxy) s -= az[c - nxy]! * x[c - nxy]!
  if (c + nxy < n) s -= az[c]! * x[c + nxy]!
  x[c] = s / d
}

/** r = b − A·x on a level (0 in cells outside the system); middle layers as in `sweep`. */
function residual(L: Level3): void {
  const { nx, ny, diag, ax, ay, az, b, x, r } = L
  const n = x.length
  const nxy = nx * ny
  const lo = Math.min(nxy, n)
  const hi = Math.max(lo, n - nxy)
  for (let c = 0; c < lo; c++) residualEdge(c, n, nx, nxy, diag, ax, ay, az, b, x, r)
  for (let c = lo; c < hi; c++) {
    if (diag[c]! <= 0) {
      r[c] = 0
      continue
    }
    let v = diag[c]! * x[c]!
    v += ax[c - 1]! * x[c - 1]!
    v += ax[c]! * x[c + 1]!
    v += ay[c - nx]! * x[c - nx]!
    v += ay[c]! * x[c + nx]!
    v += az[c - nxy]! * x[c - nxy]!
    v += az[c]! * x[c + nxy]!
    r[c] = b[c]! - v
  }
  for (let c = hi; c < n; c++) residualEdge(c, n, nx, nxy, diag, ax, ay, az, b, x, r)
}

function residualEdge(c: number, n: number, nx: number, nxy: number, diag: Float64Array, ax: Float64Array, ay: Float64Array, az: Float64Array, b: Float64Array, x: Float64Array, r: Float64Array): void {
  if (diag[c]! <= 0) {
    r[c] = 0
    return
  }
  let v = diag[c]! * x[c]!
  if (c >= 1) v += ax[c - 1]! * x[c - 1]!
  if (c + 1 < n) v += ax[c]! * x[c + 1]!
  if (c >= nx) v += ay[c - nx]! * x[c - nx]!
  if (c + nx < n) v += ay[c]! * x[c + nx]!
  if (c >= nxy) v += az[c - nxy]! * x[c - nxy]!
  if (c + nxy < n) v += az[c]! * x[c + nxy]!
  r[c] = b[c]! - v
}

/** z = V-cycle(r): one symmetric V-cycle from zero. */
export function vcycle3(levels: Level3[], rIn: Float64Array, zOut: Float64Array): void {
  levels[0]!.b.set(rIn)
  for (let l = 0; l < levels.length; l++) {
    const L = levels[l]!
    L.x.fill(0)
    if (l === levels.length - 1) {
      for (let s = 0; s < COARSEST_SWEEPS; s++) {
        sweep(L, true)
        sweep(L, false)
      }
      break
    }
    sweep(L, true)
    residual(L)
    const C = levels[l + 1]!
    const cb = C.b
    const r = L.r
    const { nx, ny, nz, fx, fy, fz } = L
    cb.fill(0)
    for (let k = 0; k < nz; k++) {
      const K = Math.floor(k / fz)
      for (let j = 0; j < ny; j++) {
        const J = Math.floor(j / fy)
        const row = C.nx * (J + C.ny * K)
        let c = nx * (j + ny * k)
        // fx is 1 or 2: the cell's block is i >> (fx − 1) along the row.
        const shift = fx - 1
        for (let i = 0; i < nx; i++, c++) {
          const CI = row + (i >> shift)
          cb[CI] = cb[CI]! + r[c]!
        }
      }
    }
  }
  for (let l = levels.length - 2; l >= 0; l--) {
    const L = levels[l]!
    const C = levels[l + 1]!
    const { nx, ny, nz, fx, fy, fz, diag, x } = L
    const cx = C.x
    const shift = fx - 1
    for (let k = 0; k < nz; k++) {
      const K = Math.floor(k / fz)
      for (let j = 0; j < ny; j++) {
        const J = Math.floor(j / fy)
        const row = C.nx * (J + C.ny * K)
        let c = nx * (j + ny * k)
        for (let i = 0; i < nx; i++, c++) if (diag[c]! > 0) x[c] = x[c]! + cx[row + (i >> shift)]!
      }
    }
    sweep(L, false)
  }
  zOut.set(levels[0]!.x)
}
