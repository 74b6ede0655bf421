// The typical year's shortcuts give what the plain hour loop gives: halls built alike share one
// plant evaluation an hour (samePlantFigures); the hours a hall's rows are above their inlet
// limits are those of the plant's supply air plus each row's rise, hour by hour; and the plant
// carried from hour to hour (plantAtNextHour) is at every hour the plant plantAt gives.
import { describe, expect, it } from 'vitest'
import { builtInCatalog } from '../../../src/model/catalog'
import type { Climate } from '../../../src/model/catalogSchema'
import type { Hall } from '../../../src/model/sceneSchema'
import { DEFAULT_PARAMS } from '../../../src/model/params'
import type { RowInlet } from '../../../src/solver/cooling/inlet'
import { emptyPlantState, plantAt, plantAtNextHour, samePlantFigures, type PlantState } from '../../../src/solver/cooling/plant/evaluate'
import { plantPlacements, sumUnits, type HallPlant } from '../../../src/solver/cooling/plant/plant'
import { pressureAtAltitudePa } from '../../../src/solver/constants'
import { climateYear, simulateYear } from '../../../src/solver/year/year'
import { HOURS } from '../../../src/solver/year/typicalYear'

const catalog = builtInCatalog()
const climate = catalog.climates.get('irkutsk')!

function plantOf(hallId: string, airScheme: Hall['airScheme'], cooling: [string, number][], heatAirKW: number, heatLiquidKW = 0, coolantMaxC: number | null = null): HallPlant {
  const hall = { id: hallId, airScheme, cooling: cooling.map(([modelId, count], i) => ({ id: `${hallId}-${i}`, modelId, count })) } as unknown as Hall
  const placements = plantPlacements(hall, catalog)
  return {
    hallId,
    airScheme,
    placements,
    ...sumUnits(placements, airScheme),
    heatAirKW,
    heatLiquidKW,
    allowableInletC: 35,
    recommendedInletC: 27,
    coolantMaxC,
  }
}

function fanHall(heatAirKW: number, hallId: string): HallPlant {
  return plantOf(hallId, 'wall-to-wall', [
    ['exhaust-fan-50in', 160],
    ['evap-pad-section', 34],
  ], heatAirKW)
}

const losses = { fixedKW: 50, variableKWAtDesign: 400, designLoadKW: 20_000 }

describe('simulateYear', () => {
  it('counts the hours a hall has a row above its limits as the rows hour by hour do', () => {
    const plant = fanHall(18_000, 'h')
    const rows: RowInlet[] = [3, 8.2, 12.9, 15.05].map((riseK, i) => ({
      rowId: `r${i}`,
      rackInletC: [],
      inletC: 0,
      riseK,
      allowableC: i === 3 ? 33 : 35,
      recommendedC: i === 1 ? 27 : null,
    }))
    const year = simulateYear([plant], [rows], 18_000, losses, climate, DEFAULT_PARAMS)
    const weather = climateYear(climate)
    const pressurePa = pressureAtAltitudePa(climate.altitudeM)
    let allowable = 0
    let recommended = 0
    for (let h = 0; h < HOURS; h++) {
      const r = plantAt(plant, { dryBulbC: weather.dryBulbC[h]!, wetBulbC: weather.wetBulbC[h]! }, pressurePa, DEFAULT_PARAMS)
      if (rows.some((row) => r.supplyAirC + row.riseK > row.allowableC) || r.airflowShort) allowable++
      if (rows.some((row) => row.recommendedC !== null && r.supplyAirC + row.riseK > row.recommendedC)) recommended++
    }
    // Some hours of each, not all: the limits are crossed within the year.
    expect([allowable, recommended].map((n) => n > 0 && n < HOURS)).toEqual([true, true])
    expect(year.halls[0]!.hoursInletAboveAllowable).toBe(allowable)
    expect(year.halls[0]!.hoursInletAboveRecommended).toBe(recommended)
  })

  it('gives halls built alike the figures each has alone', () => {
    const a = fanHall(18_000, 'a')
    const b = fanHall(18_000, 'b')
    const c = fanHall(17_000, 'c')
    expect(samePlantFigures(a, b)).toBe(true)
    expect(samePlantFigures(a, c)).toBe(false)
    const rows: RowInlet[] = [{ rowId: 'r', rackInletC: [], inletC: 0, riseK: 1.5, allowableC: 35, recommendedC: 27 }]
    const together = simulateYear([a, c, b], [rows, rows, rows], 53_000, losses, climate, DEFAULT_PARAMS)
    const alone = (p: HallPlant) => simulateYear([p], [rows], 18_000, losses, climate, DEFAULT_PARAMS).halls[0]
    expect(together.halls[0]).toEqual(alone(a))
    expect(together.halls[1]).toEqual(alone(c))
    expect(together.halls[2]).toEqual(alone(b))
  })
})

describe('plantAtNextHour', () => {
  // Fans and pads (recirculation, outside air, pads); air handlers in a room (their setpoint, the
  // economiser and the chillers behind them); and a liquid hall whose dry coolers need a trim
  // chiller in summer and cannot hold the limit on the hottest hours.
  const plants: HallPlant[] = [
    fanHall(18_000, 'fans'),
    fanHall(40_000, 'fans-short'),
    plantOf('crah', 'room', [['crah-150kw', 12], ['exhaust-fan-50in', 2]], 1_500),
    plantOf('liquid', 'wall-to-wall', [['exhaust-fan-50in', 20], ['evap-pad-section', 4], ['cdu-1350kw', 6], ['dry-cooler-1000kw', 4], ['chiller-1000kw', 1]], 1_200, 6_000, 32),
  ]
  const fields = Object.keys(emptyPlantState()) as (keyof PlantState)[]

  function compare(climate: Climate, params = DEFAULT_PARAMS) {
    const weather = climateYear(climate)
    const pressurePa = pressureAtAltitudePa(climate.altitudeM)
    const modes = new Set<string>()
    let mismatches = 0
    let sameSupply = 0
    for (const plant of plants) {
      const carried = emptyPlantState()
      const fresh = emptyPlantState()
      let lastSupplyC = NaN
      for (let h = 0; h < HOURS; h++) {
        const hour = { dryBulbC: weather.dryBulbC[h]!, wetBulbC: weather.wetBulbC[h]! }
        plantAtNextHour(plant, hour, pressurePa, params, carried)
        // plantAt into a record of its own, whatever that held (it computes the whole plant).
        plantAt(plant, hour, pressurePa, params, undefined, fresh)
        for (const f of fields) if (!Object.is(carried[f], fresh[f])) mismatches++
        if (fresh.supplyAirC === lastSupplyC) sameSupply++
        lastSupplyC = fresh.supplyAirC
        modes.add(fresh.supplyMode)
      }
    }
    return { mismatches, sameSupply, modes: [...modes].sort() }
  }

  it('gives at every hour of a cold and a hot year the state plantAt gives', () => {
    const cold = compare(catalog.climates.get('irkutsk')!)
    const hot = compare(catalog.climates.get('abu-dhabi')!)
    expect(cold.mismatches + hot.mismatches).toBe(0)
    // Every supply mode met, and most hours of the cold year keep the supply of the hour before.
    expect([...new Set([...cold.modes, ...hot.modes])].sort()).toEqual(['crah', 'outside', 'pads', 'recirculation'])
    expect(cold.sameSupply).toBeGreaterThan(HOURS * plants.length * 0.5)
  })

  it('computes the air side again when the state was another supply\'s, however near', () => {
    const plant = fanHall(18_000, 'fans')
    const params = { ...DEFAULT_PARAMS, winterMinSupplyC: 12 }
    const carried = plantAt(plant, { dryBulbC: -20, wetBulbC: -20 }, 90_000, params)
    // A winter minimum a micro-kelvin higher: recirculation again, at another supply.
    const nextParams = { ...params, winterMinSupplyC: 12.000001 }
    plantAtNextHour(plant, { dryBulbC: -20, wetBulbC: -20 }, 90_000, nextParams, carried)
    expect(carried).toEqual(plantAt(plant, { dryBulbC: -20, wetBulbC: -20 }, 90_000, nextParams))
    expect(carried.airDensityKgM3).not.toBe(plantAt(plant, { dryBulbC: -20, wetBulbC: -20 }, 90_000, params).airDensityKgM3)
  })
})
