import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { builtInCatalog } from '../../../src/model/catalog'
import { parseSceneText } from '../../../src/model/parse'
import { checkClearances, MIN_AISLE_M } from '../../../src/editor/clearance'
import { moveRow, moveCooling } from '../../../src/editor/commands'

const catalog = builtInCatalog()
const r = parseSceneText(readFileSync('scenes/siberia-20mw.json', 'utf8'), catalog)
if (!r.ok) throw new Error('scene invalid')
const scene = r.scene
const V = 'asic-baseline'
const variantOf = (s: typeof scene) => s.variants[0]!

describe('clearance checks', () => {
  it('the example scene is clear in every variant (stacked fan tiers do not overlap)', () => {
    for (const v of scene.variants) expect(checkClearances(v, catalog)).toEqual([])
  })

  it('finds two rows that overlap', () => {
    // row-1.2 sits at y = 7.94; moved onto row-1.1 (y = 4, 0.6 m deep) they overlap by 0.6 m.
    const s = moveRow(V, 'row-1.2', { x: 9, y: 4 }).execute(scene)
    const issues = checkClearances(variantOf(s), catalog)
    expect(issues.map((i) => i.rule)).toContain('overlap')
    expect(issues.find((i) => i.rule === 'overlap')!.ids.sort()).toEqual(['row-1.1', 'row-1.2'])
  })

  it('finds an aisle below the minimum, and respects the setting', () => {
    // row-1.1 spans y 4 … 4.6; row-1.2 moved to y = 5.4 leaves a 0.8 m aisle < 1.2 m.
    const s = moveRow(V, 'row-1.2', { x: 9, y: 5.4 }).execute(scene)
    const aisle = checkClearances(variantOf(s), catalog).find((i) => i.rule === 'aisle')!
    expect(aisle.valueM).toBeCloseTo(0.8, 9)
    expect(MIN_AISLE_M).toBe(1.2)
    expect(checkClearances(variantOf(s), catalog, { minAisleM: 0.5 }).some((i) => i.rule === 'aisle')).toBe(false)
  })

  it('rows back to back (touching) are not an aisle', () => {
    const s = moveRow(V, 'row-1.2', { x: 9, y: 4.6 }).execute(scene)
    expect(checkClearances(variantOf(s), catalog)).toEqual([])
  })

  it('finds an item outside the walls', () => {
    // The hall is 72 m long; a 54 m row at x = 20 ends at 74 m: 2 m outside.
    const s = moveRow(V, 'row-1.1', { x: 20, y: 4 }).execute(scene)
    const out = checkClearances(variantOf(s), catalog).find((i) => i.rule === 'outside')!
    expect(out.ids).toEqual(['row-1.1'])
    expect(out.valueM).toBeCloseTo(2, 9)
  })

  it('a cooling placement on a row overlaps it', () => {
    const s = moveCooling(V, 'pads-1', { x: 10, y: 4 }).execute(scene)
    expect(checkClearances(variantOf(s), catalog).some((i) => i.rule === 'overlap' && i.ids.includes('pads-1'))).toBe(true)
  })
})
