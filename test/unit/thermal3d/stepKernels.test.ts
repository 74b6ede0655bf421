// The step kernels (kernels3.wat eddyViscosity, flowChange, maxChange, accumulate, startResidual,
// diffuse) give, bit for bit, what the TypeScript loops they replaced gave (turbulence.ts
// eddyViscosity with cellSpeed and besideWall, ffd.ts solveFlow3d's per-step loops, pressure.ts
// solvePoisson's first residual, diffuse.ts diffuseVelocity, restated here as the reference): on
// random grids with solid cells, slip walls, random face kinds, and 0, −0, NaN and ±∞ among the
// values.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { drawWithOdd, expectBitsNaNAlike, random, sameBits } from '../fixtures/bits'
import { FACE_CLOSED, FACE_FIXED, FACE_FREE, FACE_OPENING, createDomain, markSolid, type FlowDomain } from '../../../src/solver/thermal3d/domain'
import { cellIndex, makeGrid3, uIndex, vIndex, wIndex, type Grid3 } from '../../../src/solver/thermal3d/grid3'
import { diffuseVelocity, viscosityWork } from '../../../src/solver/thermal3d/diffuse'
import { Memory3 } from '../../../src/solver/thermal3d/kernels3'
import { CHEN_XU_CONSTANT, CHEN_XU_NEAR_WALL_COEFFICIENT } from '../../../src/solver/thermal3d/turbulence'

const FIXED = FACE_FIXED
const CLOSED = FACE_CLOSED

// --- The reference: turbulence.ts, ffd.ts, pressure.ts and diffuse.ts before the kernels (cellSpeed and
// besideWall took the cell's (i, j, k) from c; here the loop hands them over). ---
function cellSpeed(g: Grid3, vel: Float64Array, i: number, j: number, k: number): number {
  const fu = uIndex(g, i, j, k)
  const fv = vIndex(g, i, j, k)
  const fw = wIndex(g, i, j, k)
  const u = 0.5 * (vel[fu]! + vel[fu + 1]!)
  const v = 0.5 * (vel[fv]! + vel[fv + g.nx]!)
  const w = 0.5 * (vel[fw]! + vel[fw + g.nx * g.ny]!)
  return Math.sqrt(u * u + v * v + w * w)
}

function besideWall(d: FlowDomain, i: number, j: number, k: number): boolean {
  const g = d.grid
  const c = cellIndex(g, i, j, k)
  const nxy = g.nx * g.ny
  const [sx, sy, sz] = d.slip
  if (!sx && (i === 0 || i === g.nx - 1)) return true
  if (!sy && (j === 0 || j === g.ny - 1)) return true
  if (!sz && (k === 0 || k === g.nz - 1)) return true
  return (i > 0 && d.solid[c - 1] === 1) || (i < g.nx - 1 && d.solid[c + 1] === 1) || (j > 0 && d.solid[c - g.nx] === 1) || (j < g.ny - 1 && d.solid[c + g.nx] === 1) || (k > 0 && d.solid[c - nxy] === 1) || (k < g.nz - 1 && d.solid[c + nxy] === 1)
}

function eddyReference(d: FlowDomain, nearWall: number | undefined, vel: Float64Array, wallDist: Float64Array, out: Float64Array): void {
  const g = d.grid
  for (let k = 0; k < g.nz; k++) {
    for (let j = 0; j < g.ny; j++) {
      for (let i = 0; i < g.nx; i++) {
        const c = cellIndex(g, i, j, k)
        if (d.solid[c]) {
          out[c] = 0
          continue
        }
        const a = nearWall !== undefined && besideWall(d, i, j, k) ? nearWall : CHEN_XU_CONSTANT
        out[c] = a * cellSpeed(g, vel, i, j, k) * wallDist[c]!
      }
    }
  }
}

/** diffuse.ts diffuseVelocity before the kernel diffuse. */
function diffuseReference(d: FlowDomain, vel: Float64Array, rhs: Float64Array, nuFace: Float64Array, dt: number, sweeps: number): void {
  const g = d.grid
  const kind = d.faceKind
  const hx2 = 1 / (g.dx * g.dx)
  const hy2 = 1 / (g.dy * g.dy)
  const hz2 = 1 / (g.dz * g.dz)
  const comps: [number, number, number, number][] = [
    [0, g.nx + 1, g.ny, g.nz],
    [g.nU, g.nx, g.ny + 1, g.nz],
    [g.nU + g.nV, g.nx, g.ny, g.nz + 1],
  ]
  const slipX = d.slip[0]
  const slipY = d.slip[1]
  const slipZ = d.slip[2]
  for (let s = 0; s < sweeps; s++) {
    for (let axis = 0; axis < 3; axis++) {
      const [off, sx, sy, sz] = comps[axis]!
      const sxy = sx * sy
      for (let k = 0; k < sz; k++) {
        for (let j = 0; j < sy; j++) {
          for (let i = 0; i < sx; i++) {
            const f = off + i + sx * (j + sy * k)
            const kf = kind[f]
            if (kf === FIXED || kf === CLOSED) continue
            const nuDt = nuFace[f]! * dt
            let diag = 1
            let acc = rhs[f]!
            // x-neighbours
            let c = nuDt * hx2
            if (i > 0) {
              if (axis !== 0 && kind[f - 1] === CLOSED) diag += 2 * c
              else ((diag += c), (acc += c * vel[f - 1]!))
            } else if (axis !== 0 && !slipX) diag += 2 * c
            if (i < sx - 1) {
              if (axis !== 0 && kind[f + 1] === CLOSED) diag += 2 * c
              else ((diag += c), (acc += c * vel[f + 1]!))
            } else if (axis !== 0 && !slipX) diag += 2 * c
            // y-neighbours (the y-max wall may be the moving lid for u)
            c = nuDt * hy2
            if (j > 0) {
              if (axis !== 1 && kind[f - sx] === CLOSED) diag += 2 * c
              else ((diag += c), (acc += c * vel[f - sx]!))
            } else if (axis !== 1 && !slipY) diag += 2 * c
            if (j < sy - 1) {
              if (axis !== 1 && kind[f + sx] === CLOSED) diag += 2 * c
              else ((diag += c), (acc += c * vel[f + sx]!))
            } else if (axis !== 1 && !slipY) {
              diag += 2 * c
              if (axis === 0) acc += 2 * c * d.lidU
            }
            // z-neighbours
            c = nuDt * hz2
            if (k > 0) {
              if (axis !== 2 && kind[f - sxy] === CLOSED) diag += 2 * c
              else ((diag += c), (acc += c * vel[f - sxy]!))
            } else if (axis !== 2 && !slipZ) diag += 2 * c
            if (k < sz - 1) {
              if (axis !== 2 && kind[f + sxy] === CLOSED) diag += 2 * c
              else ((diag += c), (acc += c * vel[f + sxy]!))
            } else if (axis !== 2 && !slipZ) diag += 2 * c
            vel[f] = acc / diag
          }
        }
      }
    }
  }
}

describe('the step kernels', () => {
  it('give the zero-equation eddy viscosity of the loops bit for bit, with and without the near-wall coefficient', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 5 }), fc.integer(), fc.boolean(), (nx, ny, nz, seed, special) => {
        const next = random(seed)
        const value = drawWithOdd(next, special, () => (next() - 0.4) * 3)
        const d = createDomain(makeGrid3(nx, ny, nz, 0.2 + next(), 0.2 + next(), 0.2 + next()))
        const g = d.grid
        d.slip = [next() < 0.3, next() < 0.3, next() < 0.3]
        for (let c = 0; c < g.n; c++) if (next() < 0.2) markSolid(d, c)
        const mem = new Memory3(g.nFaces + 4 * g.n + Math.ceil(g.n / 8))
        const [vel, dist, out, want] = [mem.f64(g.nFaces), mem.f64(g.n), mem.f64(g.n), mem.f64(g.n)]
        const solid = mem.u8(g.n)
        solid.set(d.solid)
        for (let f = 0; f < g.nFaces; f++) vel[f] = value()
        for (let c = 0; c < g.n; c++) dist[c] = value()
        const slip = (d.slip[0] ? 1 : 0) | (d.slip[1] ? 2 : 0) | (d.slip[2] ? 4 : 0)
        for (const nearWall of [undefined, CHEN_XU_NEAR_WALL_COEFFICIENT]) {
          eddyReference(d, nearWall, vel, dist, want)
          mem.kernels.eddyViscosity(nx, ny, nz, CHEN_XU_CONSTANT, nearWall ?? 0, nearWall !== undefined ? 1 : 0, slip, solid.byteOffset, vel.byteOffset, dist.byteOffset, out.byteOffset)
          expectBitsNaNAlike(out, want)
        }
      }),
      { numRuns: 200, seed: 47 },
    )
  })

  it('give the per-step maxima, sums and first residual of the loops bit for bit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer(), fc.boolean(), (n, seed, special) => {
        const next = random(seed)
        const value = drawWithOdd(next, special, () => (next() - 0.4) * 3)
        const mem = new Memory3(7 * n + 2)
        const [a, b, sum, diag, r, want, out] = [mem.f64(n), mem.f64(n), mem.f64(n), mem.f64(n), mem.f64(n), mem.f64(n), mem.f64(2)]
        for (let c = 0; c < n; c++) ((a[c] = value()), (b[c] = value()), (sum[c] = value()), (diag[c] = next() < 0.2 ? (next() < 0.5 ? 0 : -0) : value()))
        const k = mem.kernels
        // solveFlow3d: du, umax over the faces; dT over the cells.
        let du = 0
        let umax = 0
        for (let f = 0; f < n; f++) {
          du = Math.max(du, Math.abs(a[f]! - b[f]!))
          umax = Math.max(umax, Math.abs(a[f]!))
        }
        k.flowChange(n, a.byteOffset, b.byteOffset, out.byteOffset)
        expect(sameBits(out[0]!, du) && sameBits(out[1]!, umax)).toBe(true)
        let dT = 0
        for (let c = 0; c < n; c++) dT = Math.max(dT, Math.abs(a[c]! - b[c]!))
        expect(sameBits(k.maxChange(n, a.byteOffset, b.byteOffset), dT)).toBe(true)
        // φ ← φ + δφ, the running sum of the velocities.
        for (let c = 0; c < n; c++) want[c] = sum[c]! + a[c]!
        k.accumulate(n, sum.byteOffset, a.byteOffset)
        expectBitsNaNAlike(sum, want)
        // solvePoisson's first residual (b − A·φ with A·φ in `b` here).
        let rmax = 0
        for (let c = 0; c < n; c++) {
          want[c] = diag[c] === 0 ? 0 : a[c]! - b[c]!
          rmax = Math.max(rmax, Math.abs(want[c]!))
        }
        expect(sameBits(k.startResidual(n, diag.byteOffset, a.byteOffset, b.byteOffset, r.byteOffset), rmax)).toBe(true)
        expectBitsNaNAlike(r, want)
      }),
      { numRuns: 300, seed: 53 },
    )
  })

  it('give the implicit diffusion sweeps of the loop bit for bit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 3 }), fc.integer(), fc.boolean(), (nx, ny, nz, sweeps, seed, special) => {
        const next = random(seed)
        const value = drawWithOdd(next, special, () => (next() - 0.4) * 3)
        const d = createDomain(makeGrid3(nx, ny, nz, 0.2 + next(), 0.2 + next(), 0.2 + next()))
        const g = d.grid
        d.slip = [next() < 0.3, next() < 0.3, next() < 0.3]
        d.lidU = value()
        const kinds = [FACE_FREE, FACE_FIXED, FACE_OPENING, FACE_CLOSED]
        for (let f = 0; f < g.nFaces; f++) if (next() < 0.3) d.faceKind[f] = kinds[Math.floor(next() * kinds.length)]!
        const vel = Float64Array.from({ length: g.nFaces }, value)
        const rhs = Float64Array.from({ length: g.nFaces }, value)
        const nu = Float64Array.from({ length: g.nFaces }, () => (special ? value() : next()))
        const dt = special ? value() : next()
        const want = Float64Array.from(vel)
        diffuseReference(d, want, rhs, nu, dt, sweeps)
        diffuseVelocity(d, vel, rhs, nu, dt, sweeps, viscosityWork(d, true))
        expectBitsNaNAlike(vel, want)
      }),
      { numRuns: 200, seed: 59 },
    )
  })
})
