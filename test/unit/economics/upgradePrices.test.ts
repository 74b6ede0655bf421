import { describe, expect, it } from 'vitest'
import { solveVariant } from '../../../src/solver'
import { resolveEconomicsInputs } from '../../../src/solver/economics/economics'
import { costToPass, priceUpgrades, reportPricing } from '../../../src/solver/economics/upgradePrices'
import economics from '../../../models/economics.json'
import { makeCatalog, type Catalog } from '../../../src/model/catalog'
import { FIXTURE_DATA, fixtureCatalog } from '../fixtures/catalog'
import { fans, oneRowScene } from '../fixtures/scenes'

const prices = fixtureCatalog.economics.inputs

function priced(scene: ReturnType<typeof oneRowScene>, catalog: Catalog = fixtureCatalog) {
  const v = scene.variants[0]!
  const report = solveVariant(scene, v.id, catalog)
  return { report, lines: priceUpgrades(reportPricing(report, v, catalog, resolveEconomicsInputs(scene, v, catalog))) }
}

describe('upgrade prices, one line per failing check kind', () => {
  it('an overloaded 1600 kVA transformer is priced as its replacement from models/economics.json', () => {
    // 25 shelves × 20 miners × 3.5 kW = 1750 kW / 0.99 = 1767.7 kVA, + 20 fans × 1 kW / 0.8 = 25 kVA
    // ≈ 1793 kVA through T1 (1600 kVA): over. Sized within the 80 % margin: 1793 / 0.8 = 2241 kVA
    // → the smallest 10/0.4 kV model ≥ 2241 kVA is the 2500 kVA one: 2500 × 45 USD/kVA = 112,500 USD.
    const { report, lines } = priced(oneRowScene({ rackCount: 25, cooling: [fans(20)] }))
    const check = report.checks.find((c) => c.kind === 'power.load' && c.subjectId === 'T1')!
    expect(check.status).toBe('fail')
    expect(check.value! / 0.8).toBeGreaterThan(1600)
    expect(check.value! / 0.8).toBeLessThan(2500)
    const line = lines.find((l) => l.kind === 'power.load')!
    expect(prices.transformerUsdPerKVA).toBe(45)
    expect(line.costUsd).toBe(2500 * 45)
    expect(line.basis).toBe('2,500 kVA × 45 USD/kVA')
    expect(line.sources[0]!.name).toBe('transformerUsdPerKVA')
    expect(line.sources[0]!.title).toMatch(/transformer/i)
    expect(line.text).toMatch(/replace/)
  })

  it('a transformer rated in the scene below its catalog model: advice and price take the rating the power flow takes', () => {
    // T1 is a TMG-1600 rated 1200 kVA in the scene (ratingKVA over the model's 1600). 40 shelves ×
    // 20 × 3.5 kW = 2800 kW / 0.99 = 2828.3 kVA + 20 fans × 1 kW / 0.8 = 25 kVA ≈ 2853 kVA through
    // T1. Sized within the 80 % margin: 2853 / 0.8 = 3566 kVA > 2500 kVA, the largest 10/0.4 kV
    // model: more units like the installed one, ⌈3566 / 1200⌉ − 1 = 2 × 1200 kVA = 2400 kVA ×
    // 45 USD/kVA = 108,000 USD (the catalog's 1600 would say 2 × 1600, 144,000 USD: a fix sized for
    // a transformer the site does not have).
    const scene = oneRowScene({ rackCount: 40, cooling: [fans(20)] })
    scene.variants[0]!.power.find((n) => n.id === 'T1')!.ratingKVA = 1200
    const { report, lines } = priced(scene)
    const check = report.checks.find((c) => c.kind === 'power.load' && c.subjectId === 'T1')!
    expect(check.limit).toBe(1200)
    expect(check.value! / 0.8).toBeGreaterThan(2 * 1200 + 1000)
    expect(check.value! / 0.8).toBeLessThan(3 * 1200)
    expect(report.power.advice.find((a) => a.checkId === check.id)!.text).toBe(
      `add 2 × 1,200 kVA 10/0.4 kV transformer(s) beside T1 and split its ${Math.round(check.value!).toLocaleString('en-US')} kVA between them`,
    )
    const line = lines.find((l) => l.kind === 'power.load')!
    expect(line.costUsd).toBe(2 * 1200 * 45)
    // Within one 2500 kVA model (25 shelves ≈ 1793 kVA / 0.8 = 2241 kVA): replaced, named at 1200 kVA.
    const small = oneRowScene({ rackCount: 25, cooling: [fans(20)] })
    small.variants[0]!.power.find((n) => n.id === 'T1')!.ratingKVA = 1200
    const r = priced(small)
    expect(r.report.power.advice.find((a) => a.checkId === 'power.load:T1')!.text).toBe('replace T1 (1,200 kVA) with a TMG-2500 (2,500 kVA 10/0.4 kV)')
    expect(r.lines.find((l) => l.kind === 'power.load')!.costUsd).toBe(2500 * 45)
  })

  it('names a kind it cannot price instead of calling it $0', () => {
    // No cooling at all: airflow fails and is priced in fans; a grid power factor the fixture cannot
    // meet (0.99 minimum against miners at 0.99 plus magnetising) has no unit cost.
    const s = oneRowScene({ rackCount: 10 })
    s.site.grid.minPowerFactor = 0.999
    const { lines } = priced(s)
    const pf = lines.find((l) => l.kind === 'grid.pf')!
    expect(pf.costUsd).toBeNull()
    const total = costToPass(lines)
    expect(total.unpriced).toContain('grid.pf')
    expect(total.pricedUsd).toBe(lines.reduce((sum, l) => sum + (l.costUsd ?? 0), 0))
  })

  it('prices missing airflow in whole fans of the catalog with their derate', () => {
    // 10 × 20 × 3.5 kW = 700 kW to air; Q = 700,000 / (1.20412 × 1005 × 15) = 38.56 m³/s, none supplied.
    // Sized to pass without a warning: 38.56 / 0.9 = 42.85 m³/s; one fan gives 10 × 0.85 = 8.5 m³/s
    // → ⌈42.85 / 8.5⌉ = ⌈5.04⌉ = 6 fans × 600 USD = 3,600 USD.
    const withFanPrice = makeCatalog(FIXTURE_DATA, {
      ...economics,
      coolingUnits: { ...economics.coolingUnits, fan: { usd: 600, date: '2026', source: { title: 'test fan', confidence: 'approx' } } },
    })
    const { lines } = priced(oneRowScene({ rackCount: 10 }), withFanPrice)
    const airflow = lines.find((l) => l.kind === 'cooling.airflow')!
    expect(airflow.costUsd).toBe(3600)
    expect(airflow.basis).toBe('6 × Fan × 600 USD')
    // Without a priced fan in the catalog the line says so.
    expect(priced(oneRowScene({ rackCount: 10 })).lines.find((l) => l.kind === 'cooling.airflow')!.costUsd).toBeNull()
  })
})
