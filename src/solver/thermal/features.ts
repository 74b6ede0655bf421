// What drives the air of one hall, put on its grid: racks (a fan pair: air taken in at the front,
// blown out heated at the back), exhaust fans (air out), air handlers (warm air in at the back,
// cold air out at the front), intake openings (outside air in), and how easily air passes through
// the cells the enclosures stand on.
import type { Catalog } from '../../model/catalog'
import type { CoolingUnit, Enclosure } from '../../model/catalogSchema'
import { coolingBoxes, rowRackBoxes, type Box } from '../../model/layout'
import type { SolverParams } from '../../model/params'
import type { Hall } from '../../model/sceneSchema'
import type { RowLoad } from '../loads'
import { BOX_STRIDE, boxAxes, boxCells, boxLine, boxReach, cellAt, cellsAlongLines, LINE_STRIDE, rasteriseBoxes, type ThermalGrid } from './grid'

/**
 * Share of an open cell's conductance that air finds through an enclosure besides its devices'
 * own fans (gaps, open shelf sides, unblanked U). Engineering judgement (approx): open mining
 * shelving leaks much, a blanked IT rack little, an immersion tank is nearly solid.
 */
export const ENCLOSURE_LEAKAGE: Record<Enclosure['kind'], number> = { shelf: 0.25, rack: 0.05, tank: 0.02 }
/** Share of an open cell's conductance that air finds through an air handler's cabinet besides
 *  its own fans: as an immersion tank, nearly solid (engineering judgement, approx). Its air passes
 *  through the coil, which is the handler's flow; the 3-D model makes it a solid body
 *  (docs/airflow3d.md). Not 0: a cell without faces would leave the airflow matrix singular. */
export const HANDLER_LEAKAGE = ENCLOSURE_LEAKAGE.tank
/** Conductance of an intake opening relative to an open cell face: the opening is at the wall,
 *  half a cell from the cell centre (a Dirichlet face of a cell-centred finite-volume grid). */
const INTAKE_CONDUCTANCE = 2
/** A rack or handler whose flow is below this moves no air of its own: its heat goes straight
 *  into the cells behind it, m³/s. */
export const MIN_UNIT_FLOW_M3S = 1e-6

/** One rack (its cells: HallFeatures.rackCells). */
export interface RackFeature {
  rowId: string
  index: number
  flowM3s: number
  heatKW: number
}

/** Where each of R racks takes its air and where it blows it out, all in one array: rack r's front
 *  cells are cells[at[r] … at[r + 1]), its back cells cells[at[R + r] … at[R + r + 1]). */
export interface RackCells {
  at: Int32Array
  cells: Int32Array
}

/** An air handler: return air in at its back, supply air out at its front at `supplyC`. */
export interface HandlerFeature {
  id: string
  front: Int32Array
  back: Int32Array
  flowM3s: number
  supplyC: number
}

export interface HallFeatures {
  /** Relative conductance of each cell (1 open air, less under an enclosure: columnConductance). */
  cellConductance: Float64Array
  /** Conductance of each cell to the outside through an intake opening (0: none). */
  intakeG: Float64Array
  /** Cells given an intake opening (each once or more): 0 when intakeG is 0 everywhere. */
  openings: number
  /** Air the exhaust fans take out of each cell, m³/s. */
  fanSink: Float64Array
  /** Cells that hold all of fanSink's non-zero values (every cooling unit's cells, fans' and
   *  others', each once or more; fanSink is 0 at every other cell). */
  fanCells: Int32Array
  racks: RackFeature[]
  rackCells: RackCells
  /** The racks' heat into the air, kW, and their airflow, m³/s, summed in rack order. */
  heatInKW: number
  rackAirflowM3s: number
  handlers: HandlerFeature[]
  fanFlowM3s: number
  notes: string[]
}

/** Depth-averaged conductance of a column with an enclosure of height h in a hall of height H: air
 *  passes freely above it and through its leaks beside the devices, (H − h)/H + leak·h/H. */
export function columnConductance(g: ThermalGrid, enclosureHeightM: number, leakage: number): number {
  const blocked = Math.min(1, enclosureHeightM / g.heightM)
  return 1 - blocked + leakage * blocked
}

/** Gives each of the cells an intake opening; returns how many. */
function fillOpenings(cells: Int32Array, out: Float64Array): number {
  for (let i = 0; i < cells.length; i++) out[cells[i]!] = INTAKE_CONDUCTANCE
  return cells.length
}

/** Every cell of the wall opposite the fans (the open intake side of a wall-to-wall hall). */
function oppositeWallCells(g: ThermalGrid, hall: Hall, fanBoxes: readonly Box[]): Int32Array {
  let sx = 0
  let sy = 0
  for (const b of fanBoxes) {
    sx += (b.cx - hall.origin.x) / hall.lengthM - 0.5
    sy += (b.cy - hall.origin.y) / hall.widthM - 0.5
  }
  const cells: number[] = []
  if (Math.abs(sy) >= Math.abs(sx)) {
    const j = sy > 0 ? 0 : g.ny - 1 // fans north → intake on the south wall, and so on
    for (let i = 0; i < g.nx; i++) cells.push(j * g.nx + i)
  } else {
    const i = sx > 0 ? 0 : g.nx - 1
    for (let j = 0; j < g.ny; j++) cells.push(j * g.nx + i)
  }
  return Int32Array.from(cells)
}

/** Offset from a box centre to just outside its front (−) or back (+) face. */
function faceOffsetM(g: ThermalGrid, box: Box, side: -1 | 1): number {
  return side * (box.depthM / 2 + 0.5 * Math.max(g.hx, g.hy))
}

export function hallFeatures(
  hall: Hall,
  g: ThermalGrid,
  rows: readonly RowLoad[],
  catalog: Catalog,
  params: SolverParams,
  handlerSupplyC: number,
): HallFeatures {
  const cellConductance = new Float64Array(g.n).fill(1)
  const intakeG = new Float64Array(g.n)
  const fanSink = new Float64Array(g.n)
  const notes: string[] = []

  // Every rack's box, row by row, then their cells in three kernel calls (grid.ts): the
  // enclosures' conductance, the front lines of all racks, the back lines. A row's racks share
  // their enclosure, rotation and size (model/layout.ts rowRackBoxes): their conductance, axes,
  // reach and face offsets are worked out once a row.
  const rowBoxes: Box[][] = []
  let count = 0
  for (const load of rows) {
    const boxes = rowRackBoxes(hall, load.row, catalog)
    rowBoxes.push(boxes)
    count += boxes.length
  }
  const racks: RackFeature[] = []
  const boxParams = new Float64Array(count * BOX_STRIDE)
  const lines = new Float64Array(2 * count * LINE_STRIDE)
  let samples = 0
  let heatInKW = 0
  let rackAirflowM3s = 0
  for (let k = 0; k < rows.length; k++) {
    const load = rows[k]!
    const boxes = rowBoxes[k]!
    // A row without its enclosure in the catalog has no boxes.
    const enclosure = catalog.enclosures.get(load.row.enclosureId)
    if (!enclosure || boxes.length === 0) continue
    const heatKW = load.heatAirKW / load.row.rackCount
    const flowM3s = load.device.airflowM3s * load.row.devicesPerRack
    const first = boxes[0]!
    const value = columnConductance(g, first.heightM, ENCLOSURE_LEAKAGE[enclosure.kind])
    const a = boxAxes(first)
    const reach = boxReach(first)
    const front = faceOffsetM(g, first, -1)
    const back = faceOffsetM(g, first, 1)
    for (let index = 0; index < boxes.length; index++) {
      const box = boxes[index]!
      const r = racks.length
      racks.push({ rowId: load.row.id, index, flowM3s, heatKW })
      heatInKW += heatKW
      rackAirflowM3s += flowM3s
      boxCells(g, box, value, boxParams, r, a, reach)
      samples += boxLine(g, box, front, lines, r, a)
      samples += boxLine(g, box, back, lines, count + r, a)
    }
  }
  rasteriseBoxes(g, boxParams, count, cellConductance)
  const rackCells = cellsAlongLines(g, lines, 2 * count, samples)

  const handlers: HandlerFeature[] = []
  const fanBoxes: Box[] = []
  let fanFlowM3s = 0
  let pads = 0
  let openings = 0
  // Each unit's boxes and their lines first (a fan's or a pad's along its middle, a handler's
  // front and back), all lines' cells in one kernel call, then each box in turn as before.
  const units: { unit: Hall['cooling'][number]; model: CoolingUnit; boxes: Box[] }[] = []
  let lineCount = 0
  for (const unit of hall.cooling) {
    const model = catalog.coolingUnits.get(unit.modelId)
    if (!model || unit.outdoor) continue
    if (model.kind !== 'exhaust-fan' && model.kind !== 'evap-pad' && model.kind !== 'crah') continue
    const boxes = coolingBoxes(hall, unit, catalog)
    units.push({ unit, model, boxes })
    lineCount += (model.kind === 'crah' ? 2 : 1) * boxes.length
  }
  const unitLines = new Float64Array(lineCount * LINE_STRIDE)
  let unitSamples = 0
  let line = 0
  for (const { model, boxes } of units) {
    for (const box of boxes) {
      if (model.kind === 'crah') {
        unitSamples += boxLine(g, box, faceOffsetM(g, box, -1), unitLines, line++)
        unitSamples += boxLine(g, box, faceOffsetM(g, box, 1), unitLines, line++)
      } else unitSamples += boxLine(g, box, 0, unitLines, line++)
    }
  }
  const { at, cells } = cellsAlongLines(g, unitLines, lineCount, unitSamples)
  // A handler's cabinet blocks its cells as an enclosure does (columnConductance): without it the
  // supply air went back to the return through the cabinet itself, round the coil.
  const cabinets = units.flatMap(({ model, boxes }) => (model.kind === 'crah' ? boxes : []))
  const cabinetParams = new Float64Array(cabinets.length * BOX_STRIDE)
  cabinets.forEach((box, b) => boxCells(g, box, columnConductance(g, box.heightM, HANDLER_LEAKAGE), cabinetParams, b))
  if (cabinets.length > 0) rasteriseBoxes(g, cabinetParams, cabinets.length, cellConductance)
  line = 0
  for (const { unit, model, boxes } of units) {
    if (model.kind === 'exhaust-fan') {
      // The fans' delivered flow against pad and hall pressure drop, as in cooling/airflow.ts.
      const flow = (model.airflowM3s ?? 0) * params.fanFlowDerate
      for (const box of boxes) {
        const from = at[line]!
        const to = at[++line]!
        for (let i = from; i < to; i++) {
          const k = cells[i]!
          fanSink[k] = (fanSink[k] ?? 0) + flow / (to - from)
        }
        fanFlowM3s += flow
        fanBoxes.push(box)
      }
    } else if (model.kind === 'evap-pad') {
      for (let b = 0; b < boxes.length; b++, line++) openings += fillOpenings(cells.subarray(at[line]!, at[line + 1]!), intakeG)
      pads += boxes.length
    } else if (model.kind === 'crah') {
      for (let b = 0; b < boxes.length; b++, line += 2) {
        handlers.push({
          id: unit.id,
          front: cells.slice(at[line]!, at[line + 1]!),
          back: cells.slice(at[line + 1]!, at[line + 2]!),
          flowM3s: model.airflowM3s ?? 0,
          supplyC: handlerSupplyC,
        })
      }
    }
  }
  if (pads > 0) notes.push(`outside air in through ${pads} evaporative pad sections`)
  else if (fanBoxes.length > 0) {
    openings += fillOpenings(oppositeWallCells(g, hall, fanBoxes), intakeG)
    notes.push('no intake openings in the scene: outside air enters along the wall opposite the fans')
  }
  if (fanBoxes.length > 0) notes.push(`${fanBoxes.length} exhaust fans take out ${fanFlowM3s.toFixed(0)} m³/s`)
  if (handlers.length > 0) notes.push(`${handlers.length} air handlers supply air at ${handlerSupplyC.toFixed(1)} °C`)
  return { cellConductance, intakeG, openings, fanSink, fanCells: cells, racks, rackCells, heatInKW, rackAirflowM3s, handlers, fanFlowM3s, notes }
}

/** A cell near the hall centre: the pressure reference of a hall with no opening to the outside. */
export function centreCell(g: ThermalGrid): number {
  return cellAt(g, g.originX + (g.nx * g.hx) / 2, g.originY + (g.ny * g.hy) / 2)
}
