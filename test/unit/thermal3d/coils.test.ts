// Rear-door heat exchangers in the 3-D model (coils.ts): the coil's duty by hand, the rack outlet
// it gives in a hall (capacity-limited: lowered by f·P/(ρ·cp·V̇); effectiveness-limited: the air
// leaves at (1 − ε)·T_hot + ε·T_water), and the energy balance with the water's heat.
import { describe, expect, it } from 'vitest'
import { solveAirflow3d } from '../../../src/solver/thermal3d'
import { coilDutyW } from '../../../src/solver/thermal3d/coils'
import { AIR_CP_J_PER_KG_K } from '../../../src/solver/constants'
import { catalog, smallHallScene, SMALL_RUN } from './smallHall'

describe('coil duty', () => {
  const coil = { capacityW: 50_000, waterC: 20, effectiveness: 0.8 }
  const rhoCp = 1.2 * 1005
  it('ε·ρ·cp·V̇·(T_hot − T_water), at most the capacity, never negative', () => {
    // 0.8 · 1206 · 1.5 · (45 − 20) = 36 180 W.
    expect(coilDutyW(coil, 45, 1.5, rhoCp)).toBeCloseTo(36_180, 6)
    expect(coilDutyW({ ...coil, capacityW: 30_000 }, 45, 1.5, rhoCp)).toBe(30_000)
    expect(coilDutyW(coil, 15, 1.5, rhoCp)).toBe(0)
  })
})

describe('rear doors in a hall', () => {
  // Two rows of four racks, 40.8 kW each (4 × DGX H100 at 10.2 kW), with no doors, with doors
  // that take f = 20/40.8 of the heat (capacity-limited: water 15 °C, ε 0.9 could take more), and
  // with doors that the effectiveness limits (80 kW, water 20 °C, ε 0.7).
  const P = 4 * 10_200
  const open = solveAirflow3d(smallHallScene({ aisle: 'hot' }), 'small', catalog, SMALL_RUN).halls[0]!
  const capped = solveAirflow3d(smallHallScene({ aisle: 'hot', rearDoor: { capacityKW: 20, waterSupplyC: 15, effectiveness: 0.9 } }), 'small', catalog, SMALL_RUN).halls[0]!
  const byEps = solveAirflow3d(smallHallScene({ aisle: 'hot', rearDoor: { capacityKW: 80, waterSupplyC: 20, effectiveness: 0.7 } }), 'small', catalog, SMALL_RUN).halls[0]!
  const rise = (h: typeof open, row: string, m: number) => h.rackOutletC[row]![m]! - h.rackInletC[row]![m]!

  it('a coil that takes f·P lowers the outlet by f·P/(ρ·cp·V̇) against the same rack without one', () => {
    const f = 20_000 / P
    for (const row of ['A', 'B']) {
      for (let m = 0; m < 4; m++) {
        const q = capped.rackAirflowM3s[row]![m]!
        const rhoCp = capped.densityKgM3 * AIR_CP_J_PER_KG_K
        // Without a door the rise is P/(ρ·cp·V̇) ≈ 40 800/(1.15·1005·1.69) ≈ 21 K.
        expect(rise(open, row, m)).toBeCloseTo(P / (rhoCp * open.rackAirflowM3s[row]![m]!), 3)
        expect(rise(open, row, m) - rise(capped, row, m)).toBeCloseTo((f * P) / (rhoCp * q), 3)
        expect(capped.rackCoilKW[row]![m]!).toBeCloseTo(20, 6)
      }
    }
  })

  it('an effectiveness-limited coil lets the air leave at (1 − ε)·T_hot + ε·T_water', () => {
    const rhoCp = byEps.densityKgM3 * AIR_CP_J_PER_KG_K
    for (const row of ['A', 'B']) {
      for (let m = 0; m < 4; m++) {
        const q = byEps.rackAirflowM3s[row]![m]!
        const hot = byEps.rackInletC[row]![m]! + P / (rhoCp * q)
        expect(byEps.rackOutletC[row]![m]!).toBeCloseTo(0.3 * hot + 0.7 * 20, 2)
        expect(byEps.rackCoilKW[row]![m]!).toBeCloseTo((0.7 * rhoCp * q * (hot - 20)) / 1000, 2)
        expect(byEps.rackCoilKW[row]![m]!).toBeLessThan(80)
      }
    }
    // The doors keep row B's inlets far below those of the open hall.
    expect(Math.max(...byEps.rackInletC['B']!)).toBeLessThan(Math.max(...open.rackInletC['B']!) - 8)
  })

  it('energy balance: heat in = heat out with the air + heat into the water, within 0.5 %', () => {
    for (const h of [open, capped, byEps]) {
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
