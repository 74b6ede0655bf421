// "+ Add" puts a new item where it breaks no layout rule: on nothing, inside the walls, with its
// aisles and out of the free face of the pads and fans (the rules the verdict judges).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { builtInCatalog } from '../../../src/model/catalog'
import { parseSceneText } from '../../../src/model/parse'
import { DEFAULT_PARAMS } from '../../../src/model/params'
import { layoutProblems } from '../../../src/model/layoutSurvey'
import { findFreeSpot } from '../../../src/editor/placement'
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
    unit.position = findFreeSpot(hall, unit, catalog, DEFAULT_PARAMS)
    const s = addCooling(V, hall.id, unit).execute(scene)
    expect(layoutProblems(s.variants[0]!, catalog, DEFAULT_PARAMS)).toEqual([])
  })

  it('a new row lands clear of every rule, in the intake aisle but out of the pads’ free face', () => {
    // A 20 m × 0.6 m row in the 4 m aisle between the pads (y 0 … 0.15) and Row 1.1 (y 4): at
    // y = 1.5 it would stand 1.5 − 0.15 = 1.35 m < 1.5 m before the pads; at y = 2.0 it has
    // 1.85 m to the pads and 4 − 2.6 = 1.4 m ≥ 1.2 m of aisle to Row 1.1.
    const row: Row = { ...hall.rows[0]!, id: 'new', name: 'New', rackCount: 10, position: { x: 1, y: 1 } }
    const at = { ...row, position: findFreeSpot(hall, row, catalog, DEFAULT_PARAMS) }
    expect(at.position).toEqual({ x: 1, y: 2 })
    const s = addRow(V, hall.id, at).execute(scene)
    expect(layoutProblems(s.variants[0]!, catalog, DEFAULT_PARAMS)).toEqual([])
  })
})
