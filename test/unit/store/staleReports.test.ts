// Which answers an edit makes stale: an edit of one variant re-solves that variant only; an edit of
// what every variant shares (the site's weather here) re-solves them all — before, the other
// variants kept answers for the old weather. The solver is a stub: this is about the store.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { moveRow } from '../../../src/editor/commands'
import { embedWeather } from '../../../src/editor/weatherCommands'
import type { Report } from '../../../src/solver/report'
import { createAppStore } from '../../../src/store'
import { stubSolver } from './helpers'

const EPW = 'USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw'

function storeWithAnswers() {
  stubSolver()
  const store = createAppStore()
  const twoVariants = JSON.parse(readFileSync('test/fixtures/weather/chicago-hall.json', 'utf8'))
  twoVariants.variants.push({ ...twoVariants.variants[0], id: 'copy', name: 'Copy' })
  expect(store.getState().loadSceneText(JSON.stringify(twoVariants), 'chicago-hall.json')).toBe(true)
  const ids = store.getState().scene!.variants.map((v) => v.id)
  // Answers as if the solver had replied for every variant.
  store.setState({ reports: Object.fromEntries(ids.map((id) => [id, { variant: id } as unknown as Report])), pending: {} })
  return { store, ids }
}

describe('stale answers after an edit', () => {
  it('an edit of one variant drops that variant\'s answer only', () => {
    const { store, ids } = storeWithAnswers()
    const [first, second] = ids as [string, string]
    const row = store.getState().scene!.variants[0]!.halls[0]!.rows[0]!
    expect(store.getState().applyCommand(moveRow(first, row.id, { x: row.position.x + 1, y: row.position.y }))).toBe(true)
    expect(Object.keys(store.getState().reports)).toEqual([second])
  })

  it('an edit of the site (its weather file) drops every variant\'s answer', () => {
    const { store, ids } = storeWithAnswers()
    const epw = readFileSync(`test/fixtures/weather/${EPW}`, 'utf8')
    expect(store.getState().applyCommand(embedWeather(ids[0]!, epw, EPW))).toBe(true)
    expect(store.getState().scene!.site.weather?.epw).toBe(epw)
    expect(Object.keys(store.getState().reports)).toEqual([])
  })
})
