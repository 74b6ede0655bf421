// Thermal field: the steady design-day air temperature of each hall on a plan grid.
//
// Method (a 2-D, depth-averaged model: each cell stands for the whole air column of the hall):
// 1. Grid: cells of about 0.3 m fitted to the hall (240 × 160 for a 72 × 48 m hall), grid.ts.
// 2. Airflow, flow.ts: potential flow that conserves mass exactly in every cell. Exhaust fans
//    take out their derated airflow; intake openings (evaporative pads, else the wall opposite the
//    fans) let outside air in at fixed pressure; every rack takes its devices' airflow (catalog
//    airflowM3s × devicesPerRack) from the cells at its front and blows it out behind; air
//    handlers (CRAH) do the reverse with their rated flow. Enclosures are porous: leakage through
//    a row besides the devices' fans is what lets bypass air through (or hot air back round).
// 3. Temperature, temperature.ts: steady upwind advection–diffusion, Gauss–Seidel. Intake air
//    comes in at the design-day supply through the pads (cooling/climate.ts hallSupplyAir);
//    handlers supply their setpoint; each rack heats its own air by P_air/(ρ·cp·Q_rack), P_air the
//    air share of its heat (liquid-cooled devices put only their residual into the room).
// 4. Read-outs: each rack's inlet (mean of the cells it draws from) and outlet, hot spots, and the
//    energy balance: heat out through fans and openings (above intake air) and handlers (above
//    their supply) against heat in from the racks — equal to solver tolerance when nothing clamps.
// Too little airflow raises temperatures (racks re-breathe their own exhaust); a hall that cannot
// shed its heat at all saturates at MAX_AIR_C and says so. Not modelled: vertical stratification,
// containment walls, rear-door coils, buoyancy; see docs for the limits of a plan model.
import type { Catalog } from '../../model/catalog'
import { resolveParams } from '../../model/params'
import type { Scene } from '../../model/sceneSchema'
import { hallSupplyAir } from '../cooling/climate'
import { variantLoads } from '../loads'
import { centreCell, hallFeatures, MIN_UNIT_FLOW_M3S, type HallFeatures } from './features'
import { solveFlow } from './flow'
import { DEFAULT_CELL_M, DEFAULT_MAX_CELLS, hallGrid, type ThermalGrid } from './grid'
import { findHotSpots } from './hotSpots'
import { MAX_AIR_C, solveTemperature } from './temperature'
import type { ThermalField, ThermalOptions, ThermalResult } from './types'

/** Default stop of the temperature sweeps: no cell moved more than this, K. */
export const DEFAULT_TOLERANCE_K = 1e-4
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

function addShare(out: Float64Array, cells: Int32Array, total: number): void {
  const each = total / cells.length
  for (const k of cells) out[k] = out[k]! + each
}

/** Air created in each cell, m³/s: rack and handler pairs, fans (negative). */
function cellSources(g: ThermalGrid, f: HallFeatures): Float64Array {
  const s = new Float64Array(g.n)
  for (let k = 0; k < g.n; k++) s[k] = -f.fanSink[k]!
  for (const r of f.racks) {
    if (r.flowM3s < MIN_UNIT_FLOW_M3S) continue
    addShare(s, r.front, -r.flowM3s)
    addShare(s, r.back, r.flowM3s)
  }
  for (const h of f.handlers) {
    addShare(s, h.back, -h.flowM3s)
    addShare(s, h.front, h.flowM3s)
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
  features.racks.forEach((r, idx) => {
    const list = (out[r.rowId] ??= [])
    list[r.index] = values[idx]!
  })
  return out
}

export function solveThermalField(scene: Scene, variantId: string, catalog: Catalog, options: ThermalOptions = {}): ThermalResult {
  const started = now()
  const variant = scene.variants.find((v) => v.id === variantId)
  if (!variant) throw new Error(`unknown variant "${variantId}"`)
  const climate = catalog.climates.get(scene.site.climateId)
  if (!climate) throw new Error(`unknown climate "${scene.site.climateId}"`)
  const params = resolveParams(scene.params, variant.params)
  const loads = variantLoads(variant, catalog, params)

  const halls: ThermalField[] = variant.halls.map((hall) => {
    const hallStarted = now()
    const air = hallSupplyAir(hall, climate, catalog, params)
    // Outside air as it comes through the openings (pads or none), whatever the hall's scheme.
    const intakeC = hallSupplyAir({ ...hall, airScheme: 'wall-to-wall' }, climate, catalog, params).supplyC
    const grid = hallGrid(hall, options.cellM ?? DEFAULT_CELL_M, options.maxCells ?? DEFAULT_MAX_CELLS)
    const rows = loads.rows.filter((r) => r.hall === hall)
    const features = hallFeatures(hall, grid, rows, catalog, params, params.crahSupplyAirC)
    const notes = [...features.notes]

    const dirichlet = features.intakeG
    let leak: Float64Array = new Float64Array(grid.n)
    if (!dirichlet.some((v) => v > 0)) {
      dirichlet[centreCell(grid)] = PIN_CONDUCTANCE
      const volumeM3 = hall.lengthM * hall.widthM * hall.heightM
      leak = wallLeak(grid, (CLOSED_HALL_ACH * volumeM3) / SECONDS_PER_HOUR)
      notes.push(`no opening to the outside: only air handlers and ${CLOSED_HALL_ACH} air changes per hour of envelope leakage remove heat`)
    }
    const flow = solveFlow(grid, features.cellConductance, dirichlet, cellSources(grid, features), MAX_FLOW_ITERATIONS)
    const temp = solveTemperature({
      grid,
      features,
      flow,
      densityKgM3: air.densityKgM3,
      intakeC,
      leak,
      toleranceK: options.toleranceK ?? DEFAULT_TOLERANCE_K,
      maxSweeps: options.maxSweeps ?? DEFAULT_MAX_SWEEPS,
    })

    const tempC = Float32Array.from(temp.tempC)
    let minC = Infinity
    let maxC = -Infinity
    for (const v of tempC) {
      if (v < minC) minC = v
      if (v > maxC) maxC = v
    }
    let airflowInM3s = 0
    for (const v of flow.intake) if (v > 0) airflowInM3s += v
    for (const h of features.handlers) airflowInM3s += h.flowM3s
    const heatInKW = features.racks.reduce((s, r) => s + r.heatKW, 0)
    if (temp.saturated) notes.push(`air reaches the model's ${MAX_AIR_C} °C clamp: the hall cannot shed its heat`)
    if (!flow.converged) notes.push(`airflow solve stopped after ${flow.iterations} iterations`)
    if (!temp.converged) notes.push(`temperature solve stopped after ${temp.sweeps} sweeps`)

    return {
      hallId: hall.id,
      nx: grid.nx,
      ny: grid.ny,
      cellXM: grid.hx,
      cellYM: grid.hy,
      originX: grid.originX,
      originY: grid.originY,
      tempC,
      minC,
      maxC,
      supplyC: air.supplyC,
      intakeC,
      rackInletC: groupByRow(features, temp.rackInletC),
      rackOutletC: groupByRow(features, temp.rackOutletC),
      hotSpots: findHotSpots(grid, tempC),
      heatInKW,
      heatOutKW: temp.heatOutKW,
      airflowInM3s,
      rackAirflowM3s: features.racks.reduce((s, r) => s + r.flowM3s, 0),
      iterations: { flow: flow.iterations, temperature: temp.sweeps },
      converged: flow.converged && temp.converged,
      saturated: temp.saturated,
      notes,
      solveMs: now() - hallStarted,
    }
  })
  return { variantId, halls, solveMs: now() - started }
}
