// hallRackInlets, the field the design checks read: hand arithmetic on one shelf in a channel,
// the air it is given taken as given, the energy balance of every example variant on the check
// grid, and one code with the app's solveThermalField.
import { readFileSync } from 'node:fs'
import { isDeepStrictEqual } from 'node:util'
import { describe, expect, it } from 'vitest'
import { builtInCatalog, type Catalog } from '../../../src/model/catalog'
import { resolveParams } from '../../../src/model/params'
import { parseSceneText } from '../../../src/model/parse'
import type { Scene } from '../../../src/model/sceneSchema'
import { variantLoads } from '../../../src/solver/loads'
import { CHECK_CELL_M, checkCellM, climateFieldAir, hallRackInlets, solveThermalField, type FieldAir, type HallThermal } from '../../../src/solver/thermal'
import { fixtureCatalog } from '../fixtures/catalog'
import { CHANNEL_WIDTH_M, channelScene } from '../fixtures/thermalScenes'

const catalog = builtInCatalog()

function load(path: string): Scene {
  const parsed = parseSceneText(readFileSync(path, 'utf8'), catalog)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues))
  return parsed.scene
}

/** hallRackInlets on hall `h` of a variant, with the given air (or climate.ts's). */
function fieldOf(scene: Scene, variantId: string, cat: Catalog, air?: FieldAir, h = 0): HallThermal {
  const variant = scene.variants.find((v) => v.id === variantId)!
  const params = resolveParams(scene.params, variant.params)
  const hall = variant.halls[h]!
  const given = air ?? climateFieldAir(hall, cat.climates.get(scene.site.climateId)!, cat, params)
  return hallRackInlets(hall, variantLoads(variant, cat, params).rows, given, cat, params)
}

const columnMeanC = (f: HallThermal, i: number): number => {
  let s = 0
  for (let j = 0; j < f.ny; j++) s += f.tempC[j * f.nx + i]!
  return s / f.ny
}

describe('one shelf in a channel, on the check grid, with the air given', () => {
  // Intake 20 °C, ρ 1.2 kg/m³, cp 1005 J/(kg·K). Shelf: 20 miners × 3500 W = 70 000 W,
  // Q_shelf = 20 × 0.18 = 3.6 m³/s. Fan: 10 m³/s × derate 0.85 = 8.5 m³/s.
  //   rise across the shelf  P/(ρ·cp·Q_shelf) = 70 000 / (1.2 × 1005 × 3.6) = 70 000 / 4341.6 = 16.123 K
  //   mixed air downstream   T_in + P/(ρ·cp·Q_fan) = 20 + 70 000 / (1.2 × 1005 × 8.5) = 20 + 6.829 = 26.829 °C
  const air: FieldAir = { intakeC: 20, supplyC: 22, densityKgM3: 1.2 }
  const f = fieldOf(channelScene(), 'v', fixtureCatalog, air)
  const riseK = 70_000 / (1.2 * 1005 * 3.6)
  const mixedC = 20 + 70_000 / (1.2 * 1005 * 8.5)

  it('the hand arithmetic', () => {
    expect(riseK).toBeCloseTo(16.123, 3)
    expect(mixedC).toBeCloseTo(26.829, 3)
  })

  it('is on the check grid: 0.6 m cells, 100 × 3 over 60 × 2 m', () => {
    expect(f.grid).toBe('check')
    expect(f.cellXM).toBeCloseTo(0.6, 9)
    expect(f.nx).toBe(100)
    expect(f.ny).toBe(Math.round(CHANNEL_WIDTH_M / 0.6))
  })

  it('the shelf breathes intake air and heats it by P/(ρ·cp·Q_shelf)', () => {
    const inlet = f.rackInletC.row![0]!
    // Only eddy diffusion through the porous shelf brings a little of its exhaust back to its front.
    expect(inlet).toBeGreaterThanOrEqual(20)
    expect(inlet).toBeLessThan(20.2)
    expect(f.rackOutletC.row![0]! - inlet).toBeCloseTo(riseK, 6)
  })

  it('mixed air 20 m downstream is at T_in + P/(ρ·cp·Q_fan) within 1 %', () => {
    expect(Math.abs(columnMeanC(f, Math.round(50 / f.cellXM)) - mixedC) / (mixedC - 20)).toBeLessThan(0.01)
  })

  it('heat out = heat in within 0.5 %', () => {
    expect(f.heatInKW).toBeCloseTo(70, 9)
    expect(Math.abs(f.balanceErrorPct)).toBeLessThan(0.5)
    expect(f.converged).toBe(true)
  })
})

describe('the air is an input', () => {
  const scene = load('scenes/siberia-20mw.json')
  const base: FieldAir = { intakeC: 20, supplyC: 22, densityKgM3: 1.2 }
  const f = fieldOf(scene, 'asic-baseline', catalog, base)
  const inlets = (x: HallThermal): number[] => Object.values(x.rackInletC).flat()

  it('5 K warmer intake air: every inlet 5 K warmer (the equations are linear in T)', () => {
    // Exact but for the airflow's mass residual (≤ 1e-5 of the largest cell source): a cell
    // whose air does not quite balance adds residual × T, so the shift is 5 K within ~1e-4 K.
    const warm = fieldOf(scene, 'asic-baseline', catalog, { ...base, intakeC: 25 })
    inlets(warm).forEach((t, i) => expect(t - inlets(f)[i]!).toBeCloseTo(5, 3))
  })

  it('twice the air density: every rise above intake halves (ΔT = P/(ρ·cp·Q))', () => {
    const dense = fieldOf(scene, 'asic-baseline', catalog, { ...base, densityKgM3: 2.4 })
    inlets(dense).forEach((t, i) => expect(t - 20).toBeCloseTo((inlets(f)[i]! - 20) / 2, 3))
  })

  it('echoes the air it was given', () => {
    expect([f.intakeC, f.supplyC, f.densityKgM3]).toEqual([20, 22, 1.2])
  })
})

describe('the check grid', () => {
  const scene = load('scenes/siberia-20mw.json')

  it('is 0.6 m (a mining shelf deep) in the example hall: 120 × 80 cells', () => {
    const hall = scene.variants[0]!.halls[0]!
    expect(checkCellM(hall, catalog)).toBe(CHECK_CELL_M)
    const f = fieldOf(scene, 'asic-baseline', catalog)
    expect([f.nx, f.ny, f.grid]).toEqual([120, 80, 'check'])
  })

  it('follows a shallower enclosure down to it, never below the fine grid', () => {
    const hall = scene.variants[0]!.halls[0]!
    const shallow = (depthM: number): Catalog => {
      const enclosures = new Map(catalog.enclosures)
      const shelf = enclosures.get('mining-shelf-5x4')!
      enclosures.set(shelf.id, { ...shelf, depthM })
      return { ...catalog, enclosures }
    }
    expect(checkCellM(hall, shallow(0.45))).toBe(0.45)
    expect(checkCellM(hall, shallow(0.2))).toBe(0.3)
  })
})

describe.each([
  ['scenes/siberia-20mw.json', 1],
  ['scenes/campus-100mw.json', 5],
])('every variant of %s on the check grid', (path, hallCount) => {
  const scene = load(path)
  it.each(scene.variants.map((v) => v.id))('%s: heat out = heat in within 0.5 per cent in every hall, one record per rack', (variantId) => {
    const variant = scene.variants.find((v) => v.id === variantId)!
    const result = solveThermalField(scene, variantId, catalog, { grid: 'check' })
    expect(result.halls).toHaveLength(hallCount)
    result.halls.forEach((f, h) => {
      expect(f.grid).toBe('check')
      expect(f.converged).toBe(true)
      expect(f.saturated).toBe(false)
      expect(Math.abs(f.balanceErrorPct)).toBeLessThan(0.5)
      const racks = variant.halls[h]!.rows.reduce((s, r) => s + r.rackCount, 0)
      expect(Object.values(f.rackInletC).flat()).toHaveLength(racks)
      expect(Object.values(f.rackOutletC).flat().every(Number.isFinite)).toBe(true)
    })
  })
})

describe('one code for the checks and the app', () => {
  const scene = load('scenes/siberia-20mw.json')
  it("solveThermalField's fine-grid hall is hallRackInlets on the fine grid with climate.ts's air", () => {
    const variant = scene.variants[1]!
    const params = resolveParams(scene.params, variant.params)
    const hall = variant.halls[0]!
    const air = climateFieldAir(hall, catalog.climates.get(scene.site.climateId)!, catalog, params)
    const direct = hallRackInlets(hall, variantLoads(variant, catalog, params).rows, air, catalog, params, { grid: 'fine' })
    const app = solveThermalField(scene, variant.id, catalog, { grid: 'fine' }).halls[0]!
    expect(app.grid).toBe('fine')
    // Node's strict deep equality first (the fine grid's typed arrays compared as bytes, not element
    // by element through toEqual): strictly equal is equal for toEqual too, and only a difference
    // goes to toEqual, which then fails with its diff.
    const [a, b] = [{ ...app, solveMs: 0 }, { ...direct, solveMs: 0 }]
    if (!isDeepStrictEqual(a, b)) expect(a).toEqual(b)
  })
})
