// The plan grid of one hall and how boxes (racks, fans, pads) land on it.
// Cells fit the hall exactly: nx = round(L / cell), cellXM = L / nx (the same along y), so the
// walls are cell faces. Cell (i, j) has index j·nx + i; i runs east (x), j north (y).
import type { Catalog } from '../../model/catalog'
import type { Box } from '../../model/layout'
import type { Hall } from '../../model/sceneSchema'

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

/** The cell that holds a site point; points outside the hall go to the nearest cell. */
export function cellAt(g: ThermalGrid, x: number, y: number): number {
  const i = Math.min(g.nx - 1, Math.max(0, Math.floor((x - g.originX) / g.hx)))
  const j = Math.min(g.ny - 1, Math.max(0, Math.floor((y - g.originY) / g.hy)))
  return j * g.nx + i
}

/** Unit vectors of a box: u along its width (the row), n along its depth (front at −n). */
export function boxAxes(box: Box): { ux: number; uy: number; nx: number; ny: number } {
  const ux = Math.cos(box.rotationRad)
  const uy = Math.sin(box.rotationRad)
  return { ux, uy, nx: -uy, ny: ux }
}

/**
 * The cells along a line parallel to a box's width, `offsetM` from its centre along the depth
 * normal (negative: towards the front). Sampled at half a cell, de-duplicated, clamped into the
 * hall: a unit on or beyond a wall acts on the cells next to that wall.
 */
export function cellsAlongBox(g: ThermalGrid, box: Box, offsetM: number): Int32Array {
  const a = boxAxes(box)
  const step = 0.5 * Math.min(g.hx, g.hy)
  const samples = Math.max(1, Math.ceil(box.widthM / step))
  const cx = box.cx + a.nx * offsetM
  const cy = box.cy + a.ny * offsetM
  // Along a straight line the cell column i and row j each only grow or only shrink (every step
  // of cellAt is monotone), so a cell, once left, never comes back: dropping a repeat of the
  // previous sample is the whole de-duplication, in the order the cells are met.
  const cells = new Int32Array(samples)
  let count = 0
  for (let s = 0; s < samples; s++) {
    const along = ((s + 0.5) / samples - 0.5) * box.widthM
    const k = cellAt(g, cx + a.ux * along, cy + a.uy * along)
    if (count === 0 || cells[count - 1] !== k) cells[count++] = k
  }
  return cells.slice(0, count)
}

/** Marks with `value` every cell whose centre lies inside the box (keeping the smaller value). */
export function rasteriseBox(g: ThermalGrid, box: Box, value: number, out: Float64Array): void {
  const a = boxAxes(box)
  const halfW = box.widthM / 2
  const halfD = box.depthM / 2
  const reach = Math.hypot(halfW, halfD)
  const i0 = Math.max(0, Math.floor((box.cx - reach - g.originX) / g.hx))
  const i1 = Math.min(g.nx - 1, Math.floor((box.cx + reach - g.originX) / g.hx))
  const j0 = Math.max(0, Math.floor((box.cy - reach - g.originY) / g.hy))
  const j1 = Math.min(g.ny - 1, Math.floor((box.cy + reach - g.originY) / g.hy))
  for (let j = j0; j <= j1; j++) {
    const dy = g.originY + (j + 0.5) * g.hy - box.cy
    for (let i = i0; i <= i1; i++) {
      const dx = g.originX + (i + 0.5) * g.hx - box.cx
      const along = dx * a.ux + dy * a.uy
      const across = dx * a.nx + dy * a.ny
      if (Math.abs(along) <= halfW && Math.abs(across) <= halfD) {
        const k = j * g.nx + i
        if (value < (out[k] ?? 1)) out[k] = value
      }
    }
  }
}
