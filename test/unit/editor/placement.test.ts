// "+ Add" puts a new item where it breaks no layout rule: on nothing, inside the walls, with its
// aisles and out of the free face of the pads and fans (the rules the verdict judges).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { builtInCatalog } from '../../../src/model/catalog'
import { parseSceneText } from '../../../src/model/parse'
import { DEFAULT_PARAMS } from '../../../src/model/params'
import { layoutProblems } from '../../../src/model/layoutSurvey'
import { feedWithRoom, findFreeSpot, placeRow, type FeedNode } from '../../../src/editor/placement'
import { addCooling, addRow } from '../../../src/editor/commands'
import type { CoolingPlacement, Row } from '../../../src/model/sceneSchema'

const catalog = builtInCatalog()
const r = parseSceneText(readFileSync('scenes/siberia-20mw.json', 'utf8'), catalog)
if (!r.ok) throw new Error('scene invalid')
const scene = r.scene
const V = 'asic-baseline'
const hall = scene.variants[0]!.halls[0]!

describe('where a new item goes', () => {
  it.each(['cdu-1350kw', 'crah-150kw', 'exhaust-fan-50in'])('a new %s lands clear of every rule', (modelId) => {
    const unit: CoolingPlacement = { id: 'new', modelId, count: 1, position: { x: 1, y: 1 }, rotationDeg: 0, feed: 'LV-1.1' }
    const at = findFreeSpot(hall, unit, catalog, DEFAULT_PARAMS)
    expect(at).not.toBeNull()
    unit.position = at!
    const s = addCooling(V, hall.id, unit).execute(scene)
    expect(layoutProblems(s.variants[0]!, catalog, DEFAULT_PARAMS)).toEqual([])
  })

  it('a new row lands clear of every rule, in the intake aisle but out of the pads’ free face', () => {
    // A 20 m × 0.6 m row in the 4 m aisle between the pads (y 0 … 0.15) and Row 1.1 (y 4): at
    // y = 1.5 it would stand 1.5 − 0.15 = 1.35 m < 1.5 m before the pads; at y = 2.0 it has
    // 1.85 m to the pads and 4 − 2.6 = 1.4 m ≥ 1.2 m of aisle to Row 1.1.
    const row: Row = { ...hall.rows[0]!, id: 'new', name: 'New', rackCount: 10, position: { x: 1, y: 1 } }
    const at = { ...row, position: findFreeSpot(hall, row, catalog, DEFAULT_PARAMS)! }
    expect(at.position).toEqual({ x: 1, y: 2 })
    const s = addRow(V, hall.id, at).execute(scene)
    expect(layoutProblems(s.variants[0]!, catalog, DEFAULT_PARAMS)).toEqual([])
  })
})

describe('when the hall is full', () => {
  it('there is no spot for a row longer than the hall, and placeRow shortens it until one fits', () => {
    // 60 shelves of 2.0 m = 120 m > the hall's 72 m length: no spot for the whole row.
    const long: Row = { ...hall.rows[0]!, id: 'new', rackCount: 60, position: { x: 1, y: 1 } }
    expect(findFreeSpot(hall, long, catalog, DEFAULT_PARAMS)).toBeNull()
    const placed = placeRow([hall], long, catalog, DEFAULT_PARAMS)
    // Halved once: 30 shelves = 60 m fits in 72 m (from x = 1 m, with 1.2 m kept to the wall).
    expect(placed?.row.rackCount).toBe(30)
    const s = addRow(V, hall.id, placed!.row).execute(scene)
    expect(layoutProblems(s.variants[0]!, catalog, DEFAULT_PARAMS)).toEqual([])
  })
})

describe('which node feeds a new item', () => {
  // GRID ─ T1 (2500 kVA, 2200 kVA load) ─ LV-A (2500 kVA, 2190 kVA)
  //      └ T2 (2500 kVA,  900 kVA load) ─ LV-B (2000 kVA,  890 kVA), LV-C (1000 kVA, 10 kVA)
  const nodes: FeedNode[] = [
    { id: 'GRID', kind: 'grid', parent: null, ratingKVA: null, loadKVA: 3100 },
    { id: 'T1', kind: 'transformer', parent: 'GRID', ratingKVA: 2500, loadKVA: 2200 },
    { id: 'LV-A', kind: 'board', parent: 'T1', ratingKVA: 2500, loadKVA: 2190 },
    { id: 'T2', kind: 'transformer', parent: 'GRID', ratingKVA: 2500, loadKVA: 900 },
    { id: 'LV-B', kind: 'board', parent: 'T2', ratingKVA: 2000, loadKVA: 890 },
    { id: 'LV-C', kind: 'board', parent: 'T2', ratingKVA: 1000, loadKVA: 10 },
  ]

  it('takes the board whose whole path has the most room within the 80 % margin', () => {
    // LV-A: min(2500·0.8 − 2200, 2500·0.8 − 2190) = −200 kVA (the transformer is past its margin).
    // LV-B: min(2000 − 900 (T2), 1600 − 890) = 710 kVA.  LV-C: min(1100, 800 − 10) = 790 kVA.
    const c = feedWithRoom(nodes, 300, 0.8)
    expect(c).toEqual({ id: 'LV-C', roomKVA: 790, fits: true })
  })

  it('prefers a feed the hall already uses when it has room, and says when nothing has room', () => {
    expect(feedWithRoom(nodes, 300, 0.8, new Set(['LV-B']))?.id).toBe('LV-B')
    expect(feedWithRoom(nodes, 300, 0.8, new Set(['LV-A']))?.id).toBe('LV-C') // LV-A has no room
    expect(feedWithRoom(nodes, 5000, 0.8)).toEqual({ id: 'LV-C', roomKVA: 790, fits: false })
  })
})
