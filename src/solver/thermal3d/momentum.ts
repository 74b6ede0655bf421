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
import { FACE_CLOSED, FACE_FREE, FACE_OPENING, type FlowDomain } from './domain'
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
  /** The 3-D kernels whose memory holds the arrays above (kernels3.ts). */
  kernels: Kernels3
}

export function momentumWork(d: FlowDomain): MomentumWork {
  const n = d.grid.nFaces
  const mem = new Memory3(9 * n + Math.ceil(n / 8))
  const w = { a: mem.f64(6 * n), diag: mem.f64(n), rhs: mem.f64(n), isActive: mem.u8(n), vel: mem.f64(n), kernels: mem.kernels }
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
 * D = ν_eff/h², F_out the outward velocity through a side over h.
 */
export function assembleMomentum(d: FlowDomain, prev: Float64Array, nuFace: Float64Array, dt: number, src: MomentumSources, w: MomentumWork, tvd = false): void {
  const g = d.grid
  const { nx, ny, nz } = g
  const nxy = nx * ny
  const kind = d.faceKind
  const { a, diag, rhs } = w
  const h = [g.dx, g.dy, g.dz]
  const ih2 = [1 / (g.dx * g.dx), 1 / (g.dy * g.dy), 1 / (g.dz * g.dz)]
  // Component grids: offset, sizes, strides.
  const off = [0, g.nU, g.nU + g.nV]
  const size = [
    [nx + 1, ny, nz],
    [nx, ny + 1, nz],
    [nx, ny, nz + 1],
  ]
  const cellStride = [1, nx, nxy]
  const slip = d.slip
  const invDt = 1 / dt
  const phi = src.phi
  const temp = src.tempC
  // Porous bodies (porous.ts): the gaps' Forchheimer sink −K·|u − u_dev|·(u − u_dev), linearised
  // on the lagged gap speed (implicit in u, so a large K only stiffens the face).
  const pK = d.porousK
  const pU = d.porousU
  // Per component b: the offset of its grid and its strides (faces) along x, y, z.
  const bStrides = [
    [1, nx + 1, (nx + 1) * ny],
    [1, nx, nx * (ny + 1)],
    [1, nx, nxy],
  ]
  for (let axis = 0; axis < 3; axis++) {
    const sz3 = size[axis]!
    const sx = sz3[0]!
    const sy = sz3[1]!
    const sz = sz3[2]!
    const stride = bStrides[axis]!
    const o = off[axis]!
    const cs = cellStride[axis]!
    const hA = h[axis]!
    let f = o - 1
    for (let k = 0; k < sz; k++) {
      for (let j = 0; j < sy; j++) {
        for (let i = 0; i < sx; i++) {
          f++
          const kf = kind[f]
          if (kf !== FREE && kf !== OPENING) continue
          // The two cells the face lies between (both air for a free face). An opening is a face
          // of the grid's boundary: one cell, the outside at φ = 0 half a cell away.
          const tA = axis === 0 ? i : axis === 1 ? j : k
          const open = kf === OPENING
          const raw = i + nx * (j + ny * k)
          const hasR = tA < sz3[axis]! - 1
          const hasL = tA > 0
          let cR = hasR ? raw : -1
          let cL = hasL ? raw - cs : -1
          const nu = nuFace[f]!
          let dg = invDt
          const gradPhi = open ? (cR >= 0 ? phi[cR]! : -phi[cL]!) / (0.5 * hA) : (phi[cR]! - phi[cL]!) / hA
          let acc = prev[f]! * invDt - gradPhi / dt
          // Cross fluxes of an opening use its one cell's faces.
          if (cR < 0) cR = cL
          if (cL < 0) cL = cR
          if (axis === 2 && temp) acc += src.gBeta * (0.5 * (temp[cR]! + temp[cL]!) - src.refC)
          const base = 6 * f
          for (let b = 0; b < 3; b++) {
            const D = nu * ih2[b]!
            const ih = 1 / h[b]!
            const tIdx = b === 0 ? i : b === 1 ? j : k
            const nB = sz3[b]!
            const fs = stride[b]!
            const bs = bStrides[b]!
            const ob = off[b]!
            // The b-faces of cells cL and cR on their low side (cell (ci, cj, ck) → face index).
            let fL = 0
            let fR = 0
            if (b !== axis) {
              // Cell (i, j, k) is the upper cell, (i, j, k) − e_axis the lower; an opening has one.
              const f0 = ob + i * bs[0]! + j * bs[1]! + k * bs[2]!
              const step = bs[axis]!
              fR = hasR ? f0 : f0 - step
              fL = hasL ? f0 - step : f0
            }
            for (let side = 0; side < 2; side++) {
              const s = side === 0 ? -1 : 1
              // Outward velocity through this side of the control volume.
              const tb = tIdx + s
              const inGrid = tb >= 0 && tb < nB
              const m = base + 2 * b + side
              if (b === axis && !inGrid) {
                // The outside of an opening: outflow carries the face's momentum out, inflow brings
                // outside air at rest.
                a[m] = 0
                const Fo = s * prev[f]! * ih
                if (Fo > 0) dg += Fo
                continue
              }
              const vOut = b === axis ? s * 0.5 * (prev[f]! + prev[f + s * fs]!) : s > 0 ? 0.5 * (prev[fL + bs[b]!]! + prev[fR + bs[b]!]!) : -0.5 * (prev[fL]! + prev[fR]!)
              const F = vOut * ih
              if (b !== axis && (!inGrid || kind[f + s * fs] === CLOSED)) {
                // A wall half a cell away (grid boundary or a solid's face).
                a[m] = 0
                if (!inGrid && slip[b]) continue
                const uWall = !inGrid && axis === 0 && b === 1 && s > 0 ? d.lidU : 0
                dg += 2 * D + (F > 0 ? F : 0)
                acc += (2 * D + (F < 0 ? -F : 0)) * uWall
                continue
              }
              a[m] = D + (F < 0 ? -F : 0)
              dg += D + (F > 0 ? F : 0)
              if (tvd && F !== 0) {
                // Deferred correction to the van Leer limited face value (bounded second order),
                // from the lagged field: at a fixed point it is the converged higher-order flux.
                const nb = f + s * fs
                const up = F > 0 ? f : nb
                const dn = F > 0 ? nb : f
                const tUU = F > 0 ? tIdx - s : tIdx + 2 * s
                if (tUU < 0 || tUU >= nB) continue
                const uu = F > 0 ? f - s * fs : f + 2 * s * fs
                if (kind[uu] === CLOSED) continue
                const du = prev[dn]! - prev[up]!
                if (du === 0) continue
                const r = (prev[up]! - prev[uu]!) / du
                const psi = r > 0 ? (2 * r) / (1 + r) : 0
                acc -= F * 0.5 * psi * du
              }
            }
          }
          if (pK !== null && pU !== null && pK[f]! > 0) {
            const ud = pU[f]!
            const c = pK[f]! * Math.max(Math.abs(prev[f]! - ud), POROUS_FLOOR_MS)
            dg += c
            acc += c * ud
          }
          diag[f] = dg
          rhs[f] = acc
        }
      }
    }
  }
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
