// The report generator: standalone HTML, every check of every variant present, scene text escaped.
import { describe, expect, it } from 'vitest'
import { groupChecks } from '../../../src/solver'
import { readFileSync } from 'node:fs'
import { builtInCatalog } from '../../../src/model/catalog'
import { parseScene } from '../../../src/model/parse'
import type { Scene } from '../../../src/model/sceneSchema'
import { solveVariant } from '../../../src/solver'
import { buildReportHtml, escapeHtml, fillCaption, safeImageDataUrl } from '../../../src/report'

const catalog = builtInCatalog()
const raw = JSON.parse(readFileSync('scenes/siberia-20mw.json', 'utf8')) as Scene
const parsed = parseScene(raw, catalog)
if (!parsed.ok) throw new Error('default scene does not parse')
const scene = parsed.scene
const reports = scene.variants.map((v) => solveVariant(scene, v.id, catalog))

const EVIL = `<script>alert("x")</script>"'><img src=x onerror=alert(1)>`

function evilScene(): Scene {
  const s = structuredClone(raw) as Scene & { description?: string }
  s.name = `Hall ${EVIL}`
  s.description = `Desc ${EVIL}`
  s.site.name = `Site ${EVIL}`
  s.variants[0]!.name = `Variant ${EVIL}`
  s.variants[0]!.description = `About ${EVIL}`
  s.variants[0]!.halls[0]!.name = `Hall name ${EVIL}`
  const node = s.variants[0]!.power.find((n) => n.kind === 'transformer')!
  ;(node as { name?: string }).name = `Trafo ${EVIL}`
  const r = parseScene(s, catalog)
  if (!r.ok) throw new Error(`evil scene rejected: ${r.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`)
  return r.scene
}

describe('buildReportHtml', () => {
  const html = buildReportHtml({ scene, reports, catalog, generatedAt: new Date('2026-01-01T00:00:00Z') })

  it('is a standalone page: inline CSS, no scripts, no external resources', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true)
    expect(html).toContain('<style>')
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toMatch(/<link\b/i)
    expect(html).not.toMatch(/(src|href)=["']?https?:/i)
    expect(html).not.toMatch(/@import|url\(/i)
  })

  it('the side-by-side table says which facility power it shows: the nameplate (not the PUE’s design day)', () => {
    const head = html.slice(html.indexOf('<table class="summary">'), html.indexOf('</thead>', html.indexOf('<table class="summary">')))
    expect(head).toContain('Facility MW (nameplate)')
    expect(head).toContain('PUE (year)')
  })

  it('holds every check of every variant', () => {
    for (const r of reports) {
      const section = html.slice(html.indexOf(`id="variant-${r.variant}"`))
      const end = section.indexOf('</section>')
      const body = section.slice(0, end)
      // Identical failures are one row ("11 × (Row 1.1 …)"); every other check has its own.
      const groups = groupChecks(r.checks)
      for (const g of groups) {
        expect(body).toContain(`data-check-id="${escapeHtml(g.lead.id)}"`)
        if (g.checks.length > 1) expect(body).toContain(`${g.checks.length} × (`)
      }
      expect((body.match(/data-check-id=/g) ?? []).length).toBe(groups.length)
    }
  })

  it('draws the power budget, the economics charts and a plan of each variant as inline SVG', () => {
    expect(html).toContain('aria-label="Power budget by level"')
    expect(html).toContain('aria-label="NPV by variant"')
    // The app's own chart components, rendered to static markup.
    expect(html).toContain('aria-label="Cumulative cash by year, per variant"')
    expect(html).toContain('aria-label="Capex by item, per variant"')
    expect((html.match(/<svg class="plan"/g) ?? []).length).toBe(reports.length)
    expect(html).toContain('Substation transformers')
    expect(html).toContain('Unit transformers')
  })

  it('marks a variant that cannot run as drawn and never calls it best, with its cost to pass', () => {
    // GB200 without a liquid plant has the highest NPV ($105M) but fails: not buildable, not ranked.
    const row = html.slice(html.indexOf('GB200, no liquid plant</td>'), html.indexOf('</tr>', html.indexOf('GB200, no liquid plant</td>')))
    expect(row).toContain('not buildable')
    expect(row).not.toContain('>best<')
    const liquid = html.slice(html.indexOf('GB200 NVL72, liquid</td>'), html.indexOf('</tr>', html.indexOf('GB200 NVL72, liquid</td>')))
    expect(liquid).toContain('>best<')
    expect(html).toContain('· not buildable</text>')
    const section = html.slice(html.indexOf('id="variant-gpu-gb200-no-plant"'))
    expect(section).toContain('Not buildable as drawn:</strong> Liquid heat vs CDU capacity — Main hall')
    expect(section).toMatch(/Cost to make it pass<\/strong>.*\$\d/s)
    // Energy from the typical year, said so.
    expect(section).toContain('Energy from the typical year')
  })

  it('uses a captured snapshot instead of the plan, and only a real image data URL', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo='
    const withSnap = buildReportHtml({ scene, reports, catalog, snapshots: { [reports[0]!.variant]: png, [reports[1]!.variant]: 'javascript:alert(1)' } })
    expect(withSnap).toContain(`src="${png}"`)
    expect(withSnap).not.toContain('javascript:')
    expect((withSnap.match(/<svg class="plan"/g) ?? []).length).toBe(reports.length - 1)
    expect(safeImageDataUrl('data:image/png;base64,AAAA" onerror="x')).toBeNull()
  })

  it('escapes every text from the scene: names, descriptions, node names', () => {
    const evil = evilScene()
    const evilReports = evil.variants.map((v) => solveVariant(evil, v.id, catalog))
    const out = buildReportHtml({ scene: evil, reports: evilReports, catalog })
    expect(out).not.toContain('<script>')
    expect(out).not.toContain('<img src=x')
    // With every quoted attribute value removed (their quotes are escaped inside), no tag carries
    // an event handler.
    expect(out.replace(/"[^"]*"/g, '""')).not.toMatch(/<[^>]*\son\w+=/i)
    expect(out).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;')
    // Each evil text shows up escaped where it is used.
    for (const prefix of ['Hall ', 'Desc ', 'Site ', 'Variant ', 'About ', 'Hall name ']) expect(out).toContain(`${prefix}&lt;script&gt;`)
  })
})

describe('fillCaption', () => {
  const asic = reports[0]!
  it('fills the live figures', () => {
    const text = fillCaption('{itMW} MW IT, {facilityMW} MW, PUE {pue}, {verdict}, usable {usableMW}, NPV {npv}, {binding}', asic)
    expect(text).toMatch(/^20\.\d MW IT, 2\d\.\d MW, PUE 1\.\d\d, WARN, usable \d+\.\d, NPV /)
    expect(text).toContain('$')
    expect(text).toContain(asic.binding!.title)
    expect(text).not.toMatch(/\{\w+\}/)
  })
  it('{facilityMW} is the design-day facility, the figure {pue} divides by IT and the presentation shows', () => {
    // The H100 rear-door variant's figures: 20,196 kW of IT, 27,366 kW at nameplate (every cooling
    // unit at full power), 23,269 kW as the plant runs on the design day; PUE 23,269 / 20,196 = 1.152.
    // The caption said '27.4 MW, PUE 1.15' beside the key figures' 'Facility, design day 23.3 MW'.
    const totals = { ...asic.totals, itKW: 20_196, facilityKW: 27_366, designDayFacilityKW: 23_269, pue: 23_269 / 20_196 }
    expect(fillCaption('{itMW} MW IT, {facilityMW} MW, PUE {pue}', { ...asic, totals })).toBe('20.2 MW IT, 23.3 MW, PUE 1.15')
  })
  it('leaves unknown placeholders and shows an ellipsis without a report', () => {
    expect(fillCaption('{nope} {itMW}', null)).toBe('{nope} …')
  })
  it('a binding check with no ratio is written without an empty parenthesis', () => {
    // The baseline binds on rows in series: a count against 0, no ratio (checks/cooling/series.ts).
    expect(fillCaption('{binding}', asic)).toBe('Rows in series, Main hall: 10 against ≤ 0 rows')
    // A ratio that says something stays: a demand against nothing is "no capacity".
    const against0 = { ...asic.binding!, kind: 'liquid.cdu', domain: 'liquid', title: 'Liquid heat vs CDU capacity', unit: 'kW', value: 17_279, limit: 0, ratio: null, status: 'fail', valueText: undefined, limitText: undefined } as const
    expect(fillCaption('{binding}', { ...asic, binding: against0 })).toBe('Liquid heat vs CDU capacity, Main hall: 17,279 against ≤ 0 kW (no capacity)')
  })
  it('returns plain text: markup in a caption stays text for the caller to escape', () => {
    expect(fillCaption('<b>{verdict}</b>', asic)).toBe('<b>WARN</b>')
  })
})
