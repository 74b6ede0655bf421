// The momentum sweep kernel (kernels3.wat sweepMomentum, rows as a wavefront) gives, bit for bit,
// what the TypeScript loop it replaced gave (momentum.ts sweepMomentum, face by face, restated
// here as the reference), on random grids, face kinds and couplings with 0, −0, NaN and ±∞ among
// the values. As momentum.ts assembles them, couplings to a face outside the component's grid are
// 0 (a wall or the grid's edge): the kernel's wavefront relies on that for the ±x ones.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FACE_CLOSED, FACE_FIXED, FACE_FREE, FACE_OPENING, createDomain, type FlowDomain } from '../../../src/solver/thermal3d/domain'
import { makeGrid3 } from '../../../src/solver/thermal3d/grid3'
import { momentumWork, sweepMomentum } from '../../../src/solver/thermal3d/momentum'

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

/** Deterministic values from a seed (xorshift), with the awkward ones among them. */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1
  return () => {
    s ^= s << 13
    s >>>= 0
    s ^= s >>> 17
    s ^= s << 5
    s >>>= 0
    return s / 4294967296
  }
}

function bits(a: Float64Array): string[] {
  return Array.from(Float64Array.from(a, (x) => (Number.isNaN(x) ? NaN : x)), (v) => new BigUint64Array(new Float64Array([v]).buffer)[0]!.toString(16))
}

describe('the momentum sweep kernel', () => {
  it("gives the face-by-face loop's velocities bit for bit", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 19 }), fc.integer({ min: 1, max: 4 }), fc.integer(), fc.boolean(), fc.integer({ min: 0, max: 5 }), (nx, ny, nz, seed, special, sweeps) => {
        const d = createDomain(makeGrid3(nx, ny, nz, 1, 1, 1))
        const g = d.grid
        const next = random(seed)
        const odd = [0, -0, NaN, Infinity, -Infinity]
        const value = () => (special && next() < 0.05 ? odd[Math.floor(next() * odd.length)]! : (next() - 0.4) * 3)
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
        expect(bits(vel)).toEqual(bits(ref))
      }),
      { numRuns: 120, seed: 17 },
    )
  })
})
