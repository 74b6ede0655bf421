import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CHECKS, CHECK_METAS } from '../../../src/solver/checks'
import { groupChecks, makeCheck, sortChecks, type CheckMeta } from '../../../src/solver/check'
import { solveVariant } from '../../../src/solver'
import { checkDocsMarkdown } from '../../../src/report/checkDocs'
import { checkLimitText, checkRatioText, checkValueText } from '../../../src/report/format'
import { builtInCatalog } from '../../../src/model/catalog'
import { parseScene } from '../../../src/model/parse'

const catalog = builtInCatalog()
const loaded = parseScene(JSON.parse(readFileSync('scenes/siberia-20mw.json', 'utf8')), catalog)
if (!loaded.ok) throw new Error('example scene does not parse')
const scene = loaded.scene

describe('check registry', () => {
  it('has one module per kind, and every check a report holds comes from a listed kind', () => {
    const kinds = CHECKS.map((m) => m.meta.kind)
    expect(new Set(kinds).size).toBe(kinds.length)
    for (const v of scene.variants) {
      const r = solveVariant(scene, v.id, catalog, { year: false })
      for (const c of r.checks) {
        expect(kinds).toContain(c.kind)
        // The id is kind + key: the kind is a field, never parsed back out of the id.
        expect(c.id.startsWith(`${c.kind}:`)).toBe(true)
      }
      expect(new Set(r.checks.map((c) => c.id)).size).toBe(r.checks.length)
    }
  })

  it('docs/checks.md is generated from the metas (run npm run docs:checks)', () => {
    expect(readFileSync('docs/checks.md', 'utf8')).toBe(checkDocsMarkdown(CHECK_METAS))
  })
})

const META: CheckMeta = { kind: 'power.load', domain: 'power', title: 'Load', unit: 'kVA', sense: 'max', description: '', limitSource: '' }

describe('a check states what it is', () => {
  it('computes ratio and status from value and limit: 1484.85 / 1600 = 92.8 % → warn above 80 %', () => {
    const c = makeCheck(META, { subject: 'T1', subjectId: 'T1', value: 1484.85, limit: 1600, warnRatio: 0.8 })
    expect(c.ratio).toBeCloseTo(1484.85 / 1600, 12)
    expect(c.status).toBe('warn')
    expect(checkRatioText(c)).toBe('93 %')
  })

  it('a demand against no capacity fails with no ratio, and says so', () => {
    const c = makeCheck(META, { subject: 'hall', subjectId: 'h', value: 17279, limit: 0 })
    expect(c.status).toBe('fail')
    expect(c.ratio).toBeNull()
    expect(checkRatioText(c)).toBe('no capacity')
  })

  it('a value that is not a number is shown in words, never as a sentinel', () => {
    const c = makeCheck({ ...META, sense: 'min', unit: 'min' }, { subject: 'hall', subjectId: 'h', value: null, valueText: 'no overheat', limit: 10, ratio: 0 })
    expect(c.status).toBe('ok')
    expect(checkValueText(c)).toBe('no overheat')
    expect(checkLimitText(c)).toBe('≥ 10.0')
    expect(JSON.stringify(c)).not.toMatch(/1000000|e\+/)
  })

  it('groups identical failures and lists the binding one first', () => {
    const rows = Array.from({ length: 11 }, (_, i) =>
      makeCheck({ ...META, kind: 'redundancy.ups', sense: 'min', unit: '%', requirement: true }, { subject: `Row ${i + 1}`, subjectId: `r${i + 1}`, value: 0, limit: 100, note: 'no UPS upstream' }),
    )
    const dense = makeCheck({ ...META, kind: 'density.row' }, { subject: 'Row 1', subjectId: 'r1', value: 68, limit: 40 })
    const groups = groupChecks([...rows, dense])
    expect(groups).toHaveLength(2)
    // 68/40 = 170 % is a physical limit: it binds before the 11 identical requirement failures.
    expect(groups[0]!.lead).toBe(dense)
    expect(groups[1]!.checks).toHaveLength(11)
    expect(sortChecks([...rows, dense])[0]).toBe(dense)
  })
})

describe('one PUE for the design day', () => {
  it('the report’s design-day PUE is the typical year’s design hour, for every example variant', () => {
    for (const v of scene.variants) {
      const r = solveVariant(scene, v.id, catalog)
      // designDayFacility = IT + Σ plant draw at the design condition + losses at the design load.
      expect(r.totals.pue).toBeCloseTo(r.totals.designDayFacilityKW / r.totals.itKW, 12)
      expect(r.totals.pue).toBeCloseTo(r.year!.designHourPue!, 9)
      // The year's worst hour can only be at least as bad as the design hour.
      expect(r.year!.worstHourPue).toBeGreaterThanOrEqual(r.year!.designHourPue! - 1e-12)
    }
  })
})
