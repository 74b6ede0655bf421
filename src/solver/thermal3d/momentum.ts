// Implicit first-order upwind momentum: advection and diffusion of the face velocities solved
// together, backward Euler, Gauss–Seidel sweeps — the implicit upwind FFD of Han, Tian, VanGilder,
// Zuo & Faulkner (2020, Energy and Buildings), which replaces the semi-Lagrangian advection of
// Zuo & Chen's FFD. With the incremental projection of ffd.ts (the predictor carries the last
// pressure gradient; the projection corrects only its increment) a steady state of the march is
// the steady state of the discrete equations, whatever the time step: at a fixed point u* = uⁿ,
// the increment is zero and the residual of
//   (u·∇)u = ∇·(ν_eff∇u) − ∇p/ρ + g·β·(T − T_ref)·e_z
// vanishes. The time step is then only a pseudo-time step (how fast the march gets there).
//
// Finite volumes on the staggered control volume of each face (a cell-sized box centred on the
// face): the convective flux through each side from the lagged velocity (the mean of the two
// faces the side lies between), upwind value; diffusion ν_eff·A/h, ν_eff the face's effective
// viscosity (diffuse.ts faceViscosity). A no-slip wall half a cell away (the grid's walls, faces
// inside solids) enters as ghost 2·u_wall − u; slip walls add nothing; air entering through a
// wall (a fan, an opening, a rack's exhaust) brings no momentum along the wall. Opening faces keep
// their velocity here; the projection sets them.
import { FACE_CLOSED, FACE_FREE, FACE_OPENING, slipMask, type FlowDomain } from './domain'
import { Memory3, type Kernels3 } from './kernels3'
import { POROUS_FLOOR_MS } from './porous'
// The face kinds as local constants: read in the per-face loops, where an imported binding costs a
// getter call per read under the test runner's module transform (tsx, vitest).
const FREE = FACE_FREE
const OPENING = FACE_OPENING
const CLOSED = FACE_CLOSED

export interface MomentumWork {
  /** Per face: the coupling to its −x, +x, −y, +y, −z, +z neighbour (same component), 1/s. */
  a: Float64Array
  diag: Float64Array
  rhs: Float64Array
  /** 1 on the free faces (free or opening: the ones the sweeps update), else 0. */
  isActive: Uint8Array
  /** The velocities while the sweep kernel works on them. */
  vel: Float64Array
  /** What the assembly kernel reads, copied in by assembleMomentum (unless the caller filled
   *  `prev` and `nu` in place): the lagged velocities, the face viscosities, the face kinds, φ and
   *  the temperatures per cell, and the porous bodies' K and u_dev per face (null: the domain had
   *  none when the work was made). */
  prev: Float64Array
  nu: Float64Array
  kind: Uint8Array
  phi: Float64Array
  temp: Float64Array
  porousK: Float64Array | null
  porousU: Float64Array | null
  /** The 3-D kernels whose memory holds the arrays above (kernels3.ts). */
  kernels: Kernels3
}

export function momentumWork(d: FlowDomain): MomentumWork {
  const n = d.grid.nFaces
  const cells = d.grid.n
  const porous = d.porousK !== null && d.porousU !== null
  const mem = new Memory3(11 * n + 2 * Math.ceil(n / 8) + 2 * cells + (porous ? 2 * n : 0))
  const w = {
    a: mem.f64(6 * n),
    diag: mem.f64(n),
    rhs: mem.f64(n),
    isActive: mem.u8(n),
    vel: mem.f64(n),
    prev: mem.f64(n),
    nu: mem.f64(n),
    kind: mem.u8(n),
    phi: mem.f64(cells),
    temp: mem.f64(cells),
    porousK: porous ? mem.f64(n) : null,
    porousU: porous ? mem.f64(n) : null,
    kernels: mem.kernels,
  }
  for (let f = 0; f < n; f++) if (d.faceKind[f] === FREE || d.faceKind[f] === OPENING) w.isActive[f] = 1
  return w
}

export interface MomentumSources {
  /** φ = p·Δt/ρ of the last projection (its gradient over Δt is the pressure force). */
  phi: Float64Array
  tempC: Float64Array | null
  gBeta: number
  refC: number
}

/**
 * Assemble the implicit system for one step from the lagged field `prev` (uⁿ). Per unit volume:
 *   (1/Δt + Σ(D + max(F_out, 0)))·u − Σ(D + max(−F_out, 0))·u_nb = uⁿ/Δt − ∂φ/∂n/Δt + buoyancy
 * D = ν_eff/h², F_out the outward velocity through a side over h. For each free or opening face:
 * its couplings `w.a`, `w.diag`, `w.rhs` (other faces are left alone); the per-face loop is the
 * kernel assembleMomentum (kernels3.wat), which says term by term what it adds:
 * - pressure: −∂φ/∂n/Δt (an opening: φ = 0 half a cell outside);
 * - buoyancy on the z-faces: g·β·(T̄ − T_ref), T̄ the mean of the two cells (one at an opening);
 * - per side of the face's control volume, the outward flux F from the mean of the two lagged
 *   velocities there; upwind: the coupling D + max(−F, 0), the diagonal D + max(F, 0); a no-slip
 *   wall half a cell away (the grid's, a closed face) as the ghost 2·u_wall − u (u_wall the lid's
 *   speed on the y-max wall for the x-faces, else 0), a slip wall nothing; the outside of an
 *   opening: outflow on the diagonal, inflow at rest;
 * - `tvd`: the deferred correction to the van Leer limited face value, −F·½·ψ(r)·Δu, from the
 *   lagged field (not across a closed face nor past the grid's edge);
 * - porous bodies: c = K·max(|uⁿ − u_dev|, POROUS_FLOOR_MS) on the diagonal, c·u_dev on the right.
 * `domainLoaded`: the face kinds and the porous bodies' K and u_dev are in `w` already, from an
 * earlier call with this domain unchanged since (a run's steps: ffd.ts), and are not copied again.
 */
export function assembleMomentum(d: FlowDomain, prev: Float64Array, nuFace: Float64Array, dt: number, src: MomentumSources, w: MomentumWork, tvd = false, domainLoaded = false): void {
  const g = d.grid
  if (prev !== w.prev) w.prev.set(prev)
  if (nuFace !== w.nu) w.nu.set(nuFace)
  if (!domainLoaded) w.kind.set(d.faceKind)
  w.phi.set(src.phi)
  const temp = src.tempC
  if (temp) w.temp.set(temp)
  const porous = d.porousK !== null && d.porousU !== null
  if (porous) {
    if (!w.porousK || !w.porousU) throw new Error('assembleMomentum: the domain has porous bodies the momentum work was not made for (make it with momentumWork after the porous bodies)')
    if (!domainLoaded) {
      w.porousK.set(d.porousK!)
      w.porousU.set(d.porousU!)
    }
  }
  const flags = (tvd ? 1 : 0) | (temp ? 2 : 0) | (porous ? 4 : 0) | (slipMask(d) << 3)
  w.kernels.assembleMomentum(
    g.nx, g.ny, g.nz, g.dx, g.dy, g.dz, dt, flags, FREE, OPENING, CLOSED, src.gBeta, src.refC, d.lidU, POROUS_FLOOR_MS,
    w.kind.byteOffset, w.prev.byteOffset, w.nu.byteOffset, w.phi.byteOffset, w.temp.byteOffset,
    porous ? w.porousK!.byteOffset : 0, porous ? w.porousU!.byteOffset : 0, w.a.byteOffset, w.diag.byteOffset, w.rhs.byteOffset,
  )
}

/** Gauss–Seidel sweeps of the assembled system, alternating direction: forward in face-index
 *  order (the u-faces, then v, then w), backward in the reverse order; `vel` starts as uⁿ and ends
 *  as u*. Each component's sweep is the kernel sweepMomentum (kernels3.wat). */
export function sweepMomentum(d: FlowDomain, vel: Float64Array, w: MomentumWork, sweeps: number): void {
  const { nx, ny, nz, nU, nV } = d.grid
  const k = w.kernels
  const act = w.isActive.byteOffset
  const a = w.a.byteOffset
  const diag = w.diag.byteOffset
  const rhs = w.rhs.byteOffset
  const v = w.vel.byteOffset
  w.vel.set(vel)
  for (let s = 0; s < sweeps; s++) {
    if (s % 2 === 0) {
      k.sweepMomentum(0, nx + 1, ny, nz, 1, act, a, diag, rhs, v)
      k.sweepMomentum(nU, nx, ny + 1, nz, 1, act, a, diag, rhs, v)
      k.sweepMomentum(nU + nV, nx, ny, nz + 1, 1, act, a, diag, rhs, v)
    } else {
      k.sweepMomentum(nU + nV, nx, ny, nz + 1, 0, act, a, diag, rhs, v)
      k.sweepMomentum(nU, nx, ny + 1, nz, 0, act, a, diag, rhs, v)
      k.sweepMomentum(0, nx + 1, ny, nz, 0, act, a, diag, rhs, v)
    }
  }
  vel.set(w.vel)
}
