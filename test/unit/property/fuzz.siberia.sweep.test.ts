// Fuzzing the boundary (fuzzing.ts), on the example scene: every numeric field of each variant (one
// leaf per field unless HALLTWIN_FUZZ_FULL=1) set to each edge value. The seeded mutants are in
// fuzz.siberia.test.ts.
import { describe, expect, it } from 'vitest'
import { builtInCatalog } from '../../../src/model/catalog'
import type { Scene } from '../../../src/model/sceneSchema'
import { boundValues, edgeValues, fewerRows, FULL, oneVariant, SIBERIA, sweep, sweepPaths, tryScene } from './fuzzing'
import { EDGE_VALUES, fieldOf, numericLeaves } from './mutate'

describe('fuzzing scenes/siberia-20mw.json through the parser and the solver', () => {
  const catalog = builtInCatalog()

  // The variant's own fields here, on the variant alone (tours name the others); the fields of the
  // site, economics and bookmarks, which every variant reads, in the test below with every variant.
  // One leaf per field on the variant with its hall's rows cut to the first few that carry every
  // field its rows carry (fewerRows: the same fields swept, each mutant solved with fewer racks;
  // the seeded mutants of fuzz.siberia.test.ts mutate the whole scene); every leaf of the whole
  // variant with HALLTWIN_FUZZ_FULL=1.
  it.each(SIBERIA.variants.map((v, i) => [v.id, i] as const))('every numeric field of variant %s set to each edge value', (_, index) => {
    const whole = oneVariant(SIBERIA, index)
    const scene = FULL ? whole : fewerRows(whole)
    const own = (s: Scene) => sweepPaths(numericLeaves(s)).filter((p) => p[0] === 'variants')
    const paths = own(scene)
    expect(paths.map(fieldOf)).toEqual(own(whole).map(fieldOf))
    expect(paths.length).toBeGreaterThan(15)
    expect(tryScene(scene, [], catalog, false)).toEqual({ accepted: true, problems: [] })
    expect(sweep(scene, catalog, paths, FULL ? (path) => [...EDGE_VALUES, ...boundValues(path)] : edgeValues)).toEqual([])
  }, FULL ? 600_000 : 60_000)

  it('every numeric field of the site, economics, bookmarks and tours set to each edge value, every variant solved', () => {
    // Each mutant of a scene-wide field solves all five variants (the scene without its tours, as
    // each variant's own sweep above is: a tour names the variants); the tours with the whole scene.
    const { tours: _, ...withoutTours } = SIBERIA
    const paths = sweepPaths(numericLeaves(SIBERIA)).filter((p) => p[0] !== 'variants')
    expect(paths.filter((p) => p[0] === 'site').length).toBeGreaterThan(3)
    const problems = [
      ...sweep(withoutTours, catalog, paths.filter((p) => p[0] !== 'tours'), edgeValues),
      ...sweep(SIBERIA, catalog, paths.filter((p) => p[0] === 'tours'), edgeValues),
    ]
    expect(problems).toEqual([])
  })
})
