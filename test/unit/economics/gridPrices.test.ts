// Cost to pass a grid connection too small: the connection its advice names, priced once; no
// transformer for a group whose survivors have room, no second price for the usable-IT shortfall.
import { describe, expect, it } from 'vitest'
import { solveVariant } from '../../../src/solver'
import { resolveEconomicsInputs } from '../../../src/solver/economics/economics'
import { costToPass, priceUpgrades, reportPricing } from '../../../src/solver/economics/upgradePrices'
import { fixtureCatalog } from '../fixtures/catalog'
import { S_GRID, scene } from '../solver/gridScene'

describe('grid shortfall cost to pass', () => {
  const v = scene.variants[0]!
  const report = solveVariant(scene, v.id, fixtureCatalog)
  const lines = priceUpgrades(reportPricing(report, v, fixtureCatalog, resolveEconomicsInputs(scene, v, fixtureCatalog))).filter((l) =>
    ['grid.load', 'power.usable-it', 'redundancy.n1'].includes(l.kind),
  )

  it('prices the 5.4 MVA connection once: (5381.7 − 4000) kVA × PF × 1.5 M USD/MW', () => {
    // The grid's PF is the report's (4233.2 kW / 4305.3 kVA ≈ 0.983): 1381.7 kVA × 0.983 = 1.358 MW
    // × 1,500,000 USD/MW ≈ 2.04 M USD.
    const grid = report.nodes.find((n) => n.kind === 'grid')!
    expect(grid.powerFactor).toBeCloseTo(4233.24 / S_GRID, 3)
    const line = lines.find((l) => l.kind === 'grid.load')!
    const mw = ((S_GRID / 0.8 - 4000) * grid.powerFactor!) / 1000
    expect(line.costUsd! / 1_500_000).toBeCloseTo(mw, 3)
    expect(line.text).toContain('≥ 5.4 MVA')
  })

  it('the usable-IT shortfall is in the grid line, and no N-1 line buys a transformer', () => {
    expect(lines.find((l) => l.kind === 'power.usable-it')).toMatchObject({ costUsd: 0, includedIn: 'grid.load' })
    expect(lines.find((l) => l.kind === 'redundancy.n1')).toBeUndefined()
    expect(costToPass(lines).pricedUsd).toBe(lines.find((l) => l.kind === 'grid.load')!.costUsd)
  })
})
