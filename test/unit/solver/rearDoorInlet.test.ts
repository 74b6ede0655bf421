// A rack behind a rear door still breathes hall air: its inlet is judged against its device's
// limits from the same airflow field as any other row (cooling/inlet.ts), although the door leaves
// no heat in the room. Before, rows were picked by the heat they leave in the air (heatAirKW > 0)
// and a rear-door hall had no inlet check at all.
import { describe, expect, it } from 'vitest'
import { solveVariant } from '../../../src/solver'
import type { Scene } from '../../../src/model/sceneSchema'
import { fixtureCatalog } from '../fixtures/catalog'
import { fans, oneRowScene } from '../fixtures/scenes'
import { NO_YEAR } from './noYear'

/** 10 racks of one Test DGX (10.2 kW, A2: allowable 30 °C, recommended 27 °C) behind 50 kW doors. */
function rearDoorScene(climateId: string): Scene {
  const scene = oneRowScene({ deviceId: 'gpu-air', enclosureId: 'rack', devicesPerRack: 1, rackCount: 10, climateId, airScheme: 'rear-door', cooling: [fans(20)] })
  scene.variants[0]!.halls[0]!.rows[0]!.rearDoor = { capacityKW: 50, waterSupplyC: 20 }
  return scene
}

describe('rear-door rows get inlet checks', () => {
  it('judges the hottest inlet of a rear-door row: the door takes min(50, 10.2) = 10.2 kW a rack, 0 kW left in the air, yet the rack breathes hall air', () => {
    for (const climateId of ['flat20', 'irkutsk-like']) {
      const r = solveVariant(rearDoorScene(climateId), 'v', fixtureCatalog, NO_YEAR)
      // 10 × 10.2 kW = 102 kW, all of it into the doors' water.
      expect(r.totals.heatAirKW).toBeCloseTo(0, 9)
      expect(r.totals.heatLiquidKW).toBeCloseTo(102, 9)
      const check = r.checks.find((c) => c.id === 'inlet.design-day:row')
      expect(check).toBeDefined()
      const row = r.rows.find((x) => x.id === 'row')!
      // One figure: the row's hottest rack inlet of the 2-D field, never below the supply air
      // (no pads: flat20 20 °C, irkutsk-like 27 °C design dry bulb).
      expect(row.rackInletC).toHaveLength(10)
      expect(check!.value).toBe(Math.max(...row.rackInletC))
      expect(check!.value!).toBeGreaterThanOrEqual(r.halls[0]!.supplyAirC - 1e-9)
      expect(check!.limit).toBe(30)
      const v = check!.value!
      expect(check!.status).toBe(v > 30 ? 'fail' : v > 27 ? 'warn' : 'ok')
    }
  })

  it('the typical year judges the rear-door hall\'s inlet too, against the device\'s allowable 30 °C', () => {
    const r = solveVariant(rearDoorScene('irkutsk-like'), 'v', fixtureCatalog)
    const year = r.checks.find((c) => c.kind === 'year.inlet')
    expect(year).toBeDefined()
    expect(year!.note).toContain('allowable 30 °C')
  })
})

describe('rear doors set the coolant limit they are rated for', () => {
  // The doors of rearDoorScene on a liquid loop: one 1,000 kW CDU and one dry cooler rated 1,000 kW
  // at 55 → 45 °C fluid in 35 °C air, K = 1000/(55 − 35) = 50 kW/K, no chiller. flat20: 20 °C
  // every hour. The doors take all 10 × 10.2 = 102 kW; the loop settles where
  // 50 × (T_return − 20) = 102: T_return = 22.04 °C, supply 22.04 − 10 = 12.04 °C.
  // The device (air-cooled) states no coolant limit of its own: the doors' rated water is the only one.
  function onLoop(waterSupplyC: number): Scene {
    const scene = rearDoorScene('flat20')
    const hall = scene.variants[0]!.halls[0]!
    hall.rows[0]!.rearDoor = { capacityKW: 50, waterSupplyC }
    hall.cooling.push(
      { id: 'cdus', modelId: 'cdu', count: 1, position: { x: 50, y: 5 }, rotationDeg: 90, feed: 'LV' },
      { id: 'dry', modelId: 'dry', count: 1, position: { x: 70, y: 0 }, rotationDeg: 90, outdoor: true, feed: 'LV' },
    )
    return scene
  }

  it('fails the design-day coolant supply above the doors\' 10 °C water, and the year counts the same limit', () => {
    const r = solveVariant(onLoop(10), 'v', fixtureCatalog)
    // floor min(setpoint 32, limit 10) = 10 °C; free supply 12.04 °C > 10 and no chiller to trim: over.
    const supply = r.checks.find((c) => c.id === 'liquid.supply:hall')
    expect(supply).toBeDefined()
    expect(supply!.value).toBeCloseTo(20 + 102 / 50 - 10, 9)
    expect(supply!.limit).toBe(10)
    expect(supply!.status).toBe('fail')
    expect(supply!.note).toContain('rear doors of')
    expect(supply!.note).toContain('10 °C water')
    // The year judges the same limit, and at 20 °C every hour it is over it every hour.
    expect(r.year!.halls[0]!.coolantMaxC).toBe(supply!.limit)
    const year = r.checks.find((c) => c.kind === 'year.coolant')!
    expect(year.value).toBe(8760)
    expect(year.status).toBe('fail')
    expect(year.note).toBe(supply!.note)
  })

  it('holds the doors\' 16 °C water: the loop runs at that floor (12.04 °C would be colder), ok', () => {
    const r = solveVariant(onLoop(16), 'v', fixtureCatalog)
    const supply = r.checks.find((c) => c.id === 'liquid.supply:hall')!
    expect(supply.value).toBe(16)
    expect(supply.limit).toBe(16)
    expect(supply.status).toBe('ok')
    expect(r.checks.find((c) => c.kind === 'year.coolant')!.value).toBe(0)
  })
})

