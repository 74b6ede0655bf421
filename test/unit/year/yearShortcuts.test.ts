// The typical year's two shortcuts give what the plain hour loop gives: a hall whose rows are above
// their inlet limit is found from one least supply air per hall (leastSupplyAbove), not from every
// row every hour; and halls built alike share one plant evaluation an hour (samePlantFigures).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { builtInCatalog } from '../../../src/model/catalog'
import type { Hall } from '../../../src/model/sceneSchema'
import { DEFAULT_PARAMS } from '../../../src/model/params'
import type { RowInlet } from '../../../src/solver/cooling/inlet'
import { plantAt, samePlantFigures } from '../../../src/solver/cooling/plant/evaluate'
import { plantPlacements, sumUnits, type HallPlant } from '../../../src/solver/cooling/plant/plant'
import { pressureAtAltitudePa } from '../../../src/solver/constants'
import { climateYear, leastSupplyAbove, simulateYear } from '../../../src/solver/year/year'
import { HOURS } from '../../../src/solver/year/typicalYear'

const catalog = builtInCatalog()
const climate = catalog.climates.get('irkutsk')!

/** A double a few steps (of the doubles) away from x. */
function stepped(x: number, steps: number): number {
  const f = new Float64Array([x])
  const b = new BigInt64Array(f.buffer)
  b[0] = b[0]! + BigInt(x < 0 ? -steps : steps)
  return f[0]!
}

describe('leastSupplyAbove', () => {
  it('s + rise > limit exactly when s ≥ the least supply, for any doubles', () => {
    fc.assert(
      fc.property(fc.double(), fc.double(), fc.double({ noNaN: true }), (rise, limit, s) => {
        expect(s + rise > limit).toBe(s >= leastSupplyAbove(rise, limit))
      }),
      { numRuns: 20_000 },
    )
  })

  it('and at the doubles next to it, where rounding decides', () => {
    fc.assert(
      fc.property(fc.double({ min: -60, max: 60, noNaN: true }), fc.double({ min: -40, max: 80, noNaN: true }), fc.integer({ min: -3, max: 3 }), (rise, limit, k) => {
        const t = leastSupplyAbove(rise, limit)
        const s = stepped(t, k)
        if (Number.isFinite(s)) expect(s + rise > limit).toBe(s >= t)
      }),
      { numRuns: 20_000 },
    )
  })

  it('is NaN when no supply is above the limit, −∞ when every one is', () => {
    expect(leastSupplyAbove(-Infinity, 30)).toBeNaN()
    expect(leastSupplyAbove(NaN, 30)).toBeNaN()
    expect(leastSupplyAbove(2, Infinity)).toBeNaN()
    expect(leastSupplyAbove(2, -Infinity)).toBe(-Number.MAX_VALUE)
    // 30 − 2.9 = 27.1, but 27.1 + 2.9 rounds to 30, not above it: the least supply is the next
    // double, 27.100000000000005 (+ 2.9 = 30.000000000000004).
    expect(30 - 2.9).toBe(27.1)
    expect(27.1 + 2.9 > 30).toBe(false)
    expect(leastSupplyAbove(2.9, 30)).toBe(27.100000000000005)
    expect(27.100000000000005 + 2.9 > 30).toBe(true)
  })
})

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
