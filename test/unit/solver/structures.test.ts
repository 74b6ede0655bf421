// Structures the scene format allows must not break the solver ("Nothing lost, nothing slow"):
// very deep chains, huge redundancy groups, rows of a million racks. These tests build such
// scenes and solve them; they assert what the answer must be, not how long it takes (scripts/
// bench.ts prints the times), but each runs in well under a second.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { builtInCatalog } from '../../../src/model/catalog'
import { parseScene, parseSceneText } from '../../../src/model/parse'
import type { Scene } from '../../../src/model/sceneSchema'
import { solveVariant } from '../../../src/solver'
import { fixtureCatalog } from '../fixtures/catalog'
import { oneRowScene } from '../fixtures/scenes'
import { nonFiniteIn } from '../property/arbitraries'

const TAN99 = Math.tan(Math.acos(0.99))

function parsed(scene: Scene, catalog = fixtureCatalog): Scene {
  const r = parseScene(scene, catalog)
  if (!r.ok) throw new Error(JSON.stringify(r.issues.slice(0, 3)))
  return r.scene
}

const nonFinite = (report: unknown) => nonFiniteIn(report)

/** Grid → T1 (1600 kVA) → LV → a chain of `depth` boards, the row on the last one. */
function deepChainScene(depth: number): Scene {
  const scene = oneRowScene()
  const variant = scene.variants[0]!
  let parent = 'LV'
  for (let i = 0; i < depth; i++) {
    variant.power.push({ id: `D${i}`, kind: 'board', parent })
    parent = `D${i}`
  }
  variant.halls[0]!.rows[0]!.feed = parent
  return scene
}

describe('a chain of 10,000 boards in series', () => {
  const scene = parsed(deepChainScene(10_000))

  it('solves: the row load reaches the grid through every board', () => {
    const r = solveVariant(scene, 'v', fixtureCatalog)
    expect(nonFinite(r)).toEqual([])
    // 420 × 3.5 kW = 1470 kW through lossless boards, as in §10.2.
    expect(r.nodes.find((n) => n.id === 'D9999')!.loadKW).toBeCloseTo(1470, 6)
    expect(r.nodes.find((n) => n.id === 'D0')!.loadKW).toBeCloseTo(1470, 6)
    expect(r.totals.facilityKW).toBeCloseTo(1470 + 16.2105, 3)
    // Usable IT at N: the transformer, 1600 × 0.8 × 0.99 = 1267.2 kW.
    expect(r.power.usableITKW).toBeCloseTo(1267.2, 6)
    expect(r.power.usableLimitedBy).toBe('T1')
  })
})

describe('the parser on a 20,000-node chain', () => {
  it('accepts it, and finds a loop at its far end', () => {
    const scene = deepChainScene(20_000)
    expect(parseScene(scene, fixtureCatalog).ok).toBe(true)
    // D19999 → D19998 → D19997 → D19999: a loop of three, and nothing else loops.
    const looped = structuredClone(scene)
    const power = looped.variants[0]!.power
    power.find((n) => n.id === 'D19997')!.parent = 'D19999'
    const r = parseScene(looped, fixtureCatalog)
    expect(r.ok).toBe(false)
    if (r.ok) return
    const loops = r.issues.filter((i) => i.message.includes('loops back'))
    expect(loops.map((i) => i.message)).toEqual(['D19997', 'D19998', 'D19999'].map((id) => `power chain loops back to "${id}"`))
  })

  it('reports a node whose way up runs into a loop, as the loop itself', () => {
    // A ← B ← A is a loop; C hangs below B and never reaches the grid.
    const scene = oneRowScene({
      extraPower: [
        { id: 'A', kind: 'board', parent: 'B' },
        { id: 'B', kind: 'board', parent: 'A' },
        { id: 'C', kind: 'board', parent: 'B' },
      ],
    })
    const r = parseScene(scene, fixtureCatalog)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.issues.filter((i) => i.message.includes('loops back')).map((i) => i.path)).toEqual([
      'variants[0].power[3].parent',
      'variants[0].power[4].parent',
      'variants[0].power[5].parent',
    ])
  })
})

/** Grid → T (re-rated 1,000 MVA) → LV → `members` UPS modules of 80 kVA at η 0.96 in one N+1
 *  group, each feeding one 70 kW rack through its own PDU (rows of 1,000 racks); `ownBoards` puts
 *  each module under a board of its own instead of all on LV. */
function bigGroupScene(members: number, ownBoards: boolean): Scene {
  const scene = oneRowScene({ gridMVA: 2000 })
  const v = scene.variants[0]!
  v.power.find((n) => n.id === 'T1')!.ratingKVA = 1_000_000
  const template = v.halls[0]!.rows[0]!
  v.halls[0]!.rows = []
  for (let i = 0; i < members; i++) {
    const parent = ownBoards ? `B${i}` : 'LV'
    if (ownBoards) v.power.push({ id: parent, kind: 'board', parent: 'LV' })
    v.power.push({ id: `M${i}`, kind: 'ups', parent, ratingKVA: 80, efficiency: 0.96, redundancy: { group: 'UPS', scheme: 'N+1' } })
    v.power.push({ id: `P${i}`, kind: 'pdu', parent: `M${i}` })
    if (i % 1000 === 0) v.halls[0]!.rows.push({ ...template, id: `row${i / 1000}`, rackCount: Math.min(1000, members - i), rackFeeds: [] })
    v.halls[0]!.rows.at(-1)!.rackFeeds!.push(`P${i}`)
  }
  return scene
}

describe.each([
  ['on one board', false],
  ['each on a board of its own', true],
])('an N+1 group of 10,000 UPS modules %s', (_, ownBoards) => {
  const r = solveVariant(parsed(bigGroupScene(10_000, ownBoards)), 'v', fixtureCatalog)
  const group = r.power.groups.find((g) => g.id === 'UPS')!
  // A module carries one rack: 20 × 3.5 = 70 kW + 70 × 0.142489 = 9.9742 kvar out; in: 70 / 0.96 = 72.917 kW.
  // Loading: √(72.917² + 9.9742²) / 80 = 73.596 / 80 = 0.91995.
  const uBase = Math.hypot(70 / 0.96, 70 * TAN99) / 80
  // Lose one: its 70 kW + 9.9742 kvar go to the 9,999 others alike, each now at 70 × (1 + 1/9999).
  const uN1 = uBase * (1 + 1 / 9999)

  it('runs one case per module and finds every survivor at 0.92004', () => {
    expect(nonFinite(r)).toEqual([])
    expect(uBase).toBeCloseTo(0.91995, 5)
    expect(group.contingencies).toHaveLength(10_000)
    expect(r.nodes.find((n) => n.id === 'M0')!.utilisation).toBeCloseTo(uBase, 9)
    const lossM0 = group.contingencies[0]!
    expect(lossM0.lost).toEqual(['M0'])
    expect(lossM0.worst).toEqual({ nodeId: 'M1', name: 'M1', utilisation: expect.closeTo(uN1, 9) })
    expect(group.contingencies[1]!.worst!.nodeId).toBe('M0')
    expect(group.contingencies.every((c) => c.status === 'ok' && c.overloaded.length === 0)).toBe(true)
    expect(r.nodes.find((n) => n.id === 'M9999')!.contingencyUtilisation).toBeCloseTo(uN1, 9)
  })

  it('keeps the transformer above as it was: the IT and the UPS losses do not change', () => {
    const t1 = r.nodes.find((n) => n.id === 'T1')!
    expect(t1.contingencyUtilisation).toBeCloseTo(t1.utilisation!, 9)
  })
})

// Beyond what the scene format accepts once rows are bounded (1,000 racks): solved without the
// parser, as the solver's own guarantee that its cost does not grow with the racks of a row.
describe('every row of the example site at 1,000,000 racks', () => {
  const catalog = builtInCatalog()
  const text = readFileSync('scenes/siberia-20mw.json', 'utf8')
  const r = parseSceneText(text, catalog)
  if (!r.ok) throw new Error(JSON.stringify(r.issues))
  const scene = structuredClone(r.scene)
  for (const v of scene.variants) {
    for (const h of v.halls) {
      for (const row of h.rows) {
        row.rackCount = 1_000_000
        delete row.rackFeeds
        delete row.rackFeedsB
      }
    }
  }

  it.each(scene.variants.map((v) => v.id))('%s solves, every rack on its feeds, N-1 cases included', (id) => {
    const report = solveVariant(scene, id, catalog)
    expect(nonFinite(report)).toEqual([])
    const variant = scene.variants.find((v) => v.id === id)!
    const rows = variant.halls.flatMap((h) => h.rows)
    expect(report.totals.rackCount).toBe(rows.length * 1_000_000)
    // Grid draw = IT + cooling + losses, with IT = Σ rows of 10⁶ racks.
    const t = report.totals
    expect(Math.abs(t.facilityKW - (t.itKW + t.coolingKW + t.lossKW)) / t.facilityKW).toBeLessThan(1e-9)
    expect(t.itKW).toBeCloseTo(rows.reduce((s, row) => s + report.rows.find((x) => x.id === row.id)!.rackKW * 1_000_000, 0), 0)
  })

  it('a dual-fed row of a million racks puts half on each side, and all on B when A is lost', () => {
    // One row of 10⁶ racks of 20 × 3.5 kW, dual-fed from two 2N sides.
    const s = oneRowScene({
      rackCount: 1_000_000,
      gridMVA: 1e6,
      extraPower: [
        { id: 'T2', kind: 'transformer', parent: 'GRID', modelId: 'tr1600', redundancy: { group: 'T', scheme: '2N', side: 'B' } },
        { id: 'LVB', kind: 'board', parent: 'T2' },
      ],
    })
    const v = s.variants[0]!
    v.power.find((n) => n.id === 'T1')!.redundancy = { group: 'T', scheme: '2N', side: 'A' }
    v.halls[0]!.rows[0]!.feedB = 'LVB'
    const report = solveVariant(s, 'v', fixtureCatalog)
    // 10⁶ × 20 × 3.5 kW = 70 000 000 kW; half on each board.
    expect(report.nodes.find((n) => n.id === 'LV')!.loadKW).toBeCloseTo(35_000_000, 3)
    expect(report.nodes.find((n) => n.id === 'LVB')!.loadKVAR).toBeCloseTo(35_000_000 * TAN99, 3)
    const lossA = report.power.groups.find((g) => g.id === 'T')!.contingencies[0]!
    expect(lossA.lost).toEqual(['T1'])
    expect(lossA.deEnergisedRows).toEqual([])
    // T2 alone delivers 70 000 000 / 0.99 kVA.
    expect(lossA.worst!.nodeId).toBe('T2')
    expect(lossA.worst!.utilisation).toBeCloseTo(70_000_000 / 0.99 / 1600, 3)
  })
})
