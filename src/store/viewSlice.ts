import type { StateCreator } from 'zustand'
import type { AppState, ViewSlice } from './types'

export const createViewSlice: StateCreator<AppState, [], [], ViewSlice> = (set) => ({
  colourMode: 'kind',
  setColourMode: (colourMode) => set({ colourMode }),
  mainView: '3d',
  setMainView: (mainView) => set({ mainView }),
})
