// The 3-D airflow and temperature of one hall (FFD, ffd.ts) and its read-outs: every rack's inlet
// and outlet air, the air-management metrics (metrics.ts), the energy balance. Grids: 'preview'
// (1.5 m × 1.5 m × 1 m cells: ≈ 12 k cells for the 72 × 48 × 8 m hall) and 'default'
// (0.75 m × 0.75 m × 0.5 m: ≈ 98 k cells). A previous state of the same grid starts the run
// (warm start after an edit).
import type { Catalog } from '../../model/catalog'
import type { SolverParams } from '../../model/params'
import type { Hall } from '../../model/sceneSchema'
import type { RowLoad } from '../loads'
import type { FieldAir } from '../thermal/types'
import { FACE_CLOSED, FACE_FREE } from './domain'
import { GRAVITY_M_S2, solveFlow3d, type FlowResult, type FlowState } from './ffd'
import { faceArea, faceAxis, faceCells } from './grid3'
import { buildHallDomain, hallGrid3, type HallGridSpec } from './hallDomain'
import { airMetrics, type AirMetrics } from './metrics'
import type { TurbulenceModel } from './turbulence'
import { KELVIN_OFFSET } from '../constants'

export type Airflow3dGridKind = 'preview' | 'default'

export const AIRFLOW3D_GRIDS: Record<Airflow3dGridKind, HallGridSpec> = {
  preview: { cellM: 1.5, layerM: 1 },
  default: { cellM: 0.75, layerM: 0.5 },
}

/** Pseudo-time step and step cap per grid. With the implicit upwind momentum and the incremental
 *  projection the steady state does not depend on Δt (docs/airflow3d.md, time-step
 *  independence); Δt only sets how fast the march gets there. The preview grid settles in ≈ 60
 * steps of 1.5 s and is within 0.3 K of that at 30 (the cap: ≤ 1 s); the default grid's flow
 *  stays unsteady (the pads' edge jets, the plumes), so
 *  its cap ends the run and the temperature is solved on the mean flow of the last half
 *  (90 s of air, ≈ 5 air changes of the default hall: 27 650 m³ over ≈ 1 490 m³/s of fans). */
const RUN: Record<Airflow3dGridKind, { dtS: number; maxSteps: number }> = {
  preview: { dtS: 1.5, maxSteps: 30 },
  default: { dtS: 1.5, maxSteps: 60 },
}

export interface Airflow3dOptions {
  grid?: Airflow3dGridKind
  /** Override the grid's cell edge and layer height, m. */
  cellM?: number
  layerM?: number
  dtS?: number
  maxSteps?: number
  turbulence?: TurbulenceModel
  /** Start from this state (same grid); see HallAirflow3d.state. */
  warm?: FlowState
  /** Progress after each step; return false to cancel. */
  onStep?: (step: number, maxSteps: number) => boolean | void
}

export interface HallAirflow3d {
  hallId: string
  model: 'ffd-3d'
  grid: Airflow3dGridKind
  nx: number
  ny: number
  nz: number
  cellXM: number
  cellYM: number
  cellZM: number
  originX: number
  originY: number
  /** Air temperature per cell, °C (cell (i, j, k) at i + nx·(j + ny·k), k upwards). */
  tempC: Float32Array
  /** Air speed per cell, m/s. */
  speedMs: Float32Array
  /** 1 where a cell is solid (racks, handlers). */
  solid: Uint8Array
  intakeC: number
  supplyC: number
  densityKgM3: number
  rackInletC: Record<string, number[]>
  rackOutletC: Record<string, number[]>
  /** Air through each rack, m³/s: its devices' flow plus what leaks through an open enclosure
   *  (a rack merged with its neighbours into one unit gets its share by its devices' flow). */
  rackAirflowM3s: Record<string, number[]>
  metrics: AirMetrics
  heatInKW: number
  heatOutKW: number
  balanceErrorPct: number
  steps: number
  converged: boolean
  cancelled: boolean
  pressureIterations: number
  temperatureSweeps: number
  /** Largest mass error of a cell after the last projection, |∇·u|·h/U. */
  maxDivergence: number
  cells: number
  /** cells × steps / s of the run. */
  cellStepsPerS: number
  notes: string[]
  solveMs: number
  /** The fields, to start the next run of the same grid from. */
  state: FlowState
}

/** Flow-weighted temperature of the air entering and leaving the hall air (outside openings,
 *  fans, handler supply and return), °C. */
function supplyAndReturn(d: ReturnType<typeof buildHallDomain>['domain'], r: FlowResult): { supplyC: number; returnC: number } {
  const g = d.grid
  const { vel, tempC } = r.state
  let qIn = 0
  let tIn = 0
  let qOut = 0
  let tOut = 0
  for (let f = 0; f < g.nFaces; f++) {
    const kind = d.faceKind[f]
    if (kind === FACE_CLOSED || kind === FACE_FREE) continue
    const unit = d.faceUnit[f]!
    const owner = unit >= 0 ? unit : unit <= -2 ? -2 - unit : -1
    if (owner >= 0 && d.units[owner]!.supplyC === null) continue // racks: inside the hall air
    const [lo, hi] = faceCells(g, f)
    const fl = lo >= 0 && !d.solid[lo]
    const fh = hi >= 0 && !d.solid[hi]
    if (fl === fh) continue
    const cell = fl ? lo : hi
    const F = (fl ? 1 : -1) * vel[f]! * faceArea(g, faceAxis(g, f))
    if (F > 0) ((qOut += F), (tOut += F * tempC[cell]!))
    else if (F < 0) {
      const inC = unit >= 0 ? r.unitOutC[unit]! : Number.isFinite(d.inflowC[f]!) ? d.inflowC[f]! : tempC[cell]!
      qIn -= F
      tIn -= F * inC
    }
  }
  return { supplyC: qIn > 0 ? tIn / qIn : 0, returnC: qOut > 0 ? tOut / qOut : 0 }
}

export function hallAirflow3d(hall: Hall, rows: readonly RowLoad[], air: FieldAir, catalog: Catalog, params: SolverParams, options: Airflow3dOptions = {}): HallAirflow3d {
  const kind = options.grid ?? 'default'
  const spec = AIRFLOW3D_GRIDS[kind]
  const grid = hallGrid3(hall, { cellM: options.cellM ?? spec.cellM, layerM: options.layerM ?? spec.layerM })
  const hallRows = rows.filter((r) => r.hall.id === hall.id)
  const built = buildHallDomain(hall, grid, hallRows, catalog, params, air)
  const d = built.domain
  const refC = air.intakeC
  const run = RUN[kind]
  const result = solveFlow3d(
    d,
    {
      dtS: options.dtS ?? run.dtS,
      // From a previous solution the flow is already developed: half the steps (an unsteady hall
      // never meets the steady tolerance, so the cap is what a run costs).
      maxSteps: options.maxSteps ?? (options.warm ? Math.ceil(run.maxSteps / 2) : run.maxSteps),
      minSteps: 3,
      steadyTolRel: 2e-3,
      steadyTolK: 0.02,
      turbulence: options.turbulence ?? { kind: 'zero-equation' },
      // Implicit upwind momentum with an incremental projection (Han et al. 2020; momentum.ts):
      // the steady state does not depend on the time step, which is only a pseudo-time step here.
      advection: 'implicit-upwind',
      // Boussinesq: β = 1/T_ref of an ideal gas.
      buoyancy: { gBeta: GRAVITY_M_S2 / (refC + KELVIN_OFFSET), refC },
      densityKgM3: air.densityKgM3,
      pressureTol: 1e-3,
      averageShare: 0.5,
      temperatureSweeps: 2,
      finalTemperatureSweeps: 3000,
      finalTemperatureTolK: 1e-6,
      initialC: refC,
      refC,
      ...(options.onStep ? { onStep: options.onStep } : {}),
    },
    options.warm,
  )
  const rackInletC: Record<string, number[]> = {}
  const rackOutletC: Record<string, number[]> = {}
  const rackAirflowM3s: Record<string, number[]> = {}
  const rackRecords = built.racks.map((r) => {
    // A rack with no unit of its own (no airflow, or boxed in) reads the air at its rear.
    const probeC = r.probeCell >= 0 ? result.state.tempC[r.probeCell]! : refC
    const inC = r.unit >= 0 ? result.unitInC[r.unit]! : probeC
    const outC = r.unit >= 0 ? result.unitOutC[r.unit]! : probeC
    ;(rackInletC[r.rowId] ??= [])[r.index] = inC
    ;(rackOutletC[r.rowId] ??= [])[r.index] = outC
    const u = r.unit >= 0 ? d.units[r.unit]! : null
    const flowM3s = u && u.fanFlowM3s > 0 ? (r.flowM3s * u.flowM3s) / u.fanFlowM3s : 0
    ;(rackAirflowM3s[r.rowId] ??= [])[r.index] = flowM3s
    return { inletC: inC, outletC: outC, flowM3s, heatKW: r.heatKW }
  })
  const { supplyC, returnC } = supplyAndReturn(d, result)
  const metrics = airMetrics(rackRecords, supplyC, returnC, air.densityKgM3)
  const notes = [...built.notes]
  if (!result.converged && !result.cancelled) notes.push(`not settled at the step cap (${result.steps} steps): temperatures are those of the mean flow of the last ${result.averagedSteps} steps`)
  if (result.cancelled) notes.push(`cancelled after ${result.steps} steps`)
  const speed = new Float32Array(grid.n)
  const { vel } = result.state
  for (let c = 0; c < grid.n; c++) {
    const i = c % grid.nx
    const rr = (c - i) / grid.nx
    const j = rr % grid.ny
    const k = (rr - j) / grid.ny
    const fu = i + (grid.nx + 1) * (j + grid.ny * k)
    const fv = grid.nU + i + grid.nx * (j + (grid.ny + 1) * k)
    const fw = grid.nU + grid.nV + c
    speed[c] = Math.hypot(0.5 * (vel[fu]! + vel[fu + 1]!), 0.5 * (vel[fv]! + vel[fv + grid.nx]!), 0.5 * (vel[fw]! + vel[fw + grid.nx * grid.ny]!))
  }
  return {
    hallId: hall.id,
    model: 'ffd-3d',
    grid: kind,
    nx: grid.nx,
    ny: grid.ny,
    nz: grid.nz,
    cellXM: grid.dx,
    cellYM: grid.dy,
    cellZM: grid.dz,
    originX: grid.originX,
    originY: grid.originY,
    tempC: Float32Array.from(result.state.tempC),
    speedMs: speed,
    solid: d.solid,
    intakeC: air.intakeC,
    supplyC: air.supplyC,
    densityKgM3: air.densityKgM3,
    rackInletC,
    rackOutletC,
    rackAirflowM3s,
    metrics,
    heatInKW: result.heatInW / 1000,
    heatOutKW: result.heatOutW / 1000,
    balanceErrorPct: result.balanceErrorPct,
    steps: result.steps,
    converged: result.converged,
    cancelled: result.cancelled,
    pressureIterations: result.pressureIterations,
    temperatureSweeps: result.temperatureSweeps,
    maxDivergence: result.maxDivergence,
    cells: grid.n,
    cellStepsPerS: result.elapsedMs > 0 ? (grid.n * result.steps) / (result.elapsedMs / 1000) : 0,
    notes,
    solveMs: result.elapsedMs,
    state: result.state,
  }
}
