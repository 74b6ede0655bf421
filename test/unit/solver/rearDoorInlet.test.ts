// A rack behind a rear door still breathes hall air: its inlet is judged against its device's
// limits from the same airflow field as any other row (cooling/inlet.ts), although the door leaves
// no heat in the room. Before, rows were picked by the heat they leave in the air (heatAirKW > 0)
// and a rear-door hall had no inlet check at all.
import { describe, expect, it } from 'vitest'
import { solveVariant } from '../../../src/solver'
import type { Scene } from '../../../src/model/sceneSchema'
import { fixtureCatalog } from '../fixtures/catalog'
import { fans, oneRowScene } from '../fixtures/scenes'

/** 10 racks of one Test DGX (10.2 kW, A2: allowable 30 °C, recommended 27 °C) behind 50 kW doors. */
function rearDoorScene(climateId: string): Scene {
  const scene = oneRowScene({ deviceId: 'gpu-air', enclosureId: 'rack', devicesPerRack: 1, rackCount: 10, climateId, airScheme: 'rear-door', cooling: [fans(20)] })
  scene.variants[0]!.halls[0]!.rows[0]!.rearDoor = { capacityKW: 50, waterSupplyC: 20 }
  return scene
}

describe('rear-door rows get inlet checks', () => {
  it('judges the hottest inlet of a rear-door row: the door takes min(50, 10.2) = 10.2 kW a rack, 0 kW left in the air, yet the rack breathes hall air', () => {
    for (const climateId of ['flat20', 'irkutsk-like']) {
      const r = solveVariant(rearDoorScene(climateId), 'v', fixtureCatalog)
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
