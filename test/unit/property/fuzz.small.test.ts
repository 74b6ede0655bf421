// Fuzzing the boundary (fuzzing.ts), on a small fixture: seeded mutants, some with edge values
// (0, -1, 5e-324, 1e300, "NaN", …), some with fields at the ends of their ranges.
import { describe, expect, it } from 'vitest'
import { parseScene } from '../../../src/model/parse'
import { fixtureCatalog } from '../fixtures/catalog'
import { boundValue, edgeValue, fuzz, smallScene, tryScene } from './fuzzing'

describe('fuzzing the small fixture through the parser and the solver', () => {
  it('the small fixture parses and solves as it stands', () => {
    const r = parseScene(smallScene(), fixtureCatalog)
    if (!r.ok) throw new Error(JSON.stringify(r.issues))
    expect(tryScene(smallScene(), [], fixtureCatalog, true)).toEqual({ accepted: true, problems: [] })
  })

  it('400 mutants of the small fixture, all with the typical year', () => {
    const { problems, accepted } = fuzz(smallScene(), fixtureCatalog, { seed: 13, count: 400, most: 3, yearEvery: 1, choose: edgeValue })
    expect(problems).toEqual([])
    expect(accepted).toBeGreaterThan(25)
  })

  it('200 mutants of the small fixture with up to five fields at the ends of their ranges, every fourth with the year', () => {
    const { problems, accepted } = fuzz(smallScene(), fixtureCatalog, { seed: 7, count: 200, most: 5, yearEvery: 4, choose: boundValue })
    expect(problems).toEqual([])
    expect(accepted).toBeGreaterThan(100)
  })
})
