// Turbulence closures of the 3-D model: the eddy viscosity ν_t per cell.
// - 'laminar': ν_t = 0 (the validation cases at Re = 100 and 1000).
// - 'constant': ν_t fixed, m²/s.
// - 'zero-equation': Chen & Xu (1998), "A zero-equation turbulence model for indoor airflow
//   simulation", Energy and Buildings 28: ν_t = 0.03874 · |V| · L, |V| the local air speed and L
//   the distance to the nearest wall (the constant from the mixing-length fit in that paper).
//   It is the closure Zuo & Chen's FFD and Han et al. 2020 use for rooms and data centres.
import type { FlowDomain } from './domain'

/** Chen & Xu 1998: ν_t = 0.03874·V·L. */
export const CHEN_XU_CONSTANT = 0.03874

/** The coefficient the reference FFD code applies instead of 0.03874 in fluid cells next to a wall
 *  or solid ("Jim's revision", Wei Tian 2017): lbl-srg/modelica-buildings,
 *  Buildings/Resources/src/FastFluidDynamics/chen_zero_equ_model.c, `jim_a = 0.0185`. */
export const CHEN_XU_NEAR_WALL_COEFFICIENT = 0.0185

/** `nearWallCoefficient`: when set, cells with a no-slip wall or a solid cell as a face neighbour
 *  use it in place of 0.03874 (the reference FFD's option above); unset, Chen & Xu as published. */
export type TurbulenceModel = { kind: 'laminar' } | { kind: 'constant'; nuTM2s: number } | { kind: 'zero-equation'; nearWallCoefficient?: number }

/** Distance from every fluid cell centre to the nearest wall (grid boundary or solid cell), m:
 *  a two-pass chamfer distance over the 6-neighbour stencil, then the boundary planes. */
export function wallDistance(d: FlowDomain): Float64Array {
  const g = d.grid
  const { nx, ny, nz, dx, dy, dz } = g
  const nxy = nx * ny
  const far = 1e9
  const dist = new Float64Array(g.n)
  for (let c = 0; c < g.n; c++) dist[c] = d.solid[c] ? -0.5 * Math.min(dx, dy, dz) : far
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) {
        const c = i + nx * (j + ny * k)
        let v = dist[c]!
        if (i > 0) v = Math.min(v, dist[c - 1]! + dx)
        if (j > 0) v = Math.min(v, dist[c - nx]! + dy)
        if (k > 0) v = Math.min(v, dist[c - nxy]! + dz)
        dist[c] = v
      }
    }
  }
  for (let k = nz - 1; k >= 0; k--) {
    for (let j = ny - 1; j >= 0; j--) {
      for (let i = nx - 1; i >= 0; i--) {
        const c = i + nx * (j + ny * k)
        let v = dist[c]!
        if (i < nx - 1) v = Math.min(v, dist[c + 1]! + dx)
        if (j < ny - 1) v = Math.min(v, dist[c + nx]! + dy)
        if (k < nz - 1) v = Math.min(v, dist[c + nxy]! + dz)
        dist[c] = v
      }
    }
  }
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) {
        const c = i + nx * (j + ny * k)
        // The grid's own walls, except those where air slips (no shear layer grows there).
        const planes = [d.slip[0] ? far : Math.min((i + 0.5) * dx, (nx - i - 0.5) * dx), d.slip[1] ? far : Math.min((j + 0.5) * dy, (ny - j - 0.5) * dy), d.slip[2] ? far : Math.min((k + 0.5) * dz, (nz - k - 0.5) * dz)]
        dist[c] = Math.max(0, Math.min(dist[c]!, ...planes))
      }
    }
  }
  return dist
}

/** Cell-centre speed from the face velocities, m/s. */
function cellSpeed(d: FlowDomain, vel: Float64Array, c: number): number {
  const g = d.grid
  const i = c % g.nx
  const r = (c - i) / g.nx
  const j = r % g.ny
  const k = (r - j) / g.ny
  const fu = i + (g.nx + 1) * (j + g.ny * k)
  const fv = g.nU + i + g.nx * (j + (g.ny + 1) * k)
  const fw = g.nU + g.nV + c
  const u = 0.5 * (vel[fu]! + vel[fu + 1]!)
  const v = 0.5 * (vel[fv]! + vel[fv + g.nx]!)
  const w = 0.5 * (vel[fw]! + vel[fw + g.nx * g.ny]!)
  return Math.sqrt(u * u + v * v + w * w)
}

export function eddyViscosity(d: FlowDomain, model: TurbulenceModel, vel: Float64Array, wallDist: Float64Array, out: Float64Array): void {
  if (model.kind === 'laminar') {
    out.fill(0)
    return
  }
  if (model.kind === 'constant') {
    out.fill(model.nuTM2s)
    return
  }
  const nearWall = model.nearWallCoefficient
  for (let c = 0; c < d.grid.n; c++) {
    if (d.solid[c]) {
      out[c] = 0
      continue
    }
    const a = nearWall !== undefined && besideWall(d, c) ? nearWall : CHEN_XU_CONSTANT
    out[c] = a * cellSpeed(d, vel, c) * wallDist[c]!
  }
}

/** Whether a fluid cell has a no-slip boundary of the grid or a solid cell as a face neighbour. */
function besideWall(d: FlowDomain, c: number): boolean {
  const g = d.grid
  const i = c % g.nx
  const r = (c - i) / g.nx
  const j = r % g.ny
  const k = (r - j) / g.ny
  const nxy = g.nx * g.ny
  const [sx, sy, sz] = d.slip
  if (!sx && (i === 0 || i === g.nx - 1)) return true
  if (!sy && (j === 0 || j === g.ny - 1)) return true
  if (!sz && (k === 0 || k === g.nz - 1)) return true
  return (i > 0 && d.solid[c - 1] === 1) || (i < g.nx - 1 && d.solid[c + 1] === 1) || (j > 0 && d.solid[c - g.nx] === 1) || (j < g.ny - 1 && d.solid[c + g.nx] === 1) || (k > 0 && d.solid[c - nxy] === 1) || (k < g.nz - 1 && d.solid[c + nxy] === 1)
}
