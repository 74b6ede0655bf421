// bin/codeCache.mjs: the built CLI's bundles run as vm.Scripts with V8's code cache. Tiny bundles
// in a temporary directory; each run that must write or read the cache is a process of its own
// (the cache is written when the process ends).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cachePath, loadBundle } from '../../../bin/codeCache.mjs'

const LOADER = resolve(import.meta.dirname, '../../../bin/codeCache.mjs')

/** A directory with a main bundle that requires a sibling bundle and a Node built-in. */
function bundles(): { dir: string; main: string } {
  const dir = mkdtempSync(join(tmpdir(), 'halltwin-cache-'))
  writeFileSync(join(dir, 'main.cjs'), `const { double } = require('./lib.cjs')\nconst path = require('node:path')\nexports.run = (n) => double(n) + path.sep.length\nexports.file = __filename\n`)
  writeFileSync(join(dir, 'lib.cjs'), `let loads = (globalThis.__libLoads ?? 0) + 1\nglobalThis.__libLoads = loads\nexports.double = (n) => 2 * n\nexports.fail = () => {\n  throw new Error('from line 5')\n}\n`)
  return { dir, main: join(dir, 'main.cjs') }
}

/** Runs the main bundle in a new process; its trace lines and its result. */
function run(main: string, env: Record<string, string> = {}): { trace: string[]; out: string } {
  const code = `import(${JSON.stringify(LOADER)}).then(({ loadBundle }) => { const t = []; const m = loadBundle(${JSON.stringify(main)}, (l) => t.push(l)); console.log(JSON.stringify({ t, out: String(m.run(20)) })) })`
  const r = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8', env: { ...process.env, NODE_DISABLE_COMPILE_CACHE: '', ...env } })
  expect(r.stderr).toBe('')
  const { t, out } = JSON.parse(r.stdout) as { t: string[]; out: string }
  return { trace: t, out }
}

describe('loadBundle', () => {
  it('runs a bundle as CommonJS: its exports, a sibling bundle once, Node built-ins, __filename', () => {
    const { dir, main } = bundles()
    const loaded = new Map<string, { exports: unknown }>()
    const m = loadBundle(main, null, loaded) as { run: (n: number) => number; file: string }
    expect(m.run(20)).toBe(40 + 1) // 2 × 20 + path.sep.length
    expect(m.file).toBe(main)
    const lib = loadBundle(join(dir, 'lib.cjs'), null, loaded) as { fail: () => void }
    expect([...loaded.keys()]).toEqual([main, join(dir, 'lib.cjs')]) // the sibling loaded once
    // Line numbers are the bundle's own: the wrapper sits on its first line.
    expect(() => lib.fail()).toThrow('from line 5')
    try {
      lib.fail()
    } catch (e) {
      expect((e as Error).stack).toContain(`${join(dir, 'lib.cjs')}:5:`)
    }
  })

  it('writes the cache at the end of the first run, reads it in the next, rewrites one V8 rejects, and never serves an edited bundle its old code', () => {
    const { dir, main } = bundles()
    expect(run(main)).toEqual({ trace: ['main.cjs: code cache none', 'lib.cjs: code cache none'], out: '41' })
    expect(existsSync(cachePath(main))).toBe(true)
    expect(existsSync(cachePath(join(dir, 'lib.cjs')))).toBe(true)
    expect(run(main).trace).toEqual(['main.cjs: code cache accepted', 'lib.cjs: code cache accepted'])
    // A cache V8 cannot use (another Node, a damaged file): rejected, the bundle still runs, and
    // the run writes a good one.
    const damaged = Buffer.from('not a code cache at all, not even close to one')
    writeFileSync(cachePath(main), damaged)
    expect(run(main)).toEqual({ trace: ['main.cjs: code cache rejected', 'lib.cjs: code cache accepted'], out: '41' })
    const rewritten = readFileSync(cachePath(main))
    expect(rewritten.length).toBeGreaterThan(damaged.length)
    expect(rewritten.subarray(0, damaged.length).equals(damaged)).toBe(false)
    // The bundle edited in place to the same length (V8 itself checks only the length): a cache
    // of its own, the new code.
    const text = readFileSync(main, 'utf8')
    const edited = text.replace('double(n) + path.sep.length', 'double(n) + 1000 + 0 * 1234')
    expect(edited.length).toBe(text.length)
    writeFileSync(main, edited)
    expect(run(main)).toEqual({ trace: ['main.cjs: code cache none', 'lib.cjs: code cache accepted'], out: '1040' })
  })

  it('NODE_DISABLE_COMPILE_CACHE=1 neither reads nor writes a cache', () => {
    const { main } = bundles()
    expect(run(main, { NODE_DISABLE_COMPILE_CACHE: '1' }).trace).toEqual(['main.cjs: code cache none', 'lib.cjs: code cache none'])
    expect(existsSync(cachePath(main))).toBe(false)
  })
})
