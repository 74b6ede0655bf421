// Memo of the field's two costly solves (flow.ts, temperature.ts), so numbers solved a moment ago
// are not solved again: the design day and the year of one variant, the halls of a variant that an
// edit leaves alone, the report and the heat map of the app, the variants of a scene that share a
// hall, a capacity search run twice.
// Exact by construction: an entry is found by every number the solve reads (its key), compared
// in full, bit for bit — a pre-hash only picks the candidates — and both solves are deterministic
// functions of those numbers. Values are read only.
// Nearly free when it cannot hit (a cold process, a new hall): a lookup takes the key's pre-hash
// (its single numbers, its arrays' lengths and a few dozen elements of each, not every cell) and
// compares in full only with an entry of the same pre-hash. A store keeps a copy of the key
// (typed-array slices: a memory copy, no loop of ours); once the entries hold more than the
// memo's budget, the stored keys are run-length encoded (a hall's cells are mostly alike: open
// air, no fan, no intake), so an entry costs little more than its value, and then the least
// recently used entries go.

import { sameBitsOf } from './kernels'

type Part = number | Float64Array | Int32Array

const scratch = new Float64Array(1)
const scratchWords = new Uint32Array(scratch.buffer)
/** Elements of each array the pre-hash reads. */
export const PRE_HASH_SAMPLES = 32

const wordsOf = (a: Float64Array): Uint32Array => new Uint32Array(a.buffer, a.byteOffset, a.length * 2)

/** Same bits (so 0 ≠ −0, and NaN = the same NaN). */
function sameBits(a: number, b: number): boolean {
  scratch[0] = a
  const lo = scratchWords[0]
  const hi = scratchWords[1]
  scratch[0] = b
  return lo === scratchWords[0] && hi === scratchWords[1]
}

/** The numbers a solve reads, in a fixed order: single numbers and whole arrays (by reference, so
 *  a lookup copies nothing; `build` encodes them into a stored key). */
export class Key {
  private readonly parts: Part[] = []

  num(...values: number[]): this {
    for (const v of values) this.parts.push(v)
    return this
  }

  /** An array; its length is part of the key, so two arrays cannot trade elements. */
  array(values: Float64Array | Int32Array): this {
    this.parts.push(values)
    return this
  }

  /** A cheap summary of the key that equal keys share: FNV-1a over the single numbers, the
   *  arrays' lengths and at most PRE_HASH_SAMPLES elements of each array, evenly spread from the
   *  first to the last (all of a short one) — O(parts), not O(cells). Keys apart only in elements it does not sample share it,
   *  and `equals` tells them apart. */
  preHash(): number {
    let h = 0x811c9dc5
    for (let n = 0; n < this.parts.length; n++) {
      const p = this.parts[n]!
      if (typeof p === 'number') {
        scratch[0] = p
        h = Math.imul(h ^ scratchWords[0]!, 0x01000193)
        h = Math.imul(h ^ scratchWords[1]!, 0x01000193)
        continue
      }
      const length = p.length
      h = Math.imul(h ^ (length + 1), 0x01000193)
      // Every element of a short array; of a long one, the first, the last and evenly between.
      const all = length <= PRE_HASH_SAMPLES
      const samples = all ? length : PRE_HASH_SAMPLES
      for (let k = 0; k < samples; k++) {
        // Each element's bits as a double (an Int32Array's exactly), as `equals` compares them.
        scratch[0] = p[all ? k : Math.floor((k * (length - 1)) / (PRE_HASH_SAMPLES - 1))]!
        h = Math.imul(h ^ scratchWords[0]!, 0x01000193)
        h = Math.imul(h ^ scratchWords[1]!, 0x01000193)
      }
    }
    return h >>> 0
  }

  /** A key of the same numbers that owns its arrays (copies: later writes to the caller's arrays
   *  do not reach it). */
  snapshot(): Key {
    const copy = new Key()
    for (const p of this.parts) copy.parts.push(typeof p === 'number' ? p : p.slice())
    return copy
  }

  /** Bytes its numbers and arrays hold. */
  byteLength(): number {
    let bytes = 0
    for (const p of this.parts) bytes += typeof p === 'number' ? 8 : p.byteLength
    return bytes
  }

  /** Is `other` this key, bit for bit (every number, every array's length and elements)? The same
   *  test as `matches` against other's stored form. */
  equals(other: Key): boolean {
    const a = this.parts
    const b = other.parts
    if (a.length !== b.length) return false
    for (let n = 0; n < a.length; n++) {
      const p = a[n]!
      const q = b[n]!
      if (typeof p === 'number' || typeof q === 'number') {
        if (typeof p !== 'number' || typeof q !== 'number' || !sameBits(p, q)) return false
        continue
      }
      if (p.length !== q.length) return false
      if ((p instanceof Int32Array && q instanceof Int32Array) || (p instanceof Float64Array && q instanceof Float64Array)) {
        // Same type: same bits element for element (Float64: 0 ≠ −0, and NaN = the same NaN).
        if (!sameBitsOf(p, q)) return false
      } else {
        for (let i = 0; i < p.length; i++) if (!sameBits(p[i]!, q[i]!)) return false
      }
    }
    return true
  }

  /** The stored form: a number as itself; an array as its length, its number of runs, then each
   *  run of equal values as (value, count). */
  build(): Float64Array {
    const out: number[] = []
    for (const p of this.parts) {
      if (typeof p === 'number') {
        out.push(p)
        continue
      }
      out.push(p.length, 0)
      const runsAt = out.length - 1
      let runs = 0
      if (p instanceof Float64Array) {
        // Same bits: both 32-bit words equal (so 0 ≠ −0, and NaN = the same NaN).
        const w = wordsOf(p)
        for (let i = 0; i < p.length; ) {
          const lo = w[2 * i]!
          const hi = w[2 * i + 1]!
          let j = i + 1
          while (j < p.length && w[2 * j] === lo && w[2 * j + 1] === hi) j++
          out.push(p[i]!, j - i)
          runs++
          i = j
        }
      } else {
        // Integers: equal values have the same bits.
        for (let i = 0; i < p.length; ) {
          const v = p[i]!
          let j = i + 1
          while (j < p.length && p[j] === v) j++
          out.push(v, j - i)
          runs++
          i = j
        }
      }
      out[runsAt] = runs
    }
    return Float64Array.from(out)
  }

  /** Is `stored` (a built key) this key, bit for bit? */
  matches(stored: Float64Array): boolean {
    let at = 0
    for (const p of this.parts) {
      if (at >= stored.length) return false
      if (typeof p === 'number') {
        if (!sameBits(stored[at++]!, p)) return false
        continue
      }
      if (stored[at++] !== p.length) return false
      const runs = stored[at++]!
      let i = 0
      for (let r = 0; r < runs; r++) {
        const v = stored[at++]!
        const end = i + stored[at++]!
        if (end > p.length) return false
        for (; i < end; i++) if (!sameBits(p[i]!, v)) return false
      }
      if (i !== p.length) return false
    }
    return at === stored.length
  }
}

interface Entry<T> {
  pre: number
  /** The key as stored: a copy of the lookup key, or (once the memo was over its budget) its
   *  run-length encoded form. */
  copy: Key | null
  built: Float64Array | null
  value: T
  valueBytes: number
  bytes: number
}

export class SolveMemo<T> {
  private entries: Entry<T>[] = []
  private bytes = 0

  /** `budgetBytes`: what the entries may hold together, keys and values. */
  constructor(private readonly budgetBytes: number) {}

  /** The value stored under exactly this key that `accept` takes, most recent first. */
  get(key: Key, accept: (value: T) => boolean = () => true): T | undefined {
    const pre = key.preHash()
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i]!
      // The pre-hash picks the candidates; the full comparison, bit for bit, decides.
      if (e.pre !== pre || !(e.copy ? key.equals(e.copy) : key.matches(e.built!)) || !accept(e.value)) continue
      this.entries.splice(i, 1)
      this.entries.push(e) // most recently used last
      return e.value
    }
    return undefined
  }

  /** Stores a value; `valueBytes`: what it holds besides its key. `owned`: the caller hands the
   *  key's arrays over (made for this key and never written again), so they are kept as they are;
   *  else the memo keeps a copy. */
  set(key: Key, value: T, valueBytes: number, owned = false): void {
    const copy = owned ? key : key.snapshot()
    const e: Entry<T> = { pre: key.preHash(), copy, built: null, value, valueBytes, bytes: copy.byteLength() + valueBytes }
    this.entries.push(e)
    this.bytes += e.bytes
    if (this.bytes <= this.budgetBytes) return
    // Over budget: encode the stored keys first, then let the least recently used go.
    for (const old of this.entries) {
      if (!old.copy) continue
      old.built = old.copy.build()
      old.copy = null
      this.bytes -= old.bytes
      old.bytes = old.built.byteLength + old.valueBytes
      this.bytes += old.bytes
    }
    while (this.bytes > this.budgetBytes && this.entries.length > 1) this.bytes -= this.entries.shift()!.bytes
  }

  clear(): void {
    this.entries = []
    this.bytes = 0
  }
}
