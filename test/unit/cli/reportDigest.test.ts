// Speed-ups of the CLI and the solver change no result: the full `check --json` report (every
// figure, bit for bit, once `meta` with its timings is set aside) of each example scene and the
// generated campus, and the `thermal --json` field of the default hall, are pinned by a SHA-256
// digest recorded before the performance work (the snapshot file next to this test). A digest
// changes with any byte of the output; a change of the physics that is meant re-records it
// (`npx vitest run test/unit/cli/reportDigest.test.ts -u`) in the commit that makes it.
// The campus is solved twice, the second time with the solver's field memo filled by the first,
// so the memo returns exactly what a cold solve does (the others once: this test is not short).
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { main } from '../../../src/cli/main'
import { clearFieldMemo } from '../../../src/solver/thermal/hallField'

/** The default scene with every cooling unit taken out: closed halls that cannot shed their heat,
 *  so rack outlets clamp at the model's ceiling (the saturated path of the temperature sweep). */
const closed = join(mkdtempSync(join(tmpdir(), 'halltwin-digest-')), 'closed-halls.json')
{
  const scene = JSON.parse(readFileSync('scenes/siberia-20mw.json', 'utf8')) as { variants: { halls: { cooling: unknown[] }[] }[] }
  for (const v of scene.variants) for (const h of v.halls) h.cooling = []
  writeFileSync(closed, JSON.stringify(scene))
}

async function out(...argv: string[]): Promise<string> {
  let text = ''
  let err = ''
  const code = await main(argv, { out: (t) => (text += t), err: (t) => (err += t) })
  if (code > 1) throw new Error(`halltwin ${argv.join(' ')} exited ${code}: ${err}`)
  return text
}

/** The output with every report's `meta` removed, as a digest and its length. */
function digest(json: string): string {
  const parsed: unknown = JSON.parse(json)
  for (const report of (Array.isArray(parsed) ? parsed : [parsed]) as Record<string, unknown>[]) delete report.meta
  const text = JSON.stringify(parsed)
  return `${createHash('sha256').update(text).digest('hex')} (${text.length} characters)`
}

describe('reports are unchanged by the speed-ups (digest of the full output but meta)', () => {
  it.each([
    ['check scenes/siberia-20mw.json, every variant', ['check', 'scenes/siberia-20mw.json', '--variant', 'all', '--json'], false],
    ['check scenes/campus-100mw.json', ['check', 'scenes/campus-100mw.json', '--json'], true],
    ['thermal scenes/siberia-20mw.json, check grid', ['thermal', 'scenes/siberia-20mw.json', '--grid', 'check', '--json'], false],
    ['thermal, the default scene without cooling (saturated halls), check grid', ['thermal', closed, '--grid', 'check', '--json'], false],
  ] as const)('%s', async (_, argv, again) => {
    clearFieldMemo()
    const cold = digest(await out(...argv))
    expect(cold).toMatchSnapshot()
    // Again, with the memo holding every field of the first run.
    if (again) expect(digest(await out(...argv))).toBe(cold)
  }, 60_000)
})
