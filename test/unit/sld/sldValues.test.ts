// The diagram's figures are the solver's: a fold shows its most loaded member (and the spread),
// the colour is the worst status of the members' own checks, a row its worst rack-circuit check.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { builtInCatalog } from '../../../src/model/catalog'
import { parseSceneText } from '../../../src/model/parse'
import { solveVariant } from '../../../src/solver/solve'
import { buildSldGraph, type SldBox } from '../../../src/ui/sld/sldGraph'
import { boxValues, valueContext } from '../../../src/ui/sld/sldValues'

const catalog = builtInCatalog()
const parsed = parseSceneText(readFileSync('scenes/siberia-20mw.json', 'utf8'), catalog)
if (!parsed.ok) throw new Error('scenes/siberia-20mw.json does not parse')
const scene = parsed.scene
const variant = scene.variants.find((v) => v.id === 'gpu-gb200-liquid')
if (!variant) throw new Error('no gpu-gb200-liquid variant')
const report = solveVariant(scene, variant.id, catalog)
const graph = buildSldGraph(variant, catalog, { gridKV: scene.site.grid.voltageKV })
const ctx = valueContext(report)
const box = (member: string): SldBox => {
  const found = [...graph.boxes, ...graph.boxes.flatMap((b) => b.stack)].find((b) => b.members.includes(member))
  if (!found) throw new Error(`no box holds ${member}`)
  return found
}

describe('figures on the diagram', () => {
  it('a fold of 11 unit transformers shows the most loaded one, from the report', () => {
    const fold = box('T-1.1A')
    const members = report.nodes.filter((n) => fold.members.includes(n.id))
    expect(members).toHaveLength(11)
    const top = members.reduce((a, b) => ((b.utilisation ?? 0) > (a.utilisation ?? 0) ? b : a))
    const v = boxValues(fold, ctx)
    expect(v.utilisation).toBe(top.utilisation)
    // the load written beside the % is the one the transformer's load check judges: what it
    // delivers, not what it draws with its own losses (1,912 against 1,873 kVA in the H100 hall)
    const loadCheck = report.checks.find((c) => c.kind === 'power.load' && c.subjectId === top.id)
    expect(v.loadKVA).toBe(loadCheck?.value)
    expect(v.loadKVA).toBeLessThan(top.loadKVA)
    expect(v.ratingKVA).toBe(2500) // tmg-2500-10-04
    const low = Math.min(...members.map((n) => n.utilisation ?? 0))
    expect(v.utilisationMin === null ? (top.utilisation ?? 0) - low <= 0.005 : v.utilisationMin === low).toBe(true)
    const statuses = report.checks.filter((c) => fold.members.includes(c.subjectId)).map((c) => c.status)
    expect(statuses.length).toBeGreaterThan(0)
    expect(v.status).toBe(statuses.includes('fail') ? 'fail' : statuses.includes('warn') ? 'warn' : 'ok')
  })

  it('every rated box writes a load that is its % of its rating, and its load check\'s value', () => {
    const seen = new Set<string>()
    for (const b of [...graph.boxes, ...graph.boxes.flatMap((x) => x.stack)]) {
      if (b.kind === 'row' || b.kind === 'cooling') continue
      const v = boxValues(b, ctx)
      if (v.utilisation === null || v.ratingKVA === null || v.loadKVA === null) continue
      expect(v.loadKVA / v.ratingKVA).toBeCloseTo(v.utilisation, 9)
      const node = report.nodes.find((n) => b.members.includes(n.id) && n.utilisation === v.utilisation)
      if (node?.kind === 'generator') continue // backup: no load check (docs/checks.md)
      const check = report.checks.find((c) => (c.kind === 'power.load' || c.kind === 'grid.load') && c.subjectId === node?.id)
      expect(check?.value).toBe(v.loadKVA)
      seen.add(node?.kind ?? '')
    }
    expect([...seen]).toEqual(expect.arrayContaining(['grid', 'transformer', 'board']))
  })

  it('the row fold shows the largest row load and its worst rack-circuit check', () => {
    const rows = box('row-1.1')
    const v = boxValues(rows, ctx)
    expect(v.loadKW).toBe(Math.max(...report.rows.filter((r) => rows.members.includes(r.id)).map((r) => r.rowKW)))
    const circuits = report.checks.filter((c) => c.kind === 'power.circuit' && rows.members.includes(c.subjectId))
    expect(circuits).toHaveLength(11)
    expect(v.circuit?.ratio).toBe(Math.max(...circuits.map((c) => c.ratio ?? 0)))
    // the rows' own status (row 1.11's inlet air is the binding warning) colours the dot
    const statuses = report.rows.filter((r) => rows.members.includes(r.id)).map((r) => r.status)
    expect(statuses).toContain('warn')
    expect(v.status).toBe(statuses.includes('fail') ? 'fail' : 'warn')
  })

  it('an unrated switchgear has a load but no loading', () => {
    const v = boxValues(box('MV-1.A'), ctx)
    const node = report.nodes.find((n) => n.id === 'MV-1.A')
    expect(v.loadKVA).toBe(node?.loadKVA)
    expect(v.utilisation).toBeNull()
  })

  it('a cooling fold shows the placement load the power flow carried: the report\'s, count × unit input', () => {
    const fans = box('fans-1.1A')
    const v = boxValues(fans, ctx)
    const hall = report.halls.find((h) => h.coolingUnits.some((u) => u.id === 'fans-1.1A'))
    const unit = hall?.coolingUnits.find((u) => u.id === 'fans-1.1A')
    // 21 exhaust fans × the 50-inch fan's input (catalog powerKW) = the placement's load
    const model = catalog.coolingUnits.get('exhaust-fan-50in')
    expect(unit?.kw).toBeCloseTo(21 * (model?.powerKW ?? NaN), 9)
    expect(v.loadKW).toBe(Math.max(...fans.members.map((m) => hall?.coolingUnits.find((u) => u.id === m)?.kw ?? 0)))
    // the hall's installed cooling power is the sum of its placements
    expect(hall?.coolingPowerKW).toBeCloseTo(hall?.coolingUnits.reduce((s, u) => s + u.kw, 0) ?? NaN, 9)
  })
})

describe('the loading % and the status of a box', () => {
  // The rear-door H100 hall: its unit transformers are loaded to 75 % (within the 80 % margin) and
  // fail the N+1 tier the variant requires. The % is the load check's (ok), the tier a dot of its own.
  const rear = scene.variants.find((v) => v.id === 'gpu-h100-rear-door')!
  const rearReport = solveVariant(scene, rear.id, catalog, { year: false })
  const rearGraph = buildSldGraph(rear, catalog, { gridKV: scene.site.grid.voltageKV })
  const rearCtx = valueContext(rearReport)
  const t11 = [...rearGraph.boxes, ...rearGraph.boxes.flatMap((b) => b.stack)].find((b) => b.members.includes('T-1.1'))!

  it('the % is about the load check, the box status about every check', () => {
    const v = boxValues(t11, rearCtx)
    expect(v.loadCheck?.kind).toBe('power.load')
    expect(v.loadCheck?.status).toBe('ok')
    expect(v.loadCheck?.ratio).toBeCloseTo(v.utilisation ?? NaN, 9)
    expect(v.status).toBe('fail')
    expect(v.check?.kind).toBe('redundancy.tier')
  })
})
