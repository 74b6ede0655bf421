// The thermal field of the example hall: energy balance, believable shape, worker-ready output.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { builtInCatalog } from '../../../src/model/catalog'
import { parseSceneText } from '../../../src/model/parse'
import { solveThermalField, type ThermalField } from '../../../src/solver/thermal'

const catalog = builtInCatalog()
const parsed = parseSceneText(readFileSync('scenes/siberia-20mw.json', 'utf8'), catalog)
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues))
const scene = parsed.scene

const hallOf = (variantId: string): ThermalField => solveThermalField(scene, variantId, catalog, { grid: 'fine' }).halls[0]!

/** Mean of the cells of grid row j between x0 and x1 (hall metres). */
function bandMeanC(f: ThermalField, y: number, x0: number, x1: number): number {
  const j = Math.floor(y / f.cellYM)
  let s = 0
  let n = 0
  for (let i = Math.floor(x0 / f.cellXM); i < Math.floor(x1 / f.cellXM); i++) {
    s += f.tempC[j * f.nx + i]!
    n++
  }
  return s / n
}

describe.each(['asic-baseline', 'gpu-h100-air', 'gpu-gb200-liquid'])('thermal field of %s', (variantId) => {
  const f = hallOf(variantId)

  it('covers the 72 × 48 m hall with at least 200 × 100 cells', () => {
    expect(f.nx).toBeGreaterThanOrEqual(200)
    expect(f.ny).toBeGreaterThanOrEqual(100)
    expect(f.tempC.length).toBe(f.nx * f.ny)
  })

  it('heat out of the exhausts = heat in from the racks within 0.5 %', () => {
    expect(f.converged).toBe(true)
    expect(f.saturated).toBe(false)
    expect(Math.abs(f.heatOutKW - f.heatInKW) / f.heatInKW).toBeLessThan(0.005)
  })

  it('no air colder than the intake; every rack heats its air', () => {
    expect(f.minC).toBeGreaterThanOrEqual(f.intakeC - 1e-3)
    for (const [rowId, inlets] of Object.entries(f.rackInletC)) {
      const outlets = f.rackOutletC[rowId]!
      inlets.forEach((t, i) => expect(outlets[i]!).toBeGreaterThan(t))
    }
  })
})

describe('the example hall looks like a wall-to-wall mining hall', () => {
  const base = hallOf('asic-baseline')
  const gpu = hallOf('gpu-h100-air')

  it('behind a row (its hot side) is hotter than in front of it (its cold side)', () => {
    // Row 1.6 stands at y 23.7 → 24.3 from x 9 to 63: front aisle at y 23.4, back at y 24.6.
    // The plan model mixes each rack's exhaust into the whole 8 m air column, so the contrast is
    // a few kelvin, not the 16 K rise across a miner.
    expect(bandMeanC(base, 24.6, 15, 57)).toBeGreaterThan(bandMeanC(base, 23.4, 15, 57) + 1)
  })

  it('cool at the intake wall, warm at the exhaust wall', () => {
    expect(bandMeanC(base, 0.5, 10, 60)).toBeLessThan(base.intakeC + 0.5)
    expect(bandMeanC(base, 47.5, 10, 60)).toBeGreaterThan(base.intakeC + 8)
  })

  it('the first row breathes intake air, later rows warmer air', () => {
    const first = Math.max(...base.rackInletC['row-1.1']!)
    const last = Math.max(...base.rackInletC['row-1.11']!)
    expect(first).toBeCloseTo(base.intakeC, 0)
    expect(last).toBeGreaterThan(first + 5)
  })

  it('the H100 hall runs hotter than the mining hall', () => {
    expect(gpu.maxC).toBeGreaterThan(base.maxC + 5)
  })

  it('hot spots are in the hall and sorted hottest first', () => {
    expect(base.hotSpots.length).toBeGreaterThan(0)
    for (const s of base.hotSpots) {
      expect(s.x).toBeGreaterThanOrEqual(0)
      expect(s.x).toBeLessThanOrEqual(72)
      expect(s.y).toBeGreaterThanOrEqual(0)
      expect(s.y).toBeLessThanOrEqual(48)
    }
    expect(base.hotSpots[0]!.tempC).toBeCloseTo(base.maxC, 3)
  })
})
