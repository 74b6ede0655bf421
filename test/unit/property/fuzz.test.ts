// Fuzzing the boundary: seeded mutants of the example scene and of a small fixture go through
// parseScene and then solveVariant. Whatever the file holds, nothing throws, a refusal names a field
// path, and an accepted scene gives a report without a NaN or an Infinity anywhere in it.
// HALLTWIN_FUZZ_FULL=1 sweeps every numeric leaf of the example scene, to the ends of its range too
// (minutes), instead of one leaf per field of each variant.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { builtInCatalog, type Catalog } from '../../../src/model/catalog'
import { parseScene } from '../../../src/model/parse'
import { SceneSchema, type Scene } from '../../../src/model/sceneSchema'
import { solveVariant } from '../../../src/solver'
import { fixtureCatalog } from '../fixtures/catalog'
import { fans, oneRowScene } from '../fixtures/scenes'
import { numbersIn } from './arbitraries'
import { boundsAt, EDGE_VALUES, numericLeaves, onePerField, optionalSlots, pathText, pick, rng, setAt, valueText, type EdgeValue, type Path } from './mutate'

const SIBERIA: Scene = JSON.parse(readFileSync('scenes/siberia-20mw.json', 'utf8'))
const FULL = process.env.HALLTWIN_FUZZ_FULL === '1'

/** A small site that still reaches every kind of equipment: air and liquid rows, fans, pads, CDUs,
 *  dry coolers, a busway, a UPS, a generator, an N+1 transformer pair, fibre and a tariff. */
function smallScene(): Scene {
  const scene = oneRowScene({
    rackCount: 6,
    cooling: [
      fans(8),
      { id: 'pads', modelId: 'pad', count: 6, position: { x: 0, y: 0 }, rotationDeg: 0, feed: 'LV' },
      { id: 'cdu', modelId: 'cdu', count: 2, position: { x: 40, y: 2 }, rotationDeg: 0, feed: 'UPS', feedB: 'LV' },
      { id: 'dry', modelId: 'dry', count: 2, position: { x: 62, y: 0 }, rotationDeg: 90, outdoor: true, feed: 'LV' },
    ],
    extraRows: [
      { id: 'gpu', position: { x: 30, y: 10 }, rotationDeg: 90, enclosureId: 'nvl', rackCount: 2, deviceId: 'gpu-liquid', devicesPerRack: 1, feed: 'BW', circuitKVA: 173.2 },
    ],
    extraPower: [
      { id: 'T2', kind: 'transformer', parent: 'GRID', modelId: 'tr1600', redundancy: { group: 'T', scheme: 'N+1' } },
      { id: 'BW', kind: 'busway', parent: 'LV', ratingKVA: 800, efficiency: 0.98 },
      { id: 'UPS', kind: 'ups', parent: 'LV', ratingKVA: 100, efficiency: 0.95, autonomyMin: 6 },
      { id: 'GEN', kind: 'generator', parent: null, backs: 'LV', ratingKVA: 2000 },
    ],
  })
  scene.site.fibreGbps = 1
  scene.site.tariffUsdPerMWh = 50
  const variant = scene.variants[0]!
  variant.workload = 'inference'
  variant.power[1]!.redundancy = { group: 'T', scheme: 'N+1' }
  return scene
}

type Mutation = { path: Path; value: EdgeValue }
const describeMutations = (ms: readonly Mutation[]) => ms.map((m) => `${pathText(m.path)} = ${valueText(m.value)}`).join(' & ')

/** Is `issuePath` the mutated field, inside it, or a sibling in the same object (a rack count
 *  that no longer matches the row's rackFeeds is refused at rackFeeds)? */
function related(issuePath: string, mutated: Path): boolean {
  const parent = pathText(mutated.slice(0, -1))
  return parent === '' || issuePath === parent || issuePath.startsWith(`${parent}.`) || issuePath.startsWith(`${parent}[`)
}

/** Parse, then solve every variant: was the scene accepted, and what went wrong, as text. */
function tryScene(input: unknown, mutations: readonly Mutation[], catalog: Catalog, year: boolean): { accepted: boolean; problems: string[] } {
  const what = describeMutations(mutations)
  let parsed: ReturnType<typeof parseScene>
  try {
    parsed = parseScene(input, catalog)
  } catch (e) {
    return { accepted: false, problems: [`${what}: parseScene threw ${(e as Error).message}`] }
  }
  const problems: string[] = []
  if (!parsed.ok) {
    if (parsed.issues.length === 0) problems.push(`${what}: refused without an issue`)
    for (const issue of parsed.issues) {
      if (issue.path === '' || issue.message === '') problems.push(`${what}: refused without a field path: "${issue.path}: ${issue.message}"`)
    }
    if (mutations.length === 1 && !parsed.issues.some((i) => related(i.path, mutations[0]!.path))) {
      problems.push(`${what}: refused at an unrelated field: ${parsed.issues.map((i) => i.path).join(', ')}`)
    }
    return { accepted: false, problems }
  }
  for (const variant of parsed.scene.variants) {
    try {
      const report = solveVariant(parsed.scene, variant.id, catalog, { year })
      for (const [path, n] of numbersIn(report)) if (!Number.isFinite(n)) problems.push(`${what}: ${variant.id}${path} = ${n}`)
    } catch (e) {
      problems.push(`${what}: solveVariant(${variant.id}) threw ${(e as Error).message}`)
    }
  }
  return { accepted: true, problems }
}

/** A value for the field at a path: one of the edge values, or one end of the field's own range
 *  (the solver has to stay finite all the way to the bounds the schema sets). */
type Chooser = (random: () => number, path: Path) => EdgeValue
const edgeValue: Chooser = (random) => pick(random, EDGE_VALUES)
const boundValue: Chooser = (random, path) => {
  const range = boundsAt(SceneSchema, path)
  return range ? pick(random, range) : pick(random, EDGE_VALUES)
}

/** `count` mutants of `base`, each with one to `most` fields set to a chosen value or deleted. */
function fuzz(base: Scene, catalog: Catalog, o: { seed: number; count: number; most: number; yearEvery: number; choose: Chooser }) {
  const random = rng(o.seed)
  const leaves = numericLeaves(base)
  const slots = optionalSlots(base)
  const problems: string[] = []
  let accepted = 0
  for (let n = 0; n < o.count; n++) {
    const copy = structuredClone(base)
    const mutations: Mutation[] = []
    const k = 1 + Math.floor(random() * o.most)
    for (let j = 0; j < k; j++) {
      const path = random() < 0.5 ? pick(random, leaves) : pick(random, slots)
      const m: Mutation = { path, value: o.choose(random, path) }
      setAt(copy, m.path, m.value)
      mutations.push(m)
    }
    const result = tryScene(copy, mutations, catalog, n % o.yearEvery === 0)
    if (result.accepted) accepted++
    problems.push(...result.problems)
  }
  return { problems, accepted }
}

/** Each path set to each value in turn, one at a time. */
function sweep(scene: Scene, catalog: Catalog, paths: readonly Path[], values: (path: Path) => readonly EdgeValue[]): string[] {
  const problems: string[] = []
  for (const path of paths) {
    for (const value of values(path)) {
      const copy = structuredClone(scene)
      setAt(copy, path, value)
      problems.push(...tryScene(copy, [{ path, value }], catalog, false).problems)
    }
  }
  return problems
}

const edgeValues = () => EDGE_VALUES
const boundValues = (path: Path) => boundsAt(SceneSchema, path) ?? []

/** The example scene cut to one variant (tours name the others), so each sweep solves only that. */
function oneVariant(scene: Scene, index: number): Scene {
  const { tours: _, ...rest } = scene
  return { ...rest, variants: [scene.variants[index]!] }
}

/** Every numeric leaf with HALLTWIN_FUZZ_FULL=1, else one per field of each variant. */
const sweepPaths = (paths: Path[]) => (FULL ? paths : onePerField(paths))

describe('fuzzing scenes through the parser and the solver', () => {
  const catalog = builtInCatalog()

  it('the small fixture parses and solves as it stands', () => {
    const r = parseScene(smallScene(), fixtureCatalog)
    if (!r.ok) throw new Error(JSON.stringify(r.issues))
    expect(tryScene(smallScene(), [], fixtureCatalog, true)).toEqual({ accepted: true, problems: [] })
  })

  it('400 mutants of the small fixture, all with the typical year', () => {
    const { problems, accepted } = fuzz(smallScene(), fixtureCatalog, { seed: 13, count: 400, most: 3, yearEvery: 1, choose: edgeValue })
    expect(problems).toEqual([])
    expect(accepted).toBeGreaterThan(25)
  }, 30_000)

  it('200 mutants of scenes/siberia-20mw.json, every fifth with the typical year', () => {
    const { problems, accepted } = fuzz(SIBERIA, catalog, { seed: 2024, count: 200, most: 3, yearEvery: 5, choose: edgeValue })
    expect(problems).toEqual([])
    expect(accepted).toBeGreaterThan(10)
  }, 60_000)

  it('200 mutants of the small fixture with up to five fields at the ends of their ranges, every fourth with the year', () => {
    const { problems, accepted } = fuzz(smallScene(), fixtureCatalog, { seed: 7, count: 200, most: 5, yearEvery: 4, choose: boundValue })
    expect(problems).toEqual([])
    expect(accepted).toBeGreaterThan(100)
  }, 30_000)

  it('40 mutants of scenes/siberia-20mw.json with up to five fields at the ends of their ranges', () => {
    const { problems, accepted } = fuzz(SIBERIA, catalog, { seed: 99, count: 40, most: 5, yearEvery: 4, choose: boundValue })
    expect(problems).toEqual([])
    expect(accepted).toBeGreaterThan(20)
  }, 60_000)

  it('every numeric field of the small fixture, present or optional, set to each edge value and to both ends of its range', () => {
    const scene = smallScene()
    const paths = [...numericLeaves(scene), ...optionalSlots(scene)]
    expect(sweep(scene, fixtureCatalog, paths, (path) => [...EDGE_VALUES, ...boundValues(path)])).toEqual([])
  }, 300_000)

  it.each(SIBERIA.variants.map((v, i) => [v.id, i] as const))('every numeric field of variant %s set to each edge value', (_, index) => {
    const scene = oneVariant(SIBERIA, index)
    const paths = sweepPaths(numericLeaves(scene))
    expect(sweep(scene, catalog, paths, FULL ? (path) => [...EDGE_VALUES, ...boundValues(path)] : edgeValues)).toEqual([])
  }, FULL ? 600_000 : 60_000)

  it('every numeric field of the site, economics, bookmarks and tours set to each edge value', () => {
    // The first variant alone, without the tours that name the others; tours with the whole scene.
    const paths = sweepPaths(numericLeaves(SIBERIA)).filter((p) => p[0] !== 'variants')
    const problems = [
      ...sweep(oneVariant(SIBERIA, 0), catalog, paths.filter((p) => p[0] !== 'tours'), edgeValues),
      ...sweep(SIBERIA, catalog, paths.filter((p) => p[0] === 'tours'), edgeValues),
    ]
    expect(problems).toEqual([])
  }, 60_000)
})
