// A test fixture: the temperature input of a small channel hall, built from the solver's own
// airflow solve. Outside air enters through the west wall (an intake opening on every cell of the
// first column) and leaves through exhaust fans on the last column; each rack takes its air from
// one cell and blows it into another. A rack that blows against the through-flow (its back cell
// upstream of its front cell) breathes much of its own exhaust: a loop the sweeps close slowly.
import type { HallFeatures, RackFeature } from '../../../src/solver/thermal/features'
import { solveFlow } from '../../../src/solver/thermal/flow'
import type { ThermalGrid } from '../../../src/solver/thermal/grid'
import type { TemperatureInput } from '../../../src/solver/thermal/temperature'

export interface ChannelRack {
  /** Cell (column, row) it draws from and the one it blows into. */
  front: [number, number]
  back: [number, number]
  flowM3s: number
  heatKW: number
}

export interface Channel {
  nx: number
  ny: number
  /** Air the fans take out of the hall (and the west wall lets in), m³/s. */
  throughM3s: number
  racks: ChannelRack[]
  intakeC?: number
  maxSweeps?: number
}

/** Conductance of the intake opening on each west cell (features.ts uses 2). */
const OPENING = 2

export function channelInput(c: Channel): TemperatureInput {
  const grid: ThermalGrid = { nx: c.nx, ny: c.ny, n: c.nx * c.ny, hx: 1, hy: 1, originX: 0, originY: 0, heightM: 4 }
  const cell = ([i, j]: [number, number]): number => j * c.nx + i
  const intakeG = new Float64Array(grid.n)
  const fanSink = new Float64Array(grid.n)
  const fanCells = new Int32Array(c.ny)
  for (let j = 0; j < c.ny; j++) {
    intakeG[cell([0, j])] = OPENING
    fanCells[j] = cell([c.nx - 1, j])
    fanSink[fanCells[j]!] = c.throughM3s / c.ny
  }
  const R = c.racks.length
  const at = new Int32Array(2 * R + 1)
  for (let k = 1; k <= 2 * R; k++) at[k] = k
  const cells = Int32Array.from([...c.racks.map((r) => cell(r.front)), ...c.racks.map((r) => cell(r.back))])
  const racks: RackFeature[] = c.racks.map((r, index) => ({ rowId: 'row', index, flowM3s: r.flowM3s, heatKW: r.heatKW }))
  const features: HallFeatures = {
    cellConductance: new Float64Array(grid.n).fill(1),
    intakeG,
    openings: c.ny,
    fanSink,
    fanCells,
    racks,
    rackCells: { at, cells },
    heatInKW: c.racks.reduce((s, r) => s + r.heatKW, 0),
    rackAirflowM3s: c.racks.reduce((s, r) => s + r.flowM3s, 0),
    handlers: [],
    fanFlowM3s: c.throughM3s,
    notes: [],
  }
  // Air made in each cell: the fans take it out, each rack moves its flow from front to back.
  const sources = new Float64Array(grid.n)
  for (const k of fanCells) sources[k] = -fanSink[k]!
  for (const r of c.racks) {
    sources[cell(r.front)] = sources[cell(r.front)]! - r.flowM3s
    sources[cell(r.back)] = sources[cell(r.back)]! + r.flowM3s
  }
  const flow = solveFlow(grid, features.cellConductance, intakeG, sources, 2000)
  return { grid, features, flow, densityKgM3: 1.2, intakeC: c.intakeC ?? 20, leak: new Float64Array(grid.n), toleranceK: 1e-4, maxSweeps: c.maxSweeps ?? 3000 }
}
