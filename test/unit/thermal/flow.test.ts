// The airflow solve conserves mass in every cell, whatever the grid's shape: odd sides (the
// multigrid's last single row or column), a channel two cells wide (coarsened along its length
// only), and a closed hall held by one pinned cell.
import { describe, expect, it } from 'vitest'
import { solveFlow, type FlowField } from '../../../src/solver/thermal/flow'
import type { ThermalGrid } from '../../../src/solver/thermal/grid'

function grid(nx: number, ny: number): ThermalGrid {
  return { nx, ny, n: nx * ny, hx: 0.3, hy: 0.3, originX: 0, originY: 0, heightM: 6 }
}

/** Net air leaving cell k through its faces and its opening, less what is created in it, m³/s. */
function imbalance(g: ThermalGrid, f: FlowField, source: Float64Array, k: number): number {
  const i = k % g.nx
  let out = f.east[k]! + f.north[k]! - f.intake[k]!
  if (i > 0) out -= f.east[k - 1]!
  if (k >= g.nx) out -= f.north[k - g.nx]!
  return out - source[k]!
}

interface Case {
  g: ThermalGrid
  cellG: Float64Array
  dirichlet: Float64Array
  source: Float64Array
}

/** Outside air in along the west wall, fans out along the east wall, a porous block with a
 *  "rack" pair (sink in front, source behind) in the middle. */
function ventilated(nx: number, ny: number): Case {
  const g = grid(nx, ny)
  const cellG = new Float64Array(g.n).fill(1)
  const dirichlet = new Float64Array(g.n)
  const source = new Float64Array(g.n)
  const fanM3s = 10
  for (let j = 0; j < ny; j++) {
    dirichlet[j * nx] = 2
    source[j * nx + nx - 1] = -fanM3s / ny
  }
  const mid = Math.floor(ny / 2) * nx + Math.floor(nx / 2)
  cellG[mid] = 0.3
  source[mid - 1] = -1.5
  source[mid + 1] = 1.5
  return { g, cellG, dirichlet, source }
}

function maxImbalance(c: Case, f: FlowField): number {
  let worst = 0
  for (let k = 0; k < c.g.n; k++) worst = Math.max(worst, Math.abs(imbalance(c.g, f, c.source, k)))
  return worst
}

describe('airflow: conjugate gradients with a multigrid preconditioner', () => {
  it.each([
    ['an odd-sided hall', 41, 27],
    ['an even-sided hall', 120, 80],
    ['a channel two cells wide', 200, 2],
  ])('%s: every cell in balance, intake = fans', (_, nx, ny) => {
    const c = ventilated(nx, ny)
    const f = solveFlow(c.g, c.cellG, c.dirichlet, c.source, 500)
    expect(f.converged).toBe(true)
    // Tolerance of the solve: 1e-5 × the largest cell source (10 m³/s / ny fans per cell, or the
    // 1.5 m³/s rack).
    const largest = Math.max(1.5, 10 / ny)
    expect(maxImbalance(c, f)).toBeLessThanOrEqual(1e-5 * largest * 1.0001)
    const intake = f.intake.reduce((s, v) => s + v, 0)
    expect(intake).toBeCloseTo(10, 3)
  })

  it('needs few iterations and about as many on a grid four times finer', () => {
    const coarse = ventilated(60, 40)
    const fine = ventilated(240, 160)
    const a = solveFlow(coarse.g, coarse.cellG, coarse.dirichlet, coarse.source, 500)
    const b = solveFlow(fine.g, fine.cellG, fine.dirichlet, fine.source, 500)
    expect(a.iterations).toBeLessThan(20)
    expect(b.iterations).toBeLessThan(a.iterations + 6)
  })

  it('a closed hall pinned at one cell: racks circulate air, nothing goes out', () => {
    const g = grid(33, 21)
    const cellG = new Float64Array(g.n).fill(1)
    const dirichlet = new Float64Array(g.n)
    dirichlet[10 * 33 + 16] = 1
    const source = new Float64Array(g.n)
    source[5 * 33 + 5] = -2
    source[15 * 33 + 25] = 2
    const c = { g, cellG, dirichlet, source }
    const f = solveFlow(g, cellG, dirichlet, source, 500)
    expect(f.converged).toBe(true)
    expect(maxImbalance(c, f)).toBeLessThanOrEqual(2e-5 * 1.0001)
    expect(Math.abs(f.intake[10 * 33 + 16]!)).toBeLessThan(1e-4)
  })
})
