// A fake localStorage for the autosave tests: a Map with the Web Storage methods, an optional
// quota (characters, as browsers count UTF-16 units) that throws QuotaExceededError like Chrome.
import type { KeyValueStorage } from '../../../src/store/autosaveStorage'

export class MemoryStorage implements KeyValueStorage {
  readonly items = new Map<string, string>()
  /** Most characters of keys and values held; more throws QuotaExceededError. */
  quotaChars = Infinity
  /** Keys whose writes throw QuotaExceededError whatever the room. */
  full = new Set<string>()
  writes = 0

  get length(): number {
    return this.items.size
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null
  }
  setItem(key: string, value: string): void {
    const old = this.items.get(key)
    const used = this.used() - (old === undefined ? 0 : key.length + old.length)
    if (this.full.has(key) || used + key.length + value.length > this.quotaChars) {
      throw new DOMException(`Failed to execute 'setItem' on 'Storage': Setting the value of '${key}' exceeded the quota.`, 'QuotaExceededError')
    }
    this.items.set(key, String(value))
    this.writes++
  }
  removeItem(key: string): void {
    this.items.delete(key)
  }
  used(): number {
    let n = 0
    for (const [k, v] of this.items) n += k.length + v.length
    return n
  }
}
