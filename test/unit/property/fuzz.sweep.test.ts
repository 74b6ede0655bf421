// Fuzzing the boundary (fuzzing.ts): every numeric field of the small fixture, one at a time, set
// to each edge value and to both ends of its range.
import { describe, expect, it } from 'vitest'
import { fixtureCatalog } from '../fixtures/catalog'
import { boundValues, smallScene, sweep } from './fuzzing'
import { EDGE_VALUES, numericLeaves, optionalSlots, pathText } from './mutate'

describe('sweeping the small fixture through the parser and the solver', () => {
  it('every numeric field of the small fixture, present or optional, set to each edge value and to both ends of its range', () => {
    const scene = smallScene()
    // Optional fields the fixture sets (its tariff, fibre, ratings, a row's circuit) are both
    // leaves and optional slots: each path once, or nine of them are swept twice to the same mutants.
    const byText = new Map([...numericLeaves(scene), ...optionalSlots(scene)].map((p) => [pathText(p), p]))
    const paths = [...byText.values()]
    expect(sweep(scene, fixtureCatalog, paths, (path) => [...EDGE_VALUES, ...boundValues(path)])).toEqual([])
  }, 300_000)
})
