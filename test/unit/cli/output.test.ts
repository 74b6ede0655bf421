// What the CLI lets reach the terminal: no escape sequence or line break from a scene's text on
// the screen, no Markdown injection in --md, JSON that keeps names exactly.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatJson, oneLine, stripControls } from '../../../src/cli/format/terminal'
import { run } from './runMain'

const SCENE = 'scenes/siberia-20mw.json'
const dir = mkdtempSync(join(tmpdir(), 'halltwin-output-'))

function file(name: string, content: string): string {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

/** Control characters a terminal acts on: C0 but tab and newline, DEL, C1, bidi overrides. */
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/

/** The example scene with hostile names: escape sequences, line breaks, Markdown and HTML. */
function hostileScene(): string {
  const scene = JSON.parse(readFileSync(SCENE, 'utf8'))
  scene.name = 'Site\u001b[2J\u001b]0;pwned\u0007\nVerdict  OK'
  scene.variants[0].name = 'Variant\u009b31m\r\n# Injected heading <script>alert(1)</script>'
  scene.variants[0].halls[0].name = 'Hall\n    \n# Out of the code block'
  scene.variants[0].halls[0].rows[0].name = 'Row | with `pipes` & [a](http://x) \u202eevil\u202c\u2028## too'
  scene.variants[0].power[1].name = 'Trafo\u001bc<img src=x onerror=alert(1)>'
  return JSON.stringify(scene)
}

describe('nothing from a scene drives the terminal', () => {
  it('stripControls drops escape sequences and controls, and keeps tabs, newlines and text', () => {
    expect(stripControls('a\u001b[1;31mred\u001b[0m b\u001b]0;title\u0007c\u009b2Jd\te\nf\u0000\u007fg\u202eh')).toBe('ared bcd\te\nfgh')
    expect(stripControls('Ирутск · 20 °C — ≤ 1 %')).toBe('Ирутск · 20 °C — ≤ 1 %')
    expect(oneLine('a\r\nb\nc\u2028d\te')).toBe('a b c d e')
  })

  it('the table shows hostile names on one line each, without escape sequences', async () => {
    const r = await run('check', file('hostile.json', hostileScene()))
    expect(r.out).not.toMatch(TERMINAL_CONTROL)
    expect(r.out).toMatch(/^Scene +Site Verdict {2}OK$/m)
    expect(r.out.match(/^Verdict /gm)).toHaveLength(1)
    expect(r.out).toContain('Row | with `pipes` & [a](http://x) evil ## too')
  })

  it('--md escapes scene text: no injected heading, no raw HTML, no extra table cell', async () => {
    const r = await run('check', file('hostile-md.json', hostileScene()), '--md')
    expect(r.out).not.toMatch(TERMINAL_CONTROL)
    expect(r.out).not.toMatch(/^#+ (Injected|Out of|too)/m)
    // Outside the indented code blocks (where Markdown shows everything as it is), no raw tag.
    const prose = r.out.split('\n').filter((l) => !l.startsWith('    '))
    expect(prose.filter((l) => /(?<!\\)<(script|img)/.test(l))).toEqual([])
    expect(r.out).toContain('Variant \\# Injected heading \\<script\\>alert(1)\\</script\\>')
    expect(r.out).toMatch(/^ {4}Cooling N-1, Hall {6}# Out of the code block: /m) // inside the code block, on its line
    const rowLine = r.out.split('\n').find((l) => l.startsWith('| ') && l.includes('Row \\| with'))!
    expect(rowLine).toContain('Row \\| with \\`pipes\\` \\& \\[a\\](http://x) evil \\#\\# too')
    // Eight cells: nine unescaped pipes.
    expect(rowLine.match(/(?<!\\)\|/g)).toHaveLength(9)
  })

  it('--json keeps the names exactly, with the controls escaped', async () => {
    const r = await run('check', file('hostile-json.json', hostileScene()), '--json')
    expect(r.out).not.toMatch(TERMINAL_CONTROL)
    const report = JSON.parse(r.out)
    expect(report.variantName).toBe('Variant\u009b31m\r\n# Injected heading <script>alert(1)</script>')
    expect(formatJson({ s: '\u009b\u202e' })).toBe('{\n  "s": "\\u009b\\u202e"\n}\n')
  })

  it('error messages quote scene text without its escape sequences or line breaks', async () => {
    const scene = JSON.parse(readFileSync(SCENE, 'utf8'))
    scene.variants[0].halls[0].rows[0].deviceId = 'antminer\u001b[2J\nvariants[0]: forged'
    const r = await run('check', file('bad-id.json', JSON.stringify(scene)))
    expect(r.code).toBe(2)
    expect(r.err).not.toMatch(TERMINAL_CONTROL)
    expect(r.err).not.toMatch(/^variants\[0\]: forged/m)
    expect(r.err).toMatch(/^variants\[0\]\.halls\[0\]\.rows\[0\]\.deviceId: unknown device "antminer variants\[0\]: forged"/m)
  })

  it('a JSON syntax error does not echo raw control characters from the file', async () => {
    const r = await run('check', file('broken.json', '{"version": 1, "name": "x\u001b[2J\u001b]0;t\u0007'))
    expect(r.code).toBe(2)
    expect(r.err).toMatch(/not valid JSON/)
    expect(r.err).not.toMatch(TERMINAL_CONTROL)
  })

  it('a file name with an escape sequence is shown without it', async () => {
    const r = await run('check', join(dir, 'no\u001b[2Jsuch.json'))
    expect(r.err).toBe(`halltwin: ${join(dir, 'no')}such.json: no such file\n`)
  })
})
