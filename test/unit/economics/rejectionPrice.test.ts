// Cost to pass liquid heat rejection buys dry coolers at what each rejects on the design day, the
// derating the check applies (K·(T_limit + ΔT_loop − T_amb)), not at their rated ambient.
import { describe, expect, it } from 'vitest'
import economics from '../../../models/economics.json'
import { solveVariant } from '../../../src/solver'
import { resolveEconomicsInputs } from '../../../src/solver/economics/economics'
import { priceUpgrades, reportPricing } from '../../../src/solver/economics/upgradePrices'
import { makeCatalog } from '../../../src/model/catalog'
import { FIXTURE_DATA } from '../fixtures/catalog'
import { fans, oneRowScene } from '../fixtures/scenes'

const hot44 = { ...FIXTURE_DATA.climates[0]!, id: 'hot44', name: 'Hot 44', designSummerDryBulbC: 44, designSummerWetBulbC: 24 }
const catalog = makeCatalog(
  { ...FIXTURE_DATA, climates: [...FIXTURE_DATA.climates, hot44] },
  { ...economics, coolingUnits: { ...economics.coolingUnits, dry: { usd: 150_000, date: '2026', source: { title: 'test dry cooler', confidence: 'approx' } } } },
)

describe('cost to pass liquid heat rejection', () => {
  it('sizes dry coolers at their design-day duty: 843.3 kW more at 550 kW each = 2 units, not 1 at the rated 1000 kW', () => {
    // 20 NVL racks × 132 kW × 0.85 = 2244 kW to liquid; 3 dry coolers rated 1000 kW at 55 → 45 °C
    // fluid in 35 °C air: K = 3 × 1000/20 = 150 kW/K. Holding the devices' 45 °C (return 55 °C) in
    // 44 °C air: 150 × (55 − 44) = 1650 kW < 2244 → fail. To pass without a warning:
    // 2244/0.9 − 1650 = 843.3 kW more; one dry cooler there rejects 50 × 11 = 550 kW →
    // ⌈843.3/550⌉ = 2 × 150,000 = 300,000 USD (at the rating: ⌈843.3/1000⌉ = 1).
    const cdu = { id: 'cdus', modelId: 'cdu', count: 3, position: { x: 50, y: 5 }, rotationDeg: 90, feed: 'LV' }
    const dry = { id: 'dry', modelId: 'dry', count: 3, position: { x: 70, y: 0 }, rotationDeg: 90, outdoor: true, feed: 'LV' }
    const scene = oneRowScene({ climateId: 'hot44', deviceId: 'gpu-liquid', enclosureId: 'nvl', devicesPerRack: 1, rackCount: 20, transformerId: 'tr2500', cooling: [fans(5), cdu, dry] })
    const v = scene.variants[0]!
    const report = solveVariant(scene, 'v', catalog)
    const check = report.checks.find((c) => c.kind === 'liquid.rejection')!
    expect(check.value).toBeCloseTo(2244, 6)
    expect(check.limit).toBeCloseTo(1650, 6)
    const line = priceUpgrades(reportPricing(report, v, catalog, resolveEconomicsInputs(scene, v, catalog))).find((l) => l.kind === 'liquid.rejection')!
    expect(line.costUsd).toBe(2 * 150_000)
    expect(line.basis).toBe('2 × Dry cooler × 150,000 USD')
    expect(line.text).toContain('550 kW each in 44.0 °C air at the coolant limit')
  })
  it('a hall with no dry cooler yet is priced at the design day too: 1246.7 kW at 1750 kW each = 1 unit, not 2 at the rating', () => {
    // 10 NVL racks: 1122 kW to liquid, 2 CDUs, nothing rejects it (limit 0). Flat 20 °C design dry
    // bulb, devices' 45 °C (return 55 °C): one dry cooler rejects 50 × (55 − 20) = 1750 kW.
    // To pass without a warning: 1122/0.9 − 0 = 1246.7 kW → ⌈1246.7/1750⌉ = 1 (rated: ⌈1.25⌉ = 2).
    const cdu = { id: 'cdus', modelId: 'cdu', count: 2, position: { x: 50, y: 5 }, rotationDeg: 90, feed: 'LV' }
    const scene = oneRowScene({ deviceId: 'gpu-liquid', enclosureId: 'nvl', devicesPerRack: 1, rackCount: 10, transformerId: 'tr2500', cooling: [fans(5), cdu] })
    const v = scene.variants[0]!
    const report = solveVariant(scene, 'v', catalog)
    expect(report.checks.find((c) => c.kind === 'liquid.rejection')!.limit).toBe(0)
    const line = priceUpgrades(reportPricing(report, v, catalog, resolveEconomicsInputs(scene, v, catalog))).find((l) => l.kind === 'liquid.rejection')!
    expect(line.costUsd).toBe(150_000)
    expect(line.text).toContain('1,750 kW each in 20.0 °C air')
  })
})
