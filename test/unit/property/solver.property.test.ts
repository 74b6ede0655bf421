import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { builtInCatalog } from '../../../src/model/catalog'
import { parseScene } from '../../../src/model/parse'
import { solveVariant } from '../../../src/solver'
import { nonFiniteIn, sceneArbitrary } from './arbitraries'

const catalog = builtInCatalog()
const scenes = sceneArbitrary(catalog)

describe('solver properties over random valid scenes', () => {
  it('the generator makes scenes the parser accepts', () => {
    fc.assert(
      fc.property(scenes, (scene) => {
        const r = parseScene(scene, catalog)
        if (!r.ok) throw new Error(JSON.stringify(r.issues))
      }),
      { numRuns: 200 },
    )
  })

  // One solve per scene for two properties: the totals never read the typical year (solve.ts builds
  // them from the loads, the power flow and the halls), so the year-on report serves both; 150
  // runs, as many as the balance had alone and half again as many as the NaN property had.
  it('never throws and never reports a NaN or an infinity; grid draw = IT + cooling + losses, and heat to air + liquid = IT heat', () => {
    fc.assert(
      fc.property(scenes, (scene) => {
        const report = solveVariant(scene, 'v', catalog)
        expect(nonFiniteIn(report)).toEqual([])
        const t = report.totals
        const sum = t.itKW + t.coolingKW + t.lossKW
        expect(Math.abs(t.facilityKW - sum)).toBeLessThanOrEqual(1e-9 * Math.max(1, sum))
        expect(Math.abs(t.heatAirKW + t.heatLiquidKW - t.itKW)).toBeLessThanOrEqual(1e-9 * Math.max(1, t.itKW))
      }),
      // Each solve runs the hall's airflow field and the typical year.
      { numRuns: 150 },
    )
  }, 300_000)

  it('adding a rack never lowers any node’s utilisation', () => {
    const withRow = scenes.filter((s) => s.variants[0]!.halls.some((h) => h.rows.length > 0))
    fc.assert(
      fc.property(withRow, (scene) => {
        const before = solveVariant(scene, 'v', catalog, { year: false })
        const bigger = structuredClone(scene)
        const row = bigger.variants[0]!.halls.find((h) => h.rows.length > 0)!.rows[0]!
        row.rackCount += 1
        const after = solveVariant(bigger, 'v', catalog, { year: false })
        for (const node of before.nodes) {
          const next = after.nodes.find((n) => n.id === node.id)!
          expect(next.loadKW).toBeGreaterThanOrEqual(node.loadKW - 1e-9)
          if (node.utilisation !== null) expect(next.utilisation!).toBeGreaterThanOrEqual(node.utilisation - 1e-12)
        }
      }),
      { numRuns: 100 },
    )
  }, 300_000)
})
