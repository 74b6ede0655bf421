// The cooling plant (src/solver/cooling/plant), case by case with the arithmetic shown.
import { describe, expect, it } from 'vitest'
import type { CoolingUnit, DryCooler } from '../../../src/model/catalogSchema'
import { DEFAULT_PARAMS, type SolverParams } from '../../../src/model/params'
import type { Hall } from '../../../src/model/sceneSchema'
import { airDensityKgM3 } from '../../../src/solver/constants'
import { plantAt } from '../../../src/solver/cooling/plant/evaluate'
import { dryCoolerCapacityKW, dryCoolerKWPerK, loopBalanceSupplyC, padSupplyC } from '../../../src/solver/cooling/plant/physics'
import { sumUnits, type HallPlant } from '../../../src/solver/cooling/plant/plant'

const src = [{ title: 'test', confidence: 'approx' as const }]
const size = { widthM: 1, depthM: 1, heightM: 1 }
const dry: DryCooler = { id: 'dry', kind: 'dry-cooler', name: 'Dry cooler', coolingKW: 1000, ratedFluidInC: 55, ratedFluidOutC: 45, ratedAirInC: 35, airflowM3s: 90, powerKW: 25, powerFactor: 0.95, size, sources: src }
const cdu: CoolingUnit = { id: 'cdu', kind: 'cdu', name: 'CDU', coolingKW: 1350, powerKW: 18, powerFactor: 0.95, size, sources: src }
const chiller: CoolingUnit = { id: 'ch', kind: 'chiller', name: 'Chiller', coolingKW: 1000, powerKW: 313, powerFactor: 0.9, size, sources: src }
const fan: CoolingUnit = { id: 'fan', kind: 'exhaust-fan', name: 'Fan', airflowM3s: 10, powerKW: 1, powerFactor: 0.8, size, sources: src }
const crah: CoolingUnit = { id: 'crah', kind: 'crah', name: 'CRAH', airflowM3s: 10, coolingKW: 150, powerKW: 6, powerFactor: 0.95, size, sources: src }

/** A plant from units and heat, without a scene. */
function plantOf(units: [CoolingUnit, number][], heat: { airKW?: number; liquidKW?: number; coolantMaxC?: number }, airScheme: Hall['airScheme'] = 'wall-to-wall'): HallPlant {
  const placements = units.map(([unit, count], i) => ({ id: `p${i}`, unit, count }))
  return {
    hallId: 'hall',
    airScheme,
    placements,
    ...sumUnits(placements, airScheme),
    heatAirKW: heat.airKW ?? 0,
    heatLiquidKW: heat.liquidKW ?? 0,
    allowableInletC: null,
    recommendedInletC: null,
    coolantMaxC: heat.coolantMaxC ?? null,
  }
}

const SEA = 101_325
const at = (plant: HallPlant, dryBulbC: number, params: SolverParams = DEFAULT_PARAMS) => plantAt(plant, { dryBulbC, wetBulbC: dryBulbC }, SEA, params)

describe('dry cooler capacity (EN 1048 rating, engineering-data.md §11.2)', () => {
  it('returns exactly its rating at its rated temperatures', () => {
    // 1000 × (55 − 35)/(55 − 35) = 1000
    expect(dryCoolerCapacityKW(dry, 55, 35)).toBe(1000)
    // 1000 kW / 20 K = 50 kW/K
    expect(dryCoolerKWPerK(dry)).toBe(50)
  })
  it('scales with the entering temperature difference elsewhere', () => {
    // fluid in 50 °C, air 27 °C: 1000 × (50 − 27)/20 = 1150 kW
    expect(dryCoolerCapacityKW(dry, 50, 27)).toBeCloseTo(1150, 9)
    // fluid in 45 °C, air 30 °C: 1000 × 15/20 = 750 kW
    expect(dryCoolerCapacityKW(dry, 45, 30)).toBeCloseTo(750, 9)
    // air warmer than the fluid: nothing
    expect(dryCoolerCapacityKW(dry, 40, 45)).toBe(0)
  })
})

describe('evaporative pads', () => {
  it('T = DB − ε·(DB − WB): 27 − 0.8 × (27 − 18.5) = 20.2 °C', () => {
    expect(padSupplyC(27, 18.5, 0.8)).toBeCloseTo(20.2, 12)
  })
})

describe('liquid loop balance', () => {
  // 10 MW of liquid heat, 14 × 1000 kW dry coolers rated (55 − 35) = 20 K: K = 14 × 1000/20 = 700 kW/K.
  // Ambient 30 °C, ΔT_loop 10 K: T_return = 30 + 10 000/700 = 44.286 °C, supply = 34.286 °C.
  const cdus: [CoolingUnit, number] = [cdu, 8] // 10 800 kW
  const heat = { liquidKW: 10_000, coolantMaxC: 45 }

  it('settles where the dry coolers reject exactly the heat: 30 + 10 000/700 − 10 = 34.29 °C', () => {
    expect(loopBalanceSupplyC(30, 10_000, 700, 10)).toBeCloseTo(34.2857, 4)
    const r = at(plantOf([cdus, [dry, 14]], heat), 30)
    expect(r.coolantSupplyC).toBeCloseTo(30 + 10_000 / 700 - 10, 9)
    // Conservation: 14 × 1000 × (44.286 − 30)/20 = 10 000 kW rejected, all of the heat.
    expect(14 * dryCoolerCapacityKW(dry, r.coolantSupplyC! + 10, 30)).toBeCloseTo(10_000, 6)
    expect(r.dryRejectedKW).toBeCloseTo(10_000, 9)
    expect(r.chillerTrimKW).toBe(0)
    expect(r.liquidShortKW).toBe(0)
    // Rejection holding the 45 °C limit: 700 × (45 + 10 − 30) = 17 500 kW
    expect(r.rejectionKW).toBeCloseTo(17_500, 9)
    expect(r.coolantOverLimit).toBe(false)
  })

  it('adding dry coolers lowers the supply, down to the setpoint', () => {
    // 16 units: 800 kW/K → 30 + 12.5 − 10 = 32.5 °C; 20 units: 1000 kW/K → 30 °C, held at the 32 °C setpoint
    expect(at(plantOf([cdus, [dry, 16]], heat), 30).coolantSupplyC).toBeCloseTo(32.5, 9)
    const many = at(plantOf([cdus, [dry, 20]], heat), 30)
    expect(many.coolantSupplyC).toBe(DEFAULT_PARAMS.liquidSupplySetpointC)
    // The fans slow down: capacity at the setpoint 1000 × (42 − 30) = 12 000 kW, used 10 000 → 5/6 of 20 × 25 kW
    expect(many.dryCoolerPowerKW).toBeCloseTo((20 * 25 * 10_000) / 12_000, 9)
    // 14, 15, 16 units: 34.29, 33.33, 32.50 °C
    const supplies = [14, 15, 16].map((n) => at(plantOf([cdus, [dry, n]], heat), 30).coolantSupplyC!)
    expect(supplies[0]).toBeCloseTo(34.2857, 4)
    expect(supplies[1]).toBeCloseTo(30 + 10_000 / 750 - 10, 9)
    for (let i = 1; i < supplies.length; i++) expect(supplies[i]!).toBeLessThan(supplies[i - 1]!)
  })

  it('a trim chiller holds the devices’ limit where the dry coolers cannot, within its capacity', () => {
    // Ambient 42 °C: dry coolers alone settle at 42 + 14.286 − 10 = 46.29 °C > 45 °C.
    const alone = at(plantOf([cdus, [dry, 14]], heat), 42)
    expect(alone.coolantSupplyC).toBeCloseTo(46.2857, 4)
    expect(alone.coolantOverLimit).toBe(true)
    // At 45 °C (return 55 °C) they reject 700 × (55 − 42) = 9100 kW; a 1000 kW chiller takes the other 900 kW.
    const trimmed = at(plantOf([cdus, [dry, 14], [chiller, 1]], heat), 42)
    expect(trimmed.coolantSupplyC).toBe(45)
    expect(trimmed.dryRejectedKW).toBeCloseTo(9100, 9)
    expect(trimmed.chillerTrimKW).toBeCloseTo(900, 9)
    expect(trimmed.coolantOverLimit).toBe(false)
    expect(trimmed.rejectionKW).toBeCloseTo(9100 + 1000, 9)
    // Chiller COP at 45 °C supply, 42 °C air: 0.5 × 313.15/(320.15 − 313.15) = 22.4 → capped at 12: 900/12 = 75 kW
    expect(trimmed.trimChillerPowerKW).toBeCloseTo(75, 9)
    // A 500 kW chiller is not enough: the loop settles at 42 + (10 000 − 500)/700 − 10 = 45.57 °C,
    // and 10 000 − (9100 + 500) = 400 kW cannot be taken at the limit.
    const small = at(plantOf([cdus, [dry, 14], [{ ...chiller, coolingKW: 500 }, 1]], heat), 42)
    expect(small.coolantSupplyC).toBeCloseTo(42 + 9500 / 700 - 10, 9)
    expect(small.coolantOverLimit).toBe(true)
    expect(small.liquidShortKW).toBeCloseTo(400, 9)
  })

  it('the CDUs pass at most their capacity; nothing rejecting leaves the supply unbounded', () => {
    // 1 CDU of 1350 kW for 10 000 kW: the loop carries 1350 kW, 8650 kW stay short.
    const fewCdus = at(plantOf([[cdu, 1], [dry, 14]], heat), 30)
    expect(fewCdus.liquidShortKW).toBeCloseTo(8650, 9)
    expect(fewCdus.coolantOverLimit).toBe(false)
    // No CDU at all: no loop, no supply; the heat stays in the devices.
    const noLoop = at(plantOf([[dry, 14]], heat), 30)
    expect(noLoop.coolantSupplyC).toBeNull()
    expect(noLoop.coolantOverLimit).toBe(false)
    expect(noLoop.liquidShortKW).toBe(10_000)
    // CDUs but no dry cooler or chiller: nothing holds any supply.
    const none = at(plantOf([cdus], heat), 30)
    expect(none.coolantSupplyC).toBeNull()
    expect(none.coolantOverLimit).toBe(true)
    expect(none.rejectionKW).toBe(0)
    expect(none.liquidShortKW).toBe(10_000)
  })
})

describe('air side: exhaust fans move exhaust air, air handlers supply air', () => {
  // 1000 kW to air, outside air at 20 °C, ΔT 15 K, sea level.
  // Supply: ρ(20 °C) = 101 325 / (287.05 × 293.15) = 1.20412; Q = 1 000 000 / (1.20412 × 1005 × 15) = 55.09 m³/s
  // Exhaust: ρ(35 °C) = 101 325 / (287.05 × 308.15) = 1.14550; Q = 1 000 000 / (1.14550 × 1005 × 15) = 57.91 m³/s
  // The ratio is 308.15/293.15 = 1.0512: the fans must move 5.1 % more volume than the intake.
  const qSupply = 1_000_000 / (airDensityKgM3(20, SEA) * 1005 * 15)
  const qExhaust = 1_000_000 / (airDensityKgM3(35, SEA) * 1005 * 15)

  it('fans: the volume at exhaust density, ≈ 5 % more than at supply density', () => {
    expect(qSupply).toBeCloseTo(55.09, 2)
    expect(qExhaust).toBeCloseTo(57.91, 2)
    expect(qExhaust / qSupply).toBeCloseTo(308.15 / 293.15, 12)
    const r = at(plantOf([[fan, 10]], { airKW: 1000 }), 20)
    expect(r.supplyAirC).toBe(20)
    expect(r.airflowNeededM3s).toBeCloseTo(qExhaust, 9)
    // 10 × 10 × 0.85 = 85 m³/s; 57.91/85 of 10 kW of fans run
    expect(r.airflowSuppliedM3s).toBeCloseTo(85, 9)
    expect(r.fanPowerKW).toBeCloseTo((10 * qExhaust) / 85, 9)
    expect(r.airShortKW).toBe(0)
  })

  it('air handlers: the volume at supply density (22 °C setpoint in a room hall)', () => {
    // ρ(22 °C) = 101 325 / (287.05 × 295.15) = 1.19596; Q = 1 000 000 / (1.19596 × 1005 × 15) = 55.47 m³/s
    const r = at(plantOf([[crah, 8]], { airKW: 1000 }, 'room'), 30)
    expect(r.supplyAirC).toBe(22)
    expect(r.airflowNeededM3s).toBeCloseTo(1_000_000 / (airDensityKgM3(22, SEA) * 1005 * 15), 9)
    // Coils 8 × 150 = 1200 kW, air 80 m³/s carries 80 × 1.19596 × 1005 × 15 / 1000 = 1442.4 kW: capacity 1200 kW
    expect(r.airCapacityKW).toBeCloseTo(1200, 9)
  })

  it('a short hall warms its inlet by ΔT·P_short/P_carried', () => {
    // 5 fans → 42.5 m³/s carry 42.5 × 1.14550 × 1005 × 15 / 1000 = 733.9 kW of 1000: 266.1 kW short,
    // inlet + 15 × 266.1/733.9 = 5.44 K (= ΔT·(Q_needed/Q_supplied − 1) = 15 × (57.91/42.5 − 1))
    const r = at(plantOf([[fan, 5]], { airKW: 1000 }), 20)
    expect(r.airflowShort).toBe(true)
    expect(r.airShortKW).toBeCloseTo(1000 - (42.5 * airDensityKgM3(35, SEA) * 1005 * 15) / 1000, 9)
    expect(r.inletRiseK).toBeCloseTo(15 * (qExhaust / 42.5 - 1), 9)
  })
})

describe('contingency: the same plant with units lost', () => {
  it('losing dry coolers raises the supply; the heat still balances until the limit', () => {
    // 14 → 13 dry coolers at 30 °C: 650 kW/K → 30 + 10 000/650 − 10 = 35.38 °C
    const plant = plantOf([[cdu, 8], [dry, 14]], { liquidKW: 10_000, coolantMaxC: 45 })
    const r = plantAt(plant, { dryBulbC: 30, wetBulbC: 20 }, SEA, DEFAULT_PARAMS, new Map([['p1', 1]]))
    expect(r.coolantSupplyC).toBeCloseTo(30 + 10_000 / 650 - 10, 9)
    expect(r.liquidShortKW).toBe(0)
  })
})
