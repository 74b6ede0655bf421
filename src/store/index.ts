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
import type { AppState } from './types'

export const useStore = create<AppState>()((...a) => ({
  ...createSceneSlice(...a),
  ...createSelectionSlice(...a),
  ...createReportSlice(...a),
  ...createViewSlice(...a),
  ...createCapacitySlice(...a),
  ...createThermalSlice(...a),
  ...createEditorSlice(...a),
  ...createHistorySlice(...a),
}))

export type { AppState, ColourMode, MainView, CapacityTier, CapacityRequest } from './types'
export { connectSolver, type SolverPort, type CapacityOptions } from './solverPort'
export { selectCapacityTier, DEFAULT_CAPACITY_DEVICE } from './capacitySlice'
export * from './selectors'
export { selectParams, selectLayoutProblems } from './layoutSelectors'
export { selectThermal, selectThermalPending, selectThermalError } from './thermalSlice'
export { selectEditorSelection, restoreAutosave, startAutosave, AUTOSAVE_KEY, type EditorTool, type SelectMode } from './editorSlice'
export { HISTORY_LIMIT } from './historySlice'
