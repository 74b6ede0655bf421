// For random placements of rows (and a pad wall and fan bank), the solver's layout checks fail on
// exactly the problems the editor's Layout list shows (store/layoutSelectors.ts): same function,
// same parameters, one verdict.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { builtInCatalog } from '../../../src/model/catalog'
import { parseScene } from '../../../src/model/parse'
import { solveVariant } from '../../../src/solver'
import { selectLayoutProblems } from '../../../src/store/layoutSelectors'
import type { AppState } from '../../../src/store'
import type { CoolingPlacement, Row, Scene } from '../../../src/model/sceneSchema'

const catalog = builtInCatalog()

// A hall of 36 × 24 m: the rules are the same in any hall, and the airflow field every solve runs
// costs in proportion to the hall's cells (60 × 40 on the check grid).
const HALL_LENGTH_M = 36
const HALL_WIDTH_M = 24

const row = fc.record({
  enclosureId: fc.constantFrom('mining-shelf-5x4', 'rack-42u-600'),
  rackCount: fc.integer({ min: 1, max: 15 }),
  // Positions on a 0.1 m grid near each other so that overlaps, narrow aisles and walls are common.
  x: fc.integer({ min: -25, max: 350 }).map((d) => d / 10),
  y: fc.integer({ min: -10, max: 240 }).map((d) => d / 10),
  rotationDeg: fc.constantFrom(0, 90, 180, 270, 30),
})

const scenes: fc.Arbitrary<Scene> = fc
  .record({
    rows: fc.array(row, { minLength: 1, maxLength: 8 }),
    minAisleM: fc.option(fc.integer({ min: 0, max: 30 }).map((d) => d / 10), { nil: undefined }),
  })
  .map(({ rows, minAisleM }) => {
    const built: Row[] = rows.map((r, i) => ({
      id: `row-${i}`,
      name: `Row ${i}`,
      position: { x: r.x, y: r.y },
      rotationDeg: r.rotationDeg,
      enclosureId: r.enclosureId,
      rackCount: r.rackCount,
      deviceId: r.enclosureId === 'rack-42u-600' ? 'dgx-h100' : 'antminer-s21',
      devicesPerRack: r.enclosureId === 'rack-42u-600' ? 4 : 20,
      feed: 'LV',
    }))
    const cooling: CoolingPlacement[] = [
      { id: 'pads', modelId: 'evap-pad-section', count: 15, position: { x: 3, y: 0 }, rotationDeg: 0, elevationM: 0.5, feed: 'LV' },
      { id: 'fans', modelId: 'exhaust-fan-50in', count: 20, position: { x: 4.2, y: HALL_WIDTH_M - 0.45 }, rotationDeg: 0, elevationM: 0.4, feed: 'LV' },
    ]
    const scene: Scene = {
      version: 1,
      name: 'random layout',
      site: { name: 'random', climateId: 'irkutsk', grid: { capacityMVA: 100, voltageKV: 110, minPowerFactor: 0.9 } },
      variants: [
        {
          id: 'v',
          name: 'V',
          halls: [{ id: 'hall', name: 'Hall', origin: { x: 0, y: 0 }, lengthM: HALL_LENGTH_M, widthM: HALL_WIDTH_M, heightM: 8, airScheme: 'wall-to-wall', rows: built, cooling }],
          power: [
            { id: 'GRID', kind: 'grid', parent: null },
            { id: 'T', kind: 'transformer', parent: 'GRID', modelId: 'tmg-2500-10-04' },
            { id: 'LV', kind: 'board', parent: 'T' },
          ],
          ...(minAisleM !== undefined ? { params: { minAisleM } } : {}),
        },
      ],
    }
    return scene
  })

describe('layout checks and the editor’s Layout list', () => {
  it('fail on the same problems, with the same figures', () => {
    fc.assert(
      fc.property(scenes, (scene) => {
        const parsed = parseScene(scene, catalog)
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues))
        const listed = selectLayoutProblems({ scene: parsed.scene, variantId: 'v' } as AppState)
        const report = solveVariant(parsed.scene, 'v', catalog, { year: false })
        const layout = report.checks.filter((c) => c.domain === 'layout')
        const failing = layout.filter((c) => c.status !== 'ok')
        const byId = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]))
        expect(failing.map((c) => [c.id, c.status, c.value, c.limit]).sort(byId)).toEqual(
          listed.map((p) => [`layout.${p.rule}:${p.ids.join('|')}`, 'fail', p.valueM, p.limitM]).sort(byId),
        )
        // What passes is one summary per rule and hall, never an item the list names.
        for (const c of layout.filter((x) => x.status === 'ok')) expect(c.subjectId).toBe('hall')
        if (listed.length > 0) expect(report.verdict).toBe('fail')
      }),
      { numRuns: 150 },
    )
  })
})
