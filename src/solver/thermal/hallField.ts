// The thermal field of one hall: the steady design-day air temperature on a plan grid, and from
// it every rack's inlet and outlet air. One code for the design checks (the check grid) and the
// app's heat map (the fine grid); thermalField.ts runs it over a variant's halls for the app.
//
// Method (a 2-D, depth-averaged model: each cell stands for the whole air column of the hall):
// 1. Grid, grid.ts: cells fitted to the hall; the check grid (CHECK_CELL_M, 0.6 m, 120 × 80 for a
//    72 × 48 m hall) still resolves a mining shelf's depth, the fine grid is 0.3 m.
// 2. Airflow, flow.ts: potential flow that conserves mass in every cell. Exhaust fans take out
//    their derated airflow; intake openings (evaporative pads, else the wall opposite the fans)
//    let outside air in at fixed pressure; every rack takes its devices' airflow (catalog
//    airflowM3s × devicesPerRack) from the cells at its front and blows it out behind; air
//    handlers (CRAH) do the reverse with their rated flow. Enclosures are porous: leakage through
//    a row besides the devices' fans is what lets bypass air through (or hot air back round).
// 3. Temperature, temperature.ts: steady upwind advection–diffusion, Gauss–Seidel sweeps in the
//    order the air visits the cells (order.ts). Intake air comes in at `air.intakeC`; handlers
//    supply `air.supplyC`; each rack heats its own air by P_air/(ρ·cp·Q_rack), P_air the air
//    share of its heat (liquid-cooled devices put only their residual into the room).
// 4. Read-outs: each rack's inlet (mean of the cells it draws from) and outlet, hot spots, and the
//    energy balance: heat out through fans and openings (above intake air) and handlers (above
//    their supply) against heat in from the racks — equal to solver tolerance when nothing clamps.
// Too little airflow raises temperatures (racks re-breathe their own exhaust); a hall that cannot
// shed its heat at all saturates at MAX_AIR_C and says so. Not modelled: vertical stratification,
// containment walls, rear-door coils, buoyancy; see docs/thermal.md for the limits of a plan model.
import type { Catalog } from '../../model/catalog'
import type { SolverParams } from '../../model/params'
import type { Hall } from '../../model/sceneSchema'
import type { RowLoad } from '../loads'
import { centreCell, hallFeatures, MIN_UNIT_FLOW_M3S, type HallFeatures } from './features'
import { solveFlow, type FlowField } from './flow'
import { CHECK_MAX_CELLS, checkCellM, DEFAULT_MAX_CELLS, FINE_CELL_M, hallGrid, type ThermalGrid } from './grid'
import { findHotSpots } from './hotSpots'
import { Key, SolveMemo } from './memo'
import { MAX_AIR_C, solveTemperature, type TemperatureInput, type TemperatureSolution } from './temperature'
import type { FieldAir, HallThermal, ThermalGridKind, ThermalOptions } from './types'

/** Default stop of the temperature sweeps: no cell moved more than this, K. */
export const DEFAULT_TOLERANCE_K = 1e-4
/** Most temperature sweeps on the check grid: the inlet checks' cap, and so the heat map's and
 *  `halltwin thermal`'s, which show that grid's field (one field, one answer: with caps of their
 *  own, a hall still short of its fixed point at the checks' cap had two energy balances). The
 *  ordered sweeps converge in 30–70 on the example halls; a hall that cannot shed its heat creeps
 *  towards the clamp for thousands of sweeps, and is already far over any inlet limit after a few
 *  hundred (the field says it did not converge). */
export const CHECK_MAX_SWEEPS = 300
/** Most temperature sweeps on any other grid (the fine grid: four times the cells). */
export const DEFAULT_MAX_SWEEPS = 3000
/** Cap of conjugate-gradient iterations of the airflow solve. */
const MAX_FLOW_ITERATIONS = 2000
/** A hall with no opening to the outside exchanges air through its envelope: 0.5 air changes per
 *  hour (tight commercial buildings 0.1–0.5 ACH, ASHRAE Fundamentals ch. 16; approx). */
export const CLOSED_HALL_ACH = 0.5
/** The pressure reference of a closed hall: one cell tied to outside at this conductance. */
const PIN_CONDUCTANCE = 1
const SECONDS_PER_HOUR = 3600

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now())

function addShare(out: Float64Array, cells: Int32Array, from: number, to: number, total: number): void {
  const each = total / (to - from)
  for (let i = from; i < to; i++) out[cells[i]!] = out[cells[i]!]! + each
}

/** Air created in each cell, m³/s: rack and handler pairs, fans (negative): −fanSink, which is
 *  −0 away from the fans (a fill, not a loop over every cell), then the racks and handlers. */
function cellSources(g: ThermalGrid, f: HallFeatures): Float64Array {
  const s = new Float64Array(g.n).fill(-0)
  const { fanCells, fanSink } = f
  for (let i = 0; i < fanCells.length; i++) s[fanCells[i]!] = -fanSink[fanCells[i]!]!
  const { at, cells } = f.rackCells
  const count = f.racks.length
  for (let r = 0; r < count; r++) {
    const flowM3s = f.racks[r]!.flowM3s
    if (flowM3s < MIN_UNIT_FLOW_M3S) continue
    addShare(s, cells, at[r]!, at[r + 1]!, -flowM3s)
    addShare(s, cells, at[count + r]!, at[count + r + 1]!, flowM3s)
  }
  for (const h of f.handlers) {
    addShare(s, h.back, 0, h.back.length, -h.flowM3s)
    addShare(s, h.front, 0, h.front.length, h.flowM3s)
  }
  return s
}

/** Every cell along the walls, for the envelope leak of a closed hall. */
function wallLeak(g: ThermalGrid, totalM3s: number): Float64Array {
  const leak = new Float64Array(g.n)
  const cells: number[] = []
  for (let k = 0; k < g.n; k++) {
    const i = k % g.nx
    const j = Math.floor(k / g.nx)
    if (i === 0 || j === 0 || i === g.nx - 1 || j === g.ny - 1) cells.push(k)
  }
  for (const k of cells) leak[k] = totalM3s / cells.length
  return leak
}

function groupByRow(features: HallFeatures, values: Float64Array): Record<string, number[]> {
  const out: Record<string, number[]> = {}
  const { racks } = features
  for (let r = 0; r < racks.length; r++) {
    const list = (out[racks[r]!.rowId] ??= [])
    list[racks[r]!.index] = values[r]!
  }
  return out
}

/** Flows by every number the flow solve reads; fields by those and every number the temperature
 *  solve reads (memo.ts). */
const flowMemo = new SolveMemo<FlowField>(16 * 1024 * 1024)
/** Some 100 check-grid fields (a capacity search of the example hall solves about 85). */
const fieldMemo = new SolveMemo<{ flow: FlowField; temp: TemperatureSolution; maxSweeps: number }>(32 * 1024 * 1024)
const flowBytes = (f: FlowField): number => f.east.byteLength + f.north.byteLength + f.intake.byteLength

/** Forgets every memoised flow and field (for measuring a cold solve). */
export function clearFieldMemo(): void {
  flowMemo.clear()
  fieldMemo.clear()
}

/** The airflow and the temperature of a field, each from the memo when its numbers were solved
 *  before. A temperature solve that converged in s sweeps is the same for any cap ≥ s. */
function solveField(p: Omit<TemperatureInput, 'flow'> & { dirichlet: Float64Array }): { flow: FlowField; temp: TemperatureSolution } {
  const { grid, features } = p
  const sources = cellSources(grid, features)
  const flowKey = (key: Key): Key => key.num(grid.nx, grid.ny, grid.hx, grid.hy, MAX_FLOW_ITERATIONS).array(features.cellConductance).array(p.dirichlet).array(sources)
  const key = flowKey(new Key()).num(grid.heightM, p.densityKgM3, p.intakeC, p.toleranceK).array(features.fanSink).array(p.leak)
  // Every rack's flow and heat, and its cells (their offsets delimit each rack's); each handler's.
  const racks = features.racks
  const rackNumbers = new Float64Array(2 * racks.length)
  for (let r = 0; r < racks.length; r++) {
    rackNumbers[2 * r] = racks[r]!.flowM3s
    rackNumbers[2 * r + 1] = racks[r]!.heatKW
  }
  key.array(rackNumbers).array(features.rackCells.at).array(features.rackCells.cells)
  key.num(features.handlers.length)
  for (const h of features.handlers) key.num(h.flowM3s, h.supplyC).array(h.front).array(h.back)
  const known = fieldMemo.get(key, (v) => v.maxSweeps === p.maxSweeps || (v.temp.converged && v.temp.sweeps <= p.maxSweeps))
  if (known) return known

  const fKey = flowKey(new Key())
  let flow = flowMemo.get(fKey)
  if (!flow) {
    flow = solveFlow(grid, features.cellConductance, p.dirichlet, sources, MAX_FLOW_ITERATIONS)
    flowMemo.set(fKey, flow, flowBytes(flow), true)
  }
  const temp = solveTemperature({ ...p, flow })
  // The entry holds its flow too, whether or not the flow memo still does. Both keys' arrays are
  // this field's own (its features, sources, leak and rack numbers, made for this solve and never
  // written after it): the memos keep them instead of copies.
  fieldMemo.set(key, { flow, temp, maxSweeps: p.maxSweeps }, flowBytes(flow) + temp.tempC.byteLength + temp.rackInletC.byteLength + temp.rackOutletC.byteLength, true)
  return { flow, temp }
}

/** The grid a field is solved on: options.cellM if given, else the check or the fine grid. */
export function fieldGrid(hall: Hall, catalog: Catalog, options: ThermalOptions, defaultKind: ThermalGridKind): { grid: ThermalGrid; kind: ThermalGridKind } {
  const kind = options.grid ?? defaultKind
  const cellM = options.cellM ?? (kind === 'check' ? checkCellM(hall, catalog) : FINE_CELL_M)
  return { grid: hallGrid(hall, cellM, options.maxCells ?? (kind === 'check' ? CHECK_MAX_CELLS : DEFAULT_MAX_CELLS)), kind }
}

/** What the design checks read of a hall's field (hallFieldInlets): every rack's inlet, the heat
 *  balance and how the solves went — the field without the heat map's read-outs (the temperatures,
 *  the coldest and hottest air, the rack outlets, the hot spots), which no check reads. */
export type FieldInlets = Omit<HallThermal, 'tempC' | 'minC' | 'maxC' | 'rackOutletC' | 'hotSpots'>

/** One hall's field solved, with what its read-outs are made from. */
interface SolvedHall {
  inlets: FieldInlets
  grid: ThermalGrid
  features: HallFeatures
  temp: TemperatureSolution
  started: number
}

function solveHall(hall: Hall, rows: readonly RowLoad[], air: FieldAir, catalog: Catalog, params: SolverParams, options: ThermalOptions): SolvedHall {
  const started = now()
  const { grid, kind } = fieldGrid(hall, catalog, options, 'check')
  const hallRows = rows.filter((r) => r.hall.id === hall.id)
  const features = hallFeatures(hall, grid, hallRows, catalog, params, air.supplyC)
  const notes = [...features.notes]

  const dirichlet = features.intakeG
  let leak: Float64Array = new Float64Array(grid.n)
  // No cell with an opening (INTAKE_CONDUCTANCE > 0): a closed hall.
  if (features.openings === 0) {
    dirichlet[centreCell(grid)] = PIN_CONDUCTANCE
    const volumeM3 = hall.lengthM * hall.widthM * hall.heightM
    leak = wallLeak(grid, (CLOSED_HALL_ACH * volumeM3) / SECONDS_PER_HOUR)
    notes.push(`no opening to the outside: only air handlers and ${CLOSED_HALL_ACH} air changes per hour of envelope leakage remove heat`)
  }
  const { flow, temp } = solveField({
    grid,
    features,
    dirichlet,
    densityKgM3: air.densityKgM3,
    intakeC: air.intakeC,
    leak,
    toleranceK: options.toleranceK ?? DEFAULT_TOLERANCE_K,
    maxSweeps: options.maxSweeps ?? (kind === 'check' ? CHECK_MAX_SWEEPS : DEFAULT_MAX_SWEEPS),
  })

  // The outside air coming in, as the flow solve summed it, and the handlers' supply.
  let airflowInM3s = flow.inflowM3s
  for (const h of features.handlers) airflowInM3s += h.flowM3s
  const { heatInKW } = features
  if (temp.saturated) notes.push(`air reaches the model's ${MAX_AIR_C} °C clamp: the hall cannot shed its heat`)
  if (!flow.converged) notes.push(`airflow solve stopped after ${flow.iterations} iterations`)
  if (!temp.converged) notes.push(`temperature solve stopped after ${temp.sweeps} sweeps`)

  const inlets: FieldInlets = {
    hallId: hall.id,
    grid: kind,
    nx: grid.nx,
    ny: grid.ny,
    cellXM: grid.hx,
    cellYM: grid.hy,
    originX: grid.originX,
    originY: grid.originY,
    intakeC: air.intakeC,
    supplyC: air.supplyC,
    densityKgM3: air.densityKgM3,
    rackInletC: groupByRow(features, temp.rackInletC),
    heatInKW,
    heatOutKW: temp.heatOutKW,
    balanceErrorPct: heatInKW > 0 ? ((temp.heatOutKW - heatInKW) / heatInKW) * 100 : 0,
    airflowInM3s,
    rackAirflowM3s: features.rackAirflowM3s,
    iterations: { flow: flow.iterations, temperature: temp.sweeps },
    converged: flow.converged && temp.converged,
    saturated: temp.saturated,
    notes,
    solveMs: now() - started,
  }
  return { inlets, grid, features, temp, started }
}

/** The design-day field of one hall as the design checks read it (hallRackInlets without the heat
 *  map's read-outs, FieldInlets): the same solve, the same numbers. */
export function hallFieldInlets(hall: Hall, rows: readonly RowLoad[], air: FieldAir, catalog: Catalog, params: SolverParams, options: ThermalOptions = {}): FieldInlets {
  return solveHall(hall, rows, air, catalog, params, options).inlets
}

/**
 * The design-day thermal field of one hall and every rack's inlet and outlet air — the field the
 * design checks read (on the check grid, the default; hallFieldInlets) with what the app's heat map
 * shows besides (also on options.grid 'fine'). `rows`: the hall's row loads (rows of other halls are ignored); `air`: the intake and
 * handler supply air the cooling plant gives on the design day. Pure; never throws on a valid
 * scene; no NaN (a hall that cannot shed its heat saturates at MAX_AIR_C and says so).
 *
 * Check grid (0.6 m) against fine grid (0.3 m) on the default hall (scenes/siberia-20mw.json),
 * max |Δ inlet| over all racks: asic-baseline 1.14 K, gpu-h100-air 1.97 K, gpu-gb200-liquid
 * 0.37 K — all in the last row before the fans, for ASIC and H100 at an end rack, where air
 * wraps round the row end within a cell or two; mean |Δ| 0.14–0.32 K; the hottest inlet differs by
 * 0.09–0.27 K. Against a 0.15 m grid the fine grid is within 0.65 K, the check grid 2.6 K.
 */
export function hallRackInlets(hall: Hall, rows: readonly RowLoad[], air: FieldAir, catalog: Catalog, params: SolverParams, options: ThermalOptions = {}): HallThermal {
  const { inlets, grid, features, temp, started } = solveHall(hall, rows, air, catalog, params, options)
  return {
    ...inlets,
    tempC: new Float32Array(temp.tempC),
    // The coldest and hottest cell, as the temperature solve found them.
    minC: temp.minC,
    maxC: temp.maxC,
    rackOutletC: groupByRow(features, temp.rackOutletC),
    hotSpots: findHotSpots(grid, temp.tempC),
    solveMs: now() - started,
  }
}
