// The field memo (solver/thermal/memo.ts): a key matches only the very same numbers, bit for bit,
// and a field taken from the memo is the field a cold solve gives.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { builtInCatalog } from '../../../src/model/catalog'
import { resolveParams } from '../../../src/model/params'
import { parseSceneText } from '../../../src/model/parse'
import { variantLoads } from '../../../src/solver/loads'
import { clearFieldMemo, hallRackInlets } from '../../../src/solver/thermal/hallField'
import { Key, PRE_HASH_SAMPLES, SolveMemo } from '../../../src/solver/thermal/memo'
import { climateFieldAir } from '../../../src/solver/thermal'
import type { HallThermal } from '../../../src/solver/thermal'

const key = (...parts: (number | Float64Array | Int32Array)[]): Key => {
  const k = new Key()
  for (const p of parts) if (typeof p === 'number') k.num(p)
  else k.array(p)
  return k
}

describe('memo keys', () => {
  it('match the same numbers and nothing else', () => {
    const stored = key(1, Float64Array.of(0.1, 2), Int32Array.of(3, -4)).build()
    expect(key(1, Float64Array.of(0.1, 2), Int32Array.of(3, -4)).matches(stored)).toBe(true)
    expect(key(1, Float64Array.of(0.1, 2), Int32Array.of(3, -5)).matches(stored)).toBe(false)
    expect(key(1, Float64Array.of(0.1 + Number.EPSILON, 2), Int32Array.of(3, -4)).matches(stored)).toBe(false)
    // −0 and 0 are different bits.
    expect(key(0).matches(key(-0).build())).toBe(false)
    // Arrays carry their length: [1, 2] + [3] is not [1] + [2, 3].
    expect(key(Float64Array.of(1, 2), Float64Array.of(3)).matches(key(Float64Array.of(1), Float64Array.of(2, 3)).build())).toBe(false)
    expect(key(Float64Array.of(1, 2)).preHash()).toBe(key(Float64Array.of(1, 2)).preHash())
    // Runs of equal values are stored once, and still match element by element.
    const runs = Float64Array.of(0, 0, 0, 0, 1, 1, 0, -0, -0)
    const built = key(runs, 7).build()
    expect(built.length).toBe(2 + 2 * 4 + 1) // length, runs, (0 ×4) (1 ×2) (0 ×1) (−0 ×2), 7
    expect(key(runs, 7).matches(built)).toBe(true)
    expect(key(Float64Array.of(0, 0, 0, 0, 1, 1, 0, -0, 0), 7).matches(built)).toBe(false)
    expect(key(Float64Array.of(0, 0, 0, 0, 1, 1, 0, -0), 7).matches(built)).toBe(false)
    expect(key(runs).matches(built)).toBe(false)
    expect(key(Int32Array.of(5, 5, 6)).matches(key(Int32Array.of(5, 5, 6)).build())).toBe(true)
    expect(key(Int32Array.of(5, 5, 6)).matches(key(Int32Array.of(5, 6, 6)).build())).toBe(false)
  })

  it('a memo returns what was stored under the key that `accept` takes, and drops the oldest over its budget', () => {
    // Each entry: an 8-byte key + 16 bytes of value = 24 bytes; two fit in 60, three do not.
    expect(key(1).build().byteLength).toBe(8)
    const memo = new SolveMemo<string>(60)
    memo.set(key(1), 'one', 16)
    memo.set(key(2), 'two', 16)
    expect(memo.get(key(1))).toBe('one')
    expect(memo.get(key(1), (v) => v !== 'one')).toBeUndefined()
    expect(memo.get(key(3))).toBeUndefined()
    memo.set(key(3), 'three', 16) // over budget: 2 was used least recently
    expect(memo.get(key(2))).toBeUndefined()
    expect(memo.get(key(1))).toBe('one')
    expect(memo.get(key(3))).toBe('three')
  })
})

describe('memo stores', () => {
  it('a copy of the key: writing to the arrays after the store changes neither what it finds nor what it misses', () => {
    const cells = Float64Array.of(1, 2, 3)
    const ids = Int32Array.of(4, 5)
    const memo = new SolveMemo<string>(1 << 20)
    memo.set(key(7, cells, ids), 'first', 0)
    cells[1] = 9
    ids[0] = -4
    expect(memo.get(key(7, cells, ids))).toBeUndefined()
    expect(memo.get(key(7, Float64Array.of(1, 2, 3), Int32Array.of(4, 5)))).toBe('first')
  })

  it('keys whose pre-hash is the same apart by their contents, as copies and encoded', () => {
    // 200 zeros and a last value; element 1 is not among the pre-hash's samples (0, 6, 12, …, 200).
    expect(PRE_HASH_SAMPLES).toBe(32)
    const cells = (at1: number, last: number): Float64Array => Float64Array.from({ length: 201 }, (_, i) => (i === 200 ? last : i === 1 ? at1 : 0))
    const a = (): Key => key(1, cells(0, 0.5), Int32Array.of(3, 3))
    const b = (): Key => key(1, cells(-0, 0.5), Int32Array.of(3, 3))
    const c = (): Key => key(1, cells(2, 0.5), Int32Array.of(3, 3))
    const d = (): Key => key(1, cells(0, 0), Int32Array.of(3, 3))
    expect(a().preHash()).toBe(b().preHash())
    expect(a().preHash()).toBe(c().preHash())
    // Numbers, lengths and sampled elements (the last; every element of a short array) count.
    expect(a().preHash()).not.toBe(d().preHash())
    expect(a().preHash()).not.toBe(key(2, cells(0, 0.5), Int32Array.of(3, 3)).preHash())
    expect(a().preHash()).not.toBe(key(1, cells(0, 0.5).subarray(1), Int32Array.of(3, 3)).preHash())
    expect(a().preHash()).not.toBe(key(1, cells(0, 0.5), Int32Array.of(3, 4)).preHash())
    expect(a().equals(a())).toBe(true)
    expect(a().equals(b())).toBe(false)
    expect(a().equals(c())).toBe(false)
    expect(key(0).equals(key(-0))).toBe(false)
    expect(key(NaN).equals(key(NaN))).toBe(true)
    // A copy holds 8 + 1608 + 8 = 1624 bytes; encoded, a and d hold 11 numbers (88 bytes: 1,
    // length, runs, (0 × 200) (0.5 × 1), length, runs, (3 × 2)), b and c 15 (120).
    const memo = new SolveMemo<string>(3300)
    memo.set(a(), 'a', 0)
    memo.set(b(), 'b', 0) // 3248 bytes as copies
    expect(memo.get(b())).toBe('b')
    expect(memo.get(a())).toBe('a')
    expect(memo.get(c())).toBeUndefined()
    memo.set(c(), 'c', 0) // 4872 as copies: all encoded, 328
    expect(memo.get(a())).toBe('a')
    expect(memo.get(b())).toBe('b')
    expect(memo.get(c())).toBe('c')
    expect(memo.get(d())).toBeUndefined()
    memo.set(d(), 'd', 0) // d encoded: 416
    expect(memo.get(d())).toBe('d')
    expect(memo.get(key(1, cells(0, 0.5), Int32Array.of(3, 3)))).toBe('a')
    // Over a smaller budget, the least recently used goes once all are encoded (here a).
    const small = new SolveMemo<string>(250)
    for (const [k, v] of [[a(), 'a'], [b(), 'b'], [c(), 'c']] as const) small.set(k, v, 0)
    expect(small.get(a())).toBeUndefined()
    expect(small.get(b())).toBe('b')
    expect(small.get(c())).toBe('c')
  })
})

describe('a field from the memo', () => {
  const catalog = builtInCatalog()
  const parsed = parseSceneText(readFileSync('scenes/siberia-20mw.json', 'utf8'), catalog)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues))
  const scene = parsed.scene
  const variant = scene.variants[0]!
  const params = resolveParams(scene.params, variant.params)
  const hall = variant.halls[0]!
  const rows = variantLoads(variant, catalog, params).rows
  const air = climateFieldAir(hall, catalog.climates.get(scene.site.climateId)!, catalog, params)
  const timeless = (f: HallThermal) => ({ ...f, solveMs: 0 })

  it('is the field a cold solve gives', () => {
    clearFieldMemo()
    const cold = hallRackInlets(hall, rows, air, catalog, params)
    const again = hallRackInlets(hall, rows, air, catalog, params)
    expect(timeless(again)).toEqual(timeless(cold))
    // Other air: the flow is the memo's, the temperatures are solved anew, and as a cold solve.
    const warmer = { ...air, intakeC: air.intakeC + 3 }
    const viaMemo = hallRackInlets(hall, rows, warmer, catalog, params)
    clearFieldMemo()
    expect(timeless(viaMemo)).toEqual(timeless(hallRackInlets(hall, rows, warmer, catalog, params)))
    expect(viaMemo.tempC).not.toEqual(cold.tempC)
  })

  it('with a cap below the sweeps a converged field took, is solved again to that cap', () => {
    clearFieldMemo()
    const full = hallRackInlets(hall, rows, air, catalog, params)
    expect(full.converged).toBe(true)
    const cap = full.iterations.temperature - 2
    const capped = hallRackInlets(hall, rows, air, catalog, params, { maxSweeps: cap })
    expect(capped.iterations.temperature).toBe(cap)
    expect(capped.converged).toBe(false)
    clearFieldMemo()
    expect(timeless(capped)).toEqual(timeless(hallRackInlets(hall, rows, air, catalog, params, { maxSweeps: cap })))
    // A cap at or above the sweeps taken gives the converged field again.
    expect(timeless(hallRackInlets(hall, rows, air, catalog, params, { maxSweeps: full.iterations.temperature }))).toEqual(timeless(full))
  })
})
