// Editor state that is not the scene: the multi-selection, the tool, grid snapping, messages,
// which editor overlays are open, and an edit of the as-built variant waiting for the user's word.
// (The aisle minimum is a solver parameter of the scene.)
import type { StateCreator } from 'zustand'
import { builtInCatalog } from '../model/catalog'
import { parseSceneText } from '../model/parse'
import type { Command } from '../editor/command'
import { createVariant } from '../editor/commands'
import { uniqueId } from '../editor/sceneEdit'
import { asBuiltVariantTouched, retarget } from './asBuiltGuard'
import type { AppState } from './types'

/** view: every drag moves the camera, a click selects (the default: looking never edits);
 *  move: a drag that starts on a row or cooling unit moves it; box: a drag selects a rectangle. */
export type EditorTool = 'view' | 'move' | 'box'
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
  /** An edit from the UI: applied at once, or held (false) when it would change the as-built
   *  variant, until resolveAsBuiltEdit answers. Programmatic edits use applyCommand directly. */
  requestEdit: (command: Command) => boolean
  pendingAsBuiltEdit: { command: Command; variantId: string } | null
  /** copy: a new variant from the as-built one gets the edit (and is shown); edit: the as-built
   *  variant is edited, and stays open for edits until the next scene load; cancel: no edit. */
  resolveAsBuiltEdit: (choice: 'copy' | 'edit' | 'cancel') => void
  /** As-built variants the user chose to edit in place. */
  asBuiltEditsAllowed: string[]
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

export const createEditorSlice: StateCreator<AppState, [], [], EditorSlice> = (set, get, api) => {
  // A new scene closes the as-built variants again and drops a held edit.
  api.subscribe((s, prev) => {
    if (s.sceneLoadId !== prev.sceneLoadId && (s.asBuiltEditsAllowed.length > 0 || s.pendingAsBuiltEdit)) set({ asBuiltEditsAllowed: [], pendingAsBuiltEdit: null })
  })
  return {
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
  tool: 'view',
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
  requestEdit: (command) => {
    const s = get()
    if (!s.scene) return false
    const variantId = asBuiltVariantTouched(s.scene, command, s.asBuiltEditsAllowed)
    if (variantId) {
      set({ pendingAsBuiltEdit: { command, variantId } })
      return false
    }
    return s.applyCommand(command)
  },
  pendingAsBuiltEdit: null,
  asBuiltEditsAllowed: [],
  resolveAsBuiltEdit: (choice) => {
    const pending = get().pendingAsBuiltEdit
    set({ pendingAsBuiltEdit: null })
    const scene = get().scene
    if (!pending || !scene || choice === 'cancel') return
    const { command, variantId } = pending
    if (choice === 'edit') {
      set((st) => ({ asBuiltEditsAllowed: [...st.asBuiltEditsAllowed, variantId] }))
      get().applyCommand(command)
      return
    }
    const source = scene.variants.find((v) => v.id === variantId)
    if (!source) return
    const copyId = uniqueId(`${variantId}-edit`, new Set(scene.variants.map((v) => v.id)))
    const name = `${source.name} (edited)`
    if (!get().applyCommand(createVariant(variantId, copyId, name))) return
    if (get().applyCommand(retarget(command, variantId, copyId))) {
      get().showEditorMessage('info', `Made the variant “${name}” from the as-built “${source.name}” and edited it there.`)
    }
  },
}
}
