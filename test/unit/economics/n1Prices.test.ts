// Cost to pass an N-1 failure prices the node the loss overloads (as its advice sizes it), not a
// unit for every group whose loss reaches it.
import { describe, expect, it } from 'vitest'
import { solveVariant } from '../../../src/solver'
import { resolveEconomicsInputs } from '../../../src/solver/economics/economics'
import { priceUpgrades, reportPricing } from '../../../src/solver/economics/upgradePrices'
import { fixtureCatalog } from '../fixtures/catalog'
import { S_ROW, scene } from '../solver/n1Scene'

const prices = fixtureCatalog.economics.inputs

describe('N-1 cost to pass', () => {
  const v = scene.variants[0]!
  const report = solveVariant(scene, v.id, fixtureCatalog)
  const lines = priceUpgrades(reportPricing(report, v, fixtureCatalog, resolveEconomicsInputs(scene, v, fixtureCatalog)))

  it('raises the two boards the losses overload, and buys no transformer for group T', () => {
    // Losing one side puts the whole row, S = 1400 / 0.99 = 1414.14 kVA, on the other board
    // (1300 kVA): each board must carry 1414.14 / (1.0 emergency × 0.95 warn) = 1488.57 kVA.
    // Boards are priced per kVA of LV switchgear and busway (as the load line prices them):
    // 2 × 1488.57 kVA × 60 USD/kVA = 178,629 USD. Group T passes its N-1: no transformer.
    const n1 = lines.find((l) => l.kind === 'redundancy.n1')!
    expect(n1.checks).toBe(1)
    expect(prices.buswayUsdPerKVA).toBe(60)
    const perBoard = S_ROW / 0.95
    expect(n1.costUsd).toBeCloseTo(2 * perBoard * 60, 2)
    expect(n1.basis).toBe('2,977 kVA × 60 USD/kVA')
    expect(n1.sources.map((s) => s.name)).toEqual(['buswayUsdPerKVA'])
    expect(n1.text).toMatch(/^BB carries 1,414 kVA|^BA carries 1,414 kVA/)
  })

  it('the usable-IT shortfall is in the N-1 line, not priced twice', () => {
    const usable = lines.find((l) => l.kind === 'power.usable-it')!
    expect(usable).toMatchObject({ costUsd: 0, includedIn: 'redundancy.n1' })
  })
})
