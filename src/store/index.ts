// The one app store, made of slices. Components subscribe with narrow selectors.
import { create } from 'zustand'
import { createSceneSlice } from './sceneSlice'
import { createSelectionSlice } from './selectionSlice'
import { createReportSlice } from './reportSlice'
import { createViewSlice } from './viewSlice'
import type { AppState } from './types'

export const useStore = create<AppState>()((...a) => ({
  ...createSceneSlice(...a),
  ...createSelectionSlice(...a),
  ...createReportSlice(...a),
  ...createViewSlice(...a),
}))

export type { AppState, ColourMode, MainView } from './types'
export { connectSolver, type SolverPort } from './solverPort'
export * from './selectors'
