// The plan grid of one hall and how boxes (racks, fans, pads) land on it.
// Cells fit the hall exactly: nx = round(L / cell), cellXM = L / nx (the same along y), so the
// walls are cell faces. Cell (i, j) has index j·nx + i; i runs east (x), j north (y).
import type { Catalog } from '../../model/catalog'
import type { Box } from '../../model/layout'
import type { Hall } from '../../model/sceneSchema'
import { Arena, f64Bytes, i32Bytes } from './kernels'

/** Fine grid, the heat map's: two cells across a 0.6 m mining shelf, 240 × 160 cells for a
 *  72 × 48 m hall. */
export const FINE_CELL_M = 0.3
/**
 * Check grid, the design checks': the coarsest cell that still resolves the shallowest enclosure,
 * a 0.6 m mining shelf (models/enclosures.json; IT racks and tanks are 1.07–1.2 m deep). With a
 * cell no deeper than an enclosure, a row along a grid axis covers at least one cell centre across
 * its depth (so it blocks air as features.ts says), and its front and back sample lines, half a
 * cell outside each face, are d + cell ≥ 2 cells apart: a rack's intake and exhaust land in
 * different cells with the enclosure between them. 120 × 80 cells for a 72 × 48 m hall, a quarter
 * of the fine grid's; the 3.3 m aisles of the example hall are five to six cells wide.
 */
export const CHECK_CELL_M = 0.6
/** Upper bound of cells per hall: keeps a very large hall inside the time budget (coarser cells). */
export const DEFAULT_MAX_CELLS = 160_000
/** Most cells of the check grid, which runs in every solve: about four default halls (120 × 80).
 *  A larger hall gets larger cells, so a check never costs more than ≈ 4 default fields. */
export const CHECK_MAX_CELLS = 40_000
/** A grid needs neighbours in both directions for the diffusion stencil. */
const MIN_CELLS_PER_SIDE = 2

export interface ThermalGrid {
  nx: number
  ny: number
  n: number
  hx: number
  hy: number
  originX: number
  originY: number
  /** Height of the air column every cell stands for, metres. */
  heightM: number
}

/** The check grid's cell edge for a hall: CHECK_CELL_M, or the depth of a shallower enclosure
 *  standing in it (never finer than the fine grid). */
export function checkCellM(hall: Hall, catalog: Catalog): number {
  let cellM = CHECK_CELL_M
  for (const row of hall.rows) {
    const depthM = catalog.enclosures.get(row.enclosureId)?.depthM
    if (depthM !== undefined && depthM < cellM) cellM = depthM
  }
  return Math.max(FINE_CELL_M, cellM)
}

export function hallGrid(hall: Hall, cellM = FINE_CELL_M, maxCells = DEFAULT_MAX_CELLS): ThermalGrid {
  const area = hall.lengthM * hall.widthM
  const edge = Math.max(cellM, Math.sqrt(area / maxCells))
  const nx = Math.max(MIN_CELLS_PER_SIDE, Math.round(hall.lengthM / edge))
  const ny = Math.max(MIN_CELLS_PER_SIDE, Math.round(hall.widthM / edge))
  return {
    nx,
    ny,
    n: nx * ny,
    hx: hall.lengthM / nx,
    hy: hall.widthM / ny,
    originX: hall.origin.x,
    originY: hall.origin.y,
    heightM: hall.heightM,
  }
}

/** The cell that holds a site point; points outside the hall go to the nearest cell: column
 *  min(nx − 1, max(0, ⌊(x − originX)/hx⌋)), the row likewise (the kernel `along`'s, on a line of
 *  one sample and no length). */
export function cellAt(g: ThermalGrid, x: number, y: number): number {
  return cellsAlongLines(g, Float64Array.of(x, y, 1, 0, 0, 1), 1, 1).cells[0]!
}

/** Unit vectors of a box: u along its width (the row), n along its depth (front at −n). */
export function boxAxes(box: Box): { ux: number; uy: number; nx: number; ny: number } {
  const ux = Math.cos(box.rotationRad)
  const uy = Math.sin(box.rotationRad)
  return { ux, uy, nx: -uy, ny: ux }
}

/** Numbers of one sample line (`along`), f64 each: centre x, y, direction ux, uy, length, samples. */
export const LINE_STRIDE = 6
/** Numbers of one box to rasterise (`rasterise`), f64 each: centre x, y, axis ux, uy, half width,
 *  half depth, value, cell range i0, i1, j0, j1. */
export const BOX_STRIDE = 11

/** Samples of a line across a box's width: one every half cell. */
function lineSamples(g: ThermalGrid, box: Box): number {
  return Math.max(1, Math.ceil(box.widthM / (0.5 * Math.min(g.hx, g.hy))))
}

/** Writes line `at` of `lines` (LINE_STRIDE numbers each): parallel to the box's width, `offsetM`
 *  from its centre along the depth normal (negative: towards the front). Returns its samples. */
export function boxLine(g: ThermalGrid, box: Box, offsetM: number, lines: Float64Array, at: number, a = boxAxes(box)): number {
  const samples = lineSamples(g, box)
  const o = at * LINE_STRIDE
  lines[o] = box.cx + a.nx * offsetM
  lines[o + 1] = box.cy + a.ny * offsetM
  lines[o + 2] = a.ux
  lines[o + 3] = a.uy
  lines[o + 4] = box.widthM
  lines[o + 5] = samples
  return samples
}

/** The cells along lines (boxLine): line f's are cells[at[f] … at[f + 1]). Sampled at half a cell,
 *  de-duplicated, clamped into the hall: a unit on or beyond a wall acts on the cells next to that
 *  wall. Along a straight line the cell column i and row j each only grow or only shrink (every
 *  step of cellAt is monotone), so a cell, once left, never comes back: dropping a repeat of the
 *  previous sample is the whole de-duplication, in the order the cells are met. The loop is the
 *  kernel `along` (kernels.wat); `samples`: the lines' samples together. */
export function cellsAlongLines(g: ThermalGrid, lines: Float64Array, count: number, samples: number): { at: Int32Array; cells: Int32Array } {
  const arena = new Arena(f64Bytes(count * LINE_STRIDE) + i32Bytes(samples) + i32Bytes(count + 1))
  try {
    const p = arena.copyF64(lines.length === count * LINE_STRIDE ? lines : lines.subarray(0, count * LINE_STRIDE))
    const cells = arena.i32(samples)
    const at = arena.i32(count + 1)
    arena.kernels.along(count, p.byteOffset, g.originX, g.originY, g.hx, g.hy, g.nx, g.ny, cells.byteOffset, at.byteOffset)
    return { at: at.slice(), cells: cells.slice(0, at[count]!) }
  } finally {
    arena.close()
  }
}

/** The cells along a line parallel to a box's width, `offsetM` from its centre along the depth
 *  normal (negative: towards the front); see cellsAlongLines. */
export function cellsAlongBox(g: ThermalGrid, box: Box, offsetM: number): Int32Array {
  const line = new Float64Array(LINE_STRIDE)
  return cellsAlongLines(g, line, 1, boxLine(g, box, offsetM, line, 0)).cells
}

/** Reach of a box from its centre: its half diagonal. */
export const boxReach = (box: Box): number => Math.hypot(box.widthM / 2, box.depthM / 2)

/** Writes box `at` of `boxes` (BOX_STRIDE numbers each) to be marked with `value`, with the cells
 *  within its reach (boxReach) as the range to test. `a`, `reach`: the box's, when known. */
export function boxCells(g: ThermalGrid, box: Box, value: number, boxes: Float64Array, at: number, a = boxAxes(box), reach = boxReach(box)): void {
  const halfW = box.widthM / 2
  const halfD = box.depthM / 2
  const o = at * BOX_STRIDE
  boxes[o] = box.cx
  boxes[o + 1] = box.cy
  boxes[o + 2] = a.ux
  boxes[o + 3] = a.uy
  boxes[o + 4] = halfW
  boxes[o + 5] = halfD
  boxes[o + 6] = value
  boxes[o + 7] = Math.max(0, Math.floor((box.cx - reach - g.originX) / g.hx))
  boxes[o + 8] = Math.min(g.nx - 1, Math.floor((box.cx + reach - g.originX) / g.hx))
  boxes[o + 9] = Math.max(0, Math.floor((box.cy - reach - g.originY) / g.hy))
  boxes[o + 10] = Math.min(g.ny - 1, Math.floor((box.cy + reach - g.originY) / g.hy))
}

/** Marks every cell whose centre lies inside one of the boxes (boxCells) with its value, keeping
 *  the smaller value: the centre's offset from the box centre, along = d·u and across = d·n, within
 *  half the width and half the depth. The loop is the kernel `rasterise` (kernels.wat). */
export function rasteriseBoxes(g: ThermalGrid, boxes: Float64Array, count: number, out: Float64Array): void {
  const arena = new Arena(f64Bytes(count * BOX_STRIDE) + f64Bytes(out.length))
  try {
    const p = arena.copyF64(boxes.length === count * BOX_STRIDE ? boxes : boxes.subarray(0, count * BOX_STRIDE))
    const cells = arena.copyF64(out)
    arena.kernels.rasterise(count, p.byteOffset, g.originX, g.originY, g.hx, g.hy, g.nx, cells.byteOffset)
    out.set(cells)
  } finally {
    arena.close()
  }
}
