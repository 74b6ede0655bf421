// Air handlers (CRAH) in a closed room: hand arithmetic on one CRAH and two racks facing it.
import { describe, expect, it } from 'vitest'
import { resolveParams } from '../../../src/model/params'
import type { Scene } from '../../../src/model/sceneSchema'
import { variantLoads } from '../../../src/solver/loads'
import { hallRackInlets, type FieldAir } from '../../../src/solver/thermal'
import { fixtureCatalog } from '../fixtures/catalog'

/**
 * A closed 8 × 6 m room, 2 m high: one fixture CRAH (10 m³/s, 2.5 × 0.9 × 2 m) along the south
 * wall blowing north, and a row of two fixture racks (0.6 × 1.2 × 2 m, five 10.2 kW, 0.42 m³/s
 * devices each) 1.5 m in front of it, their fronts facing it (a cold aisle); their exhaust returns
 * round the row and the CRAH to its back. Racks and CRAH stand the room's full height.
 */
function tinyRoom(): Scene {
  return {
    version: 1,
    name: 'tiny room',
    site: { name: 'tiny room', climateId: 'flat20', grid: { capacityMVA: 10, voltageKV: 10, minPowerFactor: 0.9 } },
    variants: [
      {
        id: 'v',
        name: 'V',
        halls: [
          {
            id: 'room',
            name: 'Room',
            origin: { x: 0, y: 0 },
            lengthM: 8,
            widthM: 6,
            heightM: 2,
            airScheme: 'room',
            // 0°: racks along +x from x = 3.4 (3.4–4.6), y 3.5–4.7, fronts facing −y (south).
            rows: [{ id: 'row', position: { x: 3.4, y: 3.5 }, rotationDeg: 0, enclosureId: 'rack', rackCount: 2, deviceId: 'gpu-air', devicesPerRack: 5, feed: 'LV' }],
            // 180°: the CRAH runs along −x from x = 5.25 (2.75–5.25), y 1.1–2.0, its front facing +y.
            cooling: [{ id: 'crah', modelId: 'crah', count: 1, position: { x: 5.25, y: 2 }, rotationDeg: 180, feed: 'LV' }],
          },
        ],
        power: [
          { id: 'GRID', kind: 'grid', parent: null },
          { id: 'T1', kind: 'transformer', parent: 'GRID', modelId: 'tr1600' },
          { id: 'LV', kind: 'board', parent: 'T1' },
        ],
      },
    ],
  }
}

describe('one CRAH and two racks facing it in a closed room', () => {
  // Supply 20 °C, outside air 20 °C (the envelope leak), ρ 1.2 kg/m³, cp 1005 J/(kg·K): ρ·cp = 1206 J/(m³·K).
  //   heat in            2 racks × 5 × 10 200 W = 102 000 W
  //   rack rise          10 200 × 5 / (1206 × 5 × 0.42) = 51 000 / 2532.6 = 20.137 K
  //   CRAH return        supply + P/(ρ·cp·Q_crah) = 20 + 102 000 / (1206 × 10) = 20 + 8.458 = 28.458 °C
  //     (the mean of the air it takes in; the envelope leak, 0.5 ACH × 96 m³ / 3600 = 0.0133 m³/s, is
  //     1/750 of the CRAH's flow and takes its share at the same air: 0.13 % of the heat)
  //   fully mixed room   every cell at the return air, 28.458 °C: the warmest a rack can breathe unless
  //     its own exhaust comes back to its front before the CRAH takes it.
  // The CRAH's 10.2 kW/K (1206 × 10 / 1000 = 12.06 kW/K) carries 102 kW at 8.5 K: far inside its reach.
  const scene = tinyRoom()
  const variant = scene.variants[0]!
  const params = resolveParams(scene.params, variant.params)
  const air: FieldAir = { intakeC: 20, supplyC: 20, densityKgM3: 1.2 }
  const f = hallRackInlets(variant.halls[0]!, variantLoads(variant, fixtureCatalog, params).rows, air, fixtureCatalog, params)
  const riseK = 51_000 / (1206 * 5 * 0.42)
  const mixedC = 20 + 102_000 / (1206 * 10)

  it('the hand arithmetic', () => {
    expect(riseK).toBeCloseTo(20.137, 3)
    expect(mixedC).toBeCloseTo(28.458, 3)
  })

  it('heat out = heat in within 0.5 %, converged, nowhere at the clamp', () => {
    expect(f.heatInKW).toBeCloseTo(102, 9)
    expect(f.saturated).toBe(false)
    expect(f.converged).toBe(true)
    expect(Math.abs(f.balanceErrorPct)).toBeLessThan(0.5)
  })

  it('the racks breathe air between the supply and the fully mixed room, and heat it by P/(ρ·cp·Q_rack)', () => {
    const inlets = f.rackInletC.row!
    expect(inlets).toHaveLength(2)
    inlets.forEach((t, i) => {
      expect(t).toBeGreaterThanOrEqual(20)
      expect(t).toBeLessThan(mixedC)
      expect(f.rackOutletC.row![i]! - t).toBeCloseTo(riseK, 6)
    })
  })
})
