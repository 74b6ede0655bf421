import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { builtInCatalog } from '../../../src/model/catalog'
import { parseSceneText } from '../../../src/model/parse'
import { solveVariant } from '../../../src/solver'
import { bestBuildable } from '../../../src/solver/economics/rank'
import { fixtureCatalog } from '../fixtures/catalog'
import { fans, oneRowScene } from '../fixtures/scenes'

describe('economics carries the verdict', () => {
  it('a variant that passes is buildable and has nothing to pay to pass', () => {
    // 21 × 20 × 3.5 kW = 1470 kW / 0.99 = 1484.8 kVA + 25 kVA of fans ≈ 1510 kVA of 1600: warns, passes.
    const e = solveVariant(oneRowScene({ cooling: [fans(20)] }), 'v', fixtureCatalog).economics
    expect(e.buildable).toBe(true)
    expect(e.notBuildable).toBeNull()
    expect(e.costToPass).toBeNull()
  })

  it('an overloaded 1600 kVA transformer: not buildable, and the replacement is the cost to pass', () => {
    // 25 × 20 × 3.5 kW = 1750 kW / 0.99 = 1767.7 kVA + 25 kVA of fans ≈ 1793 kVA > 1600 kVA.
    // Replacement within the 80 % margin: ≥ 1793 / 0.8 = 2241 kVA → 2500 kVA × 45 USD/kVA = 112,500 USD.
    const r = solveVariant(oneRowScene({ rackCount: 25, cooling: [fans(20)] }), 'v', fixtureCatalog)
    expect(r.verdict).toBe('fail')
    const e = r.economics
    expect(e.buildable).toBe(false)
    // The binding check: the usable IT (1750 kW against what T1 carries at its rating) or T1 itself.
    expect(e.notBuildable).toMatchObject({ kind: r.binding!.kind, title: r.binding!.title, subject: r.binding!.subject, failing: 2 })
    expect(e.costToPass!.lines.map((l) => l.kind).sort()).toEqual(['power.load', 'power.usable-it'])
    // The usable IT is short because T1 is: its replacement restores both, so it is paid once.
    expect(e.costToPass!.lines.find((l) => l.kind === 'power.usable-it')).toMatchObject({ costUsd: 0, includedIn: 'power.load' })
    expect(e.costToPass!.pricedUsd).toBe(112_500)
    expect(e.costToPass!.unpriced).toEqual([])
    // The money figures are still there (what it would earn if it ran).
    expect(e.npvUsd).toBeTypeOf('number')
  })
})

describe('ranking', () => {
  const catalog = builtInCatalog()
  const parsed = parseSceneText(readFileSync('scenes/siberia-20mw.json', 'utf8'), catalog)
  if (!parsed.ok) throw new Error('scene')
  const reports = parsed.scene.variants.map((v) => solveVariant(parsed.scene, v.id, catalog))
  const byId = new Map(reports.map((r) => [r.variant, r]))

  it('GB200 without a liquid plant is not buildable: 17 MW of liquid heat has nowhere to go', () => {
    const e = byId.get('gpu-gb200-no-plant')!.economics
    expect(e.buildable).toBe(false)
    expect(e.notBuildable!.kind).toBe('liquid.cdu')
    expect(e.costToPass!.lines.map((l) => l.kind)).toEqual(expect.arrayContaining(['liquid.cdu', 'liquid.rejection', 'year.coolant']))
    expect(e.costToPass!.pricedUsd).toBeGreaterThan(0)
  })

  it('the best NPV is taken among buildable variants only, though the unbuildable one is higher', () => {
    const noPlant = byId.get('gpu-gb200-no-plant')!.economics.npvUsd
    const liquid = byId.get('gpu-gb200-liquid')!.economics.npvUsd
    expect(noPlant).toBeGreaterThan(liquid)
    expect(bestBuildable(reports, (r) => r.economics)?.variant).toBe('gpu-gb200-liquid')
  })
})
