// The conjugate gradients' vector kernels (kernels3.wat dot, cgStep, cgDirection) and the multigrid
// transfers (restrict, prolong) give, bit for bit, what the TypeScript loops they replaced gave
// (pressure.ts solvePoisson's loops and dot, multigrid3.ts vcycle3's restriction and prolongation,
// restated here as the reference), on random sizes and values with 0, −0, NaN and ±∞ among them.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { drawWithOdd, expectBitsNaNAlike, random, sameBits } from '../fixtures/bits'
import { Memory3 } from '../../../src/solver/thermal3d/kernels3'

// --- The reference: the loops before the kernels. ---
function dot(a: Float64Array, b: Float64Array): number {
  let s = 0
  for (let c = 0; c < a.length; c++) s += a[c]! * b[c]!
  return s
}
/** solvePoisson's update of φ and r in one CG iteration; returns max |r|. */
function cgStep(alpha: number, phi: Float64Array, sDir: Float64Array, r: Float64Array, Ax: Float64Array): number {
  let rmax = 0
  for (let c = 0; c < r.length; c++) {
    phi[c] = phi[c]! + alpha * sDir[c]!
    r[c] = r[c]! - alpha * Ax[c]!
    const a = Math.abs(r[c]!)
    if (a > rmax) rmax = a
  }
  return rmax
}
function cgDirection(beta: number, z: Float64Array, sDir: Float64Array): void {
  for (let c = 0; c < z.length; c++) sDir[c] = z[c]! + beta * sDir[c]!
}
interface Grid {
  nx: number
  ny: number
  nz: number
  fx: number
  fy: number
  fz: number
  cnx: number
  cny: number
}
function restrict(L: Grid, r: Float64Array, cb: Float64Array): void {
  const { nx, ny, nz, fx, fy, fz } = L
  cb.fill(0)
  for (let k = 0; k < nz; k++) {
    const K = Math.floor(k / fz)
    for (let j = 0; j < ny; j++) {
      const J = Math.floor(j / fy)
      const row = L.cnx * (J + L.cny * K)
      let c = nx * (j + ny * k)
      const shift = fx - 1
      for (let i = 0; i < nx; i++, c++) {
        const CI = row + (i >> shift)
        cb[CI] = cb[CI]! + r[c]!
      }
    }
  }
}
function prolong(L: Grid, diag: Float64Array, cx: Float64Array, x: Float64Array): void {
  const { nx, ny, nz, fx, fy, fz } = L
  const shift = fx - 1
  for (let k = 0; k < nz; k++) {
    const K = Math.floor(k / fz)
    for (let j = 0; j < ny; j++) {
      const J = Math.floor(j / fy)
      const row = L.cnx * (J + L.cny * K)
      let c = nx * (j + ny * k)
      for (let i = 0; i < nx; i++, c++) if (diag[c]! > 0) x[c] = x[c]! + cx[row + (i >> shift)]!
    }
  }
}

const values = (next: () => number, special: boolean) => drawWithOdd(next, special, () => (next() - 0.4) * 3)

describe('the conjugate gradients vector kernels', () => {
  it('give the loops’ dot products, φ, r, max |r| and directions bit for bit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer(), fc.boolean(), (n, seed, special) => {
        const next = random(seed)
        const value = values(next, special)
        const mem = new Memory3(5 * n)
        const k = mem.kernels
        const [phi, sDir, r, Ax, z] = [mem.f64(n), mem.f64(n), mem.f64(n), mem.f64(n), mem.f64(n)]
        for (const a of [phi, sDir, r, Ax, z]) for (let c = 0; c < n; c++) a[c] = value()
        expect(sameBits(k.dot(n, r.byteOffset, z.byteOffset), dot(r, z))).toBe(true)
        const want = { phi: phi.slice(), sDir: sDir.slice(), r: r.slice() }
        const alpha = value()
        const rmax = cgStep(alpha, want.phi, want.sDir, want.r, Ax)
        expect(sameBits(k.cgStep(n, alpha, phi.byteOffset, sDir.byteOffset, r.byteOffset, Ax.byteOffset), rmax)).toBe(true)
        expectBitsNaNAlike(phi, want.phi)
        expectBitsNaNAlike(r, want.r)
        const beta = value()
        cgDirection(beta, z, want.sDir)
        k.cgDirection(n, beta, z.byteOffset, sDir.byteOffset)
        expectBitsNaNAlike(sDir, want.sDir)
      }),
      { numRuns: 150, seed: 31 },
    )
  })
})

describe('the multigrid transfer kernels', () => {
  it('restrict and prolong as the loops did, bit for bit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 11 }),
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom(1, 2),
        fc.constantFrom(1, 2),
        fc.constantFrom(1, 2),
        fc.integer(),
        fc.boolean(),
        (nx, ny, nz, fx, fy, fz, seed, special) => {
          const next = random(seed)
          const value = values(next, special)
          const L: Grid = { nx, ny, nz, fx, fy, fz, cnx: Math.ceil(nx / fx), cny: Math.ceil(ny / fy) }
          const n = nx * ny * nz
          const nc = L.cnx * L.cny * Math.ceil(nz / fz)
          const mem = new Memory3(3 * n + 2 * nc)
          const k = mem.kernels
          const [r, diag, x, cb, cx] = [mem.f64(n), mem.f64(n), mem.f64(n), mem.f64(nc), mem.f64(nc)]
          for (const a of [r, diag, x, cb, cx]) for (let c = 0; c < a.length; c++) a[c] = value()
          const wantCb = cb.slice()
          restrict(L, r, wantCb)
          cb.fill(0)
          k.restrict(nx, ny, nz, fx - 1, fy, fz, L.cnx, L.cny, r.byteOffset, cb.byteOffset)
          expectBitsNaNAlike(cb, wantCb)
          const wantX = x.slice()
          prolong(L, diag, cx, wantX)
          k.prolong(nx, ny, nz, fx - 1, fy, fz, L.cnx, L.cny, diag.byteOffset, cx.byteOffset, x.byteOffset)
          expectBitsNaNAlike(x, wantX)
        },
      ),
      { numRuns: 150, seed: 37 },
    )
  })
})
