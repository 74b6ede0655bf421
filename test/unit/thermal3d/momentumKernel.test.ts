// The momentum and temperature sweep kernels (kernels3.wat sweepMomentum, sweepTemperature: rows
// as a wavefront) give, bit for bit, what the TypeScript loops they replaced gave (momentum.ts
// sweepMomentum face by face, temperature.ts solveTemperatureSweeps' sweep cell by cell, restated
// here as the reference), on random grids, face kinds and couplings with 0, −0, NaN and ±∞ among
// the values. As momentum.ts and temperature.ts assemble them, couplings to a face or cell outside
// the grid are 0 (a wall or the grid's edge): the kernels' wavefront relies on that for the ±x ones.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { drawWithOdd, expectBitsNaNAlike, random } from '../fixtures/bits'
import { FACE_CLOSED, FACE_FIXED, FACE_FREE, FACE_OPENING, createDomain, type FlowDomain } from '../../../src/solver/thermal3d/domain'
import { makeGrid3 } from '../../../src/solver/thermal3d/grid3'
import { momentumWork, sweepMomentum } from '../../../src/solver/thermal3d/momentum'
import { createTemperatureSystem } from '../../../src/solver/thermal3d/temperature'

// --- The reference: momentum.ts sweepMomentum before the kernel. ---
function sweepReference(d: FlowDomain, vel: Float64Array, a: Float64Array, diag: Float64Array, rhs: Float64Array, active: Int32Array, sweeps: number): void {
  const g = d.grid
  const strides = [
    [1, g.nx + 1, (g.nx + 1) * g.ny],
    [1, g.nx, g.nx * (g.ny + 1)],
    [1, g.nx, g.nx * g.ny],
  ]
  const ends = [g.nU, g.nU + g.nV, g.nFaces]
  const n = active.length
  for (let s = 0; s < sweeps; s++) {
    const forward = s % 2 === 0
    for (let q = 0; q < n; q++) {
      const f = active[forward ? q : n - 1 - q]!
      const axis = f < ends[0]! ? 0 : f < ends[1]! ? 1 : 2
      const st = strides[axis]!
      const o = 6 * f
      let acc = rhs[f]!
      let c = a[o]!
      if (c !== 0) acc += c * vel[f - 1]!
      c = a[o + 1]!
      if (c !== 0) acc += c * vel[f + 1]!
      c = a[o + 2]!
      if (c !== 0) acc += c * vel[f - st[1]!]!
      c = a[o + 3]!
      if (c !== 0) acc += c * vel[f + st[1]!]!
      c = a[o + 4]!
      if (c !== 0) acc += c * vel[f - st[2]!]!
      c = a[o + 5]!
      if (c !== 0) acc += c * vel[f + st[2]!]!
      vel[f] = acc / diag[f]!
    }
  }
}

describe('the momentum sweep kernel', () => {
  it("gives the face-by-face loop's velocities bit for bit", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 19 }), fc.integer({ min: 1, max: 4 }), fc.integer(), fc.boolean(), fc.integer({ min: 0, max: 5 }), (nx, ny, nz, seed, special, sweeps) => {
        const d = createDomain(makeGrid3(nx, ny, nz, 1, 1, 1))
        const g = d.grid
        const next = random(seed)
        const value = drawWithOdd(next, special, () => (next() - 0.4) * 3)
        const kinds = [FACE_FREE, FACE_FREE, FACE_FREE, FACE_OPENING, FACE_FIXED, FACE_CLOSED]
        for (let f = 0; f < g.nFaces; f++) d.faceKind[f] = kinds[Math.floor(next() * kinds.length)]!
        const w = momentumWork(d)
        const comps = [
          [0, nx + 1, ny, nz],
          [g.nU, nx, ny + 1, nz],
          [g.nU + g.nV, nx, ny, nz + 1],
        ] as const
        for (const [off, sx, sy, sz] of comps) {
          for (let k = 0; k < sz; k++)
            for (let j = 0; j < sy; j++)
              for (let i = 0; i < sx; i++) {
                const f = off + i + sx * (j + sy * k)
                const inside = [i > 0, i < sx - 1, j > 0, j < sy - 1, k > 0, k < sz - 1]
                for (let m = 0; m < 6; m++) w.a[6 * f + m] = inside[m] && next() < 0.85 ? value() : 0
                w.diag[f] = next() < 0.95 ? 4 + next() * 8 : value()
                w.rhs[f] = value()
              }
        }
        const vel0 = Float64Array.from({ length: g.nFaces }, value)
        const active = Int32Array.from(Array.from({ length: g.nFaces }, (_, f) => f).filter((f) => d.faceKind[f] === FACE_FREE || d.faceKind[f] === FACE_OPENING))
        const ref = vel0.slice()
        sweepReference(d, ref, w.a, w.diag, w.rhs, active, sweeps)
        const vel = vel0.slice()
        sweepMomentum(d, vel, w, sweeps)
        expectBitsNaNAlike(vel, ref)
      }),
      { numRuns: 120, seed: 17 },
    )
  })
})

// --- The reference: one sweep of temperature.ts solveTemperatureSweeps before the kernel. ---
function temperatureSweepReference(nx: number, ny: number, n: number, a: Float64Array, aP: Float64Array, b: Float64Array, extra: Float64Array, t: Float64Array, forward: boolean): number {
  const nxy = nx * ny
  let change = 0
  for (let q = 0; q < n; q++) {
    const c = forward ? q : n - 1 - q
    const p = aP[c]!
    if (p <= 0) continue
    const o = 6 * c
    let acc = b[c]! + extra[c]!
    if (a[o]! !== 0) acc += a[o]! * t[c - 1]!
    if (a[o + 1]! !== 0) acc += a[o + 1]! * t[c + 1]!
    if (a[o + 2]! !== 0) acc += a[o + 2]! * t[c - nx]!
    if (a[o + 3]! !== 0) acc += a[o + 3]! * t[c + nx]!
    if (a[o + 4]! !== 0) acc += a[o + 4]! * t[c - nxy]!
    if (a[o + 5]! !== 0) acc += a[o + 5]! * t[c + nxy]!
    const v = acc / p
    const dv = Math.abs(v - t[c]!)
    if (dv > change) change = dv
    t[c] = v
  }
  return change
}

describe('the temperature sweep kernel', () => {
  it("gives the cell-by-cell loop's temperatures and largest change bit for bit", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 19 }), fc.integer({ min: 1, max: 4 }), fc.integer(), fc.boolean(), (nx, ny, nz, seed, special) => {
        const n = nx * ny * nz
        const next = random(seed)
        const value = drawWithOdd(next, special, () => (next() - 0.4) * 3)
        const sys = createTemperatureSystem(n, 0)
        for (let c = 0; c < n; c++) {
          const i = c % nx
          const j = Math.floor(c / nx) % ny
          const k = Math.floor(c / (nx * ny))
          const inside = [i > 0, i < nx - 1, j > 0, j < ny - 1, k > 0, k < nz - 1]
          for (let m = 0; m < 6; m++) sys.a[6 * c + m] = inside[m] && next() < 0.85 ? value() : 0
          sys.aP[c] = next() < 0.9 ? 4 + next() * 8 : value()
          sys.b[c] = value()
          sys.extra[c] = next() < 0.1 ? value() : 0
          sys.t[c] = value()
        }
        const ref = sys.t.slice()
        for (const forward of [true, false, true]) {
          const want = temperatureSweepReference(nx, ny, n, sys.a, sys.aP, sys.b, sys.extra, ref, forward)
          const got = sys.kernels.sweepTemperature(nx, ny, nz, forward ? 1 : 0, sys.aP.byteOffset, sys.a.byteOffset, sys.b.byteOffset, sys.extra.byteOffset, sys.t.byteOffset)
          expectBitsNaNAlike(sys.t, ref)
          expect(Object.is(got, want)).toBe(true)
        }
      }),
      { numRuns: 120, seed: 23 },
    )
  })
})
