// What the autosave shows the user: the question it is waiting on (one at a time, the others in
// line), a storage problem for the banner, and the list of dated backups. The work itself (reading,
// writing, other tabs, the backup actions) is done by the autosave controller in ./autosave.ts.
import type { StateCreator } from 'zustand'
import type { BackupInfo } from './autosaveBackups'
import type { AppState } from './types'

/** A saved scene as the questions show it. */
export interface SavedWork {
  sceneName: string | null
  /** ISO time; null when not known. */
  savedAt: string | null
  unsavedEdits: number
  source: string
}

export type AutosavePrompt =
  /** The autosave did not parse or validate; it was kept as a backup (backupKey) or, with the storage full, left in place (null). */
  | { kind: 'unreadable'; reason: string; backupKey: string | null }
  /** ?scene= was given while the autosave holds unsaved edits. */
  | { kind: 'linked-scene'; url: string; saved: SavedWork }
  /** ?scene= points at another site. */
  | { kind: 'other-origin'; url: string; origin: string }
  /** Another tab saved while this one has edits of its own. */
  | { kind: 'tab-conflict'; theirs: SavedWork; mine: SavedWork }

export interface AutosaveChoices {
  unreadable: 'ok'
  'linked-scene': 'keep-mine' | 'open-link'
  'other-origin': 'load' | 'skip'
  'tab-conflict': 'keep-mine' | 'take-theirs'
}
export type AutosaveChoice = AutosaveChoices[keyof AutosaveChoices]

export interface StorageProblem {
  /** quota: storage full; failed: another refusal; unavailable: no storage at all. */
  kind: 'quota' | 'failed' | 'unavailable'
  text: string
}

export interface BackupFile {
  fileName: string
  text: string
}

export interface AutosaveSlice {
  /** The question on screen; null when none. */
  autosavePrompt: AutosavePrompt | null
  /** Shows a question (after any already waiting) and resolves with the user's answer. */
  askAutosave: <K extends AutosavePrompt['kind']>(prompt: Extract<AutosavePrompt, { kind: K }>) => Promise<AutosaveChoices[K]>
  answerAutosave: (choice: AutosaveChoice) => void
  storageProblem: StorageProblem | null
  setStorageProblem: (problem: StorageProblem | null) => void
  /** Dated backups, newest first. */
  backups: BackupInfo[]
  backupsOpen: boolean
  setBackupsOpen: (open: boolean) => void
  /** Opens a backup's scene (the current one, if it has unsaved edits, is kept as a backup first). */
  restoreBackup: (key: string) => boolean
  deleteBackup: (key: string) => void
  /** A backup (or the autosave itself) as a file to download: its scene when readable, else its text as is. */
  backupFile: (key: string) => BackupFile | null
}

export const createAutosaveSlice: StateCreator<AppState, [], [], AutosaveSlice> = (set, get) => {
  const waiting: { prompt: AutosavePrompt; resolve: (choice: AutosaveChoice) => void }[] = []
  return {
    autosavePrompt: null,
    askAutosave: (prompt) =>
      new Promise((resolve) => {
        waiting.push({ prompt, resolve: resolve as (choice: AutosaveChoice) => void })
        if (!get().autosavePrompt) set({ autosavePrompt: prompt })
      }),
    answerAutosave: (choice) => {
      const answered = waiting.shift()
      set({ autosavePrompt: waiting[0]?.prompt ?? null })
      answered?.resolve(choice)
    },
    storageProblem: null,
    setStorageProblem: (storageProblem) => set({ storageProblem }),
    backups: [],
    backupsOpen: false,
    setBackupsOpen: (backupsOpen) => set({ backupsOpen }),
    // Put in place by the running autosave (./autosave.ts), which owns the storage.
    restoreBackup: () => false,
    deleteBackup: () => {},
    backupFile: () => null,
  }
}
