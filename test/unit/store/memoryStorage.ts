// A fake localStorage for the autosave tests: a Map with the Web Storage methods, an optional
// quota (characters, as browsers count UTF-16 units) that throws QuotaExceededError like Chrome,
// and tabs: views of one storage where a write through one fires the others' listeners a moment
// later, as the browser's `storage` event does (never in the writing tab).
import type { KeyValueStorage } from '../../../src/store/autosaveStorage'
import type { ListenToOtherTabs } from '../../../src/store/autosave'

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

export interface Tab {
  storage: KeyValueStorage
  listen: ListenToOtherTabs
}

/** One storage seen from several tabs. */
export class SharedStorage {
  readonly memory = new MemoryStorage()
  private readonly listeners = new Map<number, Set<(key: string | null, value: string | null) => void>>()
  private tabs = 0

  tab(): Tab {
    const id = this.tabs++
    const own = new Set<(key: string | null, value: string | null) => void>()
    this.listeners.set(id, own)
    const memory = this.memory
    const notify = (key: string, value: string | null) => {
      for (const [other, set] of this.listeners) {
        if (other === id) continue
        for (const fn of set) setTimeout(() => fn(key, value), 0)
      }
    }
    const storage: KeyValueStorage = {
      get length() {
        return memory.length
      },
      key: (i) => memory.key(i),
      getItem: (k) => memory.getItem(k),
      setItem: (k, v) => {
        memory.setItem(k, v)
        notify(k, v)
      },
      removeItem: (k) => {
        memory.removeItem(k)
        notify(k, null)
      },
    }
    const listen: ListenToOtherTabs = (fn) => {
      own.add(fn)
      return () => own.delete(fn)
    }
    return { storage, listen }
  }
}
