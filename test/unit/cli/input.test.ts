// What the CLI reads: at most MAX_SCENE_BYTES from any kind of path, UTF-8 only (a BOM is fine).
import { spawnSync } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { decodeSceneBytes, invalidUtf8Offset, readLimited } from '../../../src/cli/io'
import { MAX_SCENE_BYTES } from '../../../src/model/parse'
import { run } from './runMain'

const SCENE = 'scenes/siberia-20mw.json'
const dir = mkdtempSync(join(tmpdir(), 'halltwin-input-'))

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

describe('reading at most MAX_SCENE_BYTES from any path', () => {
  it('check /dev/zero stops at the cap and exits 2', async () => {
    // That it stops at the cap is what the message says; how fast is the bench's business.
    const r = await run('check', '/dev/zero')
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/^halltwin: \/dev\/zero: too large \(more than 52,428,800 bytes; a scene file is at most 50 MB\)$/m)
  })

  it('readLimited reads a file whole under the limit and refuses a device past it', () => {
    const fd = openSync(SCENE, 'r')
    try {
      expect(readLimited(fd, 10_000_000, SCENE).toString('utf8')).toBe(readFileSync(SCENE, 'utf8'))
    } finally {
      closeSync(fd)
    }
    const zero = openSync('/dev/zero', 'r')
    try {
      expect(() => readLimited(zero, 1000, 'zeros')).toThrow(/zeros: too large \(more than 1,000 bytes/)
    } finally {
      closeSync(zero)
    }
  })

  it('reads the scene from standard input as "-", and caps that too', () => {
    const ok = spawnSync('node', ['bin/halltwin.mjs', 'check', '-', '--json'], { input: readFileSync(SCENE), encoding: 'utf8' })
    expect(ok.status).toBe(0) // also the CLI's exit 0 through node: the example's rows in series are a warning
    expect(JSON.parse(ok.stdout).variant).toBe('asic-baseline')
    expect(JSON.parse(ok.stdout).verdict).toBe('warn')
    // One byte past the cap down a pipe, written by head rather than by this process (a 50 MB
    // buffer filled and written here cost this worker ~0.6 s of CPU). NUL bytes, not spaces: were
    // the cap not kept, they would be refused as not JSON, with another message than this one.
    const big = spawnSync('sh', ['-c', `head -c ${MAX_SCENE_BYTES + 1} /dev/zero | node bin/halltwin.mjs check -`], { encoding: 'utf8', maxBuffer: 1 << 20 })
    expect(big.status).toBe(2)
    expect(big.stderr).toMatch(/^halltwin: standard input: too large/)
  }, 30_000)
})

describe('UTF-8 only', () => {
  it('a byte-order mark before the JSON is dropped', async () => {
    const path = file('bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(SCENE)]))
    const r = await run('check', path, '--json')
    expect(r.code).toBe(0)
    expect(JSON.parse(r.out).scene).toBe('Irkutsk 20 MW mining hall')
  })

  it('invalid UTF-8 is refused with the byte offset and the line', async () => {
    const head = Buffer.from('{\n  "version": 1,\n  "name": "Caf')
    const path = file('latin1.json', Buffer.concat([head, Buffer.from([0xe9, 0x22, 0x7d])])) // "Café" in Latin-1
    const r = await run('check', path)
    expect(r.code).toBe(2)
    expect(r.err).toBe(`halltwin: ${path}: not UTF-8 text: invalid byte at offset ${head.length} (line 3: 0xE9 0x22 0x7D)\n`)
  })

  it.each([
    ['ASCII', [0x7b, 0x7d], -1],
    ['a 2-, 3- and 4-byte character', [...Buffer.from('é€😀')], -1],
    ['a lone continuation byte', [0x41, 0x80], 1],
    ['an overlong "/"', [0xc0, 0xaf], 0],
    ['an overlong 3-byte form', [0x41, 0xe0, 0x80, 0xaf], 1],
    ['a UTF-16 surrogate', [0xed, 0xa0, 0x80], 0],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['a sequence cut short by the end', [0x41, 0x42, 0xe2, 0x82], 2],
    ['a sequence cut short by ASCII', [0xe2, 0x41, 0x42], 0],
    ['0xFF', [0x41, 0xff], 1],
  ])('invalidUtf8Offset: %s', (_, bytes, offset) => {
    const data = Uint8Array.from(bytes)
    expect(invalidUtf8Offset(data)).toBe(offset)
    // It agrees with the platform's strict decoder on what is valid.
    let valid = true
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(data)
    } catch {
      valid = false
    }
    expect(valid).toBe(offset === -1)
  })

  it('decodeSceneBytes names the input', () => {
    expect(() => decodeSceneBytes(Uint8Array.from([0x22, 0xff, 0x22]), 'standard input')).toThrow('standard input: not UTF-8 text: invalid byte at offset 1 (line 1: 0xFF 0x22)')
  })
})
