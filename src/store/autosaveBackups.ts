// Dated backups: a copy of an autosave (or of whatever stood in its place) kept before anything
// overwrites it. They are never deleted except by the user. Each is stored under its own key,
// `halltwin.backup.<ISO time>`, holding the original text exactly as it was.
import { decodeAutosaveHeader } from './autosaveEnvelope'
import { keysWithPrefix, readItem, removeItem, writeItem, type KeyValueStorage, type WriteResult } from './autosaveStorage'

export const BACKUP_PREFIX = 'halltwin.backup.'

/** Why a backup was made; the list shows it. */
export type BackupReason =
  | 'unreadable' // the autosave did not parse or validate
  | 'linked-scene' // a ?scene= link was opened over unsaved edits
  | 'replaced' // another scene was opened over unsaved edits
  | 'other-tab' // another tab's save, set aside when this tab's edits were kept
  | 'this-tab' // this tab's edits, set aside when another tab's save was taken

export const BACKUP_REASONS: Record<BackupReason, string> = {
  unreadable: 'autosave that could not be read',
  'linked-scene': 'kept before opening a linked scene',
  replaced: 'kept before another scene replaced it',
  'other-tab': 'another tab’s save, set aside',
  'this-tab': 'this tab’s edits, set aside',
}

interface StoredBackup {
  kind: 'halltwin.backup'
  createdAt: string
  reason: BackupReason
  /** The original text, byte for byte (it may not even be JSON). */
  raw: string
}

export interface BackupInfo {
  key: string
  createdAt: string
  reason: BackupReason
  /** The scene's name, when the backup is an autosave that can be read that far. */
  sceneName: string | null
  /** When the autosave inside was saved, if known. */
  savedAt: string | null
  unsavedEdits: number | null
  chars: number
}

function parseStored(value: string): StoredBackup | null {
  try {
    const v = JSON.parse(value) as Partial<StoredBackup> | null
    if (v && v.kind === 'halltwin.backup' && typeof v.raw === 'string' && typeof v.createdAt === 'string' && typeof v.reason === 'string') {
      return { kind: v.kind, createdAt: v.createdAt, reason: v.reason in BACKUP_REASONS ? v.reason : 'unreadable', raw: v.raw }
    }
  } catch {
    // Not written by us: shown as is below.
  }
  return null
}

/** The original text kept in a backup; null when there is no such backup. */
export function readBackup(storage: KeyValueStorage, key: string): string | null {
  if (!key.startsWith(BACKUP_PREFIX)) return null
  const value = readItem(storage, key)
  if (value === null) return null
  return parseStored(value)?.raw ?? value
}

/** Every backup, newest first. */
export function listBackups(storage: KeyValueStorage): BackupInfo[] {
  const out: BackupInfo[] = []
  for (const key of keysWithPrefix(storage, BACKUP_PREFIX)) {
    const value = readItem(storage, key)
    if (value === null) continue
    const stored = parseStored(value)
    const raw = stored?.raw ?? value
    const head = decodeAutosaveHeader(raw)
    out.push({
      key,
      createdAt: stored?.createdAt ?? key.slice(BACKUP_PREFIX.length),
      reason: stored?.reason ?? 'unreadable',
      sceneName: head.ok ? head.header.sceneName : null,
      savedAt: head.ok ? head.header.savedAt : null,
      unsavedEdits: head.ok ? head.header.unsavedEdits : null,
      chars: raw.length,
    })
  }
  return out.sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.key < b.key ? 1 : -1))
}

/** Keeps `raw` as a dated backup. The same text already kept is not stored twice. */
export function writeBackup(storage: KeyValueStorage, raw: string, reason: BackupReason, now: Date): WriteResult & { key?: string } {
  for (const key of keysWithPrefix(storage, BACKUP_PREFIX)) {
    if (readBackup(storage, key) === raw) return { ok: true, key }
  }
  const stamp = now.toISOString()
  let key = `${BACKUP_PREFIX}${stamp}`
  for (let n = 2; readItem(storage, key) !== null; n++) key = `${BACKUP_PREFIX}${stamp}-${n}`
  const value: StoredBackup = { kind: 'halltwin.backup', createdAt: stamp, reason, raw }
  const written = writeItem(storage, key, JSON.stringify(value))
  return written.ok ? { ok: true, key } : written
}

export function deleteBackup(storage: KeyValueStorage, key: string): void {
  if (key.startsWith(BACKUP_PREFIX)) removeItem(storage, key)
}
