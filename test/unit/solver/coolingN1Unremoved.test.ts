// Cooling N-1: heat a lost unit leaves unremoved must be judged, and a row already over its limit
// must stay in the count (at 0 min). Before: the liquid side only counted rows whose device states
// a coolant limit, so what rear doors lose when a chiller goes was not counted anywhere; and a row
// over its inlet limit before the loss was left out, so more load could read better (2 rows in
// 2.2 min at 765 racks against 3 rows in 0.0 min at 764). Rear doors' shortfall is air heat: a door
// on warmer water takes less and the rest leaves with the racks' exhaust into the hall (its devices
// breathe air and state no coolant limit), so the air side judges it.
import { describe, expect, it } from 'vitest'
import { solveVariant } from '../../../src/solver'
import { makeCatalog } from '../../../src/model/catalog'
import type { CoolingPlacement, Scene } from '../../../src/model/sceneSchema'
import { FIXTURE_DATA } from '../fixtures/catalog'
import { fans, oneRowScene } from '../fixtures/scenes'
import { NO_YEAR } from './noYear'

const src = [{ title: 'test fixture', confidence: 'approx' as const }]
const hot32 = { ...FIXTURE_DATA.climates[0]!, id: 'hot32', name: 'Hot 32', designSummerDryBulbC: 32, designSummerWetBulbC: 22 }
const catalog = makeCatalog({
  ...FIXTURE_DATA,
  climates: [...FIXTURE_DATA.climates, hot32],
  coolingUnits: [
    ...FIXTURE_DATA.coolingUnits,
    { id: 'chiller60', kind: 'chiller', name: 'Chiller 60 kW', coolingKW: 60, powerKW: 20, powerFactor: 0.9, size: { widthM: 2, depthM: 1, heightM: 2 }, sources: src },
    { id: 'chiller300', kind: 'chiller', name: 'Chiller 300 kW', coolingKW: 300, powerKW: 100, powerFactor: 0.9, size: { widthM: 2, depthM: 1, heightM: 2 }, sources: src },
  ],
})
const at = (id: string, modelId: string, count: number, x: number): CoolingPlacement => ({ id, modelId, count, position: { x, y: 5 }, rotationDeg: 90, feed: 'LV' })

describe('cooling N-1 counts the heat it leaves', () => {
  it('losing 1 of 2 chillers behind rear doors leaves 42 kW in the hall air, which the fans carry: no row over', () => {
    // 10 racks × 1 Test DGX 10.2 kW = 102 kW, all into 50 kW doors on 20 °C water (gpu-air states
    // no coolant limit of its own). Two 1000 kW CDUs (one carries it); no dry cooler: the chillers take it all.
    // Intact: 2 × 60 = 120 kW ≥ 102 → the loop holds 20 °C. One lost: 102 − 60 = 42 kW the doors
    // cannot hand to the water; it stays in the air they return. The 20 fans carry ≈ 20 × 141 kW at
    // the design ΔT (8.5 m³/s each, ρ ≈ 1.1 kg/m³, 15 K) against 0 + 42 kW of air heat: nothing
    // is left unremoved, no inlet rises, the case passes and the check says what the doors spill.
    const scene: Scene = oneRowScene({ deviceId: 'gpu-air', enclosureId: 'rack', devicesPerRack: 1, rackCount: 10, airScheme: 'rear-door', cooling: [fans(20), at('cdus', 'cdu', 2, 50), at('chillers', 'chiller60', 2, 40)] })
    scene.variants[0]!.requiredTier = 'N+1'
    scene.variants[0]!.halls[0]!.rows[0]!.rearDoor = { capacityKW: 50, waterSupplyC: 20 }
    const r = solveVariant(scene, 'v', catalog, NO_YEAR)
    expect(r.halls[0]!.coolantSupplyC).toBeCloseTo(20, 9)
    const lost = r.halls[0]!.coolingContingencies.find((c) => c.lost === '1 of chillers')!
    expect(lost.doorSpillKW).toBeCloseTo(42, 6)
    expect(lost.excessLiquidKW).toBeCloseTo(0, 6)
    expect(lost.excessAirKW).toBe(0)
    expect(lost.rowsOverLimit).toEqual([])
    const check = r.checks.find((c) => c.kind === 'cooling.n1')!
    expect(check.status).toBe('ok')
    expect(check.note).toContain('the rear doors leave 42 kW in the air, which the fans carry out')
  })

  it('the same loss with one fan for 58 racks: the doors spill more than it carries, the inlets warm and the case fails', () => {
    // 58 racks × 10.2 kW = 591.6 kW into the doors; two 300 kW chillers hold 20 °C intact (600 ≥
    // 591.6). Lose one: 591.6 − 300 = 291.6 kW the doors hand back to the air. One fan (8.5 m³/s) carries C = the hall's air
    // capacity; what it cannot, 291.6 − C, is air heat not removed, and it warms every inlet by
    // 15 K × (291.6 − C)/C (plant/evaluate.ts airInletRiseK) — over the DGX's 30 °C here.
    const scene: Scene = oneRowScene({ deviceId: 'gpu-air', enclosureId: 'rack', devicesPerRack: 1, rackCount: 58, airScheme: 'rear-door', cooling: [fans(1), at('cdus', 'cdu', 2, 50), at('chillers', 'chiller300', 2, 40)] })
    scene.variants[0]!.requiredTier = 'N+1'
    scene.variants[0]!.halls[0]!.rows[0]!.rearDoor = { capacityKW: 50, waterSupplyC: 20 }
    const r = solveVariant(scene, 'v', catalog, NO_YEAR)
    const hall = r.halls[0]!
    expect(hall.coolantSupplyC).toBeCloseTo(20, 9) // intact: the chillers hold the doors' water
    const lost = hall.coolingContingencies.find((c) => c.lost === '1 of chillers')!
    expect(lost.doorSpillKW).toBeCloseTo(58 * 10.2 - 300, 6)
    expect(lost.excessAirKW).toBeCloseTo(58 * 10.2 - 300 - hall.airCapacityKW, 6)
    expect(lost.excessLiquidKW).toBeCloseTo(0, 6)
    expect(15 * (lost.excessAirKW / hall.airCapacityKW)).toBeGreaterThan(30 - hall.supplyAirC) // the rise passes the limit
    expect(lost.rowsOverLimit).toEqual(['row'])
    expect(r.checks.find((c) => c.kind === 'cooling.n1')!.status).toBe('fail')
  })

  it('a row already over its inlet limit stays in the count, at 0 min, when losing a fan bank adds heat', () => {
    // 40 racks × 4 Test DGX × 10.2 kW = 1632 kW to air, outside air at 32 °C > the DGX's 30 °C
    // allowable: the row is over its limit before any loss. Two banks of 10 fans, each moving
    // 10 × 10 × 0.85 = 85 m³/s of exhaust air at 32 + 15 = 47 °C, ρ = 101 325/(287.05 × 320.15) =
    // 1.10256 kg/m³: 85 × 1.10256 × 1.005 × 15 = 1412.8 kW a bank. Lose one: 1632 − 1412.8 =
    // 219.2 kW unremoved, the row's inlet warms further.
    const bank2 = { ...fans(10), id: 'fans-2', elevationM: 2 }
    const scene = oneRowScene({ climateId: 'hot32', deviceId: 'gpu-air', enclosureId: 'rack', devicesPerRack: 4, rackCount: 40, transformerId: 'tr2500', cooling: [fans(10), bank2] })
    const r = solveVariant(scene, 'v', catalog, NO_YEAR)
    expect(r.halls[0]!.supplyAirC).toBe(32)
    const lost = r.halls[0]!.coolingContingencies.find((c) => c.lost === 'fans')!
    expect(lost.excessAirKW).toBeCloseTo(1632 - 85 * (101_325 / (287.05 * 320.15)) * 1.005 * 15, 1)
    expect(lost.rowsOverLimit).toEqual(['row'])
    expect(lost.minutesToLimit).toBe(0)
    const check = r.checks.find((c) => c.kind === 'cooling.n1')!
    expect(check.status).toBe('warn') // tier N: no cooling redundancy required
    expect(check.value).toBe(0)
  })
})
