// A scene's site on an EPW file: the year and the design day run on the file's hours, the report
// names the weather in use, the catalog climate stays the fallback; the CLI reads the file beside
// the scene and refuses a bad one with its line and column.
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { builtInCatalog } from '../../../src/model/catalog'
import { parseScene } from '../../../src/model/parse'
import type { Scene } from '../../../src/model/sceneSchema'
import { solveVariant } from '../../../src/solver'
import { solveThermalField } from '../../../src/solver/thermal'
import { main } from '../../../src/cli/main'

const DIR = 'test/fixtures/weather'
const EPW = readFileSync(`${DIR}/USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw`, 'utf8')
const catalog = builtInCatalog()
const raw = JSON.parse(readFileSync(`${DIR}/chicago-hall.json`, 'utf8')) as Scene

function scene(weather: Scene['site']['weather']): Scene {
  const r = parseScene({ ...raw, site: { ...raw.site, weather } }, catalog)
  if (!r.ok) throw new Error(JSON.stringify(r.issues))
  return r.scene
}

describe('site.weather', () => {
  it('an embedded EPW: the year runs on its 8,760 hours and the report says so', () => {
    const report = solveVariant(scene({ file: 'chicago.epw', epw: EPW }), 'asic', catalog)
    const db = EPW.split('\n').slice(8).filter((l) => l.trim() !== '').map((l) => Number(l.split(',')[6]))
    expect(report.climate.weather.source).toBe('epw')
    expect(report.climate.name).toMatch(/Chicago Ohare/)
    expect(report.year!.maxDryBulbC).toBe(Math.max(...db))
    expect(report.year!.minDryBulbC).toBe(Math.min(...db))
    // The year's monthly mean dry bulb is the file's (January, column 2 = 1).
    const jan = EPW.split('\n').slice(8).filter((l) => l.startsWith('1986,1,') || /^\d{4},1,/.test(l)).map((l) => Number(l.split(',')[6]))
    expect(report.year!.months[0]!.meanDryBulbC).toBeCloseTo(jan.reduce((s, v) => s + v, 0) / jan.length, 9)
    // The design day is the file's 0.4 % dry bulb, not Irkutsk's 27 °C.
    expect(report.climate.designDryBulbC).not.toBe(catalog.climates.get('irkutsk')!.designSummerDryBulbC)
    expect(db.filter((t) => t > report.climate.designDryBulbC).length).toBeLessThanOrEqual(36)
  })

  it('the heat map answers for the same weather as the inlet checks: every rack inlet the same', () => {
    const s = scene({ file: 'chicago.epw', epw: EPW })
    const report = solveVariant(s, 'asic', catalog, { year: false })
    const field = solveThermalField(s, 'asic', catalog).halls[0]!
    // On the catalog climate (Irkutsk, 27 °C design day) the field would be cooler than the checks'
    // Chicago design day: one field, one weather.
    for (const row of report.rows) expect(field.rackInletC[row.id]).toEqual(row.rackInletC)
  })

  it('a named file nobody loaded: the catalog climate, and the note says why', () => {
    const report = solveVariant(scene({ file: 'chicago.epw' }), 'asic', catalog, { year: false })
    expect(report.climate.weather.source).toBe('catalog')
    expect(report.climate.weather.note).toMatch(/chicago\.epw was not loaded/)
    expect(report.climate.id).toBe('irkutsk')
  })

  it('no weather: the catalog climate as before', () => {
    const report = solveVariant(scene(undefined), 'asic', catalog, { year: false })
    expect(report.climate.weather.source).toBe('catalog')
    expect(report.climate.name).toBe('Irkutsk')
  })

  it('a bad embedded EPW is refused at load with its field path, line and column', () => {
    const bad = EPW.replace(/\n(1986,1,1,5,0,[^,]*,)-10\.6,/, '\n$1warm,')
    const r = parseScene({ ...raw, site: { ...raw.site, weather: { epw: bad } } }, catalog)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.issues[0]).toMatchObject({ path: 'site.weather.epw', message: expect.stringMatching(/line 13, column 7/) })
  })

  it('the CLI reads the EPW beside the scene and prints the weather in use', async () => {
    let out = ''
    const code = await main(['check', `${DIR}/chicago-hall.json`, '--json'], { out: (t) => (out += t), err: () => {} })
    expect(code === 0 || code === 1).toBe(true)
    const report = JSON.parse(out) as { climate: { weather: { source: string; note: string } } }
    expect(report.climate.weather.source).toBe('epw')
    expect(report.climate.weather.note).toMatch(/USA_IL_Chicago-OHare/)
  })

  it('the CLI refuses a scene whose EPW file is broken (exit 2, line and column)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'halltwin-epw-'))
    writeFileSync(join(dir, 'w.epw'), EPW.replace(/\n(1986,1,1,5,0,[^,]*,)-10\.6,/, '\n$1warm,'))
    writeFileSync(join(dir, 's.json'), JSON.stringify({ ...raw, site: { ...raw.site, weather: { file: 'w.epw' } } }))
    let err = ''
    const code = await main(['check', join(dir, 's.json')], { out: () => {}, err: (t) => (err += t) })
    expect(code).toBe(2)
    expect(err).toMatch(/w\.epw: line 13, column 7/)
  })
})
