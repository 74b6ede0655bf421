// halltwin report: writes the standalone report; bad input exits 2.
import { describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { main } from '../../../src/cli/main'

function run(args: string[]) {
  let out = ''
  let err = ''
  return main(args, { out: (t) => (out += t), err: (t) => (err += t) }).then((code) => ({ code, out, err }))
}

describe('halltwin report', () => {
  it('writes a standalone HTML report with -o and exits 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'halltwin-report-'))
    const file = join(dir, 'report.html')
    const { code } = await run(['report', 'scenes/siberia-20mw.json', '-o', file])
    expect(code).toBe(0)
    const html = readFileSync(file, 'utf8')
    expect(html).toContain('<svg class="plan"')
    expect(html).not.toMatch(/<script/i)
  })
  it('prints to stdout without -o', async () => {
    const { code, out } = await run(['report', 'scenes/siberia-20mw.json', '--variant', 'asic-baseline'])
    expect(code).toBe(0)
    expect(out.startsWith('<!doctype html>')).toBe(true)
  })
  it('exits 2 on a missing or invalid scene and an unknown variant', async () => {
    expect((await run(['report', 'nope.json'])).code).toBe(2)
    const dir = mkdtempSync(join(tmpdir(), 'halltwin-report-'))
    writeFileSync(join(dir, 'bad.json'), '{"version": 1}')
    expect((await run(['report', join(dir, 'bad.json')])).code).toBe(2)
    expect((await run(['report', 'scenes/siberia-20mw.json', '--variant', 'x'])).code).toBe(2)
  })
})
