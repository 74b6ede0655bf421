// The advection kernel (kernels3.wat advect: semiLagrangian, trilinear and faceVelocity's means)
// gives, bit for bit, what advect.ts's TypeScript gave before it (restated here as the reference):
// on random grids with solid cells and random face kinds, both schemes, both traces, the trace
// clipped at solids or not, with 0, −0 and NaN among the velocities (and ±∞ where the trace is not
// clipped: the loops walked a clipped trace of an infinite velocity for ever; the kernel does not
// walk it, the last test here).
import fc from 'fast-check'
import { describe, it } from 'vitest'
import { drawWithOdd, expectBitsNaNAlike, random } from '../fixtures/bits'
import { advectVelocity, advectWork, type AdvectionScheme, type TraceScheme } from '../../../src/solver/thermal3d/advect'
import { FACE_CLOSED, FACE_FIXED, FACE_FREE, FACE_OPENING, createDomain, markSolid } from '../../../src/solver/thermal3d/domain'
import { makeGrid3, type Grid3 } from '../../../src/solver/thermal3d/grid3'

const FIXED = FACE_FIXED
const CLOSED = FACE_CLOSED

// --- The reference: advect.ts before the kernel. ---
/** Trilinear sample of the x-velocity grid at (x, y, z), metres from the grid corner. */
function sampleU(g: Grid3, vel: Float64Array, x: number, y: number, z: number): number {
  return trilinear(vel, 0, g.nx + 1, g.ny, g.nz, x / g.dx, y / g.dy - 0.5, z / g.dz - 0.5, null)
}
function sampleV(g: Grid3, vel: Float64Array, x: number, y: number, z: number): number {
  return trilinear(vel, g.nU, g.nx, g.ny + 1, g.nz, x / g.dx - 0.5, y / g.dy, z / g.dz - 0.5, null)
}
function sampleW(g: Grid3, vel: Float64Array, x: number, y: number, z: number): number {
  return trilinear(vel, g.nU + g.nV, g.nx, g.ny, g.nz + 1, x / g.dx - 0.5, y / g.dy - 0.5, z / g.dz, null)
}

/** Sample of one component's grid; `range`, when given, receives the min and max of the 8 values
 *  interpolated from. */
function trilinear(a: Float64Array, off: number, sx: number, sy: number, sz: number, fx: number, fy: number, fz: number, range: Float64Array | null): number {
  fx = fx < 0 ? 0 : fx > sx - 1 ? sx - 1 : fx
  fy = fy < 0 ? 0 : fy > sy - 1 ? sy - 1 : fy
  fz = fz < 0 ? 0 : fz > sz - 1 ? sz - 1 : fz
  let i = Math.floor(fx)
  let j = Math.floor(fy)
  let k = Math.floor(fz)
  if (i > sx - 2) i = Math.max(0, sx - 2)
  if (j > sy - 2) j = Math.max(0, sy - 2)
  if (k > sz - 2) k = Math.max(0, sz - 2)
  const tx = sx > 1 ? fx - i : 0
  const ty = sy > 1 ? fy - j : 0
  const tz = sz > 1 ? fz - k : 0
  const di = sx > 1 ? 1 : 0
  const dj = sy > 1 ? sx : 0
  const dk = sz > 1 ? sx * sy : 0
  const p = off + i + sx * (j + sy * k)
  const a000 = a[p]!
  const a100 = a[p + di]!
  const a010 = a[p + dj]!
  const a110 = a[p + dj + di]!
  const a001 = a[p + dk]!
  const a101 = a[p + dk + di]!
  const a011 = a[p + dk + dj]!
  const a111 = a[p + dk + dj + di]!
  if (range) {
    range[0] = Math.min(a000, a100, a010, a110, a001, a101, a011, a111)
    range[1] = Math.max(a000, a100, a010, a110, a001, a101, a011, a111)
  }
  const c00 = a000 + tx * (a100 - a000)
  const c10 = a010 + tx * (a110 - a010)
  const c01 = a001 + tx * (a101 - a001)
  const c11 = a011 + tx * (a111 - a011)
  const c0 = c00 + ty * (c10 - c00)
  const c1 = c01 + ty * (c11 - c01)
  return c0 + tz * (c1 - c0)
}

/** Velocity (u, v, w) at face (i, j, k) of an axis: its own component exact, the other two the
 *  mean of the (up to) four faces around it, clamped at the grid's edges. */
function faceVelocity(g: Grid3, vel: Float64Array, axis: number, i: number, j: number, k: number, out: Float64Array): void {
  if (axis === 0) {
    out[0] = uAt(g, vel, i, j, k)
    out[1] = 0.25 * (vAt(g, vel, i - 1, j, k) + vAt(g, vel, i, j, k) + vAt(g, vel, i - 1, j + 1, k) + vAt(g, vel, i, j + 1, k))
    out[2] = 0.25 * (wAt(g, vel, i - 1, j, k) + wAt(g, vel, i, j, k) + wAt(g, vel, i - 1, j, k + 1) + wAt(g, vel, i, j, k + 1))
  } else if (axis === 1) {
    out[0] = 0.25 * (uAt(g, vel, i, j - 1, k) + uAt(g, vel, i + 1, j - 1, k) + uAt(g, vel, i, j, k) + uAt(g, vel, i + 1, j, k))
    out[1] = vAt(g, vel, i, j, k)
    out[2] = 0.25 * (wAt(g, vel, i, j - 1, k) + wAt(g, vel, i, j, k) + wAt(g, vel, i, j - 1, k + 1) + wAt(g, vel, i, j, k + 1))
  } else {
    out[0] = 0.25 * (uAt(g, vel, i, j, k - 1) + uAt(g, vel, i + 1, j, k - 1) + uAt(g, vel, i, j, k) + uAt(g, vel, i + 1, j, k))
    out[1] = 0.25 * (vAt(g, vel, i, j, k - 1) + vAt(g, vel, i, j + 1, k - 1) + vAt(g, vel, i, j, k) + vAt(g, vel, i, j + 1, k))
    out[2] = wAt(g, vel, i, j, k)
  }
}

const clamp = (v: number, hi: number): number => (v < 0 ? 0 : v > hi ? hi : v)
function uAt(g: Grid3, vel: Float64Array, i: number, j: number, k: number): number {
  return vel[clamp(i, g.nx) + (g.nx + 1) * (clamp(j, g.ny - 1) + g.ny * clamp(k, g.nz - 1))]!
}
function vAt(g: Grid3, vel: Float64Array, i: number, j: number, k: number): number {
  return vel[g.nU + clamp(i, g.nx - 1) + g.nx * (clamp(j, g.ny) + (g.ny + 1) * clamp(k, g.nz - 1))]!
}
function wAt(g: Grid3, vel: Float64Array, i: number, j: number, k: number): number {
  return vel[g.nU + g.nV + clamp(i, g.nx - 1) + g.nx * (clamp(j, g.ny - 1) + g.ny * clamp(k, g.nz))]!
}

/**
 * Advect `src` along the velocity `vel` over `dt` into `out`, every free and opening face (fixed
 * and closed faces copied). `lo`/`hi`, when given, receive the interpolation range per face.
 */
function semiLagrangian(g: Grid3, kind: Uint8Array, vel: Float64Array, src: Float64Array, out: Float64Array, dt: number, lo: Float64Array | null, hi: Float64Array | null, range: Float64Array, rk2: boolean, solid: Uint8Array | null): void {
  const { nx, ny, nz, dx, dy, dz } = g
  const lx = nx * dx
  const ly = ny * dy
  const lz = nz * dz
  const here = new Float64Array(3)
  const comps: [number, number, number, number, number, number, number][] = [
    // offset, sizes, position shift of index → metres (0 or 0.5 per axis)
    [0, nx + 1, ny, nz, 0, 0.5, 0.5],
    [g.nU, nx, ny + 1, nz, 0.5, 0, 0.5],
    [g.nU + g.nV, nx, ny, nz + 1, 0.5, 0.5, 0],
  ]
  for (let axis = 0; axis < 3; axis++) {
    const [off, sx, sy, sz, ox, oy, oz] = comps[axis]!
    let f = off
    for (let k = 0; k < sz; k++) {
      for (let j = 0; j < sy; j++) {
        for (let i = 0; i < sx; i++, f++) {
          const kd = kind[f]
          if (kd === FIXED || kd === CLOSED) {
            out[f] = src[f]!
            continue
          }
          const x = (i + ox) * dx
          const y = (j + oy) * dy
          const z = (k + oz) * dz
          // Midpoint (RK2) trace: the velocity at the face itself from its own component and the
          // mean of the four neighbouring faces of the others, then one sample at the midpoint.
          faceVelocity(g, vel, axis, i, j, k, here)
          let xd: number
          let yd: number
          let zd: number
          if (rk2) {
            const xm = x - 0.5 * dt * here[0]!
            const ym = y - 0.5 * dt * here[1]!
            const zm = z - 0.5 * dt * here[2]!
            xd = x - dt * sampleU(g, vel, xm, ym, zm)
            yd = y - dt * sampleV(g, vel, xm, ym, zm)
            zd = z - dt * sampleW(g, vel, xm, ym, zm)
          } else {
            xd = x - dt * here[0]!
            yd = y - dt * here[1]!
            zd = z - dt * here[2]!
          }
          if (solid) {
            // The air at a face came from the nearest wall on its path, not from beyond it: walk
            // the back-trace cell by cell and stop before the first solid cell or the grid's
            // edge (a trace through a rack would otherwise fetch the velocity of the aisle behind
            // it, or a solid's zero — at Courant numbers above 1 the steady state would depend on
            // Δt; docs/airflow3d.md, time-step independence).
            const ex = xd - x
            const ey = yd - y
            const ez = zd - z
            const n = Math.ceil(Math.max(Math.abs(ex) / dx, Math.abs(ey) / dy, Math.abs(ez) / dz))
            if (n > 0) {
              let px = x
              let py = y
              let pz = z
              for (let s = 1; s <= n; s++) {
                const qx = x + (ex * s) / n
                const qy = y + (ey * s) / n
                const qz = z + (ez * s) / n
                const ci = Math.floor(qx / dx)
                const cj = Math.floor(qy / dy)
                const ck = Math.floor(qz / dz)
                if (qx < 0 || qy < 0 || qz < 0 || qx > lx || qy > ly || qz > lz || solid[(ci < nx ? ci : nx - 1) + nx * ((cj < ny ? cj : ny - 1) + ny * (ck < nz ? ck : nz - 1))]) break
                px = qx
                py = qy
                pz = qz
              }
              xd = px
              yd = py
              zd = pz
            }
          }
          xd = xd / dx - ox
          yd = yd / dy - oy
          zd = zd / dz - oz
          out[f] = trilinear(src, off, sx, sy, sz, xd, yd, zd, lo ? range : null)
          if (lo && hi) {
            lo[f] = range[0]!
            hi[f] = range[1]!
          }
        }
      }
    }
  }
}

/** advect.ts advectVelocity before the kernel advect. */
function advectReference(g: Grid3, kind: Uint8Array, vel: Float64Array, out: Float64Array, dt: number, scheme: AdvectionScheme, work: { back: Float64Array; lo: Float64Array; hi: Float64Array; range: Float64Array }, trace: TraceScheme, solid: Uint8Array | null): void {
  const rk2 = trace === 'rk2'
  if (scheme === 'linear') {
    semiLagrangian(g, kind, vel, vel, out, dt, null, null, new Float64Array(2), rk2, solid)
    return
  }
  const { back, lo, hi, range } = work
  semiLagrangian(g, kind, vel, vel, out, dt, lo, hi, range, rk2, solid)
  semiLagrangian(g, kind, vel, out, back, -dt, null, null, range, rk2, solid)
  for (let f = 0; f < g.nFaces; f++) {
    const kd = kind[f]
    if (kd === FIXED || kd === CLOSED) continue
    const corrected = out[f]! + 0.5 * (vel[f]! - back[f]!)
    out[f] = corrected < lo[f]! || corrected > hi[f]! ? out[f]! : corrected
  }
}

describe('the advection kernel', () => {
  it('gives the semi-Lagrangian and MacCormack steps of the loops bit for bit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 4 }), fc.integer(), fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(), (nx, ny, nz, seed, special, mac, rk2, clip) => {
        const next = random(seed)
        const value = drawWithOdd(next, special, () => (next() - 0.4) * 3)
        const d = createDomain(makeGrid3(nx, ny, nz, 0.2 + next(), 0.2 + next(), 0.2 + next()))
        const g = d.grid
        for (let c = 0; c < g.n; c++) if (next() < 0.2) markSolid(d, c)
        const kinds = [FACE_FREE, FACE_FIXED, FACE_OPENING, FACE_CLOSED]
        for (let f = 0; f < g.nFaces; f++) if (next() < 0.3) d.faceKind[f] = kinds[Math.floor(next() * kinds.length)]!
        const vel = Float64Array.from({ length: g.nFaces }, () => {
          const v = value()
          return clip && !Number.isNaN(v) && !Number.isFinite(v) ? 0 : v
        })
        const dt = 0.1 + 2 * next()
        const scheme: AdvectionScheme = mac ? 'maccormack' : 'linear'
        const trace: TraceScheme = rk2 ? 'rk2' : 'rk1'
        const solid = clip ? d.solid : null
        const want = new Float64Array(g.nFaces)
        const n = g.nFaces
        advectReference(g, d.faceKind, vel, want, dt, scheme, { back: new Float64Array(n), lo: new Float64Array(n), hi: new Float64Array(n), range: new Float64Array(2) }, trace, solid)
        const out = new Float64Array(g.nFaces)
        advectVelocity(g, d.faceKind, vel, out, dt, scheme, advectWork(g, mac), trace, solid)
        expectBitsNaNAlike(out, want)
      }),
      { numRuns: 400, seed: 61 },
    )
  })

  it('does not walk a clipped trace of an infinite velocity (the loops before it never returned): its departure point is the unclipped one', () => {
    // Every velocity +∞ (or every one −∞; mixed signs would make the faces' means NaN, a trace
    // that is not walked anyway), so every trace is infinite: clipped and unclipped give the same
    // step, bit for bit (NaN alike), and the call returns. Solid cells on the way, where a finite
    // trace stops.
    for (const [scheme, trace, speed] of [['linear', 'rk1', Infinity], ['linear', 'rk2', -Infinity], ['maccormack', 'rk2', Infinity], ['maccormack', 'rk1', -Infinity]] as const) {
      const d = createDomain(makeGrid3(5, 4, 3, 0.5, 0.5, 0.5))
      const g = d.grid
      for (let c = 0; c < g.n; c += 3) markSolid(d, c)
      const vel = new Float64Array(g.nFaces).fill(speed)
      const clipped = new Float64Array(g.nFaces)
      const free = new Float64Array(g.nFaces)
      advectVelocity(g, d.faceKind, vel, clipped, 1, scheme, advectWork(g, scheme === 'maccormack'), trace, d.solid)
      advectVelocity(g, d.faceKind, vel, free, 1, scheme, advectWork(g, scheme === 'maccormack'), trace, null)
      expectBitsNaNAlike(clipped, free)
    }
  })
})
