// Rear-door heat exchangers in the 3-D model (coils.ts, with the plant's rule cooling/rearDoor.ts):
// the coil's duty by hand, the rack outlet it gives in a hall (capacity-limited: lowered by
// f·P/(ρ·cp·V̇); water-limited: the air leaves at the water temperature), the same duty the plant
// model books, and the energy balance with the water's heat.
import { describe, expect, it } from 'vitest'
import { solveAirflow3d } from '../../../src/solver/thermal3d'
import { coilDutyW } from '../../../src/solver/thermal3d/coils'
import { AIR_CP_J_PER_KG_K } from '../../../src/solver/constants'
import { catalog, smallHallScene, SMALL_RUN } from './smallHall'

describe('coil duty', () => {
  const coil = { capacityW: 50_000, waterC: 20 }
  const rhoCp = 1.2 * 1005 // J/(m³·K)
  it('min(capacity, P, P + ρ·cp·V̇·(T_in − T_water)), never negative', () => {
    // Air above the water: the rated duty or the rack's heat, whichever is less.
    expect(coilDutyW(coil, 40_000, 25, 1.5, rhoCp)).toBe(40_000)
    expect(coilDutyW(coil, 60_000, 25, 1.5, rhoCp)).toBe(50_000)
    // Air 4 K below the water: 40 000 + 1206 · 1.5 · (16 − 20) = 40 000 − 7 236 = 32 764 W; the air
    // then leaves at 16 + (40 000 − 32 764)/(1206 · 1.5) = 16 + 4 = 20 °C, the water's temperature.
    expect(coilDutyW(coil, 40_000, 16, 1.5, rhoCp)).toBeCloseTo(32_764, 6)
    // Air so cold the rack cannot lift it to the water: 4 000 + 603 · (10 − 20) = −2 030 W → nothing.
    expect(coilDutyW(coil, 4_000, 10, 0.5, rhoCp)).toBe(0)
  })
})

describe('rear doors in a hall', () => {
  // Two rows of four racks, 40.8 kW each (4 × DGX H100 at 10.2 kW), with no doors, with doors
  // that take f = 20/40.8 of the heat (capacity-limited: water 15 °C), and with doors whose warm
  // water limits them (80 kW, water 35 °C: the air cannot leave colder than 35 °C).
  const P = 4 * 10_200
  const FANS_M3S = 4 * catalog.devices.get('dgx-h100')!.airflowM3s
  const open = solveAirflow3d(smallHallScene({ aisle: 'hot' }), 'small', catalog, SMALL_RUN).halls[0]!
  const capped = solveAirflow3d(smallHallScene({ aisle: 'hot', rearDoor: { capacityKW: 20, waterSupplyC: 15 } }), 'small', catalog, SMALL_RUN).halls[0]!
  const warm = solveAirflow3d(smallHallScene({ aisle: 'hot', rearDoor: { capacityKW: 80, waterSupplyC: 35 } }), 'small', catalog, SMALL_RUN).halls[0]!
  const rise = (h: typeof open, row: string, m: number) => h.rackOutletC[row]![m]! - h.rackInletC[row]![m]!

  it('a coil that takes f·P lowers the outlet by f·P/(ρ·cp·V̇) against the same rack without one', () => {
    const f = 20_000 / P
    for (const row of ['A', 'B']) {
      for (let m = 0; m < 4; m++) {
        const q = capped.rackAirflowM3s[row]![m]!
        const rhoCp = capped.densityKgM3 * AIR_CP_J_PER_KG_K
        // Without a door the rise is P/(ρ·cp·V̇) ≈ 40 800/(1.15·1005·1.69) ≈ 21 K, V̇ the air through
        // the rack — or its fans' flow where the rack's leak runs backwards (V̇ below the fans':
        // the devices re-breathe what comes back, hallAirflow.ts).
        const v = (h: typeof open) => Math.max(h.rackAirflowM3s[row]![m]!, FANS_M3S)
        expect(rise(open, row, m)).toBeCloseTo(P / (rhoCp * v(open)), 3)
        expect(rise(open, row, m) - rise(capped, row, m)).toBeCloseTo(P / (rhoCp * v(open)) - ((1 - f) * P) / (rhoCp * v(capped)), 3)
        expect(q).toBeGreaterThan(0)
        expect(capped.rackCoilKW[row]![m]!).toBeCloseTo(20, 6)
      }
    }
  })

  it('a coil on warm water lets the air leave at the water temperature and takes P + ρ·cp·V̇·(T_in − T_water)', () => {
    const rhoCp = warm.densityKgM3 * AIR_CP_J_PER_KG_K
    let limited = 0
    for (const row of ['A', 'B']) {
      for (let m = 0; m < 4; m++) {
        const q = warm.rackAirflowM3s[row]![m]!
        // The coil sees the air in front of the rack at the rack's net flow q; where q is below
        // the fans' flow (the leak runs backwards) the reported inlet adds what the devices
        // re-breathe, T_in = T_front + (1 − q/Q_fans)·(T_out − T_front): undo that here.
        const r = Math.min(1, q / FANS_M3S)
        const inlet = (warm.rackInletC[row]![m]! - (1 - r) * warm.rackOutletC[row]![m]!) / r
        if (inlet >= 35 || inlet + P / (rhoCp * q) <= 35) continue
        limited++
        expect(warm.rackOutletC[row]![m]!).toBeCloseTo(35, 2)
        expect(warm.rackCoilKW[row]![m]!).toBeCloseTo((P + rhoCp * q * (inlet - 35)) / 1000, 2)
        expect(warm.rackCoilKW[row]![m]!).toBeLessThan(P / 1000)
      }
    }
    expect(limited).toBeGreaterThan(0)
  })

  it('energy balance: heat in = heat out with the air + heat into the water, within 0.5 %', () => {
    for (const h of [open, capped, warm]) {
      expect(h.heatInKW).toBeCloseTo((8 * P) / 1000, 6)
      expect(Math.abs(h.balanceErrorPct)).toBeLessThan(0.5)
      const perRack = Object.values(h.rackCoilKW).flat()
      expect(h.coilKW).toBeCloseTo(perRack.reduce((s, x) => s + x, 0), 6)
    }
    expect(open.coilKW).toBe(0)
    expect(capped.coilKW).toBeCloseTo(8 * 20, 6)
    // Air out = heat in − water: the hall air carries only what the doors leave in it.
    expect(capped.heatOutKW - capped.coilKW).toBeCloseTo((8 * P) / 1000 - 160, 0)
  })
})
