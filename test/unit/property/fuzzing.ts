// The fuzz tests' machinery (fuzz.*.test.ts): seeded mutants of the example scene and of a small
// fixture go through parseScene and then solveVariant. Whatever the file holds, nothing throws, a
// refusal names a field path, and an accepted scene gives a report without a NaN or an Infinity
// anywhere in it.
// HALLTWIN_FUZZ_FULL=1 sweeps every numeric leaf of the example scene, to the ends of its range too
// (minutes), instead of one leaf per field of each variant.
import { readFileSync } from 'node:fs'
import type { Catalog } from '../../../src/model/catalog'
import { parseScene } from '../../../src/model/parse'
import { SceneSchema, type Scene, type Variant } from '../../../src/model/sceneSchema'
import { solveVariant } from '../../../src/solver'
import { oneRowScene } from '../fixtures/scenes'
import { nonFiniteIn } from './arbitraries'
import { boundsAt, DELETE, EDGE_VALUES, fieldOf, numericLeaves, onePerField, optionalSlots, pathText, pick, rng, valueText, type EdgeValue, type Path } from './mutate'

export const FULL = process.env.HALLTWIN_FUZZ_FULL === '1'

/** Freezes a JSON value all the way down: the mutants share what they leave alone with it, and
 *  a parser or solver that wrote into its input would throw here (and fail the test) instead of
 *  quietly spoiling the next mutant. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const v of Object.values(value)) deepFreeze(v)
  }
  return value
}

export const SIBERIA: Scene = deepFreeze(JSON.parse(readFileSync('scenes/siberia-20mw.json', 'utf8')))

/** A small site that still reaches every kind of equipment: air and liquid rows, fans, pads, CDUs,
 *  dry coolers, a busway, a UPS, a generator, an N+1 transformer pair, fibre and a tariff. The
 *  hall is 24 × 12 m (a 40 × 20 check grid, 800 cells: a sixth of the 60 × 30 m hall of
 *  oneRowScene the fuzz used before, so each of its thousands of field solves costs about a sixth),
 *  laid out so that the same checks warn as they did there: the GPU row's inlet at 31 °C of its 35
 *  (30 °C in the big hall), the fans' N-1 minutes, no hour of the year above the limit. */
export function smallScene(): Scene {
  const scene = oneRowScene({
    rackCount: 6,
    cooling: [
      { id: 'fans', modelId: 'fan', count: 8, position: { x: 0, y: 11.55 }, rotationDeg: 0, feed: 'LV' },
      { id: 'pads', modelId: 'pad', count: 6, position: { x: 0, y: 0 }, rotationDeg: 0, feed: 'LV' },
      { id: 'cdu', modelId: 'cdu', count: 2, position: { x: 14, y: 8 }, rotationDeg: 0, feed: 'UPS', feedB: 'LV' },
      { id: 'dry', modelId: 'dry', count: 2, position: { x: 26, y: 0 }, rotationDeg: 90, outdoor: true, feed: 'LV' },
    ],
    extraRows: [
      { id: 'gpu', position: { x: 20, y: 8 }, rotationDeg: 90, enclosureId: 'nvl', rackCount: 2, deviceId: 'gpu-liquid', devicesPerRack: 1, feed: 'BW', circuitKVA: 173.2 },
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
  const hall = variant.halls[0]!
  hall.lengthM = 24
  hall.widthM = 12
  hall.rows[0]!.position = { x: 5, y: 4 }
  variant.workload = 'inference'
  variant.power[1]!.redundancy = { group: 'T', scheme: 'N+1' }
  return deepFreeze(scene)
}

export type Mutation = { path: Path; value: EdgeValue }
const describeMutations = (ms: readonly Mutation[]) => ms.map((m) => `${pathText(m.path)} = ${valueText(m.value)}`).join(' & ')

/** `base` with the mutations applied, as mutate.ts's setAt applies them to a deep copy, but
 *  copying only the objects on each mutated path (a copy of the example scene costs more than
 *  parsing it); the rest is shared with the frozen base. */
export function mutated<T>(base: T, mutations: readonly Mutation[]): T {
  const own = new Set<object>()
  const copy = (v: object): Record<string | number, unknown> => {
    const c = (Array.isArray(v) ? [...v] : { ...v }) as Record<string | number, unknown>
    own.add(c)
    return c
  }
  const root = copy(base as object)
  for (const { path, value } of mutations) {
    let cur = root
    for (const key of path.slice(0, -1)) {
      const next = cur[key]
      if (next === undefined || next === null || typeof next !== 'object') {
        const fresh = {}
        own.add(fresh)
        cur[key] = fresh
      } else if (!own.has(next)) cur[key] = copy(next)
      cur = cur[key] as Record<string | number, unknown>
    }
    const last = path[path.length - 1]!
    if (value === DELETE) delete cur[last]
    else cur[last] = value
  }
  return root as T
}

/** Is `issuePath` the mutated field, inside it, or a sibling in the same object (a rack count
 *  that no longer matches the row's rackFeeds is refused at rackFeeds)? */
function related(issuePath: string, mutated: Path): boolean {
  const parent = pathText(mutated.slice(0, -1))
  return parent === '' || issuePath === parent || issuePath.startsWith(`${parent}.`) || issuePath.startsWith(`${parent}[`)
}

/** The parsed scene as text that tells apart every two values the solver could tell apart: a
 *  number by its shortest round-trip form (distinct doubles, distinct text; −0 and NaN spelt out,
 *  where JSON.stringify writes 0 and null), a key present with undefined apart from a key absent,
 *  keys in their own order. Anything but plain data (a Date, a Map, a class instance) throws.
 *  Plain data with none of those (jsonExact: every parsed scene so far) is the same text as
 *  JSON.stringify writes, and JSON.stringify writes it, several times faster. */
export function sceneKey(value: unknown): string {
  return jsonExact(value) ? JSON.stringify(value) : spelt(value)
}

/** Would spelt(value) be JSON.stringify(value)? Finite numbers other than −0, strings, booleans,
 *  null, and arrays and plain objects of them whose own keys are all enumerable strings. */
function jsonExact(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0)
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return true
  if (typeof value !== 'object') return false
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!jsonExact(value[i])) return false
    return true
  }
  const proto: unknown = Object.getPrototypeOf(value)
  if (proto !== Object.prototype && proto !== null) return false
  const keys = Reflect.ownKeys(value)
  if (keys.length !== Object.keys(value).length) return false
  for (const k of keys) if (!jsonExact((value as Record<string, unknown>)[k as string])) return false
  return true
}

function spelt(value: unknown): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value)
  if (typeof value === 'string') return JSON.stringify(value)
  if (value === undefined) return 'u'
  if (value === null || typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) {
    let out = '['
    for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + spelt(value[i])
    return `${out}]`
  }
  const proto: unknown = typeof value === 'object' ? Object.getPrototypeOf(value) : undefined
  if (typeof value !== 'object' || (proto !== Object.prototype && proto !== null)) throw new Error(`sceneKey: not plain data (${typeof value})`)
  let out = '{'
  for (const k of Reflect.ownKeys(value)) {
    if (typeof k !== 'string') throw new Error('sceneKey: a symbol key')
    out += `${out.length > 1 ? ',' : ''}${JSON.stringify(k)}:${spelt((value as Record<string, unknown>)[k])}`
  }
  return `${out}}`
}

/** What solving one variant gave: the non-finite numbers of its report, or the message it threw. */
type Solved = { nonFinite: [string, number][]; threw?: string }

/** A part of the scene one solve read: a key of the scene ("site"), the number of variants ("#"),
 *  whether variants[i] is there ("3"), a key of variants[i] ("3.halls"), or all of an object
 *  when the solve listed its keys ("*", "3.*"). */
type Read = string

/** The scene as solveVariant sees it, but every read of the scene's own keys, of its variants
 *  array and of each variant's own keys recorded in `reads`. What such a read returns (the site,
 *  a variant's halls) is the plain object itself: its whole subtree is one part of the key. */
function recording(scene: Scene, reads: Set<Read>): Scene {
  const variants = scene.variants
  const own = new Map<number, Variant>()
  const variant = (i: number): Variant => {
    let p = own.get(i)
    if (!p) {
      p = new Proxy(variants[i]!, {
        get: (t, k) => (reads.add(typeof k === 'string' ? `${i}.${k}` : `${i}.*`), Reflect.get(t, k)),
        has: (t, k) => (reads.add(`${i}.*`), Reflect.has(t, k)),
        ownKeys: (t) => (reads.add(`${i}.*`), Reflect.ownKeys(t)),
        getOwnPropertyDescriptor: (t, k) => (reads.add(`${i}.*`), Reflect.getOwnPropertyDescriptor(t, k)),
      })
      own.set(i, p)
    }
    return p
  }
  const array = new Proxy(variants, {
    get: (t, k) => {
      if (typeof k === 'string' && /^\d+$/.test(k)) {
        reads.add(k)
        const i = Number(k)
        return t[i] && typeof t[i] === 'object' ? variant(i) : t[i]
      }
      // Array methods (find, map, the iterator) read the elements and the length through the proxy.
      if (k === 'length') reads.add('#')
      else if (typeof k === 'string' && Object.hasOwn(t, k)) reads.add('*')
      return Reflect.get(t, k)
    },
    has: (t, k) => (reads.add('*'), Reflect.has(t, k)),
    ownKeys: (t) => (reads.add('*'), Reflect.ownKeys(t)),
    getOwnPropertyDescriptor: (t, k) => (reads.add('*'), Reflect.getOwnPropertyDescriptor(t, k)),
  })
  return new Proxy(scene, {
    get: (t, k) => {
      if (k === 'variants') return array
      reads.add(typeof k === 'string' ? k : '*')
      return Reflect.get(t, k)
    },
    has: (t, k) => (reads.add('*'), Reflect.has(t, k)),
    ownKeys: (t) => (reads.add('*'), Reflect.ownKeys(t)),
    getOwnPropertyDescriptor: (t, k) => (reads.add('*'), Reflect.getOwnPropertyDescriptor(t, k)),
  })
}

/** The value of one read in a scene, as text (sceneKey); "*" is the whole scene, "3.*" the whole
 *  variant. */
function readKey(scene: Scene, read: Read): string {
  const variants = scene.variants as unknown[]
  if (read === '*') return sceneKey(scene)
  if (read === '#') return String(variants.length)
  const dot = read.indexOf('.')
  if (/^\d/.test(read)) {
    const v = variants[Number(dot < 0 ? read : read.slice(0, dot))]
    if (dot < 0) return v && typeof v === 'object' ? 'o' : sceneKey(v)
    const k = read.slice(dot + 1)
    return k === '*' ? sceneKey(v) : sceneKey((v as Record<string, unknown> | undefined)?.[k])
  }
  return sceneKey((scene as unknown as Record<string, unknown>)[read])
}

/** Solves already made in one sweep or fuzz run, each by what it read of the parsed scene.
 *  solveVariant is a deterministic function of the catalog, the options, the variant id and the
 *  parts of the scene it reads (its field memo is exact: thermal/memo.ts); a solve of another
 *  scene that holds the same values at every read makes the same reads in the same order and
 *  gives the same report. So a variant is solved again only when something it read changed: two
 *  mutants the parser turns into the same scene (a deleted optional field and the value it
 *  defaults to) are one solve, and so are the variants a mutant leaves alone (a variant reads the
 *  site, the scene's params and economics, its own keys, the other variants' ids on the way to
 *  its own and the as-built variant's halls and power for its economics) and every variant of a
 *  mutant that changes only what no solve reads (bookmarks, tours). Each mutant still has its
 *  problems named. */
export class SolveCache {
  /** By year flag and variant id: the read sets seen (a few: what a solve reads depends a little
   *  on the data, the as-built variant reads no other) and the results by key. */
  private readonly byVariant = new Map<string, { shapes: Map<string, Read[]>; solved: Map<string, Solved> }>()
  /** Each read of a scene as text, made once for all its variants (every variant reads the site,
   *  and the as-built variant's halls and power for its economics). */
  private readonly texts = new WeakMap<Scene, Map<Read, string>>()

  solve(scene: Scene, variantId: string, catalog: Catalog, year: boolean): Solved {
    const slot = `${year}|${variantId}`
    let entry = this.byVariant.get(slot)
    if (!entry) this.byVariant.set(slot, (entry = { shapes: new Map(), solved: new Map() }))
    let texts = this.texts.get(scene)
    if (!texts) this.texts.set(scene, (texts = new Map()))
    const keyOf = (reads: readonly Read[]) => reads.map((r) => `${r}=${texts.get(r) ?? texts.set(r, readKey(scene, r)).get(r)!}`).join('\n')
    for (const reads of entry.shapes.values()) {
      const hit = entry.solved.get(keyOf(reads))
      if (hit) return hit
    }
    const reads = new Set<Read>()
    const solved = solveOne(recording(scene, reads), variantId, catalog, year)
    const sorted = [...reads].sort()
    const shape = sorted.join('\n')
    if (!entry.shapes.has(shape)) entry.shapes.set(shape, sorted)
    entry.solved.set(keyOf(sorted), solved)
    return solved
  }
}

function solveOne(scene: Scene, variantId: string, catalog: Catalog, year: boolean): Solved {
  try {
    return { nonFinite: nonFiniteIn(solveVariant(scene, variantId, catalog, { year })) }
  } catch (e) {
    return { nonFinite: [], threw: (e as Error).message }
  }
}

/** Parse, then solve every variant: was the scene accepted, and what went wrong, as text. */
export function tryScene(input: unknown, mutations: readonly Mutation[], catalog: Catalog, year: boolean, cache?: SolveCache): { accepted: boolean; problems: string[] } {
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
  const scene = parsed.scene
  for (const { id } of scene.variants) {
    const { nonFinite, threw } = cache ? cache.solve(scene, id, catalog, year) : solveOne(scene, id, catalog, year)
    if (threw !== undefined) problems.push(`${what}: solveVariant(${id}) threw ${threw}`)
    for (const [path, n] of nonFinite) problems.push(`${what}: ${id}${path} = ${n}`)
  }
  return { accepted: true, problems }
}

/** A value for the field at a path: one of the edge values, or one end of the field's own range
 *  (the solver has to stay finite all the way to the bounds the schema sets). */
type Chooser = (random: () => number, path: Path) => EdgeValue
export const edgeValue: Chooser = (random) => pick(random, EDGE_VALUES)
export const boundValue: Chooser = (random, path) => {
  const range = boundsAt(SceneSchema, path)
  return range ? pick(random, range) : pick(random, EDGE_VALUES)
}

/** `count` mutants of `base`, each with one to `most` fields set to a chosen value or deleted. */
export function fuzz(base: Scene, catalog: Catalog, o: { seed: number; count: number; most: number; yearEvery: number; choose: Chooser }) {
  const random = rng(o.seed)
  const leaves = numericLeaves(base)
  const slots = optionalSlots(base)
  const problems: string[] = []
  const cache = new SolveCache()
  let accepted = 0
  for (let n = 0; n < o.count; n++) {
    const mutations: Mutation[] = []
    const k = 1 + Math.floor(random() * o.most)
    for (let j = 0; j < k; j++) {
      const path = random() < 0.5 ? pick(random, leaves) : pick(random, slots)
      mutations.push({ path, value: o.choose(random, path) })
    }
    const result = tryScene(mutated(base, mutations), mutations, catalog, n % o.yearEvery === 0, cache)
    if (result.accepted) accepted++
    problems.push(...result.problems)
  }
  return { problems, accepted }
}

/** Each path set to each value in turn, one at a time. */
export function sweep(scene: Scene, catalog: Catalog, paths: readonly Path[], values: (path: Path) => readonly EdgeValue[]): string[] {
  const problems: string[] = []
  const cache = new SolveCache()
  for (const path of paths) {
    for (const value of values(path)) {
      const m: Mutation[] = [{ path, value }]
      problems.push(...tryScene(mutated(scene, m), m, catalog, false, cache).problems)
    }
  }
  return problems
}

export const edgeValues = () => EDGE_VALUES
export const boundValues = (path: Path) => boundsAt(SceneSchema, path) ?? []

/** The example scene cut to one variant (tours name the others), so each sweep solves only that. */
export function oneVariant(scene: Scene, index: number): Scene {
  const { tours: _, ...rest } = scene
  return { ...rest, variants: [scene.variants[index]!] }
}

/** The scene with each hall's rows cut to its first few (at least two, so that rows still stand
 *  beside and behind each other): as few as still carry every numeric field the hall's rows carry
 *  (fieldOf), so a sweep of one leaf per field reaches the same fields, each mutant solved with
 *  fewer racks. Containment naming a row cut goes with it. */
export function fewerRows(scene: Scene): Scene {
  const fields = (s: Scene) => [...new Set(numericLeaves(s).map(fieldOf))].sort()
  const all = fields(scene).join('\n')
  const cut = (keep: number): Scene => ({
    ...scene,
    variants: scene.variants.map((v) => ({
      ...v,
      halls: v.halls.map((h) => {
        const rows = h.rows.slice(0, keep)
        const ids = new Set(rows.map((r) => r.id))
        return { ...h, rows, ...(h.containment ? { containment: h.containment.filter((c) => c.rows.every((id) => ids.has(id))) } : {}) }
      }),
    })),
  })
  const most = Math.max(0, ...scene.variants.flatMap((v) => v.halls.map((h) => h.rows.length)))
  for (let keep = 2; keep < most; keep++) if (fields(cut(keep)).join('\n') === all) return cut(keep)
  return scene
}

/** Every numeric leaf with HALLTWIN_FUZZ_FULL=1, else one per field of each variant. */
export const sweepPaths = (paths: Path[]) => (FULL ? paths : onePerField(paths))
