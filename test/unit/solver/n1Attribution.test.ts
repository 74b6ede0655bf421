// An N-1 overload belongs to the node it overloads, not to every group whose loss reaches it
// (audit: one unit transformer 1 % over made usable IT 0 MW and advised raising the substation).
import { describe, expect, it } from 'vitest'
import { solveVariant } from '../../../src/solver'
import { fixtureCatalog } from '../fixtures/catalog'
import { S_ROW, scene } from './n1Scene'

// The scene and its arithmetic: ./n1Scene.ts.

const r = solveVariant(scene, 'v', fixtureCatalog)
const check = (id: string) => r.checks.find((c) => c.id === id)!

describe('an N-1 overload is reported against the node it overloads', () => {
  it('the loss of TA overloads BB to 108.78 %, but group T passes: its survivor TB is at 56.57 %', () => {
    const lossTA = r.power.groups.find((g) => g.id === 'T')!.contingencies.find((c) => c.lost.includes('TA'))!
    expect(lossTA.overloaded.map((o) => o.nodeId)).toEqual(['BB'])
    expect(lossTA.overloaded[0]!.utilisation).toBeCloseTo(S_ROW / 1300, 6)
    const t = check('redundancy.n1:T')
    expect(t.status).toBe('ok')
    expect(t.value).toBeCloseTo((S_ROW / 2500) * 100, 3)
    expect(t.note).toMatch(/overloads BB \(109 %\), reported against that node/)
  })

  it('group B fails on its own survivor at 108.78 %, and its advice names BB and BA and sizes them', () => {
    const b = check('redundancy.n1:B')
    expect(b.status).toBe('fail')
    expect(b.value).toBeCloseTo((S_ROW / 1300) * 100, 3)
    expect(['BA', 'BB']).toContain(b.subjectId)
    const advice = r.power.advice.filter((a) => a.checkId === b.id)
    expect(advice.map((a) => a.subjectId).sort()).toEqual(['BA', 'BB'])
    // Sized within the warning band: 1414.14 / (1.0 × 0.95) = 1488.6 kVA → the 2500 A frame
    // (√3 × 400 V × 2500 A = 1732 kVA; 2000 A gives 1386 kVA); or take 1414.14 − 0.95 × 1300 =
    // 179.1 kVA off the row.
    const bb = advice.find((a) => a.subjectId === 'BB')!.text
    expect(bb).toBe('BB carries 1,414 kVA of its 1,300 kVA with BA lost: upgrade BB to a 2500 A frame (1,732 kVA at 400 V), or take ≥ 179 kVA off its rows (r1)')
  })

  it('no advice for group T, none raising a node already as large as it says', () => {
    expect(r.power.advice.filter((a) => a.checkId === 'redundancy.n1:T')).toEqual([])
    for (const a of r.power.advice) expect(a.text).not.toMatch(/each side of T must carry/)
  })

  it('usable IT counts both 2N groups at their firm rating, not 0', () => {
    // Both groups are 2N as required and no loss leaves racks dark: each keeps half its rating.
    // Each board: 1300 kVA × ½ × 0.8 margin × PF 0.99 = 514.8 kW; the transformers above carry more
    // (2500 × ½ × 0.8 × 0.99 = 990 kW each). Usable IT = 2 × 514.8 = 1029.6 kW, limited by a board.
    expect(r.power.groups.every((g) => g.meetsTier)).toBe(true)
    expect(r.power.usableITKW).toBeCloseTo(2 * 1300 * 0.5 * 0.8 * 0.99, 1)
    expect(['BA', 'BB']).toContain(r.power.usableLimitedBy)
    // At full rating: 2 × 1300 × ½ × 0.99 = 1287 kW < 1400 kW installed: the usable-IT check fails,
    // on capacity, not as a tier the chain does not meet.
    const usable = check('power.usable-it:v')
    expect(usable.limit).toBeCloseTo(1287, 1)
    expect(usable.status).toBe('fail')
    expect(usable.requirement).toBeUndefined()
    const words = r.power.advice.find((a) => a.checkId === usable.id)!.text
    expect(words).not.toMatch(/where 2N is required/)
  })
})

describe('a case warns on what the loss does to a node that does not feed the whole group', () => {
  it('BB, taken past its limit by the loss of TA, makes that case warn', () => {
    const lossTA = r.power.groups.find((g) => g.id === 'T')!.contingencies.find((c) => c.lost.includes('TA'))!
    expect(lossTA.status).toBe('warn')
  })

  it('BB already over its limit intact still counts: the loss of TA doubles its load, 108.8 → 217.6 %', () => {
    // Boards at 650 kVA: intact each carries half the row, 707.07 / 650 = 108.8 %, past the 1.0
    // limit; lose TA and BB carries the whole row, 1414.14 / 650 = 217.6 %. BB does not feed group
    // T (TA and TB hang on the grid), so the loss, not the intact state, put that load on it.
    const small = structuredClone(scene)
    for (const n of small.variants[0]!.power) if (n.kind === 'board') n.ratingKVA = 650
    const lossTA = solveVariant(small, 'v', fixtureCatalog).power.groups.find((g) => g.id === 'T')!.contingencies.find((c) => c.lost.includes('TA'))!
    expect(lossTA.overloaded.map((o) => o.nodeId)).toEqual(['BB'])
    expect(lossTA.overloaded[0]!.utilisation).toBeCloseTo(S_ROW / 650, 6)
    expect(lossTA.status).toBe('warn')
  })
})
