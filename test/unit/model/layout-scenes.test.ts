// Layout problems on the example scene, edited the way the editor edits it (was
// test/unit/editor/clearance.test.ts: the rules moved into the model room).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { builtInCatalog } from '../../../src/model/catalog'
import { parseSceneText } from '../../../src/model/parse'
import { DEFAULT_PARAMS } from '../../../src/model/params'
import type { LayoutLimits } from '../../../src/model/clearance'
import { layoutProblems } from '../../../src/model/layoutSurvey'
import { moveRow, moveCooling } from '../../../src/editor/commands'
import type { Scene } from '../../../src/model/sceneSchema'

const catalog = builtInCatalog()
const r = parseSceneText(readFileSync('scenes/siberia-20mw.json', 'utf8'), catalog)
if (!r.ok) throw new Error('scene invalid')
const scene = r.scene
const V = 'asic-baseline'
const problemsOf = (s: Scene, limits: LayoutLimits = DEFAULT_PARAMS) => layoutProblems(s.variants[0]!, catalog, limits)

describe('layout problems of the example scene', () => {
  it('the example scene is clear in every variant (stacked fan tiers do not overlap)', () => {
    for (const v of scene.variants) expect(layoutProblems(v, catalog, DEFAULT_PARAMS)).toEqual([])
  })

  it('finds two rows that overlap', () => {
    // row-1.2 sits at y = 7.94; moved onto row-1.1 (y = 4, 0.6 m deep) they overlap by 0.6 m.
    const issues = problemsOf(moveRow(V, 'row-1.2', { x: 9, y: 4 }).execute(scene))
    const overlap = issues.find((i) => i.rule === 'overlap')!
    expect([...overlap.ids].sort()).toEqual(['row-1.1', 'row-1.2'])
    expect(overlap.valueM).toBeCloseTo(0.6, 9)
  })

  it('finds an aisle below the minimum, and respects the parameter', () => {
    // row-1.1 spans y 4 … 4.6; row-1.2 moved to y = 5.4 leaves a 0.8 m aisle < 1.2 m.
    const s = moveRow(V, 'row-1.2', { x: 9, y: 5.4 }).execute(scene)
    const aisle = problemsOf(s).find((i) => i.rule === 'aisle')!
    expect(aisle.valueM).toBeCloseTo(0.8, 9)
    expect(aisle.limitM).toBe(1.2)
    expect(DEFAULT_PARAMS.minAisleM).toBe(1.2)
    expect(problemsOf(s, { ...DEFAULT_PARAMS, minAisleM: 0.5 }).some((i) => i.rule === 'aisle')).toBe(false)
  })

  it('rows back to back (touching) are not an aisle', () => {
    expect(problemsOf(moveRow(V, 'row-1.2', { x: 9, y: 4.6 }).execute(scene))).toEqual([])
  })

  it('finds an item outside the walls', () => {
    // The hall is 72 m long; a 54 m row at x = 20 ends at 74 m: 2 m outside.
    const out = problemsOf(moveRow(V, 'row-1.1', { x: 20, y: 4 }).execute(scene)).find((i) => i.rule === 'outside')!
    expect(out.ids).toEqual(['row-1.1'])
    expect(out.valueM).toBeCloseTo(2, 9)
  })

  it('a cooling placement on a row overlaps it', () => {
    const s = moveCooling(V, 'pads-1', { x: 10, y: 4 }).execute(scene)
    expect(problemsOf(s).some((i) => i.rule === 'overlap' && i.ids.includes('pads-1'))).toBe(true)
  })

  it('a row moved up to the pads blocks the intake', () => {
    // pads-1 spans y 0 … 0.15 (0.5 … 2.5 m high); row-1.1 moved to y = 1 leaves 0.85 m < 1.5 m.
    const airway = problemsOf(moveRow(V, 'row-1.1', { x: 9, y: 1 }).execute(scene)).find((i) => i.rule === 'airway')!
    expect(airway.ids).toEqual(['row-1.1', 'pads-1'])
    expect(airway.valueM).toBeCloseTo(0.85, 9)
    expect(airway.limitM).toBe(DEFAULT_PARAMS.intakeClearanceM)
  })
})
