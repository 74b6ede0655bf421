import { describe, expect, it } from 'vitest'
import type { PowerNode, Row, Scene } from '../../../src/model/sceneSchema'
import { parseScene } from '../../../src/model/parse'
import { solveVariant } from '../../../src/solver'
import { fixtureCatalog } from '../fixtures/catalog'
import { NO_YEAR } from './noYear'

// Rows of 20 shelves × 20 × 3.5 kW = 1400 kW at PF 0.99 (Q = 1400 × 0.142489 = 199.48 kvar).
const TAN99 = Math.tan(Math.acos(0.99))

function row(id: string, feed: string, extra: Partial<Row> = {}): Row {
  return { id, position: { x: 0, y: 0 }, rotationDeg: 0, enclosureId: 'shelf', rackCount: 20, deviceId: 'miner', devicesPerRack: 20, feed, ...extra }
}

function scene(power: PowerNode[], rows: Row[], requiredTier?: 'N' | 'N+1' | '2N'): Scene {
  const s: Scene = {
    version: 1,
    name: 'redundancy',
    site: { name: 'r', climateId: 'flat20', grid: { capacityMVA: 20, voltageKV: 10, minPowerFactor: 0.9 } },
    // Plenty of wall fans on an unrated board so only the power chain is under test.
    variants: [{ id: 'v', name: 'V', halls: [{ id: 'h', name: 'H', origin: { x: 0, y: 0 }, lengthM: 60, widthM: 40, heightM: 6, airScheme: 'wall-to-wall', rows, cooling: [] }], power }],
  }
  if (requiredTier) s.variants[0]!.requiredTier = requiredTier
  const parsed = parseScene(s, fixtureCatalog)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues))
  return s
}

const grid: PowerNode = { id: 'GRID', kind: 'grid', parent: null }
const tr = (id: string, group?: PowerNode['redundancy']): PowerNode => ({ id, kind: 'transformer', parent: 'GRID', modelId: 'tr2500', ...(group ? { redundancy: group } : {}) })
const board = (id: string, parent: string): PowerNode => ({ id, kind: 'board', parent })

describe('N+1 group that survives the loss of one member', () => {
  // Three 2500 kVA transformers, each with a 1400 kW row. Lose T1: its 1400 kW + 199.48 kvar
  // move through the ties to T2 and T3, half each (equal ratings):
  // T2 delivers 2100 kW + 299.22 kvar → S = √(2100² + 299.22²) = 2121.21 kVA → 84.85 % of 2500.
  const s = scene(
    [grid, ...['T1', 'T2', 'T3'].map((t) => tr(t, { group: 'U', scheme: 'N+1' })), board('B1', 'T1'), board('B2', 'T2'), board('B3', 'T3')],
    [row('r1', 'B1'), row('r2', 'B2'), row('r3', 'B3')],
  )
  const r = solveVariant(s, 'v', fixtureCatalog, NO_YEAR)
  const group = r.power.groups.find((g) => g.id === 'U')!

  it('runs one case per member and finds the survivors at 84.85 %', () => {
    expect(group.contingencies.map((c) => c.lost)).toEqual([['T1'], ['T2'], ['T3']])
    const lossT1 = group.contingencies[0]!
    expect(lossT1.status).toBe('ok')
    expect(lossT1.worst!.utilisation).toBeCloseTo(Math.hypot(2100, 1.5 * 1400 * TAN99) / 2500, 6)
    expect(lossT1.worst!.utilisation).toBeCloseTo(0.84848, 4)
    expect(r.nodes.find((n) => n.id === 'T2')!.contingencyUtilisation).toBeCloseTo(0.84848, 4)
  })

  it('reports the N-1 check as passing (84.85 % ≤ 95 % of the emergency limit)', () => {
    const check = r.checks.find((c) => c.id === 'redundancy.n1:U')!
    expect(check.value).toBeCloseTo(84.848, 2)
    expect(check.limit).toBe(100)
    expect(check.status).toBe('ok')
  })
})

describe('N+1 group that does not survive', () => {
  // Two transformers: lose T1 and T2 carries 2800 kW + 398.97 kvar → 2828.43 kVA → 113.1 %.
  const s = scene(
    [grid, tr('T1', { group: 'U', scheme: 'N+1' }), tr('T2', { group: 'U', scheme: 'N+1' }), board('B1', 'T1'), board('B2', 'T2')],
    [row('r1', 'B1'), row('r2', 'B2')],
  )
  const r = solveVariant(s, 'v', fixtureCatalog, NO_YEAR)

  it('names the loss and what it overloads', () => {
    const lossT1 = r.power.groups[0]!.contingencies[0]!
    expect(lossT1.status).toBe('fail')
    expect(lossT1.overloaded[0]!.nodeId).toBe('T2')
    expect(lossT1.overloaded[0]!.utilisation).toBeCloseTo(Math.hypot(2800, 2800 * TAN99) / 2500, 6)
    const check = r.checks.find((c) => c.id === 'redundancy.n1:U')!
    expect(check.status).toBe('fail')
    expect(check.note).toMatch(/loss of T1 overloads T2 to 113 %/)
  })

  it('advises one more 2500 kVA transformer in the group', () => {
    // Σ 5000 − largest 2500 = 2500 < ≈ 2860 kVA of load; with a third unit 7500 − 2500 = 5000 ≥ it.
    const advice = r.power.advice.find((a) => a.checkId === 'redundancy.n1:U')!
    expect(advice.text).toMatch(/^add 1 × 2,500 kVA transformer to group U/)
  })
})

describe('2N with dual-fed racks', () => {
  const power: PowerNode[] = [
    grid,
    tr('TA', { group: 'T', scheme: '2N', side: 'A' }),
    tr('TB', { group: 'T', scheme: '2N', side: 'B' }),
    board('BA', 'TA'),
    board('BB', 'TB'),
  ]

  it('splits a dual-fed row half and half, and the B side carries it all when A is lost', () => {
    const r = solveVariant(scene(power, [row('dual', 'BA', { feedB: 'BB' })], '2N'), 'v', fixtureCatalog, NO_YEAR)
    // Normal: 700 kW each → 707.07 kVA → 28.28 %.
    expect(r.nodes.find((n) => n.id === 'TA')!.utilisation).toBeCloseTo(Math.hypot(700, 700 * TAN99) / 2500, 6)
    const [lossA, lossB] = r.power.groups.find((g) => g.id === 'T')!.contingencies
    expect(lossA!.lost).toEqual(['TA'])
    expect(lossA!.deEnergisedRows).toEqual([])
    // Lose A: TB carries 1400 kW → 1414.21 kVA → 56.57 %.
    expect(lossA!.worst).toEqual({ nodeId: 'TB', name: 'TB', utilisation: expect.closeTo(Math.hypot(1400, 1400 * TAN99) / 2500, 6) })
    expect(lossB!.status).toBe('ok')
    expect(r.checks.find((c) => c.id === 'redundancy.dual:dual')!.status).toBe('ok')
  })

  it('a single-fed row on side A is lost with side A', () => {
    const r = solveVariant(scene(power, [row('dual', 'BA', { feedB: 'BB' }), row('single', 'BA')], '2N'), 'v', fixtureCatalog, NO_YEAR)
    const lossA = r.power.groups.find((g) => g.id === 'T')!.contingencies[0]!
    expect(lossA.deEnergisedRows).toEqual(['single'])
    expect(lossA.status).toBe('fail')
    expect(r.checks.find((c) => c.id === 'redundancy.dual:single')!.status).toBe('fail')
    expect(r.checks.find((c) => c.id === 'redundancy.n1:T')!.note).toMatch(/loss of TA leaves 1 row\(s\) without power/)
  })

  it('usable IT of a 2N pair is one transformer within the margin', () => {
    const r = solveVariant(scene(power, [row('dual', 'BA', { feedB: 'BB' })], '2N'), 'v', fixtureCatalog, NO_YEAR)
    // Firm: (5000 − 2500)/5000 = 0.5 per member → 1250 kVA × 0.8 × PF 0.99 (what a transformer delivers:
    // its own var is drawn on its primary side and does not count against its rating) = 990 kW each, 1980 kW in all.
    expect(r.power.usableITKW).toBeCloseTo(2 * 2500 * 0.5 * 0.8 * 0.99, 6)
    expect(r.power.installedITKW).toBe(1400)
  })
})

describe('tier requirements', () => {
  const power: PowerNode[] = [grid, tr('T1'), board('B1', 'T1')]

  it('a mining chain (N) meets tier N and counts its whole transformer as usable', () => {
    const r = solveVariant(scene(power, [row('r1', 'B1')]), 'v', fixtureCatalog, NO_YEAR)
    expect(r.checks.filter((c) => c.domain === 'redundancy' && c.kind !== 'power.usable-it')).toEqual([])
    // Usable IT at N is the transformer's own figure: its check agrees with the transformer load check.
    const usable = r.checks.find((c) => c.kind === 'power.usable-it')!
    expect(usable.status).toBe(r.checks.find((c) => c.id === 'power.load:T1')!.status)
    // 2500 × 0.8 × PF 0.99 delivered = 1980 kW
    expect(r.power.usableITKW).toBeCloseTo(2500 * 0.8 * 0.99, 6)
    expect(r.power.usableLimitedBy).toBe('T1')
  })

  it('the same chain fails N+1: no redundant transformer, no UPS — and is worth 0 usable IT', () => {
    const r = solveVariant(scene(power, [row('r1', 'B1')], 'N+1'), 'v', fixtureCatalog, NO_YEAR)
    expect(r.checks.find((c) => c.id === 'redundancy.tier:T1')!.status).toBe('fail')
    expect(r.checks.find((c) => c.id === 'redundancy.ups:r1')!.status).toBe('fail')
    expect(r.power.usableITKW).toBe(0)
    expect(r.power.advice.map((a) => a.text)).toContain('make T1 redundant: add a 2,500 kVA transformer (TMG-2500) in an N+1 pair with a tie')
  })
})

describe('UPS, generators and rack circuits', () => {
  it('UPS autonomy scales with rated/actual load; generators must carry what they back', () => {
    const power: PowerNode[] = [
      grid,
      tr('T1'),
      { id: 'UPS', kind: 'ups', parent: 'T1', ratingKVA: 2000, efficiency: 0.96, autonomyMin: 10 },
      board('B1', 'UPS'),
      { id: 'G1', kind: 'generator', parent: null, backs: 'T1', ratingKVA: 1000 },
    ]
    const r = solveVariant(scene(power, [row('r1', 'B1')]), 'v', fixtureCatalog, NO_YEAR)
    // UPS out 1400 kW + 199.48 kvar; in = 1400 / 0.96 = 1458.33 kW → S = √(1458.33² + 199.48²) = 1471.91 kVA
    const ups = r.nodes.find((n) => n.id === 'UPS')!
    expect(ups.lossKW).toBeCloseTo(1400 / 0.96 - 1400, 6)
    // autonomy = 10 × 2000 / 1471.91 = 13.59 min ≥ 5
    const autonomy = r.checks.find((c) => c.id === 'power.autonomy:UPS')!
    expect(autonomy.value).toBeCloseTo((10 * 2000) / Math.hypot(1400 / 0.96, 1400 * TAN99), 6)
    expect(autonomy.status).toBe('ok')
    // The 1000 kVA generator cannot carry T1 (≈ 1.49 MVA with losses).
    const gen = r.checks.find((c) => c.id === 'power.generator:T1')!
    expect(gen.status).toBe('fail')
    expect(r.power.advice.find((a) => a.checkId === 'power.generator:T1')!.text).toMatch(/^add generator capacity ≥ 4\d\d kVA for T1$/)
  })

  it('checks each rack circuit against the whole rack and sizes the fix', () => {
    // 20 × 3.5 = 70 kW / 0.99 = 70.71 kVA on a 22.2 kVA (32 A) circuit → fail;
    // 125 A gives 86.6 kVA but 86.6 × 0.8 = 69.3 < 70.71 → 250 A (173.2 kVA).
    const r = solveVariant(scene([grid, tr('T1'), board('B1', 'T1')], [row('r1', 'B1', { circuitKVA: 22.2 })]), 'v', fixtureCatalog, NO_YEAR)
    const c = r.checks.find((x) => x.id === 'power.circuit:r1')!
    expect(c.value).toBeCloseTo(70 / 0.99, 6)
    expect(c.status).toBe('fail')
    expect(r.power.advice.find((a) => a.checkId === 'power.circuit:r1')!.text).toBe('rack circuits of r1 need 250 A three-phase (173 kVA)')
  })
})

describe('upgrade advice for an overloaded transformer and grid', () => {
  it('replaces a 1600 kVA unit with the 2500 kVA model of the same voltages', () => {
    const s = scene([grid, { id: 'T1', kind: 'transformer', parent: 'GRID', modelId: 'tr1600' }, board('B1', 'T1')], [row('r1', 'B1')])
    const r = solveVariant(s, 'v', fixtureCatalog)
    // 1400 kW → 1414.21 kVA on 1600 kVA = 88 % (warn, no advice); 24 shelves → 1697 kVA → fail
    expect(r.power.advice).toEqual([])
    const s2 = scene([grid, { id: 'T1', kind: 'transformer', parent: 'GRID', modelId: 'tr1600' }, board('B1', 'T1')], [row('r1', 'B1', { rackCount: 24 })])
    const r2 = solveVariant(s2, 'v', fixtureCatalog, NO_YEAR)
    expect(r2.power.advice.find((a) => a.checkId === 'power.load:T1')!.text).toBe('replace T1 (1,600 kVA) with a TMG-2500 (2,500 kVA 10/0.4 kV)')
  })

  it('says which grid connection to apply for: one figure, the draw within the 80 % margin, rounded up', () => {
    const s = scene([grid, tr('T1'), board('B1', 'T1')], [row('r1', 'B1')])
    s.site.grid.capacityMVA = 1.2
    const r = solveVariant(s, 'v', fixtureCatalog, NO_YEAR)
    const check = r.checks.find((c) => c.id === 'grid.load:GRID')!
    expect(r.power.advice.find((a) => a.checkId === 'grid.load:GRID')!.text).toBe(
      `grid connection draws ${(check.value! / 1000).toFixed(1)} MVA: apply for a grid connection of ≥ ${(Math.ceil(check.value! / 0.8 / 100) / 10).toFixed(1)} MVA (today 1.2 MVA)`,
    )
  })
})
