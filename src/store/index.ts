// The one app store, made of slices. Components subscribe with narrow selectors.
import { create } from 'zustand'
import { createSceneSlice } from './sceneSlice'
import { createSelectionSlice } from './selectionSlice'
import { createReportSlice } from './reportSlice'
import { createViewSlice } from './viewSlice'
import { createCapacitySlice } from './capacitySlice'
import { createThermalSlice } from './thermalSlice'
import { createEditorSlice } from './editorSlice'
import { createHistorySlice } from './historySlice'
import { createAutosaveSlice } from './autosaveSlice'
import type { AppState } from './types'

/** A new app store; the app has one (`useStore`), tests make more (two tabs). */
export const createAppStore = () => create<AppState>()((...a) => ({
  ...createSceneSlice(...a),
  ...createSelectionSlice(...a),
  ...createReportSlice(...a),
  ...createViewSlice(...a),
  ...createCapacitySlice(...a),
  ...createThermalSlice(...a),
  ...createEditorSlice(...a),
  ...createHistorySlice(...a),
  ...createAutosaveSlice(...a),
}))

export const useStore = createAppStore()

export type { AppState, ColourMode, MainView, CapacityTier, CapacityRequest } from './types'
export { connectSolver, solverPort, type SolverPort, type CapacityOptions } from './solverPort'
export { selectCapacityTier, DEFAULT_CAPACITY_DEVICE } from './capacitySlice'
export * from './selectors'
export { selectParams, selectLayoutProblems } from './layoutSelectors'
export { selectThermal, selectThermalPending, selectThermalError } from './thermalSlice'
export { selectEditorSelection, type EditorTool, type SelectMode } from './editorSlice'
export { startAutosave, type AutosaveController, type AutosaveOptions } from './autosave'
export { AUTOSAVE_KEY } from './autosaveEnvelope'
export { BACKUP_REASONS, type BackupInfo } from './autosaveBackups'
export type { AutosavePrompt, AutosaveChoice, SavedWork, StorageProblem } from './autosaveSlice'
export { HISTORY_LIMIT } from './historySlice'
