// Usable IT limited by a node other than the grid: the advice raises that node's firm capacity by
// the figure that brings the IT installed within the continuous-load margin, and the cost to pass
// prices that same figure (power/advice.ts usableRaiseKW).
//
// One TMG-1600 transformer T1 → LV → 40 shelves × 20 miners × 3.5 kW = 2,800 kW of IT at PF 0.99.
// At full rating T1 carries 1,600 × 0.99 = 1,584 kW of IT; within the 80 % margin 0.8 × 1,584 =
// 1,267.2 kW (power/usable.ts: firm kVA × margin × PF − non-IT, no cooling here).
// To carry 2,800 kW within the margin T1 must add (2,800 − 1,267.2) / 0.8 = 1,916 kW of IT capacity
// at full rating (0.8 × (1,584 + 1,916) = 2,800). The old words, (2,800 − 1,584) / 0.8 = 1,520 kW,
// left it at 0.8 × (1,584 + 1,520) = 2,483.2 kW: short of the 2,800 kW installed, still a warning.
import { describe, expect, it } from 'vitest'
import { solveVariant } from '../../../src/solver'
import { resolveEconomicsInputs } from '../../../src/solver/economics/economics'
import { priceUpgrades, reportPricing } from '../../../src/solver/economics/upgradePrices'
import type { Scene } from '../../../src/model/sceneSchema'
import { fixtureCatalog } from '../fixtures/catalog'
import { oneRowScene } from '../fixtures/scenes'

const RAISE_KW = (2800 - 0.8 * 1600 * 0.99) / 0.8

function withT1(ratingKVA?: number): Scene {
  const scene = oneRowScene({ rackCount: 40, transformerId: 'tr1600' })
  if (ratingKVA !== undefined) scene.variants[0]!.power[1]!.ratingKVA = ratingKVA
  return scene
}

describe('usable IT limited by a transformer', () => {
  const scene = withT1()
  const report = solveVariant(scene, 'v', fixtureCatalog, { year: false })
  const check = report.checks.find((c) => c.kind === 'power.usable-it')!

  it('fails 2,800 kW against 1,584 kW at full rating (1,267.2 kW within the margin), limited by T1', () => {
    expect(report.totals.itKW).toBeCloseTo(2800, 9)
    expect(check.status).toBe('fail')
    expect(check.limit).toBeCloseTo(1600 * 0.99, 9)
    expect(report.power.usableITKW).toBeCloseTo(0.8 * 1600 * 0.99, 9)
    expect(report.power.usableLimitedBy).toBe('T1')
    expect(RAISE_KW).toBeCloseTo(1916, 9)
  })

  it('advises raising T1’s firm capacity by 1.92 MW of IT, short by the usable IT the report shows', () => {
    // The report shows usable IT 1,267.2 kW of 2,800 kW installed: 2,800 − 1,267.2 = 1,532.8 kW
    // short (it said 1.22 MW, 2,800 − 1,584 at full rating, beside that 1.27 MW usable).
    const advice = report.power.advice.find((a) => a.checkId === check.id)!.text
    expect(advice).toBe('usable IT is 1.53 MW short of the IT installed: raise the firm capacity at T1 by ≥ 1.92 MW of IT')
  })

  it('limited by the grid connection: short by the same usable IT', () => {
    // A 1 MVA connection: usable IT within the margin ≤ 0.8 × 1,000 × 0.99 = 792 kW, less T1's losses.
    const grid = solveVariant(oneRowScene({ rackCount: 40, transformerId: 'tr1600', gridMVA: 1 }), 'v', fixtureCatalog, { year: false })
    const c = grid.checks.find((k) => k.kind === 'power.usable-it')!
    expect(grid.power.usableLimitedBy).toBe('GRID')
    expect(grid.power.usableITKW).toBeLessThan(792)
    expect(grid.power.usableITKW).toBeLessThan(c.limit! - 100)
    const short = (2800 - grid.power.usableITKW) / 1000
    const advice = grid.power.advice.find((a) => a.checkId === c.id)!.text
    expect(advice.startsWith(`usable IT is ${short.toFixed(2)} MW short of the IT installed, limited by GRID: `), advice).toBe(true)
  })

  it('done as advised, the IT installed sits within the margin; the old figure leaves it short', () => {
    // T1 raised by 1,916 kW of IT at PF 0.99: 1,600 + 1,916 / 0.99 kVA.
    const after = solveVariant(withT1(1600 + RAISE_KW / 0.99), 'v', fixtureCatalog, { year: false })
    expect(after.power.usableITKW).toBeCloseTo(2800, 6)
    expect(after.checks.find((c) => c.kind === 'power.usable-it')!.status).not.toBe('fail')
    const old = solveVariant(withT1(1600 + 1520 / 0.99), 'v', fixtureCatalog, { year: false })
    expect(old.power.usableITKW).toBeCloseTo(0.8 * (1584 + 1520), 6)
    expect(old.power.usableITKW).toBeLessThan(2800)
  })

  it('prices the same 1,916 kW: 1,916 / 0.99 = 1,935 kVA of transformer at the catalog’s USD/kVA', () => {
    const v = scene.variants[0]!
    const ctx = reportPricing(report, v, fixtureCatalog, resolveEconomicsInputs(scene, v, fixtureCatalog))
    // T1 is overloaded too (power.load), whose line would carry the usable IT; priced alone here.
    const line = priceUpgrades({ ...ctx, failing: ctx.failing.filter((c) => c.kind === 'power.usable-it') }).find((l) => l.kind === 'power.usable-it')!
    const usd = fixtureCatalog.economics.inputs.transformerUsdPerKVA
    expect(line.costUsd).toBeCloseTo((RAISE_KW / 0.99) * usd, 6)
    expect(line.basis).toBe(`1,935 kVA × ${usd} USD/kVA`)
  })
})
