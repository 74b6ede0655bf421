// The IEA Annex 20 two-dimensional ventilated room (Nielsen 1990, "Specification of a
// two-dimensional test case", Aalborg University R9040): L × H = 9 × 3 m, an inlet slot
// h = 0.168 m high under the ceiling across the whole of one end wall, an outlet t = 0.48 m high
// at the floor of the opposite wall, inlet velocity U0 = 0.455 m/s (Re = U0·h/ν ≈ 5 000), air at
// room temperature (isothermal). Run as a 2-D case on the 3-D grid: one cell deep, slip walls in
// y. Read-outs: u/U0 on the vertical lines x = H and x = 2H and on the horizontal lines
// z = h/2 and z = H − h/2 — the four lines the specification names. docs/airflow3d.md says what
// they are compared with.
import { createDomain, setFixedFlow, setOpening } from './domain'
import { solveFlow3d, type FlowResult } from './ffd'
import { makeGrid3, uIndex } from './grid3'
import type { TurbulenceModel } from './turbulence'

export const ANNEX20 = { lengthM: 9, heightM: 3, slotM: 0.168, outletM: 0.48, u0Ms: 0.455, nuM2s: 15.3e-6 } as const

export interface Annex20Run {
  result: FlowResult
  /** Slot and outlet as the grid has them, m (whole cells). */
  slotM: number
  outletM: number
  /** u/U0 at (x, z), m: linear between the u faces in x and between cell centres in z, 0 on the walls. */
  uAt: (x: number, z: number) => number
  /** The net volume flow through the vertical section at x per metre of width over U0·h. */
  netFlux: (x: number) => number
  /** Cell-centre heights, m. */
  zs: number[]
}

/** `cellsPerH`: cells over the height (the slot gets round(h·cellsPerH/H) ≥ 1 cells). */
export function runAnnex20(opts: { cellsPerH?: number; dtS?: number; maxSteps?: number; turbulence?: TurbulenceModel; steadyTolRel?: number; advection?: 'implicit-upwind' | 'implicit-tvd' } = {}): Annex20Run {
  const { lengthM: L, heightM: H, slotM, outletM, u0Ms, nuM2s } = ANNEX20
  const nz = opts.cellsPerH ?? 36
  const dz = H / nz
  const nx = Math.round((L / H) * nz)
  const dx = L / nx
  const g = makeGrid3(nx, 1, nz, dx, 1, dz)
  const d = createDomain(g)
  d.slip = [false, true, false]
  const slotCells = Math.max(1, Math.round(slotM / dz))
  const outCells = Math.max(1, Math.round(outletM / dz))
  // The slot's cells carry the specified volume flow U0·h (the grid's slot is whole cells).
  const uSlot = (u0Ms * slotM) / (slotCells * dz)
  for (let k = nz - slotCells; k < nz; k++) setFixedFlow(d, uIndex(g, 0, 0, k), -uSlot, 20)
  for (let k = 0; k < outCells; k++) setOpening(d, uIndex(g, nx, 0, k), 20)
  const result = solveFlow3d(d, {
    dtS: opts.dtS ?? (4 * dz) / u0Ms,
    maxSteps: opts.maxSteps ?? 600,
    minSteps: 10,
    steadyTolRel: opts.steadyTolRel ?? 1e-5,
    turbulence: opts.turbulence ?? { kind: 'zero-equation' },
    advection: opts.advection ?? 'implicit-upwind',
    nuM2s,
    temperature: false,
    pressureTol: 1e-5,
  })
  const vel = result.state.vel
  const zs = Array.from({ length: nz }, (_, k) => (k + 0.5) * dz)
  const column = (x: number): number => Math.min(nx, Math.max(0, Math.round(x / dx)))
  // u/U0 on face column i at height z: walls (floor, ceiling) at 0, linear between cell centres.
  const zz = [0, ...zs, H]
  const onColumn = (i: number, z: number): number => {
    const uu = [0, ...zs.map((_, k) => vel[uIndex(g, i, 0, k)]!), 0]
    for (let m = 0; m + 1 < zz.length; m++) {
      if (z <= zz[m + 1]!) return (uu[m]! + ((z - zz[m]!) / (zz[m + 1]! - zz[m]!)) * (uu[m + 1]! - uu[m]!)) / u0Ms
    }
    return 0
  }
  // Between face columns, linear in x (the u faces sit at x = i·dx).
  const uAt = (x: number, z: number): number => {
    const s = Math.min(nx, Math.max(0, x / dx))
    const i0 = Math.min(nx - 1, Math.floor(s))
    const t = s - i0
    return (1 - t) * onColumn(i0, z) + t * onColumn(i0 + 1, z)
  }
  const netFlux = (x: number): number => {
    const i = column(x)
    let q = 0
    for (let k = 0; k < nz; k++) q += vel[uIndex(g, i, 0, k)]! * dz
    return q / (u0Ms * slotM)
  }
  return { result, slotM: slotCells * dz, outletM: outCells * dz, uAt, netFlux, zs }
}
