// One plant, one verdict: the design day and the typical year are the same plant, so at the
// year's hottest hour (the design dry bulb, by construction of typicalYear.ts) the year's plant
// must give exactly the design-day figures; and whatever the plant, the heat it removes is the
// heat it is given when its capacity suffices.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { builtInCatalog } from '../../../src/model/catalog'
import type { Climate, CoolingUnit } from '../../../src/model/catalogSchema'
import { DEFAULT_PARAMS } from '../../../src/model/params'
import type { Hall } from '../../../src/model/sceneSchema'
import { airDensityKgM3, AIR_CP_J_PER_KG_K } from '../../../src/solver/constants'
import { designPlant, plantAt } from '../../../src/solver/cooling/plant/evaluate'
import { dryCoolerCapacityKW } from '../../../src/solver/cooling/plant/physics'
import { sumUnits, type HallPlant } from '../../../src/solver/cooling/plant/plant'
import { simulateYear } from '../../../src/solver/year/year'

const catalog = builtInCatalog()
const units = [...catalog.coolingUnits.values()]
const src = [{ title: 'generated', confidence: 'approx' as const }]

const plantArbitrary: fc.Arbitrary<HallPlant> = fc
  .record({
    counts: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: units.length, maxLength: units.length }),
    airScheme: fc.constantFrom<Hall['airScheme']>('wall-to-wall', 'room', 'contained-aisle', 'rear-door'),
    heatAirKW: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 25_000, noNaN: true })),
    heatLiquidKW: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 25_000, noNaN: true })),
    coolantMaxC: fc.constantFrom(null, 32, 40, 45),
    allowableInletC: fc.constantFrom(null, 30, 35, 40),
  })
  .map(({ counts, airScheme, heatAirKW, heatLiquidKW, coolantMaxC, allowableInletC }) => {
    const placements = units.map((unit: CoolingUnit, i) => ({ id: `p${i}`, unit, count: counts[i]! })).filter((p) => p.count > 0)
    return {
      hallId: 'h',
      airScheme,
      placements,
      ...sumUnits(placements, airScheme),
      heatAirKW,
      heatLiquidKW,
      allowableInletC,
      recommendedInletC: null,
      coolantMaxC,
    }
  })

/** Climates whose design dry bulb is above every monthly mean (as a design value is). */
const climateArbitrary: fc.Arbitrary<Climate> = fc
  .record({
    monthly: fc.array(fc.double({ min: -30, max: 32, noNaN: true }), { minLength: 12, maxLength: 12 }),
    above: fc.double({ min: 0.5, max: 20, noNaN: true }),
    depression: fc.double({ min: 0, max: 20, noNaN: true }),
    altitudeM: fc.double({ min: 0, max: 3000, noNaN: true }),
  })
  .map(({ monthly, above, depression, altitudeM }) => {
    const design = Math.max(...monthly) + above
    return {
      id: 'generated',
      name: 'Generated',
      country: 'Test',
      latitude: 50,
      longitude: 100,
      altitudeM,
      annualMeanC: monthly.reduce((s, m) => s + m, 0) / 12,
      monthlyMeanC: monthly,
      designSummerDryBulbC: design,
      designSummerWetBulbC: design - depression,
      designWinterC: Math.min(...monthly) - 10,
      sources: src,
    }
  })

const close = (a: number | null, b: number | null) => {
  if (a === null || b === null) return expect(a).toBe(b)
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-7 * Math.max(1, Math.abs(b)))
}

describe('the year and the design day are one plant', () => {
  it('at the year’s hottest hour (the design dry bulb) the plant gives the design-day figures', () => {
    fc.assert(
      fc.property(plantArbitrary, climateArbitrary, (plant, climate) => {
        const year = simulateYear([plant], [[]], 1000, { fixedKW: 0, variableKWAtDesign: 0, designLoadKW: 1000 }, climate, DEFAULT_PARAMS)
        const hour = year.halls[0]!.designHour
        const design = designPlant(plant, climate, DEFAULT_PARAMS)
        close(year.maxDryBulbC, climate.designSummerDryBulbC)
        close(hour.dryBulbC, design.dryBulbC)
        close(hour.wetBulbC, design.wetBulbC)
        close(hour.supplyAirC, design.supplyAirC)
        close(hour.coolantSupplyC, design.coolantSupplyC)
        close(hour.coolingPowerKW, design.coolingPowerKW)
        close(hour.waterLph, design.waterLph)
        close(hour.liquidShortKW, design.liquidShortKW)
        expect(hour.airflowShort).toBe(design.airflowShort)
      }),
      { numRuns: 60 },
    )
  }, 60_000)

  // 'through the solver: each hall’s year design hour is its design-day report' is in
  // property/solver.property.test.ts, where it reads the reports of the NaN property's scenes.
})

describe('heat in = heat out when the plant can take it', () => {
  const weather = fc.record({ dryBulbC: fc.double({ min: -40, max: 50, noNaN: true }), depression: fc.double({ min: 0, max: 20, noNaN: true }) })

  it('the liquid loop: dry coolers + trim chillers reject all the heat; dry coolers at the settled return reject what they are credited', () => {
    fc.assert(
      fc.property(plantArbitrary, weather, (plant, w) => {
        const r = plantAt(plant, { dryBulbC: w.dryBulbC, wetBulbC: w.dryBulbC - w.depression }, 101_325, DEFAULT_PARAMS)
        if (r.heatLiquidKW === 0 || r.liquidShortKW > 0) return
        expect(r.dryRejectedKW + r.chillerTrimKW).toBeCloseTo(r.heatLiquidKW, 6)
        const floatingSupply = r.coolantSupplyC! > Math.min(DEFAULT_PARAMS.liquidSupplySetpointC, r.coolantLimitC) && r.chillerTrimKW === 0
        if (floatingSupply) {
          // The loop floats: the dry coolers' own capacity at its return is exactly the heat.
          const returnC = r.coolantSupplyC! + DEFAULT_PARAMS.liquidDeltaTK
          let capacity = 0
          for (const p of plant.placements) if (p.unit.kind === 'dry-cooler') capacity += p.count * dryCoolerCapacityKW(p.unit, returnC, w.dryBulbC)
          expect(capacity).toBeCloseTo(r.heatLiquidKW, 6)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('the air side: the air moved carries the heat (Q·ρ·cp·ΔT = P) in a fan hall', () => {
    fc.assert(
      fc.property(plantArbitrary, weather, (plant, w) => {
        if (plant.crahAirflowM3s > 0) return
        const r = plantAt(plant, { dryBulbC: w.dryBulbC, wetBulbC: w.dryBulbC - w.depression }, 101_325, DEFAULT_PARAMS)
        if (r.airShortKW > 0) return
        const rhoExhaust = airDensityKgM3(r.supplyAirC + DEFAULT_PARAMS.airDeltaTK, 101_325)
        expect((r.airflowNeededM3s * rhoExhaust * AIR_CP_J_PER_KG_K * DEFAULT_PARAMS.airDeltaTK) / 1000).toBeCloseTo(r.heatAirKW, 6)
      }),
      { numRuns: 300 },
    )
  })
})
