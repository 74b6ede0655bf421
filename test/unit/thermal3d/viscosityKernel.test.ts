// The face viscosity kernel (kernels3.wat faceViscosity) gives, bit for bit, what the TypeScript
// loop it replaced gave (diffuse.ts faceViscosity before the kernel, restated here as the
// reference): on random grids with solid cells, and 0, −0, NaN and ±∞ among ν and ν_t.
import fc from 'fast-check'
import { describe, it } from 'vitest'
import { drawWithOdd, ODD_VALUES, expectBitsNaNAlike, random } from '../fixtures/bits'
import { createDomain, markSolid, type FlowDomain } from '../../../src/solver/thermal3d/domain'
import { makeGrid3 } from '../../../src/solver/thermal3d/grid3'
import { faceViscosity, viscosityWork } from '../../../src/solver/thermal3d/diffuse'

// --- The reference: diffuse.ts faceViscosity before the kernel. ---
function faceViscosityReference(d: FlowDomain, nu: number, nuT: Float64Array, out: Float64Array): void {
  const g = d.grid
  const { nx, ny, nz } = g
  const nxy = nx * ny
  const solid = d.solid
  const put = (f: number, a: number, b: number) => {
    const fa = a >= 0 && !solid[a]
    const fb = b >= 0 && !solid[b]
    out[f] = nu + (fa && fb ? 0.5 * (nuT[a]! + nuT[b]!) : fa ? nuT[a]! : fb ? nuT[b]! : 0)
  }
  let f = 0
  for (let k = 0; k < nz; k++) for (let j = 0; j < ny; j++) for (let i = 0; i <= nx; i++, f++) put(f, i > 0 ? i - 1 + nx * (j + ny * k) : -1, i < nx ? i + nx * (j + ny * k) : -1)
  for (let k = 0; k < nz; k++) for (let j = 0; j <= ny; j++) for (let i = 0; i < nx; i++, f++) put(f, j > 0 ? i + nx * (j - 1 + ny * k) : -1, j < ny ? i + nx * (j + ny * k) : -1)
  for (let k = 0; k <= nz; k++) for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++, f++) put(f, k > 0 ? i + nx * j + nxy * (k - 1) : -1, k < nz ? i + nx * j + nxy * k : -1)
}

describe('the face viscosity kernel', () => {
  it("gives the loop's face viscosities bit for bit", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 5 }), fc.integer(), fc.boolean(), (nx, ny, nz, seed, special) => {
        const next = random(seed)
        const value = drawWithOdd(next, special, () => next() * 1e-3)
        const d = createDomain(makeGrid3(nx, ny, nz, 1, 1, 1))
        const g = d.grid
        for (let c = 0; c < g.n; c++) if (next() < 0.2) markSolid(d, c)
        const nuT = Float64Array.from({ length: g.n }, value)
        const nu = special && next() < 0.3 ? ODD_VALUES[Math.floor(next() * ODD_VALUES.length)]! : 1.5e-5
        const want = new Float64Array(g.nFaces)
        faceViscosityReference(d, nu, nuT, want)
        const w = viscosityWork(d)
        const out = Float64Array.from({ length: g.nFaces }, value)
        faceViscosity(d, nu, nuT, out, w)
        expectBitsNaNAlike(out, want)
        expectBitsNaNAlike(w.out, want)
      }),
      { numRuns: 200, seed: 47 },
    )
  })
})
