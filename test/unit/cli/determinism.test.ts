// The same scene gives the same bytes: a report can be diffed, cached and checked into a repo.
// Timings are the one thing that may differ between runs, and they belong under `meta`.
import { describe, expect, it } from 'vitest'
import { main } from '../../../src/cli/main'

const SCENE = 'scenes/siberia-20mw.json'

async function out(...argv: string[]): Promise<string> {
  let text = ''
  await main(argv, { out: (t) => (text += t), err: () => {} })
  return text
}

/** Deletes a dotted path (`year.solveMs`) from every report of a `check --json` output. */
function without(json: string, paths: readonly string[]): string {
  const parsed: unknown = JSON.parse(json)
  const reports = (Array.isArray(parsed) ? parsed : [parsed]) as Record<string, unknown>[]
  for (const report of reports) {
    for (const path of paths) {
      const keys = path.split('.')
      let cur: Record<string, unknown> | undefined = report
      for (const key of keys.slice(0, -1)) cur = cur?.[key] as Record<string, unknown> | undefined
      if (cur) delete cur[keys[keys.length - 1]!]
    }
  }
  return JSON.stringify(parsed, null, 2)
}

/** Timings the solver reports outside `meta`: none (the year's own timing left the report). */
const TIMINGS_OUTSIDE_META: string[] = []

/** `check --variant all --json`, run twice: both tests below read the same two runs. */
let twice: Promise<[string, string]> | undefined
const checkTwice = (): Promise<[string, string]> =>
  (twice ??= (async () => {
    const a = await out('check', SCENE, '--variant', 'all', '--json')
    return [a, await out('check', SCENE, '--variant', 'all', '--json')]
  })())

describe('the same scene gives the same bytes', () => {
  it('check --json, twice, is identical once `meta` is set aside', async () => {
    const [a, b] = await checkTwice()
    expect(without(b, ['meta'])).toBe(without(a, ['meta']))
  })

  it('check --json, twice, differs in nothing but `meta` and the known timings', async () => {
    const [a, b] = await checkTwice()
    expect(without(b, ['meta', ...TIMINGS_OUTSIDE_META])).toBe(without(a, ['meta', ...TIMINGS_OUTSIDE_META]))
  })

  // capacity --json, twice: in cli.test.ts, on the small Chicago hall (determinism does not depend
  // on the site's size; the example's search runs once there, in the capacity test).
  it.each([
    ['check --md', ['check', SCENE, '--variant', 'all', '--md']],
    ['economics --json', ['economics', SCENE, '--json']],
  ])('%s, twice, is identical', async (_, argv) => {
    expect(await out(...argv)).toBe(await out(...argv))
  })
})
