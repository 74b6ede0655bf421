// The autosave: the scene, its variant and its unsaved-edit count in localStorage, a moment after
// they change. Nothing already stored is overwritten without the user's word:
// - what cannot be read is kept as a dated backup (./autosaveBackups.ts), never dropped;
// - opening another scene over unsaved edits keeps them as a backup first;
// - another tab's save is noticed (the `storage` event, and a revision check before each write):
//   a tab without edits of its own takes it, a tab with edits asks which to keep and backs up the other;
// - a full storage is reported (storageProblem), and while a backup cannot be written the autosave
//   it protects is left untouched.
// Why not zustand's `persist` middleware: it writes on every `set` (a 1 MB scene re-serialised on
// each selection or solver answer), a full storage makes `set` itself throw, a stored value that
// fails to parse or migrate is reported to a callback and then overwritten by the next write, its
// merge bypasses the scene parser, and it has no way to hold writes while the user decides. Its
// versioned migrate is kept, in ./autosaveEnvelope.ts.
import { builtInCatalog } from '../model/catalog'
import type { Scene } from '../model/sceneSchema'
import { AUTOSAVE_KEY, decodeAutosave, decodeAutosaveHeader, encodeAutosave, sceneNameOf, type AutosaveEnvelope, type AutosaveHeader } from './autosaveEnvelope'
import { BACKUP_PREFIX, deleteBackup, listBackups, readBackup, writeBackup, type BackupReason } from './autosaveBackups'
import { browserStorage, readItem, removeItem, writeItem, type KeyValueStorage, type WriteResult } from './autosaveStorage'
import type { BackupFile, SavedWork, StorageProblem } from './autosaveSlice'
import type { AppState } from './types'

const DEFAULT_DELAY_MS = 400

export interface AutosaveStore {
  getState: () => AppState
  setState: (partial: Partial<AppState>) => void
  subscribe: (listener: (state: AppState, prev: AppState) => void) => () => void
}

/** Calls back with (key, newValue) when another tab changes the storage; returns the unsubscribe. */
export type ListenToOtherTabs = (onChange: (key: string | null, newValue: string | null) => void) => () => void

export interface AutosaveOptions {
  /** The browser's localStorage by default; null: no storage (the banner says autosave is off). */
  storage?: KeyValueStorage | null
  /** The browser's `storage` events by default. */
  listen?: ListenToOtherTabs | null
  tabId?: string
  now?: () => Date
  delayMs?: number
}

export type FoundAutosave =
  | { kind: 'none' }
  | { kind: 'ok'; raw: string; envelope: AutosaveEnvelope; migratedFrom: number | null }
  | { kind: 'unreadable'; raw: string; reason: string }

export interface AutosaveController {
  /** What the autosave slot holds (read at start-up, before anything is written). */
  inspect: () => FoundAutosave
  /** Shows a found autosave; `keepVariant` leaves the current variant (from ?variant=) in place. */
  restore: (found: Extract<FoundAutosave, { kind: 'ok' }>, keepVariant?: boolean) => boolean
  /** Keeps `raw` as a dated backup; its key, or null when the storage refused (the banner says so). */
  setAside: (raw: string, reason: BackupReason) => string | null
  /** Takes an unreadable autosave out of the slot once it is safely in a backup. */
  clearSlot: () => void
  /** Start-up is done: changes are saved from now on (`saveNow`: the current scene at once). */
  release: (options?: { saveNow?: boolean }) => void
  restoreBackup: (key: string) => boolean
  deleteBackup: (key: string) => void
  backupFile: (key: string) => BackupFile | null
  /** Writes a pending change now (the page is closing). */
  flush: () => void
  stop: () => void
}

function newTabId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `tab-${Math.random().toString(36).slice(2)}`
}

function browserStorageEvents(storage: KeyValueStorage | null): ListenToOtherTabs | null {
  if (!storage || typeof globalThis.addEventListener !== 'function') return null
  return (onChange) => {
    const handler = (e: StorageEvent) => {
      if (e.storageArea === storage) onChange(e.key, e.newValue)
    }
    globalThis.addEventListener('storage', handler)
    return () => globalThis.removeEventListener('storage', handler)
  }
}

function problemOf(result: Extract<WriteResult, { ok: false }>, what: 'autosave' | 'backup'): StorageProblem {
  const room = 'Export your work to a file, or delete old backups to make room.'
  if (what === 'autosave') {
    return { kind: result.quota ? 'quota' : 'failed', text: `Autosave failed: ${result.message}. Your latest edits are only in this tab. ${room}` }
  }
  return { kind: result.quota ? 'quota' : 'failed', text: `Could not keep a backup: ${result.message}, so the saved work it protects is left as it is and autosave is paused. ${room}` }
}

/** A stored save as the questions show it. */
export function summaryOf(saved: Pick<AutosaveEnvelope, 'savedAt' | 'unsavedEdits' | 'source' | 'scene'>): SavedWork {
  return { sceneName: sceneNameOf(saved.scene), savedAt: saved.savedAt, unsavedEdits: saved.unsavedEdits, source: saved.source }
}

/** Starts the autosave, held (nothing written) until `release`. */
export function startAutosave(store: AutosaveStore, options: AutosaveOptions = {}): AutosaveController {
  const storage = options.storage === undefined ? browserStorage() : options.storage
  const listen = options.listen === undefined ? browserStorageEvents(storage) : options.listen
  const tabId = options.tabId ?? newTabId()
  const now = options.now ?? (() => new Date())
  const delayMs = options.delayMs ?? DEFAULT_DELAY_MS
  const catalog = builtInCatalog()

  /** What this tab knows to be stored: the text it last wrote or took, and the state it held then. */
  let synced = { raw: null as string | null, revision: 0, scene: null as Scene | null, variantId: null as string | null, edits: 0 }
  /** The state at the last store change: what was on screen before a load replaced it. */
  let last = shown()
  let held = true
  let asking = false
  /** The controller's own loads (restore, taking another tab's save) are not the user replacing work. */
  let ownLoad = false
  /** Backups to write before the autosave may be overwritten. */
  const pending: { raw: string; reason: BackupReason }[] = []
  let timer: ReturnType<typeof setTimeout> | undefined

  function shown() {
    const s = store.getState()
    return { scene: s.scene, variantId: s.variantId, edits: s.editsSinceSave, source: s.sceneSource, loadId: s.sceneLoadId }
  }
  function encodeShown(revision: number): string | null {
    const s = store.getState()
    if (!s.scene) return null
    return encodeAutosave({ savedAt: now(), tabId, revision, source: s.sceneSource, variantId: s.variantId, unsavedEdits: s.editsSinceSave, scene: s.scene })
  }
  function markSynced(raw: string | null, revision: number) {
    const s = shown()
    synced = { raw, revision, scene: s.scene, variantId: s.variantId, edits: s.edits }
  }
  const setProblem = (problem: StorageProblem | null) => store.getState().setStorageProblem(problem)
  const refreshBackups = () => {
    if (storage) store.setState({ backups: listBackups(storage) })
  }
  const info = (text: string) => store.getState().showEditorMessage('info', text)

  /** Writes the pending backups; false (and the banner) when the storage refuses one. */
  function writePending(): boolean {
    if (!storage) return false
    let wrote = false
    while (pending.length > 0) {
      const next = pending[0]!
      const result = writeBackup(storage, next.raw, next.reason, now())
      if (!result.ok) {
        setProblem(problemOf(result, 'backup'))
        if (wrote) refreshBackups()
        return false
      }
      pending.shift()
      wrote = true
    }
    if (wrote) refreshBackups()
    return true
  }

  function setAside(raw: string, reason: BackupReason): string | null {
    if (!storage) return null
    pending.push({ raw, reason })
    if (!writePending()) return null
    return listBackups(storage).find((b) => readBackup(storage, b.key) === raw)?.key ?? null
  }

  function save(): void {
    clearTimeout(timer)
    timer = undefined
    if (!storage || held || asking) return
    const s = store.getState()
    if (!s.scene) return
    if (s.scene === synced.scene && s.variantId === synced.variantId && s.editsSinceSave === synced.edits) return
    const stored = readItem(storage, AUTOSAVE_KEY)
    // The bundled example untouched is not worth a save (a newer build may change it).
    const worth = stored !== null || s.editsSinceSave > 0 || s.undoStack.length > 0 || s.redoStack.length > 0 || !s.sceneSource.startsWith('scenes/')
    if (!worth) return
    let revision = synced.revision
    if (stored !== null && stored !== synced.raw) {
      const head = decodeAutosaveHeader(stored)
      if (!head.ok) pending.push({ raw: stored, reason: 'unreadable' })
      else if (head.header.tabId !== tabId || head.header.revision !== synced.revision) return otherTabSaved(stored)
      else revision = head.header.revision
    }
    if (!writePending()) return
    const raw = encodeShown(revision + 1)
    if (raw === null) return
    const result = writeItem(storage, AUTOSAVE_KEY, raw)
    if (!result.ok) return setProblem(problemOf(result, 'autosave'))
    markSynced(raw, revision + 1)
    if (store.getState().storageProblem?.kind !== 'unavailable') setProblem(null)
  }

  const schedule = () => {
    clearTimeout(timer)
    timer = setTimeout(save, delayMs)
  }

  /** Another tab's save is in storage: take it when it follows this tab's and this tab has no
   *  edits of its own, else ask. A save that does not follow (same or lower revision) was written
   *  at the same time as this tab's: one of the two is gone from storage, so that too is a question. */
  function otherTabSaved(raw: string): void {
    if (raw === synced.raw || held || asking) return
    const head = decodeAutosaveHeader(raw)
    if (!head.ok) return // set aside by the next save, before it writes over it
    if (head.header.tabId === tabId && head.header.revision === synced.revision) return
    if (head.header.revision > synced.revision && store.getState().scene === synced.scene) takeOtherTab(raw)
    else void askWhichToKeep(head.header)
  }

  function takeOtherTab(raw: string): boolean {
    const decoded = decodeAutosave(raw, catalog)
    if (!decoded.ok) {
      // A save this tab cannot show (a newer build's, say): kept as a backup, then this tab's own
      // saves may go over it. Until the backup is written they may not.
      pending.push({ raw, reason: 'unreadable' })
      if (writePending()) {
        const head = decodeAutosaveHeader(raw)
        synced = { ...synced, raw, revision: head.ok ? Math.max(head.header.revision, synced.revision) : synced.revision }
        store.getState().showEditorMessage('error', `Another tab saved work this tab cannot open (${decoded.reason}); it is kept as a backup`)
      }
      return false
    }
    clearTimeout(timer)
    ownLoad = true
    try {
      // The scene keeps this tab's variant when it still has it (sceneSlice).
      store.getState().loadSceneJson(decoded.envelope.scene, decoded.envelope.source)
      store.setState({ editsSinceSave: decoded.envelope.unsavedEdits })
    } finally {
      ownLoad = false
    }
    markSynced(raw, decoded.envelope.revision)
    info(`Updated with the save another tab made at ${new Date(decoded.envelope.savedAt).toLocaleTimeString()}`)
    return true
  }

  async function askWhichToKeep(theirs: AutosaveHeader): Promise<void> {
    asking = true
    clearTimeout(timer)
    const s = store.getState()
    const mine: SavedWork = { sceneName: s.scene?.name ?? null, savedAt: null, unsavedEdits: s.editsSinceSave, source: s.sceneSource }
    const choice = await store.getState().askAutosave({ kind: 'tab-conflict', theirs: summaryOf(theirs), mine })
    asking = false
    if (!storage) return
    // The other tab may have saved again while the question was open: decide on what is there now.
    const latest = readItem(storage, AUTOSAVE_KEY)
    if (choice === 'keep-mine') {
      if (latest !== null && latest !== synced.raw) pending.push({ raw: latest, reason: 'other-tab' })
      const head = latest === null ? null : decodeAutosaveHeader(latest)
      synced = { ...synced, raw: latest, revision: head?.ok ? Math.max(head.header.revision, synced.revision) : synced.revision, scene: null }
      return save()
    }
    const mineRaw = encodeShown(synced.revision)
    if (mineRaw !== null && setAside(mineRaw, 'this-tab') === null) {
      // Nothing is dropped without a backup: ask again once there is room (the banner says why).
      const head = latest === null ? null : decodeAutosaveHeader(latest)
      if (head?.ok) return askWhichToKeep(head.header)
      return
    }
    if (latest !== null) takeOtherTab(latest)
  }

  const unsubscribe = store.subscribe((s, prev) => {
    const before = last
    last = shown()
    // A load (not an edit) replaced a scene with unexported edits: keep them before anything else.
    // The history slice bumps sceneLoadId from its own listener, which runs before this one.
    if (s.sceneLoadId !== before.loadId && !ownLoad && !held && before.scene && before.edits > 0 && s.scene !== before.scene) {
      const raw = encodeAutosave({ savedAt: now(), tabId, revision: synced.revision, source: before.source, variantId: before.variantId, unsavedEdits: before.edits, scene: before.scene })
      pending.push({ raw, reason: 'replaced' })
      writePending()
    }
    if (held || asking) return
    // Only a change of what is saved: a failed save's own banner must not schedule another.
    if (s.scene !== prev.scene || s.variantId !== prev.variantId || s.editsSinceSave !== prev.editsSinceSave) schedule()
  })

  const unlisten = listen?.((key, newValue) => {
    if (key === null || key.startsWith(BACKUP_PREFIX)) refreshBackups()
    if (key === AUTOSAVE_KEY && newValue !== null) otherTabSaved(newValue)
  })

  const flush = () => {
    if (asking && storage) {
      // Closing with the question open: this tab's edits go to a backup, the other tab's save stays.
      const raw = encodeShown(synced.revision)
      if (raw !== null) setAside(raw, 'this-tab')
      return
    }
    if (timer !== undefined) save()
  }
  globalThis.addEventListener?.('beforeunload', flush)

  if (!storage) setProblem({ kind: 'unavailable', text: 'Autosave is off: this browser gives the page no storage. Export your work to keep it.' })
  refreshBackups()

  const controller: AutosaveController = {
    inspect: () => {
      const raw = storage ? readItem(storage, AUTOSAVE_KEY) : null
      if (raw === null) return { kind: 'none' }
      const decoded = decodeAutosave(raw, catalog)
      synced = { ...synced, raw, revision: decoded.ok ? decoded.envelope.revision : 0 }
      if (!decoded.ok) return { kind: 'unreadable', raw, reason: decoded.reason }
      return { kind: 'ok', raw, envelope: decoded.envelope, migratedFrom: decoded.migratedFrom }
    },
    restore: (found, keepVariant = false) => {
      ownLoad = true
      try {
        const rejected = store.getState().sceneIssues
        if (found.envelope.variantId && !keepVariant) store.setState({ variantId: found.envelope.variantId })
        if (!store.getState().loadSceneJson(found.envelope.scene, found.envelope.source)) return false
        store.setState({ editsSinceSave: found.envelope.unsavedEdits, ...(rejected ? { sceneIssues: rejected } : {}) })
      } finally {
        ownLoad = false
      }
      markSynced(found.raw, found.envelope.revision)
      info(`Restored your work from ${new Date(found.envelope.savedAt).toLocaleString()}`)
      return true
    },
    setAside,
    clearSlot: () => {
      if (!storage) return
      removeItem(storage, AUTOSAVE_KEY)
      synced = { ...synced, raw: null, revision: 0 }
    },
    release: ({ saveNow = false } = {}) => {
      held = false
      const { raw, revision } = synced
      markSynced(raw, revision)
      last = shown()
      if (saveNow) {
        synced.scene = null
        save()
      }
    },
    restoreBackup: (key) => {
      if (!storage) return false
      const raw = readBackup(storage, key)
      if (raw === null) return false
      const decoded = decodeAutosave(raw, catalog)
      const label = `backup of ${new Date(listBackups(storage).find((b) => b.key === key)?.createdAt ?? now()).toLocaleString()}`
      if (!decoded.ok) {
        store.setState({ sceneIssues: { source: label, issues: decoded.issues } })
        return false
      }
      if (decoded.envelope.variantId) store.setState({ variantId: decoded.envelope.variantId })
      if (!store.getState().loadSceneJson(decoded.envelope.scene, decoded.envelope.source)) return false
      // Not in any exported file we know of: unsaved work again.
      store.setState({ editsSinceSave: Math.max(1, decoded.envelope.unsavedEdits), backupsOpen: false })
      info(`Restored the ${label}`)
      return true
    },
    deleteBackup: (key) => {
      if (!storage) return
      deleteBackup(storage, key)
      refreshBackups()
      save() // there may be room now for what could not be saved
    },
    backupFile: (key) => {
      if (!storage) return null
      const raw = key === AUTOSAVE_KEY ? readItem(storage, key) : readBackup(storage, key)
      if (raw === null) return null
      const head = decodeAutosaveHeader(raw)
      const stamp = (key === AUTOSAVE_KEY ? 'autosave' : key.slice(BACKUP_PREFIX.length)).replace(/[^\w-]+/g, '-')
      if (!head.ok) return { fileName: `halltwin-${stamp}.txt`, text: raw }
      return { fileName: `halltwin-${stamp}.json`, text: JSON.stringify(head.header.scene, null, 2) }
    },
    flush,
    stop: () => {
      clearTimeout(timer)
      unsubscribe()
      unlisten?.()
      globalThis.removeEventListener?.('beforeunload', flush)
      store.setState({ restoreBackup: () => false, deleteBackup: () => {}, backupFile: () => null })
    },
  }
  // The store's backup actions act on this storage.
  store.setState({ restoreBackup: controller.restoreBackup, deleteBackup: controller.deleteBackup, backupFile: controller.backupFile })
  return controller
}
