// A site with no IT load (a hall whose rows were all taken out, as an editor passes through): its
// PUE is no figure, not 1.000 — "perfectly efficient" for a hall that draws 0.09 MW of fans and
// losses for nothing. The design day, every hour and month of the year and the energy basis of the
// economics all say null (constants.ts pueOf), and every view writes "—".
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../../src/cli/main'
import { pueOf } from '../../../src/solver/constants'
import { solveVariant } from '../../../src/solver'
import { fixtureCatalog } from '../fixtures/catalog'
import { fans, oneRowScene } from '../fixtures/scenes'

describe('PUE without IT load', () => {
  it('is facility / IT with IT load, null without: 1.05 = 2100 / 2000', () => {
    expect(pueOf(2100, 2000)).toBeCloseTo(1.05, 15)
    expect(pueOf(90, 0)).toBeNull()
  })

  it('a hall with fans and no rows: null PUE everywhere, the facility still drawing its fans and losses', () => {
    const scene = oneRowScene({ cooling: [fans(20)] })
    scene.variants[0]!.halls[0]!.rows = []
    const r = solveVariant(scene, 'v', fixtureCatalog)
    expect(r.totals.itKW).toBe(0)
    expect(r.totals.designDayFacilityKW).toBeGreaterThan(0)
    expect(r.totals.pue).toBeNull()
    const y = r.year!
    expect(y.facilityMWh).toBeGreaterThan(0)
    expect([y.annualPue, y.worstHourPue, y.designHourPue]).toEqual([null, null, null])
    expect(y.months.map((m) => m.pue)).toEqual(Array(12).fill(null))
    expect(r.economics!.energy.pue).toBeNull()
  })

  it('the CLI writes "—" for it, and no NaN anywhere (the default scene with its rows taken out)', async () => {
    const scene = JSON.parse(readFileSync('scenes/siberia-20mw.json', 'utf8')) as { variants: { id: string; halls: { rows: unknown[] }[] }[] }
    for (const h of scene.variants.find((v) => v.id === 'asic-baseline')!.halls) h.rows = []
    const file = join(mkdtempSync(join(tmpdir(), 'halltwin-noit-')), 'empty.json')
    writeFileSync(file, JSON.stringify(scene))
    const run = async (...flags: string[]): Promise<string> => {
      let out = ''
      let err = ''
      const code = await main(['check', file, '--variant', 'asic-baseline', ...flags], { out: (t) => (out += t), err: (t) => (err += t) })
      expect(code, err).toBeLessThan(2)
      return out
    }
    const text = await run()
    expect(text).toMatch(/design day [\d.]+ MW, PUE —/)
    expect(text).toMatch(/Year {5}PUE — \(worst hour —\)/)
    for (const out of [text, await run('--md')]) expect(out).not.toMatch(/NaN|Infinity|undefined/)
  })
})
