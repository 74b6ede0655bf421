// The projection's kernels (kernels3.wat divergence, subtractGradient) give, bit for bit, what the
// TypeScript loops they replaced gave (ffd.ts divergence — negated in project — and project's face
// loops with gradient(), restated here as the reference): on random grids with solid cells,
// random face kinds (free and opening faces anywhere, also on the grid's edge, which domain.ts
// never makes: both read φ there as NaN) and 0, −0, NaN and ±∞ among the values.
import fc from 'fast-check'
import { describe, it } from 'vitest'
import { drawWithOdd, expectBitsNaNAlike, random } from '../fixtures/bits'
import { FACE_CLOSED, FACE_FIXED, FACE_FREE, FACE_OPENING, createDomain, markSolid, type FlowDomain } from '../../../src/solver/thermal3d/domain'
import { makeGrid3 } from '../../../src/solver/thermal3d/grid3'
import { Memory3 } from '../../../src/solver/thermal3d/kernels3'

const FREE = FACE_FREE
const OPENING = FACE_OPENING

// --- The reference: ffd.ts before the kernels. ---
/** Divergence of every fluid cell, 1/s. */
function divergenceReference(d: FlowDomain, vel: Float64Array, out: Float64Array): void {
  const g = d.grid
  const { nx, ny } = g
  const nxy = nx * ny
  for (let c = 0; c < g.n; c++) {
    if (d.solid[c]) {
      out[c] = 0
      continue
    }
    const i = c % nx
    const r = (c - i) / nx
    const j = r % ny
    const k = (r - j) / ny
    const fu = i + (nx + 1) * (j + ny * k)
    const fv = g.nU + i + nx * (j + (ny + 1) * k)
    const fw = g.nU + g.nV + c
    out[c] = (vel[fu + 1]! - vel[fu]!) / g.dx + (vel[fv + nx]! - vel[fv]!) / g.dy + (vel[fw + nxy]! - vel[fw]!) / g.dz
  }
}

/** project's loops after the pressure solve. */
function subtractGradientReference(d: FlowDomain, vel: Float64Array, phi: Float64Array): void {
  const g = d.grid
  const { nx, ny, nz } = g
  const kind = d.faceKind
  // x-faces
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i <= nx; i++) {
        const f = i + (nx + 1) * (j + ny * k)
        const kf = kind[f]
        if (kf !== FREE && kf !== OPENING) continue
        const lo = i > 0 ? i - 1 + nx * (j + ny * k) : -1
        const hi = i < nx ? i + nx * (j + ny * k) : -1
        vel[f] = vel[f]! - gradient(phi, lo, hi, g.dx, kf === OPENING)
      }
    }
  }
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j <= ny; j++) {
      for (let i = 0; i < nx; i++) {
        const f = g.nU + i + nx * (j + (ny + 1) * k)
        const kf = kind[f]
        if (kf !== FREE && kf !== OPENING) continue
        const lo = j > 0 ? i + nx * (j - 1 + ny * k) : -1
        const hi = j < ny ? i + nx * (j + ny * k) : -1
        vel[f] = vel[f]! - gradient(phi, lo, hi, g.dy, kf === OPENING)
      }
    }
  }
  for (let k = 0; k <= nz; k++) {
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) {
        const f = g.nU + g.nV + i + nx * (j + ny * k)
        const kf = kind[f]
        if (kf !== FREE && kf !== OPENING) continue
        const lo = k > 0 ? i + nx * (j + ny * (k - 1)) : -1
        const hi = k < nz ? i + nx * (j + ny * k) : -1
        vel[f] = vel[f]! - gradient(phi, lo, hi, g.dz, kf === OPENING)
      }
    }
  }
}

/** ∂φ/∂n across a face; an opening holds φ = 0 on the face, half a cell from the cell centre. */
function gradient(phi: Float64Array, lo: number, hi: number, h: number, opening: boolean): number {
  if (opening) return lo < 0 ? phi[hi]! / (0.5 * h) : -phi[lo]! / (0.5 * h)
  return (phi[hi]! - phi[lo]!) / h
}


describe('the projection kernels', () => {
  it('give the loops’ divergence (and its negation) and corrected velocities bit for bit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 5 }), fc.integer(), fc.boolean(), (nx, ny, nz, seed, special) => {
        const next = random(seed)
        const value = drawWithOdd(next, special, () => (next() - 0.4) * 3)
        const d = createDomain(makeGrid3(nx, ny, nz, 0.2 + next(), 0.2 + next(), 0.2 + next()))
        const g = d.grid
        for (let c = 0; c < g.n; c++) if (next() < 0.15) markSolid(d, c)
        const kinds = [FACE_FREE, FACE_FIXED, FACE_OPENING, FACE_CLOSED]
        for (let f = 0; f < g.nFaces; f++) if (next() < 0.25) d.faceKind[f] = kinds[Math.floor(next() * kinds.length)]!
        const mem = new Memory3(2 * g.nFaces + 3 * g.n + Math.ceil(g.nFaces / 8) + Math.ceil(g.n / 8))
        const k = mem.kernels
        const [vel, velRef, phi, div, want] = [mem.f64(g.nFaces), mem.f64(g.nFaces), mem.f64(g.n), mem.f64(g.n), mem.f64(g.n)]
        const [kind, solid] = [mem.u8(g.nFaces), mem.u8(g.n)]
        kind.set(d.faceKind)
        solid.set(d.solid)
        for (let f = 0; f < g.nFaces; f++) vel[f] = value()
        for (let c = 0; c < g.n; c++) phi[c] = value()
        divergenceReference(d, vel, want)
        k.divergence(nx, ny, nz, g.dx, g.dy, g.dz, 0, solid.byteOffset, vel.byteOffset, div.byteOffset)
        expectBitsNaNAlike(div, want)
        for (let c = 0; c < g.n; c++) want[c] = -want[c]!
        k.divergence(nx, ny, nz, g.dx, g.dy, g.dz, 1, solid.byteOffset, vel.byteOffset, div.byteOffset)
        expectBitsNaNAlike(div, want)
        velRef.set(vel)
        subtractGradientReference(d, velRef, phi)
        k.subtractGradient(nx, ny, nz, g.dx, g.dy, g.dz, FACE_FREE, FACE_OPENING, kind.byteOffset, phi.byteOffset, vel.byteOffset)
        expectBitsNaNAlike(vel, velRef)
      }),
      { numRuns: 200, seed: 43 },
    )
  })
})
