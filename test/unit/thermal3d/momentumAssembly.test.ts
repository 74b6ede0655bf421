// The momentum assembly kernel (kernels3.wat assembleMomentum) gives, bit for bit, the system the
// TypeScript loop it replaced gave (momentum.ts assembleMomentum before the kernel, restated here
// as the reference): the couplings, diagonal and right-hand side of every free and opening face,
// and the other faces' values left as they were. On random grids (cell sizes, 1 to 7 cells a side),
// random face kinds (free, fixed, opening and closed anywhere, also free faces on the grid's edge,
// which domain.ts never makes: both read φ there as NaN), slip walls, a lid, with and without the
// TVD correction, buoyancy and porous bodies, with 0, −0, NaN and ±∞ among the values.
import fc from 'fast-check'
import { describe, it } from 'vitest'
import { drawWithOdd, expectBitsNaNAlike, random } from '../fixtures/bits'
import { FACE_CLOSED, FACE_FIXED, FACE_FREE, FACE_OPENING, createDomain, type FlowDomain } from '../../../src/solver/thermal3d/domain'
import { makeGrid3 } from '../../../src/solver/thermal3d/grid3'
import { assembleMomentum, momentumWork, type MomentumSources } from '../../../src/solver/thermal3d/momentum'
import { POROUS_FLOOR_MS } from '../../../src/solver/thermal3d/porous'

const FREE = FACE_FREE
const OPENING = FACE_OPENING
const CLOSED = FACE_CLOSED

// --- The reference: momentum.ts assembleMomentum before the kernel (w: the arrays it wrote). ---
function assembleReference(d: FlowDomain, prev: Float64Array, nuFace: Float64Array, dt: number, src: MomentumSources, w: { a: Float64Array; diag: Float64Array; rhs: Float64Array }, tvd: boolean): void {
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

describe('the momentum assembly kernel', () => {
  it("gives the per-face loop's couplings, diagonal and right-hand side bit for bit", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer(),
        fc.boolean(),
        fc.record({ tvd: fc.boolean(), buoyancy: fc.boolean(), porous: fc.boolean(), slip: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()) }),
        (nx, ny, nz, seed, special, opt) => {
          const next = random(seed)
          const value = drawWithOdd(next, special, () => (next() - 0.4) * 3)
          const positive = drawWithOdd(next, special, () => 0.05 + next() * 2)
          const d = createDomain(makeGrid3(nx, ny, nz, 0.2 + next(), 0.2 + next(), 0.2 + next()))
          const g = d.grid
          const kinds = [FACE_FREE, FACE_FREE, FACE_FREE, FACE_OPENING, FACE_FIXED, FACE_CLOSED]
          // Mostly the domain's own kinds (walls on the edge), some faces anything.
          for (let f = 0; f < g.nFaces; f++) if (next() < 0.3) d.faceKind[f] = kinds[Math.floor(next() * kinds.length)]!
          d.slip = opt.slip
          d.lidU = value()
          if (opt.porous) {
            d.porousK = Float64Array.from({ length: g.nFaces }, () => (next() < 0.5 ? positive() : next() < 0.5 ? 0 : value()))
            d.porousU = Float64Array.from({ length: g.nFaces }, value)
          }
          const w = momentumWork(d)
          const prev = Float64Array.from({ length: g.nFaces }, () => (next() < 0.1 ? 0 : value()))
          const nuFace = Float64Array.from({ length: g.nFaces }, positive)
          const src: MomentumSources = {
            phi: Float64Array.from({ length: g.n }, value),
            tempC: opt.buoyancy ? Float64Array.from({ length: g.n }, value) : null,
            gBeta: value(),
            refC: value(),
          }
          const dt = positive()
          // What the arrays held before (the faces the assembly skips keep it).
          for (let m = 0; m < w.a.length; m++) w.a[m] = value()
          for (let f = 0; f < g.nFaces; f++) ((w.diag[f] = value()), (w.rhs[f] = value()))
          const want = { a: w.a.slice(), diag: w.diag.slice(), rhs: w.rhs.slice() }
          assembleReference(d, prev, nuFace, dt, src, want, opt.tvd)
          assembleMomentum(d, prev, nuFace, dt, src, w, opt.tvd)
          expectBitsNaNAlike(w.a, want.a)
          expectBitsNaNAlike(w.diag, want.diag)
          expectBitsNaNAlike(w.rhs, want.rhs)
        },
      ),
      { numRuns: 200, seed: 29 },
    )
  })
})
