// Semi-Lagrangian advection of the face velocities (Stam 1999, "Stable fluids"; the FFD of Zuo &
// Chen 2009 uses the same step): each free face takes the velocity found where its air was Δt
// ago, traced back with a midpoint (RK2) or Euler (RK1) step, by trilinear interpolation of that component's
// grid. Unconditionally stable at any Courant number, but first-order through the interpolation:
// it diffuses. 'maccormack' (Selle, Fedkiw, Kim, Liu & Rossignac 2008, "An unconditionally stable
// MacCormack method", J. Sci. Comput. 35) advects forward and back and corrects by half the
// round-trip error, clamped to the values the forward step interpolated from: second-order where
// the field is smooth, first-order at extrema, still stable.
// The step is the kernel advect (kernels3.wat: semiLagrangian, trilinear, faceVelocity's means),
// working in the 3-D kernels' memory (kernels3.ts).
import { FACE_CLOSED, FACE_FIXED } from './domain'
import type { Grid3 } from './grid3'
import { Memory3, type Kernels3 } from './kernels3'

export type AdvectionScheme = 'linear' | 'maccormack'
/** Back-trace of the departure point: one Euler step with the face's own velocity ('rk1', one
 *  interpolation per face) or a midpoint step ('rk2', four). */
export type TraceScheme = 'rk1' | 'rk2'

/** Where the advection works, in the kernels' memory: the velocities, the result, MacCormack's
 *  backward step and the interpolation range per face (back, lo, hi: null for 'linear'), the face
 *  kinds and the solid cells. */
export interface AdvectWork {
  vel: Float64Array
  out: Float64Array
  back: Float64Array | null
  lo: Float64Array | null
  hi: Float64Array | null
  kind: Uint8Array
  solid: Uint8Array
  kernels: Kernels3
}

/** The work of a grid; `maccormack` makes room for MacCormack's arrays. */
export function advectWork(g: Grid3, maccormack: boolean): AdvectWork {
  const nF = g.nFaces
  const mem = new Memory3((maccormack ? 5 : 2) * nF + Math.ceil(nF / 8) + Math.ceil(g.n / 8))
  const vel = mem.f64(nF)
  const out = mem.f64(nF)
  const back = maccormack ? mem.f64(nF) : null
  const lo = maccormack ? mem.f64(nF) : null
  const hi = maccormack ? mem.f64(nF) : null
  return { vel, out, back, lo, hi, kind: mem.u8(nF), solid: mem.u8(g.n), kernels: mem.kernels }
}

/**
 * One advection step of the velocity field `vel` into `out`: every free and opening face takes the
 * velocity at its departure point (fixed and closed faces copied); 'maccormack' corrects by half
 * the round-trip error, kept within the values the forward step interpolated from. `solid`
 * (cells, 1 = solid), when given, stops every back-trace at the first solid cell on its path: the
 * air at a face came from the nearest wall on its path, not from beyond it (a trace through a rack
 * would otherwise fetch the velocity of the aisle behind it, or a solid's zero — at Courant
 * numbers above 1 the steady state would depend on Δt; docs/airflow3d.md, time-step independence).
 */
export function advectVelocity(g: Grid3, kind: Uint8Array, vel: Float64Array, out: Float64Array, dt: number, scheme: AdvectionScheme, work: AdvectWork, trace: TraceScheme = 'rk2', solid: Uint8Array | null = null): void {
  const maccormack = scheme === 'maccormack'
  if (maccormack && !work.back) throw new Error("advectVelocity: the work was made without MacCormack's arrays (advectWork(g, true))")
  work.vel.set(vel)
  work.kind.set(kind)
  if (solid) work.solid.set(solid)
  work.kernels.advect(
    g.nx, g.ny, g.nz, g.dx, g.dy, g.dz, dt, trace === 'rk2' ? 1 : 0, solid ? 1 : 0, maccormack ? 1 : 0, FACE_FIXED, FACE_CLOSED,
    work.kind.byteOffset, work.solid.byteOffset, work.vel.byteOffset, work.out.byteOffset, maccormack ? work.back!.byteOffset : 0, maccormack ? work.lo!.byteOffset : 0, maccormack ? work.hi!.byteOffset : 0,
  )
  out.set(work.out)
}
