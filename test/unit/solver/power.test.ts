import { describe, expect, it } from 'vitest'
import { solveVariant } from '../../../src/solver'
import { fixtureCatalog } from '../fixtures/catalog'
import { fans, oneRowScene } from '../fixtures/scenes'
import { builtInCatalog } from '../../../src/model/catalog'
import { TransformerSchema } from '../../../src/model/catalogSchema'
import { leakageReactancePct, transformerLoss, transformerLossCoefficients } from '../../../src/solver/power/transformer'
import { MIN_RATING_KVA } from '../../../src/solver/power/flow'
import { nonFiniteIn } from '../property/arbitraries'
import { solvePower } from '../../../src/solver/power/solvePower'
import { variantLoads } from '../../../src/solver/loads'
import { resolveParams } from '../../../src/model/params'
import { NO_YEAR } from './noYear'

const pf99Tan = Math.tan(Math.acos(0.99)) // 0.142489

describe('power chain: grid → 1600 kVA transformer → LV board → 420 × S21 (engineering-data.md §10.2)', () => {
  const report = solveVariant(oneRowScene(), 'v', fixtureCatalog, NO_YEAR)
  const node = (id: string) => report.nodes.find((n) => n.id === id)!

  it('carries the row load to the LV board in kW, kvar and kVA', () => {
    // 21 shelves × 20 miners = 420 miners; 420 × 3.5 kW = 1470 kW
    // Q = 1470 × tan(acos 0.99) = 1470 × 0.142489 = 209.46 kvar; S = 1470 / 0.99 = 1484.85 kVA
    expect(report.totals.itKW).toBeCloseTo(1470, 6)
    expect(node('LV').loadKW).toBeCloseTo(1470, 6)
    expect(node('LV').loadKVAR).toBeCloseTo(1470 * pf99Tan, 6)
    expect(node('LV').loadKVA).toBeCloseTo(1484.85, 2)
  })

  it('adds transformer losses P0 + Pk·k² on the delivered kVA', () => {
    // k = 1484.85 / 1600 = 0.92803; k² = 0.861241; loss = 2.0 + 16.5 × 0.861241 = 16.2105 kW
    expect(node('T1').utilisation).toBeCloseTo(0.92803, 5)
    expect(node('T1').lossKW).toBeCloseTo(16.2105, 3)
    expect(node('T1').loadKW).toBeCloseTo(1486.2105, 3)
  })

  it("adds the transformer's own reactive power Q0 + Qk·k² (engineering-data.md §11.1)", () => {
    // TMG-1600: uk 6 %, i0 0.6 %, Pk 16.5 kW.
    // ur = 100 × 16.5 / 1600 = 1.03125 %; ux = √(6² − 1.03125²) = √34.93652 = 5.91071 %
    // Q0 = 0.006 × 1600 = 9.6 kvar (magnetising)
    // Qk = 0.0591071 × 1600 = 94.5714 kvar at rated current; × k² 0.861240 = 81.4487 kvar (leakage)
    // Q_T = 9.6 + 81.4487 = 91.0487 kvar
    expect(node('T1').lossKVAR).toBeCloseTo(91.0487, 3)
    // The transformer takes in the board's 209.4637 kvar + its own 91.0487 = 300.5124 kvar.
    expect(node('T1').loadKVAR).toBeCloseTo(300.5124, 3)
    // Its utilisation is still its delivered kVA: its own var is drawn on the primary side.
    expect(node('T1').utilisation).toBeCloseTo(0.92803, 5)
  })

  it('draws at the grid load + losses, with the grid kVA from P and Q', () => {
    // P = 1470 + 16.2105 = 1486.2105 kW; Q = 209.4637 + 91.0487 = 300.5124 kvar
    // S = √(1486.2105² + 300.5124²) = 1516.288 kVA; PF = 1486.2105 / 1516.288 = 0.98016
    // (Without the transformer's own var, as before: S = √(1486.2105² + 209.4637²) = 1500.899 kVA
    // and PF 0.99021: 1.0 % low and 1.0 % high.)
    expect(report.totals.facilityKW).toBeCloseTo(1486.2105, 3)
    expect(report.totals.gridKVA).toBeCloseTo(Math.hypot(1486.2105, 1470 * pf99Tan + 91.0487), 3)
    expect(report.totals.gridKVA).toBeCloseTo(1516.288, 2)
    expect(report.totals.gridPowerFactor).toBeCloseTo(0.98016, 5)
  })

  it('judges the grid power factor with the transformer var: 0.98016 fails a 0.99 minimum', () => {
    // Without the transformer's own var the connection drew at PF 0.99021 and passed.
    const scene = oneRowScene()
    scene.site.grid.minPowerFactor = 0.99
    const r = solveVariant(scene, 'v', fixtureCatalog, NO_YEAR)
    const check = r.checks.find((c) => c.id === 'grid.pf:GRID')!
    expect(check.value).toBeCloseTo(0.98016, 5)
    expect(check.status).toBe('fail')
    // tan φ = 300.5124 / 1486.2105 = 0.202201; allowed tan φ_min = 0.142489: ratio 1.41906
    expect(check.ratio).toBeCloseTo(300.5124 / 1486.2105 / pf99Tan, 4)
    // Compensation: 300.5124 − 1486.2105 × 0.142489 = 300.5124 − 211.7713 = 88.741 → ≥ 89 kvar
    expect(r.power.advice.find((a) => a.checkId === 'grid.pf:GRID')!.text).toBe('add ≥ 89 kvar of reactive compensation at GRID')
  })

  it('conserves power: grid kW = load kW + losses, grid kvar = load kvar + Σ transformer Q', () => {
    const grid = node('GRID')
    const lossKW = report.nodes.reduce((s, n) => s + n.lossKW, 0)
    const transformerKvar = report.nodes.reduce((s, n) => s + n.lossKVAR, 0)
    expect(grid.loadKW).toBeCloseTo(1470 + lossKW, 9)
    expect(grid.loadKVAR).toBeCloseTo(1470 * pf99Tan + transformerKvar, 9)
    expect(transformerKvar).toBeCloseTo(node('T1').lossKVAR, 12)
  })

  it('warns above the 80 % continuous-load margin and names the transformer', () => {
    const check = report.checks.find((c) => c.id === 'power.load:T1')!
    expect(check.value).toBeCloseTo(1484.85, 2)
    expect(check.limit).toBe(1600)
    expect(check.status).toBe('warn') // 92.8 % > 80 %
  })

  it('fails a transformer loaded beyond its rating and makes it the binding constraint', () => {
    // 24 shelves × 20 × 3.5 = 1680 kW; /0.99 = 1697 kVA > 1600
    // Fans on their own board so the hall's airflow is not what fails: 1680 kW needs
    // 1680 / (1.20412 × 1005 × 15) = 92.6 m³/s; 20 fans × 10 × 0.85 = 170 m³/s.
    const scene = oneRowScene({
      rackCount: 24,
      cooling: [fans(20, 'AUX')],
      extraPower: [{ id: 'AUX', kind: 'board', parent: 'GRID' }],
    })
    const over = solveVariant(scene, 'v', fixtureCatalog)
    expect(over.verdict).toBe('fail')
    expect(over.binding?.id).toBe('power.load:T1')
    expect(over.binding?.value).toBeCloseTo(1680 / 0.99, 2)
    // The row's own cooling checks pass; it fails because the transformer above its board does.
    expect(over.checks.filter((c) => c.subjectId === 'row').every((c) => c.status !== 'fail')).toBe(true)
    expect(over.rows[0]!.status).toBe('fail')
  })

  it('checks the grid connection in kVA against its MVA', () => {
    // 1516.3 kVA on a 1.6 MVA connection: 94.8 % → warn; on 1.4 MVA → fail
    const tight = solveVariant(oneRowScene({ gridMVA: 1.4, transformerId: 'tr2500' }), 'v', fixtureCatalog, NO_YEAR)
    const grid = tight.checks.find((c) => c.id === 'grid.load:GRID')!
    expect(grid.limit).toBe(1400)
    expect(grid.status).toBe('fail')
  })
})

describe('power chain: two levels, two transformers in series-parallel', () => {
  it('sums two branches and their losses at the grid', () => {
    const scene = oneRowScene({
      rackCount: 10, // 10 × 20 × 3.5 = 700 kW on T1
      extraPower: [
        { id: 'T2', kind: 'transformer', parent: 'GRID', modelId: 'tr2500' },
        { id: 'LV2', kind: 'board', parent: 'T2' },
      ],
      extraRows: [
        { id: 'row2', position: { x: 5, y: 10 }, rotationDeg: 0, enclosureId: 'shelf', rackCount: 20, deviceId: 'miner', devicesPerRack: 20, feed: 'LV2' },
      ],
    })
    const r = solveVariant(scene, 'v', fixtureCatalog, NO_YEAR)
    // T1: 700 kW, S = 707.07 kVA, k = 0.441919, loss = 2.0 + 16.5 × 0.195293 = 5.2223 kW
    // T2: 1400 kW, S = 1414.14 kVA, k = 0.565657, loss = 2.6 + 26.5 × 0.319968 = 11.0792 kW
    const t1 = r.nodes.find((n) => n.id === 'T1')!
    const t2 = r.nodes.find((n) => n.id === 'T2')!
    expect(t1.lossKW).toBeCloseTo(5.2223, 3)
    expect(t2.lossKW).toBeCloseTo(11.0792, 3)
    // Grid = 700 + 1400 + 5.2223 + 11.0792 = 2116.3015 kW
    expect(r.totals.facilityKW).toBeCloseTo(2116.3015, 3)
    expect(r.totals.lossKW).toBeCloseTo(16.3015, 3)
  })
})

describe('transformer loss coefficients (power/transformer.ts)', () => {
  const tmg2500 = builtInCatalog().transformers.get('tmg-2500-10-04')!

  it('scales P0, Pk, Q0 and Qk with the rating a node runs at', () => {
    // ТМГ-2500: P0 2.6 kW, Pk 26.5 kW, uk 6 %, i0 0.6 %. ur = 100 × 26.5 / 2500 = 1.06 %;
    // ux = √(36 − 1.1236) = 5.90563 %. At 2500 kVA: Q0 = 15 kvar, Qk = 147.641 kvar; at 1250 kVA half of each.
    const c = transformerLossCoefficients(tmg2500, 1250)
    expect(c.p0KW).toBeCloseTo(1.3, 12)
    expect(c.pkKW).toBeCloseTo(13.25, 12)
    expect(c.q0Kvar).toBeCloseTo(7.5, 12)
    expect(c.qkKvar).toBeCloseTo(0.5 * 147.641, 2)
    expect(transformerLoss(c.q0Kvar, c.qkKvar, 0.25)).toBeCloseTo(7.5 + 0.25 * 73.82, 2)
  })

  it('never takes the root of a negative number; the catalog refuses uk at or below ur', () => {
    expect(leakageReactancePct(1, 40, 1000)).toBe(0) // ur = 4 % > uk = 1 %
    const bad = TransformerSchema.safeParse({ ...tmg2500, impedancePct: 1 }) // ur = 1.06 %
    expect(bad.success).toBe(false)
    expect(TransformerSchema.safeParse(tmg2500).success).toBe(true)
  })
})

describe('design-day losses split for the year (power/losses.ts)', () => {
  // Grid → T1 (TMG-1600) → LV → 420 × S21, and grid → UPS (η 0.95) → AUX → 20 fans of 1 kW at PF 0.8.
  const scene = oneRowScene({
    cooling: [fans(20, 'AUX')],
    extraPower: [
      { id: 'UPS', kind: 'ups', parent: 'GRID', efficiency: 0.95 },
      { id: 'AUX', kind: 'board', parent: 'UPS' },
    ],
  })
  const variant = scene.variants[0]!
  const params = resolveParams()
  const power = solvePower(variant, scene.site, fixtureCatalog, params, variantLoads(variant, fixtureCatalog, params))
  const { losses } = power.flow

  it('puts P0 in the fixed part, Pk·k² in the quadratic part and the UPS in the linear part', () => {
    // T1: P0 = 2.0 kW; Pk·k² = 16.5 × 0.861240 = 14.2105 kW (as in §10.2).
    // UPS: 20 kW out; 20 / 0.95 − 20 = 1.05263 kW.
    expect(losses.fixedLossKW).toBeCloseTo(2.0, 12)
    expect(losses.quadraticLossKW).toBeCloseTo(14.2105, 4)
    expect(losses.variableLossKW).toBeCloseTo(14.2105 + 1.05263, 4)
    // Q0 = 9.6 kvar; Qk·k² = 81.4487 kvar.
    expect(losses.fixedLossKvar).toBeCloseTo(9.6, 12)
    expect(losses.variableLossKvar).toBeCloseTo(81.4487, 4)
    // Together they are every node's losses.
    const total = power.flow.nodes.reduce((s, n) => s + n.lossKW, 0)
    expect(losses.fixedLossKW + losses.variableLossKW).toBeCloseTo(total, 9)
  })
})

describe('honest values at the edges of what the scene format allows', () => {
  it('a transformer rated at a billionth of a kVA is taken at 1 VA: huge, finite, failing', () => {
    const scene = oneRowScene()
    scene.variants[0]!.power.find((n) => n.id === 'T1')!.ratingKVA = 1e-9
    const r = solveVariant(scene, 'v', fixtureCatalog)
    expect(nonFiniteIn(r)).toEqual([])
    const t1 = r.nodes.find((n) => n.id === 'T1')!
    expect(t1.ratingKVA).toBe(MIN_RATING_KVA)
    // k = 1484.85 / 0.001 = 1 484 848; losses scale with the rating: Pk = 16.5 × 0.001/1600.
    expect(t1.utilisation).toBeCloseTo(1484.848 / MIN_RATING_KVA, -1)
    expect(t1.lossKW).toBeCloseTo(2.0 * (0.001 / 1600) + 16.5 * (0.001 / 1600) * (1484848.48 ** 2), -3)
    expect(r.checks.find((c) => c.id === 'power.load:T1')!.status).toBe('fail')
  })

  it('a UPS at an efficiency of a billionth is taken at 1 %: it takes in 100 × what it passes on', () => {
    const scene = oneRowScene({ extraPower: [{ id: 'UPS', kind: 'ups', parent: 'LV', efficiency: 1e-9, ratingKVA: 1e6 }] })
    scene.variants[0]!.halls[0]!.rows[0]!.feed = 'UPS'
    const r = solveVariant(scene, 'v', fixtureCatalog)
    expect(nonFiniteIn(r)).toEqual([])
    // 1470 kW / 0.01 = 147 000 kW in, 145 530 kW of it lost.
    expect(r.nodes.find((n) => n.id === 'UPS')!.loadKW).toBeCloseTo(147_000, 6)
  })
})
