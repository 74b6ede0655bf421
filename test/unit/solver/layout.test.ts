// Layout problems reach the verdict: the solver's layout checks (solver/checks/layout/) fail on
// what the editor lists, so the app, the CLI, --json and the report all show them.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { builtInCatalog } from '../../../src/model/catalog'
import { parseSceneText } from '../../../src/model/parse'
import { solveVariant } from '../../../src/solver'
import { moveRow, rotateItemsBy } from '../../../src/editor/commands'
import { setVariantParam } from '../../../src/editor/paramCommands'
import { campusScene, siberiaScene } from '../../../src/model/generate/examples'
import type { Scene } from '../../../src/model/sceneSchema'
import { checkRatioText } from '../../../src/report/format'

const catalog = builtInCatalog()
const parsed = parseSceneText(readFileSync('scenes/siberia-20mw.json', 'utf8'), catalog)
if (!parsed.ok) throw new Error('scene invalid')
const scene = parsed.scene
const V = 'asic-baseline'
const layoutChecks = (s: Scene, variantId = V) => solveVariant(s, variantId, catalog, { year: false }).checks.filter((c) => c.domain === 'layout')

describe('layout checks in the verdict', () => {
  it('the baseline passes them, one passing check per rule and hall with its closest call', () => {
    const report = solveVariant(scene, V, catalog, { year: false })
    // Nothing but the rows-in-series warning (checks/cooling/series.ts) is short of ok.
    expect(report.checks.filter((c) => c.status !== 'ok').map((c) => c.kind)).toEqual(['inlet.series'])
    const layout = report.checks.filter((c) => c.domain === 'layout')
    expect(layout.map((c) => c.id)).toEqual(['layout.overlap:hall:hall-1', 'layout.outside:hall:hall-1', 'layout.aisle:hall:hall-1', 'layout.airway:hall:hall-1'])
    // Rows 0.6 m deep at a 3.94 m pitch: 3.94 − 0.6 = 3.34 m aisles. Row 1.11 ends at 43.4 + 0.6 =
    // 44.0 m; the fans stand at 48 − 0.45 = 47.55 m: 3.55 m free in front of them.
    expect(layout.find((c) => c.kind === 'layout.aisle')).toMatchObject({ value: 3.34, limit: 1.2, status: 'ok' })
    expect(layout.find((c) => c.kind === 'layout.airway')).toMatchObject({ value: 3.55, limit: 1.5, status: 'ok' })
  })

  it('R on Row 1.6 turns it through its ten neighbours and the walls: the verdict fails on layout', () => {
    // Row 1.6: 27 shelves × 2 m = 54 m at y = 23.7, centre (36, 24). Turned 90° about its centre it
    // spans y −3 … 51 in a 48 m hall (3 m outside both walls) and x 35.7 … 36.3, across every row.
    const turned = rotateItemsBy(scene, V, ['row-1.6'], 90, catalog)!.execute(scene)
    const report = solveVariant(turned, V, catalog, { year: false })
    expect(report.verdict).toBe('fail')
    expect(report.binding?.domain).toBe('layout')
    // A layout limit of 0 m is a rule, not a capacity: no "no capacity" in the use column.
    expect(checkRatioText(report.binding!)).toBe('—')
    const failing = report.checks.filter((c) => c.domain === 'layout' && c.status === 'fail')
    const overlaps = failing.filter((c) => c.kind === 'layout.overlap')
    // Ten rows, the pads, and the two fan tiers below 2 m (0.4 … 1.78 and 1.98 … 3.36 m).
    expect(overlaps.map((c) => c.subjectId)).toEqual(Array(13).fill('row-1.6'))
    // Row 1.1 (y 4 … 4.6) against the turned row (y −3 … 51): min(4.6 + 3, 51 − 4) = 7.6 m to clear.
    expect(overlaps.find((c) => c.id === 'layout.overlap:row-1.6|row-1.1')!.value).toBeCloseTo(7.6, 9)
    expect(failing.find((c) => c.kind === 'layout.outside')).toMatchObject({ id: 'layout.outside:row-1.6', subject: 'Row 1.6', value: 3, limit: 0 })
    const advice = report.power.advice.map((a) => a.text)
    expect(advice).toContain('Row 1.6 overlaps 13 items (Row 1.1, Row 1.2, Row 1.3, Row 1.4 and 9 more): move it clear or turn it back')
    expect(advice).toContain('Row 1.6 is larger than Main hall as turned: shorten it or turn it')
  })

  it('a narrow aisle fails against params.minAisleM, and a scene may change the minimum', () => {
    // row-1.2 moved to y = 5.4: 5.4 − 4.6 = 0.8 m < 1.2 m; 1.2/0.8 = 1.5 over.
    const narrow = moveRow(V, 'row-1.2', { x: 9, y: 5.4 }).execute(scene)
    const aisle = layoutChecks(narrow).find((c) => c.kind === 'layout.aisle' && c.status === 'fail')!
    expect(aisle).toMatchObject({ id: 'layout.aisle:row-1.1|row-1.2', value: 0.8, limit: 1.2, sense: 'min' })
    expect(aisle.ratio).toBeCloseTo(1.5, 9)
    const advice = solveVariant(narrow, V, catalog, { year: false }).power.advice.map((a) => a.text)
    expect(advice).toContain('move Row 1.1 0.40 m away from Row 1.2 to widen the aisle to 1.20 m')
    const relaxed = setVariantParam(V, 'minAisleM', 0.75).execute(narrow)
    expect(layoutChecks(relaxed).find((c) => c.kind === 'layout.aisle')).toMatchObject({ id: 'layout.aisle:hall:hall-1', value: 0.8, limit: 0.75, status: 'ok' })
  })

  it('every generated example scene is clear of layout problems', () => {
    for (const s of [siberiaScene(catalog), campusScene(catalog, 30_000), campusScene(catalog, 500), campusScene(catalog, 100_000)]) {
      for (const v of s.variants) {
        const failing = layoutChecks(s, v.id).filter((c) => c.status !== 'ok')
        expect(failing.map((c) => `${s.name} ${v.id}: ${c.note}`)).toEqual([])
      }
    }
  })
})
