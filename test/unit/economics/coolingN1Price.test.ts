// Cost to pass a failing Cooling N-1 prices a standby of the units whose loss fails a case, not
// the dearest unit of the hall: before, a hall failing on the loss of a 42-fan bank (42 × $600)
// was priced one pad section at $800, and here one CDU that no case needs.
import { describe, expect, it } from 'vitest'
import economics from '../../../models/economics.json'
import { solveVariant } from '../../../src/solver'
import { resolveEconomicsInputs } from '../../../src/solver/economics/economics'
import { priceUpgrades, reportPricing } from '../../../src/solver/economics/upgradePrices'
import { makeCatalog } from '../../../src/model/catalog'
import { FIXTURE_DATA } from '../fixtures/catalog'
import { fans, oneRowScene } from '../fixtures/scenes'

const approx = { confidence: 'approx' as const }
const hot32 = { ...FIXTURE_DATA.climates[0]!, id: 'hot32', name: 'Hot 32', designSummerDryBulbC: 32, designSummerWetBulbC: 22 }
const catalog = makeCatalog(
  { ...FIXTURE_DATA, climates: [...FIXTURE_DATA.climates, hot32] },
  {
    ...economics,
    coolingUnits: {
      ...economics.coolingUnits,
      fan: { usd: 600, date: '2026', source: { title: 'test fan', ...approx } },
      cdu: { usd: 450_000, date: '2026', source: { title: 'test CDU', ...approx } },
    },
  },
)

describe('cost to pass Cooling N-1', () => {
  it('prices a standby fan bank, 10 × 600 = 6,000 USD, where losing a 10-fan bank fails (not the dearest unit, a 450,000 USD CDU)', () => {
    // 40 racks × 4 × 10.2 kW = 1632 kW to air at 32 °C outside; a bank of 10 fans carries
    // 10 × 10 × 0.85 × 1.10256 × 1.005 × 15 = 1412.8 kW: two carry it, one does not (219 kW left).
    // A CDU idles in the hall (no liquid heat): losing it fails nothing.
    const cdu = { id: 'cdus', modelId: 'cdu', count: 2, position: { x: 50, y: 5 }, rotationDeg: 90, feed: 'LV' }
    const scene = oneRowScene({ climateId: 'hot32', deviceId: 'gpu-air', enclosureId: 'rack', devicesPerRack: 4, rackCount: 40, transformerId: 'tr2500', cooling: [fans(10), { ...fans(10), id: 'fans-2', elevationM: 2 }, cdu] })
    const v = scene.variants[0]!
    v.requiredTier = 'N+1'
    const report = solveVariant(scene, 'v', catalog)
    expect(report.checks.find((c) => c.kind === 'cooling.n1')!.status).toBe('fail')
    const failing = report.halls[0]!.coolingContingencies.filter((c) => c.rowsOverLimit.length > 0).map((c) => c.lost)
    expect(failing).toEqual(['fans', 'fans-2'])
    const lines = priceUpgrades(reportPricing(report, v, catalog, resolveEconomicsInputs(scene, v, catalog)))
    const line = lines.find((l) => l.kind === 'cooling.n1')!
    expect(line.costUsd).toBe(10 * 600)
    expect(line.basis).toBe('10 × Fan × 600 USD')
    expect(line.sources.map((s) => s.name)).toEqual(['fan'])
  })
})
