// Implicit (backward Euler) diffusion of the face velocities with the effective viscosity
// ν + ν_t, Gauss–Seidel sweeps: (1 + Δt·Σc)·u = u_adv + Δt·Σ c·u_nb. The Laplacian form ν_eff∇²u
// (the ∇ν_t·(∇u)ᵀ part of the turbulent stress is left out, as in Zuo & Chen's FFD). A no-slip
// wall half a cell away, or a neighbour face inside a solid, enters as a ghost value 2·u_wall − u
// (c doubled towards u_wall); a slip wall adds nothing.
import { FACE_CLOSED, FACE_FIXED, type FlowDomain } from './domain'
import { Memory3, type Kernels3 } from './kernels3'
// The face kinds as local constants: read in the per-face loops, where an imported binding costs a
// getter call per read under the test runner's module transform (tsx, vitest).
const FIXED = FACE_FIXED
const CLOSED = FACE_CLOSED

/** Where faceViscosity works: copies of ν_t and the solid cells, and the faces' viscosities, in the
 *  3-D kernels' memory (kernels3.ts). */
export interface ViscosityWork {
  nuT: Float64Array
  solid: Uint8Array
  out: Float64Array
  kernels: Kernels3
}

export function viscosityWork(d: FlowDomain): ViscosityWork {
  const { n, nFaces } = d.grid
  const mem = new Memory3(n + Math.ceil(n / 8) + nFaces)
  return { nuT: mem.f64(n), solid: mem.u8(n), out: mem.f64(nFaces), kernels: mem.kernels }
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

export function diffuseVelocity(d: FlowDomain, vel: Float64Array, rhs: Float64Array, nuFace: Float64Array, dt: number, sweeps: number): void {
  const g = d.grid
  const kind = d.faceKind
  const hx2 = 1 / (g.dx * g.dx)
  const hy2 = 1 / (g.dy * g.dy)
  const hz2 = 1 / (g.dz * g.dz)
  const comps: [number, number, number, number][] = [
    [0, g.nx + 1, g.ny, g.nz],
    [g.nU, g.nx, g.ny + 1, g.nz],
    [g.nU + g.nV, g.nx, g.ny, g.nz + 1],
  ]
  const slipX = d.slip[0]
  const slipY = d.slip[1]
  const slipZ = d.slip[2]
  for (let s = 0; s < sweeps; s++) {
    for (let axis = 0; axis < 3; axis++) {
      const [off, sx, sy, sz] = comps[axis]!
      const sxy = sx * sy
      for (let k = 0; k < sz; k++) {
        for (let j = 0; j < sy; j++) {
          for (let i = 0; i < sx; i++) {
            const f = off + i + sx * (j + sy * k)
            const kf = kind[f]
            if (kf === FIXED || kf === CLOSED) continue
            const nuDt = nuFace[f]! * dt
            let diag = 1
            let acc = rhs[f]!
            // x-neighbours
            let c = nuDt * hx2
            if (i > 0) {
              if (axis !== 0 && kind[f - 1] === CLOSED) diag += 2 * c
              else ((diag += c), (acc += c * vel[f - 1]!))
            } else if (axis !== 0 && !slipX) diag += 2 * c
            if (i < sx - 1) {
              if (axis !== 0 && kind[f + 1] === CLOSED) diag += 2 * c
              else ((diag += c), (acc += c * vel[f + 1]!))
            } else if (axis !== 0 && !slipX) diag += 2 * c
            // y-neighbours (the y-max wall may be the moving lid for u)
            c = nuDt * hy2
            if (j > 0) {
              if (axis !== 1 && kind[f - sx] === CLOSED) diag += 2 * c
              else ((diag += c), (acc += c * vel[f - sx]!))
            } else if (axis !== 1 && !slipY) diag += 2 * c
            if (j < sy - 1) {
              if (axis !== 1 && kind[f + sx] === CLOSED) diag += 2 * c
              else ((diag += c), (acc += c * vel[f + sx]!))
            } else if (axis !== 1 && !slipY) {
              diag += 2 * c
              if (axis === 0) acc += 2 * c * d.lidU
            }
            // z-neighbours
            c = nuDt * hz2
            if (k > 0) {
              if (axis !== 2 && kind[f - sxy] === CLOSED) diag += 2 * c
              else ((diag += c), (acc += c * vel[f - sxy]!))
            } else if (axis !== 2 && !slipZ) diag += 2 * c
            if (k < sz - 1) {
              if (axis !== 2 && kind[f + sxy] === CLOSED) diag += 2 * c
              else ((diag += c), (acc += c * vel[f + sxy]!))
            } else if (axis !== 2 && !slipZ) diag += 2 * c
            vel[f] = acc / diag
          }
        }
      }
    }
  }
}
