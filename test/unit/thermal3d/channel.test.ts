// The 3-D model against hand arithmetic (the 2-D field's channel case, test/unit/thermal/
// channel.test.ts): a 60 × 2 × 6 m hall, one shelf of 20 fixture miners across it, outside air in
// through a pad at the west wall, one fan out at the east wall. The shelf breathes outside air;
// the air leaving through the fan is at the mixed temperature T_in + P/(ṁ·cp).
import { describe, expect, it } from 'vitest'
import { solveAirflow3d } from '../../../src/solver/thermal3d'
import { fixtureCatalog } from '../fixtures/catalog'
import { channelScene } from '../fixtures/thermalScenes'

describe('3-D channel against the analytic mixed temperature', () => {
  // ρ = 101 325 / (287.05 × 293.15) = 1.20412 kg/m³; fan 10 m³/s × derate 0.85 = 8.5 m³/s;
  // P = 20 × 3500 W = 70 kW → ΔT = 70 000 / (1.20412 × 8.5 × 1005) = 6.805 K.
  const rho = 101_325 / (287.05 * 293.15)
  const tOut = 20 + 70_000 / (rho * 8.5 * 1005)
  const hall = solveAirflow3d(channelScene(), 'v', fixtureCatalog, { grid: 'preview', cellM: 1, layerM: 1, maxSteps: 20 }).halls[0]!

  it('the shelf breathes outside air; heat balances; the air leaves at T_in + P/(ṁ·cp)', () => {
    expect(tOut).toBeCloseTo(26.805, 3)
    expect(hall.rackInletC['row']![0]!).toBeCloseTo(20, 1)
    expect(hall.heatInKW).toBeCloseTo(70, 6)
    expect(Math.abs(hall.balanceErrorPct)).toBeLessThan(0.5)
    // Return = flow-weighted air leaving through the fan (the pad only lets air in here).
    expect(Math.abs(hall.metrics.returnC - tOut) / (tOut - 20)).toBeLessThan(0.01)
    // Fixture miners 0.18 m³/s each: the shelf's own 3.6 m³/s plus what leaks through it.
    expect(hall.rackAirflowM3s['row']![0]!).toBeGreaterThanOrEqual(3.6 - 1e-9)
  })
})

describe('3-D closed room cooled by an air handler', () => {
  // The channel with no pad and no fan, a CRAH (10 m³/s, supply at the setpoint) at the east end
  // blowing west: the heat leaves only through its coil — RTI and the balance still close.
  const scene = channelScene()
  const h = scene.variants[0]!.halls[0]!
  h.cooling = [{ id: 'crah', modelId: 'crah', count: 1, position: { x: 58, y: 2 }, rotationDeg: 270, feed: 'LV' }]
  const hall = solveAirflow3d(scene, 'v', fixtureCatalog, { grid: 'preview', cellM: 1, layerM: 1, maxSteps: 20 }).halls[0]!

  it('removes the shelf heat through the coil: balance within 0.5 %, finite fields', () => {
    // 70 kW in from the shelf; out: only what the coil takes, ρ·cp·Q·(T_return − T_supply).
    expect(hall.heatInKW).toBeCloseTo(70, 6)
    expect(Math.abs(hall.balanceErrorPct)).toBeLessThan(0.5)
    for (const t of hall.tempC) expect(Number.isFinite(t)).toBe(true)
    expect(hall.metrics.supplyC).toBeCloseTo(hall.supplyC, 6)
    expect(hall.rackInletC['row']![0]!).toBeGreaterThan(hall.supplyC - 0.05)
  })
})
