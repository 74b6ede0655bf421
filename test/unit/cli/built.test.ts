// The built CLI: scripts/build-cli.mjs bundles src/cli into dist-cli/ (run by `prepare` on
// npm install), bin/halltwin.mjs runs it while it is newer than every source it was built from.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { freshBuild } from '../../../bin/built.mjs'
import { buildCli, linkBin } from '../../../scripts/build-cli.mjs'

const ROOT = resolve(import.meta.dirname, '../../..')
const SCENE = 'scenes/siberia-20mw.json'
const dir = mkdtempSync(join(tmpdir(), 'halltwin-built-'))

beforeAll(async () => {
  // Built by `npm install`; rebuilt here only when a source changed since (esbuild: well under 2 s).
  if (!freshBuild(ROOT)) await buildCli()
}, 30_000)

describe('freshBuild', () => {
  /** A fake repository: one source file and a build manifest, the source `ageS` seconds older;
   *  a git checkout (a `.git` entry) unless `checkout` is false. */
  function fakeRepo(ageS: number, checkout = true): string {
    const root = mkdtempSync(join(dir, 'repo-'))
    if (checkout) mkdirSync(join(root, '.git'))
    mkdirSync(join(root, 'src'))
    mkdirSync(join(root, 'dist-cli'))
    writeFileSync(join(root, 'src/a.ts'), 'export {}')
    writeFileSync(join(root, 'dist-cli/halltwin.cjs'), 'module.exports = {}')
    writeFileSync(join(root, 'dist-cli/sources.json'), JSON.stringify({ entry: 'halltwin.cjs', sources: ['src/a.ts'] }))
    const t = Date.now() / 1000
    utimesSync(join(root, 'dist-cli/sources.json'), t, t)
    utimesSync(join(root, 'src/a.ts'), t - ageS, t - ageS)
    return root
  }

  it('takes the bundle when every source is older than the build', () => {
    const root = fakeRepo(60)
    expect(freshBuild(root)).toBe(join(root, 'dist-cli/halltwin.cjs'))
  })
  it('falls back (null) when a source changed after the build, or is gone, or there is no build', () => {
    expect(freshBuild(fakeRepo(-60))).toBeNull()
    const gone = fakeRepo(60)
    writeFileSync(join(gone, 'dist-cli/sources.json'), JSON.stringify({ entry: 'halltwin.cjs', sources: ['src/b.ts'] }))
    expect(freshBuild(gone)).toBeNull()
    expect(freshBuild(dir)).toBeNull()
  })
  it('outside a git checkout (an installed copy) takes the bundle without comparing sources', () => {
    expect(freshBuild(fakeRepo(-60, false))).toMatch(/dist-cli[/\\]halltwin\.cjs$/)
    const gone = fakeRepo(60, false)
    writeFileSync(join(gone, 'dist-cli/sources.json'), JSON.stringify({ entry: 'halltwin.cjs', sources: ['src/b.ts'] }))
    expect(freshBuild(gone)).toBe(join(gone, 'dist-cli/halltwin.cjs'))
    // …but still needs the bundle itself.
    const noBundle = fakeRepo(60, false)
    writeFileSync(join(noBundle, 'dist-cli/sources.json'), JSON.stringify({ entry: 'missing.mjs', sources: ['src/a.ts'] }))
    expect(freshBuild(noBundle)).toBeNull()
  })
})

describe('the built CLI', () => {
  it('lists the CLI, model, solver and catalog sources it was built from', () => {
    const { sources } = JSON.parse(readFileSync(join(ROOT, 'dist-cli/sources.json'), 'utf8')) as { sources: string[] }
    for (const s of ['src/cli/main.ts', 'src/cli/checkCommand.ts', 'src/solver/solve.ts', 'src/model/parse.ts', 'models/devices-asic.json']) expect(sources).toContain(s)
    expect(sources.some((s) => s.includes('node_modules'))).toBe(false)
  })

  it('bin/halltwin.mjs runs the bundle: two scene files, a heading each, the worst exit code', () => {
    const failing = join(dir, 'h100-first.json')
    const scene = JSON.parse(readFileSync(SCENE, 'utf8')) as { variants: { id: string }[] }
    scene.variants.sort((a, b) => Number(b.id === 'gpu-h100-air') - Number(a.id === 'gpu-h100-air'))
    writeFileSync(failing, JSON.stringify(scene))
    const r = spawnSync('node', ['bin/halltwin.mjs', 'check', SCENE, failing], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, HALLTWIN_TRACE: '1', HALLTWIN_DEV: '' } })
    expect(r.stderr.split('\n')[0]).toBe(`halltwin: running ${join(ROOT, 'dist-cli/halltwin.cjs')}`)
    expect(r.stderr).toMatch(/^halltwin: checkCommand\.cjs: code cache (accepted|none|rejected)$/m)
    expect(r.status).toBe(1)
    expect([...r.stdout.matchAll(/^=== (.*) ===$/gm)].map((m) => m[1])).toEqual([SCENE, failing])
    expect(r.stdout.match(/^Verdict +(\w+)/gm)).toEqual([expect.stringMatching(/WARN$/), expect.stringMatching(/FAIL$/)])
  })

  it('a check loads under 500 kB of JavaScript: zod without its locales, JSON Schema and JIT (850 kB before); help under 20 kB', () => {
    // One bundle per command and a small one for main.ts (scripts/build-cli.mjs): a check runs
    // these two files and nothing else of ours.
    const size = (name: string) => readFileSync(join(ROOT, 'dist-cli', name), 'utf8').length
    expect(size('halltwin.cjs')).toBeLessThan(20_000)
    expect(size('halltwin.cjs') + size('checkCommand.cjs')).toBeLessThan(500_000)
    // main.ts's bundle holds no command: each is a require of its own bundle.
    const main = readFileSync(join(ROOT, 'dist-cli/halltwin.cjs'), 'utf8')
    expect([...new Set([...main.matchAll(/require\("\.\/(\w+Command)\.cjs"\)/g)].map((m) => m[1]))].sort()).toEqual(
      readdirSync(join(ROOT, 'src/cli')).filter((f) => /^\w+Command\.ts$/.test(f)).map((f) => f.replace(/\.ts$/, '')).sort(),
    )
    // The schemas still refuse bad input through the bundle, naming the field.
    const bad = join(dir, 'bad-scene.json')
    writeFileSync(bad, JSON.stringify({ version: 1, name: 5 }))
    const r = spawnSync('node', ['bin/halltwin.mjs', 'check', bad], { cwd: ROOT, encoding: 'utf8' })
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('name: expected a string, got 5')
    // Bad input through node: exit 2 and the CLI's message, never a stack trace.
    expect(r.stderr).toMatch(/^halltwin: /)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  it('report runs through the bundle (react-dom/server inside it needs a require): an HTML page with its charts', () => {
    // The bundle once failed here with "Dynamic require of \"util\" is not supported" (exit 3),
    // while the same command through tsx worked.
    const out = join(dir, 'report.html')
    const r = spawnSync('node', ['bin/halltwin.mjs', 'report', SCENE, '--variant', 'asic-baseline', '-o', out], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, HALLTWIN_TRACE: '1', HALLTWIN_DEV: '' } })
    expect(r.stderr).toContain(`halltwin: running ${join(ROOT, 'dist-cli/halltwin.cjs')}`)
    expect(r.status).toBe(0)
    const html = readFileSync(out, 'utf8')
    expect(html).toMatch(/^<!doctype html>/i)
    expect(html).toContain('<svg')
  })

  it('help prints the usage, exit 0', () => {
    const r = spawnSync('node', ['bin/halltwin.mjs', 'help'], { cwd: ROOT, encoding: 'utf8' })
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^Usage:\n {2}halltwin check <scene.json>\.\.\. /)
  })
})

describe('linkBin: how `npx halltwin` finds the CLI', () => {
  it('links node_modules/.bin/halltwin to bin/halltwin.mjs, once, and replaces a stale entry', () => {
    const root = mkdtempSync(join(dir, 'link-'))
    mkdirSync(join(root, 'bin'))
    writeFileSync(join(root, 'bin/halltwin.mjs'), '// the bin')
    expect(linkBin(root)).toMatch(/no node_modules/)
    mkdirSync(join(root, 'node_modules'))
    expect(linkBin(root)).toBe('linked node_modules/.bin/halltwin')
    expect(readFileSync(join(root, 'node_modules/.bin/halltwin'), 'utf8')).toBe('// the bin')
    expect(linkBin(root)).toBe('node_modules/.bin/halltwin already linked')
    rmSync(join(root, 'node_modules/.bin/halltwin'))
    writeFileSync(join(root, 'node_modules/.bin/halltwin'), 'something else')
    expect(linkBin(root)).toBe('linked node_modules/.bin/halltwin')
    expect(realpathSync(join(root, 'node_modules/.bin/halltwin'))).toBe(realpathSync(join(root, 'bin/halltwin.mjs')))
  })

  it('`npx halltwin help` runs the CLI through that link (as the README says, after npm install)', () => {
    const r = spawnSync('npx', ['--no-install', 'halltwin', 'help'], { cwd: ROOT, encoding: 'utf8' })
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^Usage:\n  halltwin check/)
  })

  it('package.json declares no bin: npx would then load the whole dependency tree before every run', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>
    expect(pkg.bin).toBeUndefined()
    expect(pkg.scripts).toMatchObject({ prepare: 'node scripts/build-cli.mjs' })
  })
})
