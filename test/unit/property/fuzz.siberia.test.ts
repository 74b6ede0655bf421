// Fuzzing the boundary (fuzzing.ts), on the example scene: seeded mutants. The edge-value sweep of
// every numeric field is in fuzz.siberia.sweep.test.ts (two files, so the two workers share them).
import { describe, expect, it } from 'vitest'
import { builtInCatalog } from '../../../src/model/catalog'
import { boundValue, edgeValue, fuzz, SIBERIA } from './fuzzing'

describe('fuzzing scenes/siberia-20mw.json through the parser and the solver', () => {
  const catalog = builtInCatalog()

  it('200 mutants of scenes/siberia-20mw.json, every fifth with the typical year', () => {
    const { problems, accepted } = fuzz(SIBERIA, catalog, { seed: 2024, count: 200, most: 3, yearEvery: 5, choose: edgeValue })
    expect(problems).toEqual([])
    expect(accepted).toBeGreaterThan(10)
  })

  it('40 mutants of scenes/siberia-20mw.json with up to five fields at the ends of their ranges', () => {
    const { problems, accepted } = fuzz(SIBERIA, catalog, { seed: 99, count: 40, most: 5, yearEvery: 4, choose: boundValue })
    expect(problems).toEqual([])
    expect(accepted).toBeGreaterThan(20)
  })
})
