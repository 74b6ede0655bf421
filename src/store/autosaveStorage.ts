// Browser storage as values, not exceptions: reading localStorage can throw (a sandboxed frame,
// storage disabled) and writing throws when it is full. The autosave shows these to the user
// instead of losing them in a catch.

/** The part of the Web Storage API the autosave uses (tests pass an in-memory one). */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>

export type WriteResult = { ok: true } | { ok: false; quota: boolean; message: string }

/** The page's localStorage, or null where there is none or touching it throws. */
export function browserStorage(): KeyValueStorage | null {
  try {
    return globalThis.localStorage ?? null
  } catch {
    return null
  }
}

/** The value under `key`; null when there is none or it cannot be read. */
export function readItem(storage: KeyValueStorage, key: string): string | null {
  try {
    return storage.getItem(key)
  } catch {
    return null
  }
}

export function writeItem(storage: KeyValueStorage, key: string, value: string): WriteResult {
  try {
    storage.setItem(key, value)
    return { ok: true }
  } catch (error) {
    const quota = isQuotaError(error)
    const message = quota ? 'the browser storage is full' : `the browser refused to store it (${error instanceof Error ? error.message : String(error)})`
    return { ok: false, quota, message }
  }
}

export function removeItem(storage: KeyValueStorage, key: string): void {
  try {
    storage.removeItem(key)
  } catch {
    // Nothing to report: the value stays where it was.
  }
}

/** Every key that starts with `prefix`. */
export function keysWithPrefix(storage: KeyValueStorage, prefix: string): string[] {
  const keys: string[] = []
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i)
      if (key?.startsWith(prefix)) keys.push(key)
    }
  } catch {
    // An unreadable storage lists nothing.
  }
  return keys
}

/** Chrome and Safari throw "QuotaExceededError" (legacy code 22), Firefox "NS_ERROR_DOM_QUOTA_REACHED" (1014). */
function isQuotaError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const { name, code } = error as { name?: unknown; code?: unknown }
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014
}
