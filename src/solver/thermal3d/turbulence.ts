// Turbulence closures of the 3-D model: the eddy viscosity ν_t per cell.
// - 'laminar': ν_t = 0 (the validation cases at Re = 100 and 1000).
// - 'constant': ν_t fixed, m²/s.
// - 'zero-equation': Chen & Xu (1998), "A zero-equation turbulence model for indoor airflow
//   simulation", Energy and Buildings 28: ν_t = 0.03874 · |V| · L, |V| the local air speed and L
//   the distance to the nearest wall (the constant from the mixing-length fit in that paper).
//   It is the closure Zuo & Chen's FFD and Han et al. 2020 use for rooms and data centres.
import { slipMask, type FlowDomain } from './domain'
import { Memory3, type Kernels3 } from './kernels3'

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
        const px = d.slip[0] ? far : Math.min((i + 0.5) * dx, (nx - i - 0.5) * dx)
        const py = d.slip[1] ? far : Math.min((j + 0.5) * dy, (ny - j - 0.5) * dy)
        const pz = d.slip[2] ? far : Math.min((k + 0.5) * dz, (nz - k - 0.5) * dz)
        dist[c] = Math.max(0, Math.min(dist[c]!, px, py, pz))
      }
    }
  }
  return dist
}

/** Where eddyViscosity works: the face velocities, the wall distances, the solid cells and ν_t in
 *  the 3-D kernels' memory (kernels3.ts). */
export interface EddyWork {
  vel: Float64Array
  wallDist: Float64Array
  solid: Uint8Array
  out: Float64Array
  kernels: Kernels3
}

/** Doubles an EddyWork takes in the kernels' memory. */
export const eddyDoubles = (d: FlowDomain): number => d.grid.nFaces + 2 * d.grid.n + Math.ceil(d.grid.n / 8)

/** An EddyWork in `mem` (room for eddyDoubles(d) more doubles), or in a memory of its own. */
export function eddyWork(d: FlowDomain, mem = new Memory3(eddyDoubles(d))): EddyWork {
  const { n, nFaces } = d.grid
  return { vel: mem.f64(nFaces), wallDist: mem.f64(n), solid: mem.u8(n), out: mem.f64(n), kernels: mem.kernels }
}

/** ν_t of every cell into `out`, m²/s. The zero-equation closure is the kernel eddyViscosity
 *  (kernels3.wat): ν_t = a·|V|·L in fluid cells, |V| the cell-centre speed from the face
 *  velocities, a = 0.03874 (or the near-wall coefficient in cells with a no-slip boundary of the
 *  grid or a solid cell as a face neighbour), 0 in solids. Its arrays are read in `w` where the
 *  caller has them there (`vel`, `wallDist`, `out` may be w's own), else copied in. */
export function eddyViscosity(d: FlowDomain, model: TurbulenceModel, vel: Float64Array, wallDist: Float64Array, out: Float64Array, w?: EddyWork): void {
  if (model.kind === 'laminar') {
    out.fill(0)
    return
  }
  if (model.kind === 'constant') {
    out.fill(model.nuTM2s)
    return
  }
  const g = d.grid
  const work = w ?? eddyWork(d)
  if (vel !== work.vel) work.vel.set(vel)
  if (wallDist !== work.wallDist) work.wallDist.set(wallDist)
  work.solid.set(d.solid)
  const nearWall = model.nearWallCoefficient
  work.kernels.eddyViscosity(g.nx, g.ny, g.nz, CHEN_XU_CONSTANT, nearWall ?? 0, nearWall !== undefined ? 1 : 0, slipMask(d), work.solid.byteOffset, work.vel.byteOffset, work.wallDist.byteOffset, work.out.byteOffset)
  if (out !== work.out) out.set(work.out)
}
