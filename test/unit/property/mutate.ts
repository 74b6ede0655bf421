// Seeded mutation of scene JSON for the fuzz tests: set one field to an edge value (or delete it)
// and see what the parser and the solver make of it. Deterministic: same seed, same mutants.
import { z } from 'zod'
import { DEFAULT_PARAMS } from '../../../src/model/params'
import { EconomicsInputsSchema } from '../../../src/model/economicsSchema'

export type Path = (string | number)[]

/** Removes the field instead of setting it. */
export const DELETE = Symbol('delete')
export type EdgeValue = number | string | typeof DELETE

/** Values a careless or hostile file puts where a number goes. JSON has no NaN or Infinity,
 *  so those come as text; 2^53 is where integers stop being exact. */
export const EDGE_VALUES: readonly EdgeValue[] = [0, -1, 5e-324, 1e-300, 1e300, 'NaN', 'Infinity', '12', 2 ** 31, 2 ** 53, DELETE]

/** Small, fast, seedable PRNG (mulberry32): the same seed gives the same mutants on every machine. */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!

/** Every numeric leaf of a JSON value, as a path. */
export function numericLeaves(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (typeof value === 'number') out.push(prefix)
  else if (Array.isArray(value)) value.forEach((v, i) => numericLeaves(v, [...prefix, i], out))
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) numericLeaves(v, [...prefix, k], out)
  return out
}

const PARAM_KEYS = Object.entries(DEFAULT_PARAMS).flatMap(([k, v]): Path[] =>
  typeof v === 'number' ? [[k]] : typeof v === 'object' ? Object.keys(v).map((sub) => [k, sub]) : [],
)
const ECONOMICS_KEYS = Object.keys(EconomicsInputsSchema.shape)

/** Optional numeric fields a scene may carry but need not: params, economics, node ratings and
 *  efficiencies, rack circuits. Mutating only what is present would never reach them. */
export function optionalSlots(scene: unknown): Path[] {
  const s = scene as { variants?: { halls?: { rows?: unknown[]; cooling?: unknown[] }[]; power?: unknown[] }[] }
  const out: Path[] = [['site', 'tariffUsdPerMWh'], ['site', 'fibreGbps']]
  const shared = (base: Path) => {
    for (const p of PARAM_KEYS) out.push([...base, 'params', ...p])
    for (const k of ECONOMICS_KEYS) out.push([...base, 'economics', k])
  }
  shared([])
  ;(s.variants ?? []).forEach((v, vi) => {
    const base: Path = ['variants', vi]
    shared(base)
    out.push([...base, 'fibreGbps'])
    ;(v.power ?? []).forEach((_, i) => {
      for (const k of ['ratingKVA', 'efficiency', 'autonomyMin']) out.push([...base, 'power', i, k])
    })
    ;(v.halls ?? []).forEach((h, hi) => {
      ;(h.rows ?? []).forEach((_, ri) => out.push([...base, 'halls', hi, 'rows', ri, 'circuitKVA']))
      ;(h.cooling ?? []).forEach((_, ci) => out.push([...base, 'halls', hi, 'cooling', ci, 'elevationM']))
    })
  })
  return out
}

/** Sets (or deletes) the field at a path, creating the objects on the way ("params", "economics"). */
export function setAt(root: unknown, path: Path, value: EdgeValue): void {
  let cur = root as Record<string | number, unknown>
  for (const key of path.slice(0, -1)) {
    if (cur[key] === undefined || cur[key] === null || typeof cur[key] !== 'object') cur[key] = {}
    cur = cur[key] as Record<string | number, unknown>
  }
  const last = path[path.length - 1]!
  if (value === DELETE) delete cur[last]
  else cur[last] = value
}

export const pathText = (path: Path): string => path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('').replace(/^\./, '')

export const valueText = (value: EdgeValue): string => (value === DELETE ? 'deleted' : JSON.stringify(value))

/** The range the schema allows at a path, read from the zod schema itself: [min, max]. */
export function boundsAt(schema: z.ZodType, path: Path): [number, number] | undefined {
  const unwrap = (s: z.ZodType): z.ZodType => (s instanceof z.ZodOptional || s instanceof z.ZodNullable ? unwrap(s.unwrap() as z.ZodType) : s)
  let s: z.ZodType | undefined = schema
  for (const key of path) {
    const inner: z.ZodType = unwrap(s)
    if (inner instanceof z.ZodObject) s = inner.shape[key as string] as z.ZodType | undefined
    else if (inner instanceof z.ZodArray) s = inner.element as z.ZodType
    else return undefined
    if (!s) return undefined
  }
  const leaf = unwrap(s)
  if (!(leaf instanceof z.ZodNumber) || leaf.minValue === null || leaf.maxValue === null) return undefined
  return [leaf.minValue, leaf.maxValue]
}

/** One path per field of each variant (its first row, its first node…): the leaves of a big scene
 *  are mostly the same few fields over and over. */
export function onePerField(paths: readonly Path[]): Path[] {
  const seen = new Set<string>()
  return paths.filter((path) => {
    const key = fieldOf(path)
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** The field a path is a leaf of: its indices as 0, but the variant's ("variants[2].halls[0].rows[0].rackCount"). */
export const fieldOf = (path: Path): string => pathText(path.map((k, i) => (typeof k === 'number' && !(i === 1 && path[0] === 'variants') ? 0 : k)))
