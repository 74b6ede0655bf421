import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatCapacity } from '../../../src/cli/format/economics'
import { formatMarkdown } from '../../../src/cli/format/markdown'
import { formatTable } from '../../../src/cli/format/table'
import { memoized } from '../fixtures/memoized'
import { nonFiniteIn } from '../property/arbitraries'
import { run } from './runMain'

const SCENE = 'scenes/siberia-20mw.json'
const SMALL_SCENE = 'test/fixtures/weather/chicago-hall.json'
const dir = mkdtempSync(join(tmpdir(), 'halltwin-cli-'))

/** The same command's output for the tests that read it in different ways: main() runs once per
 *  argument list (the CLI's output is a function of its arguments and the files, which these
 *  tests do not change; determinism.test.ts runs commands twice on purpose). */
const runArgs = memoized((argv: string[]) => run(...argv), (argv) => JSON.stringify(argv))
const runOnce = (...argv: string[]): ReturnType<typeof run> => runArgs(argv)

function file(name: string, text: string): string {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

describe('halltwin check', () => {
  it('prints a table with the verdict and exits 0 for the baseline (a warning only: its rows are in series)', async () => {
    const r = await run('check', SCENE)
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/^Verdict +WARN +\(0 fail, 1 warn/m)
    expect(r.out).toMatch(/^Binding +Rows in series/m)
    expect(r.out).toMatch(/STATUS +DOMAIN +CHECK/)
    expect(r.err).toBe('')
  })

  it('exits 1 for a failing variant and names the binding constraint', async () => {
    const r = await runOnce('check', SCENE, '--variant', 'gpu-h100-air')
    expect(r.code).toBe(1)
    // The H100 rows are over their inlet limit on the design day and every hour of the year (the
    // airflow field's recirculation): a physical inlet limit binds, not the redundancy requirement.
    expect(r.out).toMatch(/^Binding +(Hours above allowable inlet|Inlet air, design day)/m)
  })

  it('--json gives the documented report shape with finite numbers', async () => {
    const r = await run('check', SCENE, '--json')
    const report = JSON.parse(r.out)
    for (const key of ['scene', 'variant', 'verdict', 'binding', 'checks', 'totals', 'meta']) expect(report).toHaveProperty(key)
    for (const key of ['itKW', 'facilityKW', 'gridKVA', 'heatAirKW', 'heatLiquidKW']) expect(typeof report.totals[key]).toBe('number')
    expect(typeof report.meta.solveMs).toBe('number')
    expect(report.checks[0]).toEqual(expect.objectContaining({ id: expect.any(String), subject: expect.any(String), value: expect.any(Number), limit: expect.any(Number), unit: expect.any(String), status: expect.stringMatching(/^(ok|warn|fail)$/) }))
    expect(nonFiniteIn(report)).toEqual([])
  })

  it('--variant all --json gives one report per variant, and exits 1 when any fails', async () => {
    const r = await run('check', SCENE, '--variant', 'all', '--json')
    const reports = JSON.parse(r.out)
    expect(reports.map((x: { variant: string }) => x.variant)).toEqual(['asic-baseline', 'gpu-h100-air', 'gpu-h100-rear-door', 'gpu-gb200-liquid', 'gpu-gb200-no-plant'])
    expect(r.code).toBe(1)
  })

  it('prints the power summary: tier, usable IT, N-1 cases and upgrade advice', async () => {
    const r = await runOnce('check', SCENE, '--variant', 'gpu-h100-air')
    expect(r.out).toMatch(/^Power +tier required N\+1 · usable IT 0\.00 MW of 20\.20 MW installed \(no power path meets N\+1\)$/m)
    expect(r.out).toMatch(/^Advice$/m)
    expect(r.out).toMatch(/^ {2}- make 11 × transformer .* redundant: add 11 × 2,500 kVA transformer/m)
    const gb = await run('check', SCENE, '--variant', 'gpu-gb200-liquid')
    expect(gb.out).toMatch(/^N-1 +\d+ redundancy group\(s\), \d+ case\(s\): 0 fail, 0 warn$/m)
    const json = JSON.parse((await runOnce('check', SCENE, '--variant', 'gpu-gb200-liquid', '--json')).out)
    expect(json.power.requiredTier).toBe('2N')
    expect(json.power.groups.length).toBeGreaterThan(10)
  })

  it('--md writes a Markdown table', async () => {
    const r = await run('check', SCENE, '--md')
    expect(r.out).toMatch(/^\| Status \| Check \|/m)
  })

  it('the Year line gives the worst hall’s hours over a limit, the year checks’ figure, not a sum over halls', async () => {
    const campus = JSON.parse(readFileSync('scenes/campus-100mw.json', 'utf8')) as { site: { climateId: string } }
    campus.site.climateId = 'abu-dhabi' // five halls of miners, each a few hundred hours over 40 °C
    const path = file('campus-abu-dhabi.json', JSON.stringify(campus))
    const report = JSON.parse((await run('check', path, '--json')).out)
    const hours = (report as { checks: { kind: string; value: number | null }[] }).checks.filter((c) => c.kind === 'year.inlet').map((c) => c.value ?? 0)
    expect(hours).toHaveLength(5)
    expect(Math.min(...hours)).toBeGreaterThan(0)
    // The table `check` prints is formatTable of each report: here of this one rather than of a
    // second solve of the campus (the same lines but the solve time; main's table branch runs above).
    const line = formatTable(report).split('\n').find((l) => l.startsWith('Year'))!
    expect(line).toContain(`inlet above allowable ${Math.max(...hours)} h (worst hall)`)
  })

  it('--md: the PUE stands beside the facility power it is the ratio of (the design day), as the table writes them', async () => {
    const json = JSON.parse((await runOnce('check', SCENE, '--variant', 'gpu-gb200-liquid', '--json')).out)
    const report = json as { totals: { itKW: number; facilityKW: number; designDayFacilityKW: number; pue: number } }
    // What `check --md` prints for one report is formatMarkdown of it (the same bytes; main's --md
    // branch runs in the test above): of this report rather than of a second solve.
    const md = formatMarkdown(json)
    const head = md.split('\n').find((l) => l.startsWith('| IT |'))!.split('|').map((c) => c.trim())
    const row = md.split('\n')[md.split('\n').findIndex((l) => l.startsWith('| IT |')) + 2]!.split('|').map((c) => c.trim())
    const cell = (name: string) => row[head.indexOf(name)]!
    const mw = (text: string) => Number(text.replace(/[^\d.]/g, ''))
    // 22.07 / 20.33 = 1.086; the nameplate 22.29 MW gives 1.096, not the PUE written beside it
    expect(mw(cell('Facility, design day')) / mw(cell('IT'))).toBeCloseTo(Number(cell('PUE, design day')), 2)
    expect(mw(cell('Facility, nameplate'))).toBeCloseTo(report.totals.facilityKW / 1000, 2)
    expect(Number(cell('PUE, design day'))).toBeCloseTo(report.totals.pue, 3)
  })

  it.each([
    ['a missing file', () => join(dir, 'nope.json'), /no such file/],
    ['an empty file', () => file('empty.json', ''), /the file is empty/],
    ['a file that is not JSON', () => file('bad.json', '{ "version": 1,'), /not valid JSON/],
    ['an invalid scene', () => file('invalid.json', JSON.stringify({ version: 1, name: 'x', site: {}, variants: [] })), /site\.climateId: /],
    ['a directory', () => dir, /is a directory/],
  ])('exits 2 for %s with the error on stderr', async (_, path, message) => {
    const r = await run('check', path())
    expect(r.code).toBe(2)
    expect(r.err).toMatch(message)
    expect(r.out).toBe('')
  })

  it('exits 2 for an unknown variant, option or command', async () => {
    expect((await run('check', SCENE, '--variant', 'nope')).code).toBe(2)
    expect((await run('check', SCENE, '--frobnicate')).code).toBe(2)
    expect((await run('explode')).code).toBe(2)
  })
})

describe('the same scene gives the same bytes (as in determinism.test.ts)', () => {
  // Determinism does not depend on the site's size: the 0.84 MW Chicago hall of the weather tests
  // (a search that stops at 23 racks on an inlet check, with year failures, upgrades and a path past
  // them) rather than a second search of the 20 MW example, which the test below runs once.
  it('capacity --json, twice, is identical', async () => {
    const first = await run('capacity', SMALL_SCENE, '--device', 'dgx-h100', '--json')
    expect(JSON.parse(first.out).maxRacks).toBeGreaterThan(0)
    expect((await run('capacity', SMALL_SCENE, '--device', 'dgx-h100', '--json')).out).toBe(first.out)
  })
})

describe('halltwin economics and capacity', () => {
  it('economics prints variants side by side and a JSON array with NPV and IRR', async () => {
    const r = await run('economics', SCENE)
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/^NPV +\$13\.4 M +−\$\d+ M +−\$\d+ M +\$\d+(\.\d)? M/m)
    // The baseline invests nothing, so it has no payback: "— (no investment)", as in the app and the report.
    expect(r.out).toMatch(/^Payback +— \(no investment\) /m)
    // GB200 without a liquid plant has the highest NPV but cannot run: never ranked, never best.
    expect(r.out).toMatch(/^Rank by NPV +2 +not ranked +not ranked +1 \(best\) +not ranked$/m)
    expect(r.out).toContain('Best NPV among the buildable variants: gpu-gb200-liquid')
    expect(r.out).toMatch(/gpu-gb200-no-plant is not buildable as drawn: Liquid heat vs CDU capacity — Main hall/)
    // Every capex line keeps its units.
    expect(r.out).toMatch(/58,200 kVA × 45 USD\/kVA/)
    expect(r.out).toMatch(/20\.\d MW × 1,500,000 USD\/MW/)
    const json = JSON.parse((await run('economics', SCENE, '--variant', 'gpu-gb200-liquid', '--json')).out)
    expect(json[0].variant).toBe('gpu-gb200-liquid')
    expect(typeof json[0].npvUsd).toBe('number')
    expect(json[0].irrPct).toBeGreaterThan(0)
  })
  it('capacity answers for a GPU system and refuses what is not one', async () => {
    const r = await run('capacity', SCENE, '--device', 'dgx-h100', '--json')
    const cap = JSON.parse(r.out)
    expect(cap.maxRacks).toBeGreaterThan(0)
    expect(cap.binding).not.toBeNull()
    // Words, not a bare sum: racks added beside the site's total IT, the fibre stepped past. The
    // same search written as text: the text command's formatter on this result rather than a second
    // search (the JSON holds the whole result: formatCapacity gives the same bytes on it as on the
    // search's own object, the 'capacity … --device dgx-h100' output; the text command itself runs
    // below, for the GB200).
    const text = formatCapacity(cap)
    expect(text).toMatch(/^ {2}[\d,]+ racks of NVIDIA DGX H100 added \([\d,]+ devices, [\d.]+ MW of GPU IT\) — site total IT [\d.]+ MW$/m)
    expect(text).toMatch(/- at 46 racks: Fibre uplink .* — fibre 10 → \d+ Gbit\/s, ≈ \$/)
    // Zero racks says what stops the first one, what it needs, and the way further.
    const gb = (await run('capacity', SCENE, '--device', 'gb200-nvl72')).out
    expect(gb).toContain('No rack of NVIDIA GB200 NVL72 (whole rack) fits as the site stands')
    expect(gb).toMatch(/The first rack is stopped by: Liquid heat vs CDU capacity — Main hall/)
    expect(gb).toMatch(/What the first rack needs \(≈ \$[\d.]+ k\)/)
    expect(gb).toMatch(/1\. pay ≈ \$[\d.]+ M for .*→ \d+ racks of NVIDIA GB200/)
    expect((await run('capacity', SCENE, '--device', 'antminer-s21')).code).toBe(2)
    expect((await run('capacity', SCENE, '--device', 'dgx-h100', '--tier', '3N')).code).toBe(2)
    expect((await run('economics', SCENE, '--device', 'dgx-h100')).code).toBe(2)
  }, 60_000) // two capacity searches of the example site
})

describe('halltwin generate', () => {
  it('campus --miners 30000 writes a scene that checks clean', async () => {
    const gen = await run('generate', 'campus', '--miners', '30000')
    expect(gen.code).toBe(0)
    const path = file('campus.json', gen.out)
    const r = await run('check', path, '--json')
    expect(JSON.parse(r.out).totals.deviceCount).toBe(30_000)
  })
  it('rejects a nonsense miner count', async () => {
    const r = await run('generate', 'campus', '--miners', 'lots')
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/--miners: expected a whole number/)
  })
})

// The bin through node: exit 0 is input.test.ts's run of this scene on standard input (the
// example's warning), exit 1 and exit 2 (an invalid scene: a message on stderr, no stack trace) are
// built.test.ts's runs of bin/halltwin.mjs.
