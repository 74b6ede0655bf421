// halltwin check with several scene files: a report each, headed by its file name, and the worst
// exit code of all (2 bad input > 1 a verdict fails > 0). One file prints as it always did.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { builtInCatalog } from '../../../src/model/catalog'
import { campusScene } from '../../../src/model/generate/examples'
import { run } from './runMain'

const SCENE = 'scenes/siberia-20mw.json'
const dir = mkdtempSync(join(tmpdir(), 'halltwin-multi-'))

/** The default scene with the variant `id` first: the one `check` solves by default. */
function firstVariant(id: string): string {
  const scene = JSON.parse(readFileSync(SCENE, 'utf8')) as { variants: { id: string }[] }
  scene.variants.sort((a, b) => Number(b.id === id) - Number(a.id === id))
  const path = join(dir, `${id}.json`)
  writeFileSync(path, JSON.stringify(scene))
  return path
}

const passing = firstVariant('asic-baseline')
const failing = firstVariant('gpu-h100-air')
/** A generated campus of 100 miners: one variant, asic-baseline. */
const tiny = join(dir, 'tiny.json')
writeFileSync(tiny, JSON.stringify(campusScene(builtInCatalog(), 100)))
const broken = join(dir, 'broken.json')
writeFileSync(broken, '{"version": 1,')

describe('halltwin check with several files', () => {
  it('prints a report under each file name, in order, and exits 1 when one verdict fails', async () => {
    const r = await run('check', passing, failing)
    expect(r.code).toBe(1)
    const headings = [...r.out.matchAll(/^=== (.*) ===$/gm)].map((m) => m[1])
    expect(headings).toEqual([passing, failing])
    const [first, second] = r.out.split(/^=== .* ===$/m).slice(1)
    expect(first).toMatch(/^Variant +ASIC baseline \[asic-baseline\]$/m)
    expect(first).toMatch(/^Verdict +WARN/m) // rows in series: a warning, exit 0
    expect(second).toMatch(/^Variant +.*\[gpu-h100-air\]$/m)
    expect(second).toMatch(/^Verdict +FAIL/m)
    expect(r.err).toBe('')
  })

  it('exits 0 when every file passes', async () => {
    expect((await run('check', passing, passing)).code).toBe(0)
  })

  it('checks the good files after a bad one, names the bad file on stderr and exits 2', async () => {
    const r = await run('check', broken, failing)
    expect(r.code).toBe(2)
    expect(r.err).toContain(`halltwin: ${broken}: invalid scene (1 problem)\nnot valid JSON`)
    expect(r.out).toContain(`=== ${broken} ===\n(not checked: bad input; the error is on stderr)`)
    expect(r.out).toMatch(/^Verdict +FAIL/m)
  })

  it('an unknown --variant is bad input of the file that lacks it', async () => {
    const r = await run('check', tiny, failing, '--variant', 'gpu-h100-air')
    expect(r.code).toBe(2)
    expect(r.err).toContain(`halltwin: ${tiny}: --variant: unknown variant "gpu-h100-air" (known: asic-baseline, all)`)
    expect(r.out).toMatch(/^Verdict +FAIL/m)
  })

  it('--json: one array, an entry per file with its exit code and reports (or its error)', async () => {
    const r = await run('check', failing, broken, passing, '--json')
    expect(r.code).toBe(2)
    const entries = JSON.parse(r.out) as { file: string; exitCode: number; reports?: { variant: string; verdict: string }[]; error?: { message: string; issues: { message: string }[] } }[]
    expect(entries.map((e) => [e.file, e.exitCode])).toEqual([
      [failing, 1],
      [broken, 2],
      [passing, 0],
    ])
    expect(entries[0]!.reports!.map((x) => [x.variant, x.verdict])).toEqual([['gpu-h100-air', 'fail']])
    expect(entries[1]!.error).toEqual({ message: `${broken}: invalid scene (1 problem)`, issues: [expect.objectContaining({ message: expect.stringMatching(/^not valid JSON/) })] })
    expect(entries[1]!.reports).toBeUndefined()
    expect(entries[2]!.reports!.map((x) => x.verdict)).toEqual(['warn']) // rows in series
  })

  it('--md: a level-1 heading per file above its level-2 report heading', async () => {
    const r = await run('check', passing, failing, '--md')
    const headings = [...r.out.matchAll(/^(#{1,2}) (.*)$/gm)].filter((m) => m[1]!.length <= 2).map((m) => `${m[1]} ${m[2]}`)
    expect(headings[0]).toBe(`# ${passing.replace(/[_]/g, '\\_')}`)
    expect(headings[1]).toMatch(/^## .* — ASIC baseline$/)
    expect(headings.filter((h) => h.startsWith('# '))).toHaveLength(2)
  })

  it('one file still prints a bare report: no heading, no wrapper', async () => {
    const r = await run('check', passing, '--json')
    expect(JSON.parse(r.out).variant).toBe('asic-baseline')
    expect((await run('check', passing)).out).not.toMatch(/^===/m)
  })
})
