import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { builtInCatalog } from '../../../src/model/catalog'
import { parseSceneText } from '../../../src/model/parse'
import { campusScene } from '../../../src/model/generate/examples'
import { solveVariant } from '../../../src/solver'

const catalog = builtInCatalog()
const parsed = parseSceneText(readFileSync('scenes/siberia-20mw.json', 'utf8'), catalog)
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues))
const scene = parsed.scene

describe.each(scene.variants.map((v) => v.id))('example variant %s', (variantId) => {
  const r = solveVariant(scene, variantId, catalog)

  it('grid draw = IT load + cooling + losses', () => {
    const sum = r.totals.itKW + r.totals.coolingKW + r.totals.lossKW
    expect(Math.abs(r.totals.facilityKW - sum) / sum).toBeLessThan(1e-9)
  })

  it('heat removed (to air + to liquid) = heat produced by the IT', () => {
    expect(r.totals.heatAirKW + r.totals.heatLiquidKW).toBeCloseTo(r.totals.itKW, 6)
  })

  it('every node takes in what its children take in plus its own load and losses', () => {
    const childSum = new Map<string, number>()
    for (const n of r.nodes) if (n.parent) childSum.set(n.parent, (childSum.get(n.parent) ?? 0) + n.loadKW)
    const grid = r.nodes.find((n) => n.parent === null)!
    expect(grid.loadKW).toBeCloseTo((childSum.get(grid.id) ?? 0) + grid.lossKW, 6)
  })
})

describe('example scene verdicts (what a site engineer expects)', () => {
  it('the ASIC baseline passes', () => {
    expect(solveVariant(scene, 'asic-baseline', catalog).verdict).not.toBe('fail')
  })
  it('air-cooled H100 racks fail on their inlet air (the airflow field) and on row density', () => {
    const r = solveVariant(scene, 'gpu-h100-air', catalog)
    expect(r.verdict).toBe('fail')
    expect(r.binding?.domain).toBe('inlet')
    // 4 × 10.2 kW per 0.6 m rack = 68 kW/m against the 40 kW/m the wall-to-wall air removes.
    expect(r.checks.filter((c) => c.kind === 'density.row').every((c) => c.status === 'fail')).toBe(true)
  })
  it('NVL72 racks without a liquid loop fail on the liquid side', () => {
    const r = solveVariant(scene, 'gpu-gb200-no-plant', catalog)
    expect(r.verdict).toBe('fail')
    expect(r.binding?.domain).toBe('liquid')
  })
  it('NVL72 racks with CDUs and dry coolers pass', () => {
    expect(solveVariant(scene, 'gpu-gb200-liquid', catalog).verdict).not.toBe('fail')
  })
  it('the scene file is what the generator writes (regenerate with `halltwin generate siberia`)', async () => {
    const { siberiaScene } = await import('../../../src/model/generate/examples')
    expect(scene).toEqual(siberiaScene(catalog))
  })
})

describe('generated campus', () => {
  it('holds exactly 30 000 miners ≈ 105 MW and parses as a valid scene', () => {
    const campus = campusScene(catalog, 30_000)
    const again = parseSceneText(JSON.stringify(campus), catalog)
    expect(again.ok).toBe(true)
    const r = solveVariant(campus, 'asic-baseline', catalog)
    expect(r.totals.deviceCount).toBe(30_000)
    // 30 000 × 3.5 kW = 105 000 kW
    expect(r.totals.itKW).toBeCloseTo(105_000, 6)
    expect(r.verdict).not.toBe('fail')
  })
})
