// The temperature assembly kernel (kernels3.wat assembleTemperature) gives, bit for bit, the
// system the TypeScript loop it replaced gave (temperature.ts assembleTemperature before the
// kernel, restated here as the reference): aP, b and the couplings of every cell. On random grids
// with solid cells, random face kinds, units' intake and exhaust faces, inflow temperatures (some
// NaN: none), porous faces or none, a time step or ∞ (steady), and 0, −0, NaN and ±∞ among the
// values.
import fc from 'fast-check'
import { describe, it } from 'vitest'
import { drawWithOdd, expectBitsNaNAlike, random } from '../fixtures/bits'
import { FACE_CLOSED, FACE_FIXED, FACE_FREE, FACE_OPENING, createDomain, markSolid, type FlowDomain } from '../../../src/solver/thermal3d/domain'
import { faceArea, makeGrid3 } from '../../../src/solver/thermal3d/grid3'
import { assembleTemperature, createTemperatureSystem, type AirProps } from '../../../src/solver/thermal3d/temperature'

const FREE = FACE_FREE
const CLOSED = FACE_CLOSED

// --- The reference: temperature.ts assembleTemperature before the kernel (sys: the arrays it wrote). ---
function assembleReference(d: FlowDomain, vel: Float64Array, nuT: Float64Array, air: AirProps, dt: number, prevC: Float64Array, sys: { a: Float64Array; aP: Float64Array; b: Float64Array }): void {
  const g = d.grid
  const { a, aP, b } = sys
  a.fill(0)
  const vol = g.dx * g.dy * g.dz
  const rhoCp = air.densityKgM3 * air.cpJPerKgK
  for (let c = 0; c < g.n; c++) {
    aP[c] = Number.isFinite(dt) ? vol / dt : 0
    b[c] = aP[c]! * prevC[c]! + d.heatW[c]! / rhoCp
  }
  const areas = [faceArea(g, 0), faceArea(g, 1), faceArea(g, 2)]
  const hs = [g.dx, g.dy, g.dz]
  const { nx, ny, nz } = g
  const alpha = air.nu / air.prandtl
  const visit = (f: number, axis: number, lo: number, hi: number): void => {
    const kind = d.faceKind[f]
    if (kind === CLOSED) return
    const fl = lo >= 0 && !d.solid[lo]
    const fh = hi >= 0 && !d.solid[hi]
    const area = areas[axis]!
    if (fl && fh && kind === FREE) {
      const F = vel[f]! * area // from lo to hi
      // No eddy diffusion into or through shelving (porous.ts): the aisle's eddies do not carry
      // heat upstream against the devices' fans; the air through a shelf carries it.
      const eddy = d.porousK !== null && d.porousK[f]! > 0 ? 0 : 0.5 * (nuT[lo]! + nuT[hi]!)
      const D = ((alpha + eddy / air.prandtlT) * area) / hs[axis]!
      aP[lo] = aP[lo]! + Math.max(F, 0) + D
      aP[hi] = aP[hi]! + Math.max(-F, 0) + D
      a[6 * lo + 2 * axis + 1] = Math.max(-F, 0) + D
      a[6 * hi + 2 * axis] = Math.max(F, 0) + D
      return
    }
    if (fl === fh) return
    const cell = fl ? lo : hi
    const F = (fl ? 1 : -1) * vel[f]! * area
    if (F > 0) aP[cell] = aP[cell]! + F
    else if (F < 0) {
      const unit = d.faceUnit[f]!
      // Unit exhausts are added per sweep (their temperature follows the intakes); an inflow
      // with no temperature of its own brings the cell's air.
      if (unit >= 0) return
      if (Number.isFinite(d.inflowC[f]!)) b[cell] = b[cell]! - F * d.inflowC[f]!
      else aP[cell] = aP[cell]! + F // entering at the cell's own temperature: F·T_P (F < 0)
    }
  }
  let f = 0
  for (let k = 0; k < nz; k++) for (let j = 0; j < ny; j++) for (let i = 0; i <= nx; i++, f++) visit(f, 0, i > 0 ? i - 1 + nx * (j + ny * k) : -1, i < nx ? i + nx * (j + ny * k) : -1)
  for (let k = 0; k < nz; k++) for (let j = 0; j <= ny; j++) for (let i = 0; i < nx; i++, f++) visit(f, 1, j > 0 ? i + nx * (j - 1 + ny * k) : -1, j < ny ? i + nx * (j + ny * k) : -1)
  for (let k = 0; k <= nz; k++) for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++, f++) visit(f, 2, k > 0 ? i + nx * (j + ny * (k - 1)) : -1, k < nz ? i + nx * (j + ny * k) : -1)
}

describe('the temperature assembly kernel', () => {
  it("gives the per-face loop's aP, b and couplings bit for bit", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 5 }), fc.integer(), fc.boolean(), fc.boolean(), fc.boolean(), (nx, ny, nz, seed, special, porous, steady) => {
        const next = random(seed)
        const value = drawWithOdd(next, special, () => (next() - 0.4) * 3)
        const positive = drawWithOdd(next, special, () => 0.05 + next() * 2)
        const d = createDomain(makeGrid3(nx, ny, nz, 0.2 + next(), 0.2 + next(), 0.2 + next()))
        const g = d.grid
        for (let c = 0; c < g.n; c++) if (next() < 0.15) markSolid(d, c)
        const kinds = [FACE_FREE, FACE_FIXED, FACE_OPENING, FACE_CLOSED]
        for (let f = 0; f < g.nFaces; f++) {
          if (next() < 0.2) d.faceKind[f] = kinds[Math.floor(next() * kinds.length)]!
          const u = next()
          d.faceUnit[f] = u < 0.7 ? -1 : u < 0.85 ? Math.floor(next() * 3) : -2 - Math.floor(next() * 3)
          d.inflowC[f] = next() < 0.4 ? NaN : value()
        }
        for (let c = 0; c < g.n; c++) d.heatW[c] = next() < 0.3 ? value() * 1000 : 0
        if (porous) d.porousK = Float64Array.from({ length: g.nFaces }, () => (next() < 0.5 ? positive() : next() < 0.5 ? 0 : value()))
        const vel = Float64Array.from({ length: g.nFaces }, () => (next() < 0.1 ? 0 : value()))
        const nuT = Float64Array.from({ length: g.n }, () => positive() * 1e-3)
        const prevC = Float64Array.from({ length: g.n }, () => 20 + value())
        const air: AirProps = { densityKgM3: positive(), cpJPerKgK: 1005 * positive(), prandtl: positive(), prandtlT: positive(), nu: 1e-5 * positive() }
        const dt = steady ? Infinity : positive()
        const sys = createTemperatureSystem(g.n, 3, g.nFaces)
        // What the arrays held before (the assembly sets aP and b everywhere and zeroes a first).
        for (let m = 0; m < sys.a.length; m++) sys.a[m] = value()
        const want = { a: sys.a.slice(), aP: Float64Array.from({ length: g.n }, value), b: Float64Array.from({ length: g.n }, value) }
        sys.aP.set(want.aP)
        sys.b.set(want.b)
        assembleReference(d, vel, nuT, air, dt, prevC, want)
        assembleTemperature(d, vel, nuT, air, dt, prevC, sys)
        expectBitsNaNAlike(sys.a, want.a)
        expectBitsNaNAlike(sys.aP, want.aP)
        expectBitsNaNAlike(sys.b, want.b)
      }),
      { numRuns: 200, seed: 41 },
    )
  })
})
