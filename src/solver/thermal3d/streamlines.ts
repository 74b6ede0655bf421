// Streamlines of a 3-D airflow result (issue 12, point 5): paths of the air through the solved
// (time-mean) velocity field, for the app to draw. Seeds: the hall's intake openings (boundary
// faces where air comes in), traced forward — where the outside air goes; and the racks' intakes
// (faces where air leaves the hall air into a solid unit), traced backward — where the air each
// rack breathes came from (a hot inlet's path back over a row is recirculation). Pure: plain
// typed arrays in, plain typed arrays out; runs in the worker.
//
// Velocity at a point: trilinear interpolation of each component on its own staggered faces
// (grid3.ts layout); temperature: the cell holding the point. Trace: midpoint (RK2) steps of a
// fixed length along the path; a path stops in a solid cell, outside the hall, in still air, or
// at its length cap.

import type { HallAirflow3d } from './hallAirflow'

/** The part of a result a trace needs: its grid, and the face velocities (grid3.ts layout: x-faces,
 *  then y-faces, then z-faces, m/s) from its state. */
export type StreamlineField = Pick<HallAirflow3d, 'nx' | 'ny' | 'nz' | 'cellXM' | 'cellYM' | 'cellZM' | 'originX' | 'originY'> & {
  vel: Float64Array
  tempC: ArrayLike<number>
  solid: Uint8Array
}

export interface Streamlines {
  /** Site x, y, z (z up) of every point, metres; lines one after another. */
  positions: Float32Array
  /** Air temperature at each point, °C. */
  tempC: Float32Array
  /** Index of each line's first point, and the point count last (length = lines + 1). */
  starts: Uint32Array
  /** Per line: STREAM_FROM_OPENING or STREAM_TO_RACK. */
  kind: Uint8Array
  /** Time of flight of the air from the line's first point to each point, s (0 at every first
   *  point, growing along the line; on a STREAM_TO_RACK line, traced backward, the air flows from
   *  the last point to the first, so it reaches point p at timeS[last] − timeS[p]). The sum of the
   *  trace's step times (step length over the midpoint speed); particles in the app ride on it. */
  timeS: Float32Array
}

export const STREAM_FROM_OPENING = 0
export const STREAM_TO_RACK = 1

export interface StreamlineOptions {
  /** Largest number of lines of each kind. */
  maxPerKind?: number
  /** Step along the path, m (default 0.6 of the smallest cell edge). */
  stepM?: number
  /** Longest path, m. */
  maxLengthM?: number
  /** A path stops where the air is slower than this, m/s. */
  minSpeedMs?: number
}

/** Face velocity above which a face counts as a seed (air really passes), m/s. */
const SEED_MIN_SPEED_MS = 0.02

/** The golden-ratio sequence picks `count` of `n` items spread over the list, deterministically. */
function spread(n: number, count: number): number[] {
  if (n <= count) return Array.from({ length: n }, (_, i) => i)
  const picked = new Set<number>()
  const phi = 0.6180339887498949
  for (let m = 0; picked.size < count && m < count * 8; m++) picked.add(Math.floor(((m * phi) % 1) * n))
  return [...picked].sort((a, b) => a - b)
}

export function traceStreamlines(f: StreamlineField, options: StreamlineOptions = {}): Streamlines {
  const { nx, ny, nz, cellXM: dx, cellYM: dy, cellZM: dz, vel, solid, tempC } = f
  const n = nx * ny * nz
  if (vel.length !== (nx + 1) * ny * nz + nx * (ny + 1) * nz + nx * ny * (nz + 1)) throw new Error(`field.vel: expected ${(nx + 1) * ny * nz + nx * (ny + 1) * nz + nx * ny * (nz + 1)} face velocities, got ${vel.length}`)
  if (tempC.length !== n || solid.length !== n) throw new Error(`field.tempC/solid: expected ${n} cells, got ${tempC.length}/${solid.length}`)
  const nU = (nx + 1) * ny * nz
  const nV = nx * (ny + 1) * nz
  const LX = nx * dx
  const LY = ny * dy
  const LZ = nz * dz
  const stepM = options.stepM ?? 0.6 * Math.min(dx, dy, dz)
  const maxPoints = Math.max(2, Math.ceil((options.maxLengthM ?? 2 * (LX + LY)) / stepM))
  const minSpeed = options.minSpeedMs ?? 1e-3
  const maxPerKind = options.maxPerKind ?? 150

  // Trilinear sample of a staggered component: values at (i + ox)·dx, (j + oy)·dy, (k + oz)·dz
  // for i < ni, j < nj, k < nk, stored at offset + i + ni·(j + nj·k).
  const sample = (offset: number, ni: number, nj: number, nk: number, fx: number, fy: number, fz: number): number => {
    const cx = Math.min(ni - 1, Math.max(0, fx))
    const cy = Math.min(nj - 1, Math.max(0, fy))
    const cz = Math.min(nk - 1, Math.max(0, fz))
    const i0 = Math.min(ni - 2, Math.floor(cx))
    const j0 = Math.min(nj - 2, Math.floor(cy))
    const k0 = Math.min(nk - 2, Math.floor(cz))
    const tx = ni > 1 ? cx - i0 : 0
    const ty = nj > 1 ? cy - j0 : 0
    const tz = nk > 1 ? cz - k0 : 0
    const ia = Math.max(0, i0)
    const ja = Math.max(0, j0)
    const ka = Math.max(0, k0)
    const ib = Math.min(ni - 1, ia + 1)
    const jb = Math.min(nj - 1, ja + 1)
    const kb = Math.min(nk - 1, ka + 1)
    const at = (i: number, j: number, k: number): number => vel[offset + i + ni * (j + nj * k)]!
    const x00 = at(ia, ja, ka) * (1 - tx) + at(ib, ja, ka) * tx
    const x10 = at(ia, jb, ka) * (1 - tx) + at(ib, jb, ka) * tx
    const x01 = at(ia, ja, kb) * (1 - tx) + at(ib, ja, kb) * tx
    const x11 = at(ia, jb, kb) * (1 - tx) + at(ib, jb, kb) * tx
    return (x00 * (1 - ty) + x10 * ty) * (1 - tz) + (x01 * (1 - ty) + x11 * ty) * tz
  }
  const out = [0, 0, 0]
  const velocityAt = (x: number, y: number, z: number): number[] => {
    out[0] = sample(0, nx + 1, ny, nz, x / dx, y / dy - 0.5, z / dz - 0.5)
    out[1] = sample(nU, nx, ny + 1, nz, x / dx - 0.5, y / dy, z / dz - 0.5)
    out[2] = sample(nU + nV, nx, ny, nz + 1, x / dx - 0.5, y / dy - 0.5, z / dz)
    return out
  }
  const cellOf = (x: number, y: number, z: number): number => {
    const i = Math.min(nx - 1, Math.max(0, Math.floor(x / dx)))
    const j = Math.min(ny - 1, Math.max(0, Math.floor(y / dy)))
    const k = Math.min(nz - 1, Math.max(0, Math.floor(z / dz)))
    return i + nx * (j + ny * k)
  }

  const positions: number[] = []
  const temps: number[] = []
  const starts: number[] = []
  const kinds: number[] = []
  const times: number[] = []
  const trace = (x0: number, y0: number, z0: number, sign: 1 | -1, kind: number): void => {
    const first = temps.length
    let x = x0
    let y = y0
    let z = z0
    let t = 0
    for (let p = 0; p < maxPoints; p++) {
      const c = cellOf(x, y, z)
      if (solid[c]) break
      positions.push(f.originX + x, f.originY + y, z)
      temps.push(tempC[c]!)
      times.push(t)
      const v1 = velocityAt(x, y, z)
      const s1 = Math.hypot(v1[0]!, v1[1]!, v1[2]!)
      if (!(s1 > minSpeed)) break
      const h1 = (sign * 0.5 * stepM) / s1
      const mx = x + v1[0]! * h1
      const my = y + v1[1]! * h1
      const mz = z + v1[2]! * h1
      const v2 = velocityAt(mx, my, mz)
      const s2 = Math.hypot(v2[0]!, v2[1]!, v2[2]!)
      if (!(s2 > minSpeed)) break
      const h2 = (sign * stepM) / s2
      t += stepM / s2
      x += v2[0]! * h2
      y += v2[1]! * h2
      z += v2[2]! * h2
      if (x < 0 || y < 0 || z < 0 || x > LX || y > LY || z > LZ) break
    }
    if (temps.length - first >= 2) {
      starts.push(first)
      kinds.push(kind)
    } else {
      positions.length = first * 3
      temps.length = first
      times.length = first
    }
  }

  // Seeds 1: boundary faces of the side walls with air coming in (openings), a quarter cell in.
  const openings: [number, number, number][] = []
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      if (vel[(nx + 1) * (j + ny * k)]! > SEED_MIN_SPEED_MS && !solid[nx * (j + ny * k)]) openings.push([0.25 * dx, (j + 0.5) * dy, (k + 0.5) * dz])
      if (vel[nx + (nx + 1) * (j + ny * k)]! < -SEED_MIN_SPEED_MS && !solid[nx - 1 + nx * (j + ny * k)]) openings.push([LX - 0.25 * dx, (j + 0.5) * dy, (k + 0.5) * dz])
    }
    for (let i = 0; i < nx; i++) {
      if (vel[nU + i + nx * ((ny + 1) * k)]! > SEED_MIN_SPEED_MS && !solid[i + nx * ny * k]) openings.push([(i + 0.5) * dx, 0.25 * dy, (k + 0.5) * dz])
      if (vel[nU + i + nx * (ny + (ny + 1) * k)]! < -SEED_MIN_SPEED_MS && !solid[i + nx * (ny - 1 + ny * k)]) openings.push([(i + 0.5) * dx, LY - 0.25 * dy, (k + 0.5) * dz])
    }
  }
  for (const m of spread(openings.length, maxPerKind)) {
    const s = openings[m]!
    trace(s[0], s[1], s[2], 1, STREAM_FROM_OPENING)
  }

  // Seeds 2: faces where air passes from a fluid cell into a solid one (rack or handler intakes),
  // half a cell out in the fluid; traced backward.
  const intakes: [number, number, number][] = []
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) {
        const c = i + nx * (j + ny * k)
        if (solid[c]) continue
        // Neighbours along x, y (racks take air in sideways; z intakes are rare).
        if (i + 1 < nx && solid[c + 1] && vel[i + 1 + (nx + 1) * (j + ny * k)]! > SEED_MIN_SPEED_MS) intakes.push([(i + 0.5) * dx, (j + 0.5) * dy, (k + 0.5) * dz])
        else if (i > 0 && solid[c - 1] && vel[i + (nx + 1) * (j + ny * k)]! < -SEED_MIN_SPEED_MS) intakes.push([(i + 0.5) * dx, (j + 0.5) * dy, (k + 0.5) * dz])
        else if (j + 1 < ny && solid[c + nx] && vel[nU + i + nx * (j + 1 + (ny + 1) * k)]! > SEED_MIN_SPEED_MS) intakes.push([(i + 0.5) * dx, (j + 0.5) * dy, (k + 0.5) * dz])
        else if (j > 0 && solid[c - nx] && vel[nU + i + nx * (j + (ny + 1) * k)]! < -SEED_MIN_SPEED_MS) intakes.push([(i + 0.5) * dx, (j + 0.5) * dy, (k + 0.5) * dz])
      }
    }
  }
  for (const m of spread(intakes.length, maxPerKind)) {
    const s = intakes[m]!
    trace(s[0], s[1], s[2], -1, STREAM_TO_RACK)
  }
  starts.push(temps.length)
  return { positions: Float32Array.from(positions), tempC: Float32Array.from(temps), starts: Uint32Array.from(starts), kind: Uint8Array.from(kinds), timeS: Float32Array.from(times) }
}
