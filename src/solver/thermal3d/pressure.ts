// The pressure projection's Poisson equation on the MAC grid, solved by conjugate gradients with
// a modified incomplete Cholesky preconditioner, MIC(0) (Bridson, Fluid Simulation for Computer
// Graphics, 2nd ed. 2015, ch. 5; Gustafsson 1978). Unknown: φ = p·Δt/ρ, so u = u* − ∇φ; the
// matrix A = −∇·∇ over fluid cells (7-point, positive), free faces between fluid cells couple two
// cells, an opening face ties a cell to φ = 0 half a cell away (2/h²), fixed faces add nothing.
// Each connected body of air with no opening is pinned at one cell (the system is otherwise
// singular; with a consistent right-hand side the pin changes nothing but the constant).
import { FACE_FREE, FACE_OPENING, type FlowDomain } from './domain'
import { Memory3, type Kernels3 } from './kernels3'
import { buildMultigrid3, multigridDoubles, vcycle3, type Level3 } from './multigrid3'
// The face kinds as local constants: read in the per-face loops, where an imported binding costs a
// getter call per read under the test runner's module transform (tsx, vitest).
const FREE = FACE_FREE
const OPENING = FACE_OPENING

/** MIC(0) parameters (Bridson 2015 §5.2: τ = 0.97, σ = 0.25). */
const MIC_TAU = 0.97
const MIC_SIGMA = 0.25

export interface PoissonSystem {
  /** Diagonal, and the coupling to the +x, +y, +z neighbour (≤ 0), per cell. */
  diag: Float64Array
  ax: Float64Array
  ay: Float64Array
  az: Float64Array
  /** MIC(0)'s factor (null under the multigrid V-cycle, which does not use it). */
  precon: Float64Array | null
  /** CG work arrays. */
  r: Float64Array
  z: Float64Array
  s: Float64Array
  q: Float64Array
  ap: Float64Array
  /** Multigrid levels when the V-cycle preconditions (multigrid3.ts), else MIC(0). */
  levels: Level3[] | null
  /** The 3-D kernels whose memory holds the arrays above (kernels3.ts), and a copy of the
   *  starting φ there for the first A·φ. */
  kernels: Kernels3
  phi0: Float64Array
  /** The projection's arrays there (ffd.ts project, divergence): the face velocities, face kinds,
   *  solid cells, the divergence and φ. */
  vel: Float64Array
  kind: Uint8Array
  solid: Uint8Array
  div: Float64Array
  phi: Float64Array
}

export type PoissonPreconditioner = 'mic' | 'multigrid'

export function buildPoisson(d: FlowDomain, preconditioner: PoissonPreconditioner = 'multigrid'): PoissonSystem {
  const g = d.grid
  const { nx, ny, nz, n } = g
  // In the kernels' memory: diag, ax, ay, az, r, z, s, q, ap, φ₀, the projection's arrays and the
  // multigrid levels.
  const mem = new Memory3(12 * n + g.nFaces + Math.ceil(g.nFaces / 8) + Math.ceil(n / 8) + (preconditioner === 'multigrid' ? multigridDoubles(nx, ny, nz) : 0))
  const diag = mem.f64(n)
  const ax = mem.f64(n)
  const ay = mem.f64(n)
  const az = mem.f64(n)
  const ix = 1 / (g.dx * g.dx)
  const iy = 1 / (g.dy * g.dy)
  const iz = 1 / (g.dz * g.dz)
  const kind = d.faceKind
  const nxy = nx * ny
  // A cell's face f with 1/h² = h2: a free face adds h2 to the diagonal (and couples the cell to the
  // neighbour beyond it, set below for the +x, +y, +z faces), an opening 2·h2 (φ = 0 half a cell
  // away). The faces in the order −x, +x, −y, +y, −z, +z.
  const add = (c: number, f: number, h2: number): boolean => {
    const kf = kind[f]
    if (kf === FREE) {
      diag[c] = diag[c]! + h2
      return true
    }
    if (kf === OPENING) diag[c] = diag[c]! + 2 * h2
    return false
  }
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) {
        const c = i + nx * (j + ny * k)
        if (d.solid[c]) continue
        const fu = i + (nx + 1) * (j + ny * k)
        const fv = g.nU + i + nx * (j + (ny + 1) * k)
        const fw = g.nU + g.nV + c
        add(c, fu, ix)
        if (add(c, fu + 1, ix) && i + 1 < nx) ax[c] = -ix
        add(c, fv, iy)
        if (add(c, fv + nx, iy) && j + 1 < ny) ay[c] = -iy
        add(c, fw, iz)
        if (add(c, fw + nxy, iz) && k + 1 < nz) az[c] = -iz
      }
    }
  }
  pinClosedBodies(d, diag, Math.min(ix, iy, iz))
  const precon = preconditioner === 'mic' ? micPreconditioner(d, diag, ax, ay, az) : null
  const r = mem.f64(n)
  const z = mem.f64(n)
  const sDir = mem.f64(n)
  const q = mem.f64(n)
  const ap = mem.f64(n)
  const phi0 = mem.f64(n)
  const projection = { vel: mem.f64(g.nFaces), kind: mem.u8(g.nFaces), solid: mem.u8(n), div: mem.f64(n), phi: mem.f64(n) }
  const levels = preconditioner === 'multigrid' ? buildMultigrid3(mem, nx, ny, nz, diag, ax, ay, az) : null
  return { levels, diag, ax, ay, az, precon, r, z, s: sDir, q, ap, kernels: mem.kernels, phi0, ...projection }
}

/** Find each connected body of air (through free faces); one without an opening gets a pin. */
function pinClosedBodies(d: FlowDomain, diag: Float64Array, pin: number): void {
  const g = d.grid
  const seen = new Uint8Array(g.n)
  const stack = new Int32Array(g.n)
  for (let start = 0; start < g.n; start++) {
    if (seen[start] || d.solid[start]) continue
    let top = 0
    stack[top++] = start
    seen[start] = 1
    let open = false
    while (top > 0) {
      const c = stack[--top]!
      const i = c % g.nx
      const r = (c - i) / g.nx
      const j = r % g.ny
      const k = (r - j) / g.ny
      const fu = i + (g.nx + 1) * (j + g.ny * k)
      const fv = g.nU + i + g.nx * (j + (g.ny + 1) * k)
      const fw = g.nU + g.nV + c
      const nxy = g.nx * g.ny
      for (let m = 0; m < 6; m++) {
        const f = m === 0 ? fu : m === 1 ? fu + 1 : m === 2 ? fv : m === 3 ? fv + g.nx : m === 4 ? fw : fw + nxy
        const kind = d.faceKind[f]
        if (kind === OPENING) open = true
        else if (kind === FREE) {
          const nb = m === 0 ? c - 1 : m === 1 ? c + 1 : m === 2 ? c - g.nx : m === 3 ? c + g.nx : m === 4 ? c - nxy : c + nxy
          if (!seen[nb]) {
            seen[nb] = 1
            stack[top++] = nb
          }
        }
      }
    }
    if (!open) diag[start] = diag[start]! + pin
  }
}

function micPreconditioner(d: FlowDomain, diag: Float64Array, ax: Float64Array, ay: Float64Array, az: Float64Array): Float64Array {
  const g = d.grid
  const { nx, ny, nz } = g
  const nxy = nx * ny
  const p = new Float64Array(g.n)
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) {
        const c = i + nx * (j + ny * k)
        if (d.solid[c] || diag[c] === 0) continue
        let e = diag[c]!
        if (i > 0) {
          const a = ax[c - 1]! * p[c - 1]!
          e -= a * a + MIC_TAU * ax[c - 1]! * (ay[c - 1]! + az[c - 1]!) * p[c - 1]! * p[c - 1]!
        }
        if (j > 0) {
          const a = ay[c - nx]! * p[c - nx]!
          e -= a * a + MIC_TAU * ay[c - nx]! * (ax[c - nx]! + az[c - nx]!) * p[c - nx]! * p[c - nx]!
        }
        if (k > 0) {
          const a = az[c - nxy]! * p[c - nxy]!
          e -= a * a + MIC_TAU * az[c - nxy]! * (ax[c - nxy]! + ay[c - nxy]!) * p[c - nxy]! * p[c - nxy]!
        }
        if (e < MIC_SIGMA * diag[c]!) e = diag[c]!
        p[c] = 1 / Math.sqrt(e)
      }
    }
  }
  return p
}

function applyPreconditioner(s: PoissonSystem, nx: number, ny: number, r: Float64Array, z: Float64Array): void {
  if (s.levels) {
    vcycle3(s.levels, r, z)
    return
  }
  const { ax, ay, az, q } = s
  const p = s.precon!
  const n = r.length
  const nxy = nx * ny
  for (let c = 0; c < n; c++) {
    if (p[c] === 0) {
      q[c] = 0
      continue
    }
    let t = r[c]!
    if (c >= 1) t -= ax[c - 1]! * p[c - 1]! * q[c - 1]!
    if (c >= nx) t -= ay[c - nx]! * p[c - nx]! * q[c - nx]!
    if (c >= nxy) t -= az[c - nxy]! * p[c - nxy]! * q[c - nxy]!
    q[c] = t * p[c]!
  }
  for (let c = n - 1; c >= 0; c--) {
    if (p[c] === 0) {
      z[c] = 0
      continue
    }
    let t = q[c]!
    const pc = p[c]!
    if (c + 1 < n) t -= ax[c]! * pc * z[c + 1]!
    if (c + nx < n) t -= ay[c]! * pc * z[c + nx]!
    if (c + nxy < n) t -= az[c]! * pc * z[c + nxy]!
    z[c] = t * pc
  }
}

/** y = A·x (x and y in the kernels' memory): the kernel multiply (kernels3.wat). */
function multiply(s: PoissonSystem, nx: number, ny: number, x: Float64Array, y: Float64Array): void {
  s.kernels.multiply(x.length, nx, nx * ny, s.diag.byteOffset, s.ax.byteOffset, s.ay.byteOffset, s.az.byteOffset, x.byteOffset, y.byteOffset)
}

/**
 * Solve A·φ = b by preconditioned CG from the φ given (warm start). Stops when max |residual| ≤
 * `tol` (units of b: 1/s for a divergence). The coupling arrays are zero across the grid's own
 * edges (ax at i = nx−1 and so on), so flat neighbours past an edge add nothing.
 */
export function solvePoisson(s: PoissonSystem, nx: number, ny: number, b: Float64Array, phi: Float64Array, tol: number, maxIter: number): { iterations: number; residual: number } {
  const { r, z } = s
  const n = b.length
  const sDir = s.s
  const Ax = s.ap
  // φ is iterated in the kernels' memory (phi0) and copied back at the end.
  const x = s.phi0
  x.set(phi)
  multiply(s, nx, ny, x, Ax)
  // The vector loops are the kernels startResidual, dot, cgStep and cgDirection (kernels3.wat);
  // b is read in the kernels' memory (the projection's divergence is there already).
  const k = s.kernels
  if (b !== s.div) s.div.set(b)
  let rmax = k.startResidual(n, s.diag.byteOffset, s.div.byteOffset, Ax.byteOffset, r.byteOffset)
  if (rmax <= tol) return { iterations: 0, residual: rmax }
  const pr = r.byteOffset
  const pz = z.byteOffset
  const ps = sDir.byteOffset
  const pAx = Ax.byteOffset
  const px = x.byteOffset
  applyPreconditioner(s, nx, ny, r, z)
  sDir.set(z)
  let rho = k.dot(n, pr, pz)
  let it = 0
  while (it < maxIter) {
    it++
    multiply(s, nx, ny, sDir, Ax)
    const alpha = rho / k.dot(n, ps, pAx)
    rmax = k.cgStep(n, alpha, px, ps, pr, pAx)
    if (rmax <= tol) break
    applyPreconditioner(s, nx, ny, r, z)
    const rhoNew = k.dot(n, pr, pz)
    const beta = rhoNew / rho
    rho = rhoNew
    k.cgDirection(n, beta, pz, ps)
  }
  phi.set(x)
  return { iterations: it, residual: rmax }
}
