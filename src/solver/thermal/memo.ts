// Memo of the field's two costly solves (flow.ts, temperature.ts), so numbers solved a moment ago
// are not solved again: the design day and the year of one variant, the halls of a variant that an
// edit leaves alone, the report and the heat map of the app, the variants of a scene that share a
// hall, the trials of the capacity search that share a field.
// Exact by construction: an entry is found by every number the solve reads (its key), compared
// in full, bit for bit — a hash only picks the candidates — and both solves are deterministic
// functions of those numbers. Values are read only. The least recently used entries go once all
// of them hold more than MEMO_BUDGET_BYTES.

/** Memory the entries of one memo may hold, keys and values, bytes: some 30 check-grid fields. */
export const MEMO_BUDGET_BYTES = 32 * 1024 * 1024

type Part = number | Float64Array | Int32Array

const scratch = new Float64Array(1)
const scratchWords = new Uint32Array(scratch.buffer)
const wordsOf = (a: Float64Array): Uint32Array => new Uint32Array(a.buffer, a.byteOffset, a.length * 2)

/** FNV-1a step over one 32-bit word. */
const mix = (h: number, word: number): number => Math.imul(h ^ word, 0x01000193)

/** The numbers a solve reads, in a fixed order: single numbers and whole arrays (by reference, so
 *  a lookup copies nothing; `build` copies them into a stored key). */
export class Key {
  private readonly parts: Part[] = []
  private length = 0

  num(...values: number[]): this {
    for (const v of values) this.parts.push(v)
    this.length += values.length
    return this
  }

  /** An array with its length first, so that two arrays cannot trade elements. */
  array(values: Float64Array | Int32Array): this {
    this.num(values.length)
    this.parts.push(values)
    this.length += values.length
    return this
  }

  hash(): number {
    let h = 0x811c9dc5
    for (const p of this.parts) {
      if (typeof p === 'number') {
        scratch[0] = p
        h = mix(mix(h, scratchWords[0]!), scratchWords[1]!)
      } else if (p instanceof Float64Array) {
        const w = wordsOf(p)
        for (let i = 0; i < w.length; i++) h = mix(h, w[i]!)
      } else for (let i = 0; i < p.length; i++) h = mix(h, p[i]! >>> 0)
    }
    return h >>> 0
  }

  /** Is `stored` (a built key) this key, bit for bit? */
  matches(stored: Float64Array): boolean {
    if (stored.length !== this.length) return false
    const sw = wordsOf(stored)
    let at = 0
    for (const p of this.parts) {
      if (typeof p === 'number') {
        scratch[0] = p
        if (sw[2 * at] !== scratchWords[0] || sw[2 * at + 1] !== scratchWords[1]) return false
        at++
      } else if (p instanceof Float64Array) {
        const w = wordsOf(p)
        for (let i = 0, o = 2 * at; i < w.length; i++) if (sw[o + i] !== w[i]) return false
        at += p.length
      } else {
        for (let i = 0; i < p.length; i++) if (stored[at + i] !== p[i]) return false
        at += p.length
      }
    }
    return true
  }

  build(): Float64Array {
    const out = new Float64Array(this.length)
    let at = 0
    for (const p of this.parts) {
      if (typeof p === 'number') out[at++] = p
      else {
        out.set(p, at)
        at += p.length
      }
    }
    return out
  }
}

interface Entry<T> {
  hash: number
  key: Float64Array
  value: T
  bytes: number
}

export class SolveMemo<T> {
  private entries: Entry<T>[] = []
  private bytes = 0

  constructor(private readonly budgetBytes = MEMO_BUDGET_BYTES) {}

  /** The value stored under exactly this key that `accept` takes, most recent first. */
  get(key: Key, accept: (value: T) => boolean = () => true): T | undefined {
    const hash = key.hash()
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i]!
      if (e.hash !== hash || !key.matches(e.key) || !accept(e.value)) continue
      this.entries.splice(i, 1)
      this.entries.push(e) // most recently used last
      return e.value
    }
    return undefined
  }

  /** Stores a value; `valueBytes`: what it holds besides its key. */
  set(key: Key, value: T, valueBytes: number): void {
    const stored = key.build()
    const e: Entry<T> = { hash: key.hash(), key: stored, value, bytes: stored.byteLength + valueBytes }
    this.entries.push(e)
    this.bytes += e.bytes
    while (this.bytes > this.budgetBytes && this.entries.length > 1) this.bytes -= this.entries.shift()!.bytes
  }

  clear(): void {
    this.entries = []
    this.bytes = 0
  }
}
