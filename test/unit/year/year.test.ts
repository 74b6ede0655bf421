import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { builtInCatalog } from '../../../src/model/catalog'
import { DEFAULT_PARAMS } from '../../../src/model/params'
import { parseSceneText } from '../../../src/model/parse'
import { solveVariant } from '../../../src/solver'
import { airDensityKgM3, WATER_LATENT_HEAT_J_PER_KG } from '../../../src/solver/constants'
import { plantAt } from '../../../src/solver/cooling/plant/evaluate'
import { chillerCop } from '../../../src/solver/cooling/plant/physics'
import { hallPlant } from '../../../src/solver/cooling/plant/plant'
import { variantLoads } from '../../../src/solver/loads'
import { HOURS, typicalYear } from '../../../src/solver/year/typicalYear'
import { memoized } from '../fixtures/memoized'

const catalog = builtInCatalog()
const irkutsk = catalog.climates.get('irkutsk')!
const parsed = parseSceneText(readFileSync('scenes/siberia-20mw.json', 'utf8'), catalog)
if (!parsed.ok) throw new Error('scene')
const scene = parsed.scene

describe('typical year', () => {
  const year = typicalYear(irkutsk)
  it('has 8760 hours whose hottest is the design dry bulb', () => {
    expect(year.dryBulbC.length).toBe(HOURS)
    expect(Math.max(...year.dryBulbC)).toBeCloseTo(irkutsk.designSummerDryBulbC, 9)
  })
  it('keeps every monthly mean within 1.5 K of the climate record', () => {
    const sums = new Array(12).fill(0)
    const counts = new Array(12).fill(0)
    for (let h = 0; h < HOURS; h++) {
      sums[year.month[h]!] += year.dryBulbC[h]!
      counts[year.month[h]!]++
    }
    irkutsk.monthlyMeanC.forEach((mean, m) => expect(Math.abs(sums[m] / counts[m] - mean)).toBeLessThan(1.5))
  })
  it('never has a wet bulb above the dry bulb, and meets the design wet bulb at the design hour', () => {
    // One expect over the year (8,760 expect calls cost a quarter of a second): the hours, if any,
    // whose wet bulb is above the dry bulb, with both.
    let hottest = 0
    const above: string[] = []
    for (let h = 0; h < HOURS; h++) {
      if (!(year.wetBulbC[h]! <= year.dryBulbC[h]! + 1e-12)) above.push(`hour ${h}: wet ${year.wetBulbC[h]} > dry ${year.dryBulbC[h]}`)
      if (year.dryBulbC[h]! > year.dryBulbC[hottest]!) hottest = h
    }
    expect(above).toEqual([])
    expect(year.wetBulbC[hottest]!).toBeCloseTo(irkutsk.designSummerWetBulbC, 9)
  })
})

describe('cooling plant, one hour', () => {
  it('pads: supply toward the wet bulb, fans move exhaust air, water = sensible cooling / latent heat', () => {
    const variant = scene.variants[0]!
    const hall = variant.halls[0]!
    // 5940 S21 × 3.5 kW = 20 790 kW to air
    const plant = hallPlant(hall, variantLoads(variant, catalog, DEFAULT_PARAMS).rows, catalog)
    expect(plant.heatAirKW).toBeCloseTo(20_790, 6)
    const r = plantAt(plant, { dryBulbC: 27, wetBulbC: 18.5 }, 101_325, DEFAULT_PARAMS)
    // 27 − 0.8 × (27 − 18.5) = 20.2 °C
    expect(r.supplyAirC).toBeCloseTo(20.2, 9)
    // Mass flow 20 790 / (1.005 × 15) = 1379.1 kg/s. At supply ρ(20.2 °C) = 101 325 / (287.05 × 293.35)
    // = 1.20330 that is 1146.1 m³/s; the fans move it as exhaust air at 35.2 °C,
    // ρ = 101 325 / (287.05 × 308.35) = 1.14476: 1204.7 m³/s (308.35/293.35 = 5.1 % more)
    const rhoSupply = airDensityKgM3(20.2, 101_325)
    const rhoExhaust = airDensityKgM3(35.2, 101_325)
    const qSupply = 20_790_000 / (rhoSupply * 1005 * 15)
    const qExhaust = 20_790_000 / (rhoExhaust * 1005 * 15)
    expect(qExhaust).toBeCloseTo(1204.71, 2)
    expect(r.airflowNeededM3s).toBeCloseTo(qExhaust, 6)
    // water = ρ·Q·cp·(27 − 20.2) / 2.442e6 kg/s × 3600 = L/h (the same mass flow at either density)
    expect(r.waterLph).toBeCloseTo(((rhoSupply * qSupply * 1005 * 6.8) / WATER_LATENT_HEAT_J_PER_KG) * 3600, 6)
    // fans running: 1204.7 / (10.42 × 0.85) = 136.0 of 168 (129.4 at supply density), 1.1 kW each; pads 34 × 0.25 kW
    const fan = catalog.coolingUnits.get('exhaust-fan-50in')!
    if (fan.kind !== 'exhaust-fan') throw new Error('fan')
    expect(r.coolingPowerKW).toBeCloseTo((qExhaust / (fan.airflowM3s * 0.85)) * fan.powerKW + 34 * 0.25, 6)
    expect(r.airflowShort).toBe(false)
  })
  it('chiller COP from a Carnot fraction: 22 °C supply, 30 °C ambient', () => {
    // T_evap = 22 − 5 = 17 °C = 290.15 K; T_cond = 30 + 5 = 35 °C = 308.15 K
    // COP = 0.5 × 290.15 / 18 = 8.06
    expect(chillerCop(22, 30, DEFAULT_PARAMS)).toBeCloseTo((0.5 * 290.15) / 18, 6)
    // at 100 °C ambient: 0.5 × 290.15 / 88 = 1.65, below the floor of 2
    expect(chillerCop(22, 100, DEFAULT_PARAMS)).toBe(DEFAULT_PARAMS.chillerMinCop)
  })
})

describe('year of the example variants', () => {
  // Each variant solved with its year once, whichever test asks first (the tests only read it).
  const yearOf = memoized((variantId: string) => solveVariant(scene, variantId, catalog).year!)
  it('the year’s energy is the sum of its hours, month by month', () => {
    for (const v of scene.variants) {
      const y = yearOf(v.id)
      const monthly = y.months.reduce((s, m) => s + m.facilityMWh, 0)
      expect(monthly).toBeCloseTo(y.facilityMWh, 3)
      expect(y.facilityMWh).toBeCloseTo(y.itMWh + y.coolingMWh + y.lossMWh, 6)
      expect(y.annualPue).toBeGreaterThan(1)
      expect(y.worstHourPue).toBeGreaterThanOrEqual(y.annualPue! - 1e-12)
    }
  })
  it('the mining hall never exceeds its miners’ 40 °C inlet and evaporates water only in the warm months', () => {
    const y = yearOf('asic-baseline')
    expect(y.halls[0]!.hoursInletAboveAllowable).toBe(0)
    expect(y.months[0]!.waterM3).toBe(0) // January
    expect(y.months[6]!.waterM3).toBeGreaterThan(0) // July
  })
  it('liquid cooling costs more fan and pump power than wall fans: PUE GB200 > ASIC', () => {
    expect(yearOf('gpu-gb200-liquid').annualPue).toBeGreaterThan(yearOf('asic-baseline').annualPue!)
  })
})

describe('ASHRAE classes', () => {
  it('every catalog device with an air class has an allowable inlet inside it', async () => {
    const { ASHRAE_AIR_CLASSES } = await import('../../../src/solver/cooling/ashrae')
    for (const d of catalog.devices.values()) {
      if (d.inlet.ashraeClass) expect(d.inlet.allowableMaxC, d.id).toBeLessThanOrEqual(ASHRAE_AIR_CLASSES[d.inlet.ashraeClass].maxC)
    }
  })
  it('names the W class of a coolant limit', async () => {
    const { liquidClassFor } = await import('../../../src/solver/cooling/ashrae')
    expect(liquidClassFor(45)).toBe('W45')
    expect(liquidClassFor(42)).toBe('W40')
    expect(liquidClassFor(17)).toBe('W17')
  })
})
