// Implicit (backward Euler) diffusion of the face velocities with the effective viscosity
// ν + ν_t, Gauss–Seidel sweeps: (1 + Δt·Σc)·u = u_adv + Δt·Σ c·u_nb. The Laplacian form ν_eff∇²u
// (the ∇ν_t·(∇u)ᵀ part of the turbulent stress is left out, as in Zuo & Chen's FFD). A no-slip
// wall half a cell away, or a neighbour face inside a solid, enters as a ghost value 2·u_wall − u
// (c doubled towards u_wall); a slip wall adds nothing.
import { FACE_CLOSED, FACE_FIXED, slipMask, type FlowDomain } from './domain'
import { Memory3, type Kernels3 } from './kernels3'
// The face kinds as local constants: read in the per-face loops, where an imported binding costs a
// getter call per read under the test runner's module transform (tsx, vitest).
const FIXED = FACE_FIXED
const CLOSED = FACE_CLOSED

/** Where faceViscosity works: copies of ν_t and the solid cells, and the faces' viscosities, in the
 *  3-D kernels' memory (kernels3.ts); with `diffusion`, also where diffuseVelocity works: the face
 *  velocities, the right-hand side and the face kinds (null without). */
export interface ViscosityWork {
  nuT: Float64Array
  solid: Uint8Array
  out: Float64Array
  diffusion: { vel: Float64Array; rhs: Float64Array; kind: Uint8Array } | null
  kernels: Kernels3
}

export function viscosityWork(d: FlowDomain, diffusion = false): ViscosityWork {
  const { n, nFaces } = d.grid
  const mem = new Memory3(n + Math.ceil(n / 8) + nFaces + (diffusion ? 2 * nFaces + Math.ceil(nFaces / 8) : 0))
  const w = { nuT: mem.f64(n), solid: mem.u8(n), out: mem.f64(nFaces), kernels: mem.kernels }
  return { ...w, diffusion: diffusion ? { vel: mem.f64(nFaces), rhs: mem.f64(nFaces), kind: mem.u8(nFaces) } : null }
}

/** Effective viscosity on every face: ν + mean ν_t of the fluid cells either side (the one fluid
 *  cell's; none: 0), m²/s, into `out` (which may be `w.out`): the kernel faceViscosity
 *  (kernels3.wat). */
export function faceViscosity(d: FlowDomain, nu: number, nuT: Float64Array, out: Float64Array, w: ViscosityWork): void {
  const g = d.grid
  w.nuT.set(nuT)
  w.solid.set(d.solid)
  w.kernels.faceViscosity(g.nx, g.ny, g.nz, nu, w.solid.byteOffset, w.nuT.byteOffset, w.out.byteOffset)
  if (out !== w.out) out.set(w.out)
}

/** `sweeps` Gauss–Seidel sweeps of the implicit diffusion of `vel` (u, then v, then w faces, each in
 *  index order), from the right-hand side `rhs` (the advected velocities) with the face viscosities
 *  `nuFace`: the kernel diffuse (kernels3.wat), in `w` (a viscosityWork made with `diffusion`). */
export function diffuseVelocity(d: FlowDomain, vel: Float64Array, rhs: Float64Array, nuFace: Float64Array, dt: number, sweeps: number, w: ViscosityWork): void {
  const g = d.grid
  const m = w.diffusion
  if (!m) throw new Error('diffuseVelocity: the viscosity work was made without room for the diffusion (viscosityWork(d, true))')
  m.vel.set(vel)
  m.rhs.set(rhs)
  m.kind.set(d.faceKind)
  if (nuFace !== w.out) w.out.set(nuFace)
  w.kernels.diffuse(g.nx, g.ny, g.nz, 1 / (g.dx * g.dx), 1 / (g.dy * g.dy), 1 / (g.dz * g.dz), dt, d.lidU, slipMask(d), FIXED, CLOSED, sweeps, m.kind.byteOffset, w.out.byteOffset, m.rhs.byteOffset, m.vel.byteOffset)
  vel.set(m.vel)
}
