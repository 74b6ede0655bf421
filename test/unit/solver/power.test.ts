import { describe, expect, it } from 'vitest'
import { solveVariant } from '../../../src/solver'
import { fixtureCatalog } from '../fixtures/catalog'
import { fans, oneRowScene } from '../fixtures/scenes'

const pf99Tan = Math.tan(Math.acos(0.99)) // 0.142489

describe('power chain: grid → 1600 kVA transformer → LV board → 420 × S21 (engineering-data.md §10.2)', () => {
  const report = solveVariant(oneRowScene(), 'v', fixtureCatalog)
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

  it('draws at the grid load + losses, with the grid kVA from P and Q', () => {
    // P = 1470 + 16.2105 = 1486.2105 kW; Q = 209.46 kvar; S = √(1486.21² + 209.46²) = 1500.90 kVA
    expect(report.totals.facilityKW).toBeCloseTo(1486.2105, 3)
    expect(report.totals.gridKVA).toBeCloseTo(Math.hypot(1486.2105, 1470 * pf99Tan), 3)
    expect(report.totals.gridKVA).toBeCloseTo(1500.9, 1)
    expect(report.totals.gridPowerFactor).toBeCloseTo(1486.2105 / 1500.9, 3)
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
    // 1500.9 kVA on a 1.6 MVA connection: 93.8 % → warn; on 1.4 MVA → fail
    const tight = solveVariant(oneRowScene({ gridMVA: 1.4, transformerId: 'tr2500' }), 'v', fixtureCatalog)
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
    const r = solveVariant(scene, 'v', fixtureCatalog)
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
