// Air handlers (CRAH) in a closed room: hand arithmetic on one CRAH and two racks facing it
// (handlerRoomScene).
import { describe, expect, it } from 'vitest'
import { resolveParams } from '../../../src/model/params'
import { variantLoads } from '../../../src/solver/loads'
import { hallRackInlets, type FieldAir } from '../../../src/solver/thermal'
import { fixtureCatalog } from '../fixtures/catalog'
import { handlerRoomScene } from '../fixtures/thermalScenes'

describe('one CRAH and two racks facing it in a closed room', () => {
  // Supply 20 °C, outside air 20 °C (the envelope leak), ρ 1.2 kg/m³, cp 1005 J/(kg·K): ρ·cp = 1206 J/(m³·K).
  //   heat in            2 racks × 5 × 10 200 W = 102 000 W
  //   rack rise          10 200 × 5 / (1206 × 5 × 0.42) = 51 000 / 2532.6 = 20.137 K
  //   CRAH return        supply + P/(ρ·cp·Q_crah) = 20 + 102 000 / (1206 × 10) = 20 + 8.458 = 28.458 °C
  //     (the mean of the air it takes in; the envelope leak, 0.5 ACH × 96 m³ / 3600 = 0.0133 m³/s, is
  //     1/750 of the CRAH's flow: at air near the return it takes about 0.13 % of the heat)
  //   fully mixed room   every cell at the return air, 28.458 °C: the warmest a rack can breathe unless
  //     its own exhaust comes back to its front before the CRAH takes it.
  // The CRAH's 12.06 kW/K (1206 × 10 / 1000) carries the 102 kW at 8.46 K: well inside its reach.
  const scene = handlerRoomScene()
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
