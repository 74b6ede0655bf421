// The built CLI: scripts/build-cli.mjs bundles src/cli into dist-cli/ (run by `prepare` on
// npm install), bin/halltwin.mjs runs it while it is newer than every source it was built from.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { freshBuild } from '../../../bin/built.mjs'
import { buildCli } from '../../../scripts/build-cli.mjs'

const ROOT = resolve(import.meta.dirname, '../../..')
const SCENE = 'scenes/siberia-20mw.json'
const dir = mkdtempSync(join(tmpdir(), 'halltwin-built-'))

beforeAll(async () => {
  // Built by `npm install`; rebuilt here only when a source changed since (esbuild: well under 2 s).
  if (!freshBuild(ROOT)) await buildCli()
}, 30_000)

describe('freshBuild', () => {
  /** A fake repository: one source file and a build manifest, the source `ageS` seconds older. */
  function fakeRepo(ageS: number): string {
    const root = mkdtempSync(join(dir, 'repo-'))
    mkdirSync(join(root, 'src'))
    mkdirSync(join(root, 'dist-cli'))
    writeFileSync(join(root, 'src/a.ts'), 'export {}')
    writeFileSync(join(root, 'dist-cli/halltwin.mjs'), 'export {}')
    writeFileSync(join(root, 'dist-cli/sources.json'), JSON.stringify({ entry: 'halltwin.mjs', sources: ['src/a.ts'] }))
    const t = Date.now() / 1000
    utimesSync(join(root, 'dist-cli/sources.json'), t, t)
    utimesSync(join(root, 'src/a.ts'), t - ageS, t - ageS)
    return root
  }

  it('takes the bundle when every source is older than the build', () => {
    const root = fakeRepo(60)
    expect(freshBuild(root)).toBe(join(root, 'dist-cli/halltwin.mjs'))
  })
  it('falls back (null) when a source changed after the build, or is gone, or there is no build', () => {
    expect(freshBuild(fakeRepo(-60))).toBeNull()
    const gone = fakeRepo(60)
    writeFileSync(join(gone, 'dist-cli/sources.json'), JSON.stringify({ entry: 'halltwin.mjs', sources: ['src/b.ts'] }))
    expect(freshBuild(gone)).toBeNull()
    expect(freshBuild(dir)).toBeNull()
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
    expect(r.stderr).toBe(`halltwin: running ${join(ROOT, 'dist-cli/halltwin.mjs')}\n`)
    expect(r.status).toBe(1)
    expect([...r.stdout.matchAll(/^=== (.*) ===$/gm)].map((m) => m[1])).toEqual([SCENE, failing])
    expect(r.stdout.match(/^Verdict +(\w+)/gm)).toEqual([expect.stringMatching(/OK$/), expect.stringMatching(/FAIL$/)])
  })

  it('help prints the usage, exit 0', () => {
    const r = spawnSync('node', ['bin/halltwin.mjs', 'help'], { cwd: ROOT, encoding: 'utf8' })
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^Usage:\n {2}halltwin check <scene.json>\.\.\. /)
  })
})
