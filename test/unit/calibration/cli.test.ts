// halltwin calibrate: model vs measured and the fit from the command line, the calibrated scene
// written with --out (and loadable, its EPW path still right), bad data refused with line and column.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { run } from '../cli/runMain'
import { builtInCatalog } from '../../../src/model/catalog'
import { parseScene } from '../../../src/model/parse'

const DIR = 'test/fixtures/weather'
const SCENE = `${DIR}/chicago-hall.json`
// The fixture's first five days of January and of July: enough to see every parameter, quick to fit.
const CSV = readFileSync(`${DIR}/chicago-measured.csv`, 'utf8')
  .split('\n')
  .filter((l, i) => i === 0 || /^2025-0[17]-0[1-5]T/.test(l))
  .join('\n')

describe('halltwin calibrate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'halltwin-calibrate-'))
  const csv = join(dir, 'measured.csv')
  writeFileSync(csv, CSV)

  it('fits, prints before/after against Guideline 14, writes the calibrated scene', async () => {
    const out = join(dir, 'calibrated.json')
    const html = join(dir, 'model-vs-measured.html')
    const r = await run('calibrate', SCENE, '--measured', csv, '--out', out, '--html', html)
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/Weather {2}measured outdoorC for \d+ h \(humidity from the EPW file\)/)
    expect(r.out).toMatch(/GRID\.kW: .*\n {4}hourly {3}before .*\n {13}after {3}NMBE .* PASS/)
    const fitted = Number(/itPowerFraction +([\d.]+) ±/.exec(r.out)?.[1])
    expect(Math.abs(fitted - 0.94)).toBeLessThan(0.005)
    // The page: a plot per series (measured, before, after) and its metrics.
    const page = readFileSync(html, 'utf8')
    expect(page.match(/<svg /g)).toHaveLength(5)
    expect(page.match(/<polyline /g)!.length).toBeGreaterThanOrEqual(15)
    expect(page).toMatch(/<td>monthly<\/td><td>before<\/td><td>-12\.\d %<\/td><td>[\d.]+ %<\/td><td class="fail">FAIL<\/td>/)
    const written = parseScene(JSON.parse(readFileSync(out, 'utf8')), builtInCatalog())
    expect(written.ok).toBe(true)
    if (!written.ok) return
    const v = written.scene.variants.at(-1)!
    expect(v.id).toBe('asic-calibrated')
    expect(v.params!.fanFlowDerate).toBeGreaterThan(0.6)
    expect(v.params!.fanFlowDerate).toBeLessThan(0.8)
    // The EPW path is rewritten relative to the output, so the calibrated scene still finds it.
    const check = await run('check', out, '--variant', 'asic-calibrated', '--json')
    const report = JSON.parse(check.out)
    expect(report.climate.weather.source).toBe('epw')
    // The catalog figures the meters informed are overrides now (T-1.kVA: the power factor; row-2
    // inlet in July: the pads), listed with the values the report used; the losses were not fitted
    // (LV-IT is not metered).
    expect(report.params.itPowerFactor).toBeCloseTo(0.99, 2)
    expect(report.params.padEffectiveness).toBeCloseTo(0.8, 1)
    expect(report.params.transformerLossFactor).toBeUndefined()
    expect(r.out).toMatch(/transformerLossFactor +not fitted: needs kW/)
    const economics = await run('economics', out, '--variant', 'asic-calibrated', '--json')
    expect(economics.err).toBe('')
    expect(JSON.parse(economics.out)[0].npvUsd).toEqual(expect.any(Number))
  })

  it('--no-fit --json: the comparison only', async () => {
    const r = await run('calibrate', SCENE, '--measured', csv, '--no-fit', '--json')
    const json = JSON.parse(r.out)
    expect(json.fit).toBeNull()
    expect(json.series.map((s: { name: string }) => s.name)).toEqual(['GRID.kW', 'LV-AUX.kW', 'T-1.kVA', 'row-2.inletC', 'site.waterM3'])
    // The model before calibration is off (6 % more IT power than measured): not calibrated, exit 1.
    expect(r.code).toBe(1)
  })

  it('bad measured data: exit 2, line and column', async () => {
    const bad = join(dir, 'bad.csv')
    writeFileSync(bad, 'timestamp,GRID.kW,TR-9.kW\n2025-01-01T00:00,1,2\n')
    const r = await run('calibrate', SCENE, '--measured', bad)
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/bad\.csv: invalid measured data \(1 problem\)\nline 1, column 3: unknown id "TR-9"/)
  })

  it('--weather gives the EPW for a scene without one', async () => {
    const bare = JSON.parse(readFileSync(SCENE, 'utf8'))
    delete bare.site.weather
    const path = join(dir, 'bare.json')
    writeFileSync(path, JSON.stringify(bare))
    const r = await run('calibrate', path, '--measured', csv, '--no-fit', '--json', '--weather', `${DIR}/USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw`)
    expect(r.err).toBe('')
    expect(JSON.parse(r.out).weather.source).toBe('epw')
    // Without it the same scene runs on its catalog climate.
    const c = await run('calibrate', path, '--measured', csv, '--no-fit', '--json')
    expect(JSON.parse(c.out).weather).toMatchObject({ source: 'catalog', note: expect.stringMatching(/catalog climate Irkutsk/) })
  })

  it('--weather with a file that is not an EPW: exit 2', async () => {
    const r = await run('calibrate', SCENE, '--measured', csv, '--weather', csv)
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/not a readable EPW weather file/)
  })
})
