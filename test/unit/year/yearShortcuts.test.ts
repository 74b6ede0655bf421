// The typical year's shortcut gives what the plain hour loop gives: halls built alike share one
// plant evaluation an hour (samePlantFigures); and the hours a hall's rows are above their inlet
// limits are those of the plant's supply air plus each row's rise, hour by hour.
import { describe, expect, it } from 'vitest'
import { builtInCatalog } from '../../../src/model/catalog'
import type { Hall } from '../../../src/model/sceneSchema'
import { DEFAULT_PARAMS } from '../../../src/model/params'
import type { RowInlet } from '../../../src/solver/cooling/inlet'
import { plantAt, samePlantFigures } from '../../../src/solver/cooling/plant/evaluate'
import { plantPlacements, sumUnits, type HallPlant } from '../../../src/solver/cooling/plant/plant'
import { pressureAtAltitudePa } from '../../../src/solver/constants'
import { climateYear, simulateYear } from '../../../src/solver/year/year'
import { HOURS } from '../../../src/solver/year/typicalYear'

const catalog = builtInCatalog()
const climate = catalog.climates.get('irkutsk')!

function fanHall(heatAirKW: number, hallId: string): HallPlant {
  const hall = {
    id: hallId,
    airScheme: 'wall-to-wall',
    cooling: [
      { id: `${hallId}-fans`, modelId: 'exhaust-fan-50in', count: 160 },
      { id: `${hallId}-pads`, modelId: 'evap-pad-section', count: 34 },
    ],
  } as unknown as Hall
  const placements = plantPlacements(hall, catalog)
  return {
    hallId,
    airScheme: hall.airScheme,
    placements,
    ...sumUnits(placements, hall.airScheme),
    heatAirKW,
    heatLiquidKW: 0,
    allowableInletC: 35,
    recommendedInletC: 27,
    coolantMaxC: null,
  }
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
