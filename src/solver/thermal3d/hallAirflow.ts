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
import { AIR_NU_M2S, AIR_PRANDTL, GRAVITY_M_S2, TURBULENT_PRANDTL, solveFlow3d, type FlowState } from './ffd'
import { applyCoils, settleCoils } from './coils'
import { captureIndex } from './capture'
import { assembleTemperature, createTemperatureSystem, heatBalance, type AirProps } from './temperature'
import { faceArea, faceAxis, faceCells } from './grid3'
import { buildHallDomain, hallGrid3, type HallGridSpec, type ShelfModel } from './hallDomain'
import { porousReadout } from './porous'
import { airMetrics, type AirMetrics } from './metrics'
import type { TurbulenceModel } from './turbulence'
import { AIR_CP_J_PER_KG_K, KELVIN_OFFSET } from '../constants'
// The face kinds as local constants: read in the per-face loops, where an imported binding costs a
// getter call per read under the test runner's module transform (tsx, vitest).
const FREE = FACE_FREE
const CLOSED = FACE_CLOSED

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
  /** How open shelving is modelled (hallDomain.ts ShelfModel). */
  shelf?: ShelfModel
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
  /** 1 where a cell is taken by a rack or handler: solid bodies, and the cells of porous shelving
   *  (air, but inside a shelf: the app draws the shelves there, streamlines stop there). */
  solid: Uint8Array
  intakeC: number
  supplyC: number
  densityKgM3: number
  rackInletC: Record<string, number[]>
  rackOutletC: Record<string, number[]>
  /** Net air through each rack front to back, m³/s: its devices' flow plus what the pressure
   *  across it pushes through its gaps — forwards, or backwards (less than the devices' flow: the
   *  devices then re-breathe the returned exhaust, and the inlet says so). A rack merged with its
   *  neighbours into one unit gets its share by its devices' flow; a porous shelf the air entering
   *  its cells from the hall. */
  rackAirflowM3s: Record<string, number[]>
  /** Heat each rack's rear-door coil takes into the water, kW (0 without a coil; racks read out
   *  together share their unit's duty by their heat). */
  rackCoilKW: Record<string, number[]>
  /** Capture index per rack, 0–1 (capture.ts): HACI where its rear faces a ducted hot aisle,
   *  CACI where its front faces a ducted cold aisle; null elsewhere. */
  rackCaptureIndex: Record<string, { hot: number | null; cold: number | null }[]>
  metrics: AirMetrics
  /** Heat of the racks and sources, kW. */
  heatInKW: number
  /** Heat carried out by the air plus the coils' water, kW. */
  heatOutKW: number
  /** Of heatOutKW: the rear-door coils' water, kW. */
  coilKW: number
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
function supplyAndReturn(d: ReturnType<typeof buildHallDomain>['domain'], state: FlowState, unitOutC: Float64Array): { supplyC: number; returnC: number } {
  const g = d.grid
  const { vel, tempC } = state
  let qIn = 0
  let tIn = 0
  let qOut = 0
  let tOut = 0
  for (let f = 0; f < g.nFaces; f++) {
    const kind = d.faceKind[f]
    if (kind === CLOSED || kind === FREE) continue
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
      const inC = unit >= 0 ? unitOutC[unit]! : Number.isFinite(d.inflowC[f]!) ? d.inflowC[f]! : tempC[cell]!
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
  const built = buildHallDomain(hall, grid, hallRows, catalog, params, air, options.shelf)
  const d = built.domain
  const refC = air.intakeC
  const run = RUN[kind]
  const props: AirProps = { densityKgM3: air.densityKgM3, cpJPerKgK: AIR_CP_J_PER_KG_K, prandtl: AIR_PRANDTL, prandtlT: TURBULENT_PRANDTL, nu: AIR_NU_M2S }
  const rhoCp = air.densityKgM3 * AIR_CP_J_PER_KG_K
  // Rear-door coils during the march: their duty for air entering the racks at the intake.
  applyCoils(d, built.coils, () => refC, rhoCp)
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
      cpJPerKgK: AIR_CP_J_PER_KG_K,
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
  const notes = [...built.notes]
  // The coils' duties follow the racks' inlets: settle them on the final flow.
  let unitInC = result.unitInC
  let unitOutC = result.unitOutC
  let heatInW = result.heatInW
  let heatOutW = result.heatOutW
  let coilW = 0
  const { vel: finalVel, nuT } = result.state
  if (built.coils.length > 0 && !result.cancelled) {
    const sys = createTemperatureSystem(grid.n, d.units.length, grid.nFaces)
    assembleTemperature(d, finalVel, nuT, props, Infinity, result.state.tempC, sys)
    const settled = settleCoils(d, built.coils, finalVel, result.state.tempC, props, sys, { batches: 60, sweeps: 100, tolK: 1e-5, tolW: 1 })
    if (!settled.settled) notes.push(`rear-door coil duties still moving after ${settled.batches} batches of sweeps`)
    unitInC = Float64Array.from(sys.unitInC)
    unitOutC = Float64Array.from(sys.unitOutC)
    coilW = built.coils.reduce((s, c) => s + c.dutyW, 0)
    const hb = heatBalance(d, finalVel, result.state.tempC, props, sys, refC)
    heatInW = hb.heatInW + coilW
    heatOutW = hb.heatOutW + coilW
  }
  const coilOfUnit = new Map(built.coils.map((c) => [c.unit, c]))
  // Capture index: one tracer solve per ducted aisle on the final flow; "local" is the rack's own
  // aisle's duct (≈ 40 ms per aisle on the preview grid, ≈ 0.8 s on the default grid).
  const captureOf: { kind: 'hot' | 'cold'; byUnit: Float64Array; rows: readonly string[] }[] = []
  if (!result.cancelled) for (const a of built.aisles) captureOf.push({ kind: a.kind, byUnit: captureIndex(d, finalVel, nuT, props, a.ductFaces, a.kind).byUnit, rows: a.rows })
  const rackInletC: Record<string, number[]> = {}
  const rackOutletC: Record<string, number[]> = {}
  const rackAirflowM3s: Record<string, number[]> = {}
  const rackCoilKW: Record<string, number[]> = {}
  const rackCaptureIndex: Record<string, { hot: number | null; cold: number | null }[]> = {}
  const rackRecords = built.racks.map((r) => {
    // A porous shelf reads the air entering and leaving its cells; a rack with no unit of its own
    // (no airflow, or boxed in) reads the air at its rear.
    const pr = r.porous >= 0 && built.porous ? porousReadout(d, built.porous, r.porous, finalVel, result.state.tempC) : null
    const probeC = r.probeCell >= 0 ? result.state.tempC[r.probeCell]! : refC
    let inC = pr ? pr.inletC : r.unit >= 0 ? unitInC[r.unit]! : probeC
    const outC = pr ? pr.outletC : r.unit >= 0 ? unitOutC[r.unit]! : probeC
    const uu = r.unit >= 0 ? d.units[r.unit]! : null
    // Less air through the unit than its fans move (the leak runs backwards, ffd.ts updateLeaks):
    // the gaps return the rest, Q_fan − Q_net, from the rear to the front, and the devices breathe
    // it with the air in front: T_dev = T_front + (1 − Q_net/Q_fan)·(T_rear − T_front) (with no
    // coil: the outlet − P/(ρ·c_p·Q_fan)).
    if (uu && !pr && uu.flowM3s < uu.fanFlowM3s) inC += (1 - uu.flowM3s / uu.fanFlowM3s) * (outC - inC)
    ;(rackInletC[r.rowId] ??= [])[r.index] = inC
    ;(rackOutletC[r.rowId] ??= [])[r.index] = outC
    const u = r.unit >= 0 ? d.units[r.unit]! : null
    const flowM3s = pr ? pr.flowM3s : u && u.fanFlowM3s > 0 ? (r.flowM3s * u.flowM3s) / u.fanFlowM3s : 0
    ;(rackAirflowM3s[r.rowId] ??= [])[r.index] = flowM3s
    const coil = r.unit >= 0 ? coilOfUnit.get(r.unit) : undefined
    ;(rackCoilKW[r.rowId] ??= [])[r.index] = coil && coil.rackHeatW > 0 ? (coil.dutyW * r.heatKW) / coil.rackHeatW : 0
    const ci = (k: 'hot' | 'cold') => {
      const c = captureOf.find((x) => x.kind === k && x.rows.includes(r.rowId))
      return c && r.unit >= 0 ? c.byUnit[r.unit]! : null
    }
    const hot = ci('hot')
    const cold = ci('cold')
    ;(rackCaptureIndex[r.rowId] ??= [])[r.index] = { hot, cold }
    return { inletC: inC, outletC: outC, flowM3s, heatKW: r.heatKW, ...(hot !== null ? { hotCapture: hot } : {}), ...(cold !== null ? { coldCapture: cold } : {}) }
  })
  const { supplyC, returnC } = supplyAndReturn(d, result.state, unitOutC)
  const metrics = airMetrics(rackRecords, supplyC, returnC, air.densityKgM3)
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
    solid: built.porous ? d.solid.map((v, c) => v | built.porous!.isPorous[c]!) : d.solid,
    intakeC: air.intakeC,
    supplyC: air.supplyC,
    densityKgM3: air.densityKgM3,
    rackInletC,
    rackOutletC,
    rackAirflowM3s,
    rackCoilKW,
    rackCaptureIndex,
    metrics,
    heatInKW: heatInW / 1000,
    heatOutKW: heatOutW / 1000,
    coilKW: coilW / 1000,
    balanceErrorPct: Math.abs(heatInW) > 0 ? ((heatOutW - heatInW) / heatInW) * 100 : 0,
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
