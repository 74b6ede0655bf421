// Compare pairs the checks of two variants: a check about the variant itself (usable IT, the fibre
// uplink: its id holds the variant id) is one row, not one row per variant with "—" on the other
// side, and it differs in status only where its statuses differ.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { builtInCatalog } from '../../../src/model/catalog'
import { parseSceneText } from '../../../src/model/parse'
import { solveVariant } from '../../../src/solver/solve'
import { checkCellText, pairChecks } from '../../../src/ui/compare/compareRows'

const catalog = builtInCatalog()
const parsed = parseSceneText(readFileSync('scenes/siberia-20mw.json', 'utf8'), catalog)
if (!parsed.ok) throw new Error('scenes/siberia-20mw.json does not parse')
const solve = (id: string) => solveVariant(parsed.scene, id, catalog, { year: false })
const asic = solve('asic-baseline')
const h100 = solve('gpu-h100-air')
const gb200 = solve('gpu-gb200-liquid')

describe('Compare: the checks of A and B, paired', () => {
  it('usable IT and the fibre uplink are one row each, with both variants’ figures', () => {
    const { pairs } = pairChecks(asic, h100)
    for (const kind of ['power.usable-it', 'network.uplink']) {
      const rows = pairs.filter((p) => (p.a ?? p.b)!.kind === kind)
      expect(rows).toHaveLength(1)
      expect(rows[0]!.a?.id).toBe(`${kind}:asic-baseline`)
      expect(rows[0]!.b?.id).toBe(`${kind}:gpu-h100-air`)
    }
  })

  it('a check that passes in both is not counted as differing', () => {
    const { differing } = pairChecks(asic, h100)
    const fibre = [asic, h100].map((r) => r.checks.find((c) => c.kind === 'network.uplink')!.status)
    expect(fibre).toEqual(['ok', 'ok'])
    expect(differing.some((p) => (p.a ?? p.b)!.kind === 'network.uplink')).toBe(false)
    // every pair that differs has two different statuses (or one side missing)
    for (const p of differing) expect(p.a?.status).not.toBe(p.b?.status)
  })

  it('every check of A and of B is in exactly one pair', () => {
    for (const [a, b] of [[asic, h100], [h100, gb200], [asic, asic]] as const) {
      const { pairs } = pairChecks(a, b)
      expect(pairs.filter((p) => p.a).length).toBe(a.checks.length)
      expect(pairs.filter((p) => p.b).length).toBe(b.checks.length)
    }
    expect(pairChecks(asic, asic).differing).toHaveLength(0)
  })
})

describe('Compare: a check cell', () => {
  it('says the share of the limit where there is one, else the value in its unit — not a bare dash', () => {
    const usable = asic.checks.find((c) => c.kind === 'power.usable-it')!
    expect(usable.ratio).not.toBeNull()
    expect(checkCellText(usable)).toMatch(/^\d+ %$/)
    // Rows in series: a count with no ratio (checks/cooling/series.ts).
    const series = asic.checks.find((c) => c.kind === 'inlet.series')!
    expect(series.ratio).toBeNull()
    expect(checkCellText(series)).toBe('10 rows')
  })
})
