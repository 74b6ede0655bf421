// Editor state that is not the scene: the multi-selection, the tool, grid snapping, messages,
// and which editor overlays are open. (The aisle minimum is a solver parameter of the scene.)
import type { StateCreator } from 'zustand'
import { builtInCatalog } from '../model/catalog'
import { parseSceneText } from '../model/parse'
import type { AppState } from './types'

export type EditorTool = 'select' | 'box'
export type SelectMode = 'replace' | 'add' | 'toggle'

export interface EditorMessage {
  kind: 'error' | 'info'
  text: string
  /** When it was shown (ms): a newer message replaces it. */
  at: number
}

export interface EditorSlice {
  /** Rows and cooling placements selected for editing; the last one picked is `selectedId`. */
  selectedIds: string[]
  selectItems: (ids: readonly string[], mode?: SelectMode) => void
  tool: EditorTool
  setTool: (tool: EditorTool) => void
  /** Grid step of dragging, metres (0: no snapping). */
  snapStepM: number
  setSnapStep: (m: number) => void
  editorMessage: EditorMessage | null
  showEditorMessage: (kind: EditorMessage['kind'], text: string) => void
  dismissEditorMessage: () => void
  editorOverlay: 'help' | 'compare' | null
  setEditorOverlay: (overlay: 'help' | 'compare' | null) => void
  /** A valid scene file waiting for the user to confirm it may replace unsaved edits. */
  pendingImport: { text: string; source: string } | null
  /** Opens a scene file: a bad one shows its issues (the scene stays); a good one replaces the
   *  scene at once, or after a confirmation when there are unsaved edits. */
  requestImport: (text: string, source: string) => void
  confirmImport: () => void
  cancelImport: () => void
}

/** The effective selection: the multi-selection while it holds `selectedId`, else just that id
 *  (another panel selected something with `select`). */
export function selectEditorSelection(s: AppState): readonly string[] {
  if (s.selectedId === null) return EMPTY
  if (s.selectedIds.includes(s.selectedId)) return s.selectedIds
  // The same array for the same id: a selector must not return a new object each call.
  if (single[0] !== s.selectedId) single = [s.selectedId]
  return single
}
const EMPTY: readonly string[] = []
let single: readonly string[] = []

export const createEditorSlice: StateCreator<AppState, [], [], EditorSlice> = (set, get) => ({
  selectedIds: [],
  selectItems: (ids, mode = 'replace') => {
    const current = selectEditorSelection(get())
    let next: string[]
    if (mode === 'replace') next = [...ids]
    else if (mode === 'add') next = [...current, ...ids.filter((id) => !current.includes(id))]
    else {
      next = current.filter((id) => !ids.includes(id))
      for (const id of ids) if (!current.includes(id)) next.push(id)
    }
    set({ selectedIds: next, selectedId: next[next.length - 1] ?? null })
  },
  tool: 'select',
  setTool: (tool) => set({ tool }),
  snapStepM: 0.5,
  setSnapStep: (snapStepM) => set({ snapStepM: Number.isFinite(snapStepM) && snapStepM >= 0 ? snapStepM : 0 }),
  editorMessage: null,
  showEditorMessage: (kind, text) => set({ editorMessage: { kind, text, at: Date.now() } }),
  dismissEditorMessage: () => set({ editorMessage: null }),
  editorOverlay: null,
  setEditorOverlay: (editorOverlay) => set({ editorOverlay }),
  pendingImport: null,
  requestImport: (text, source) => {
    const s = get()
    const valid = parseSceneText(text, builtInCatalog()).ok
    if (valid && s.scene && s.editsSinceSave > 0) return set({ pendingImport: { text, source } })
    s.loadSceneText(text, source)
  },
  confirmImport: () => {
    const pending = get().pendingImport
    set({ pendingImport: null })
    if (pending) get().loadSceneText(pending.text, pending.source)
  },
  cancelImport: () => set({ pendingImport: null }),
})
