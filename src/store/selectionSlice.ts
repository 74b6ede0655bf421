import type { StateCreator } from 'zustand'
import type { AppState, SelectionSlice } from './types'

export const createSelectionSlice: StateCreator<AppState, [], [], SelectionSlice> = (set, get) => ({
  variantId: null,
  selectedId: null,
  setVariant: (variantId) => {
    const scene = get().scene
    if (!scene || !scene.variants.some((v) => v.id === variantId) || get().variantId === variantId) return
    set({ variantId })
    get().solveAll()
  },
  select: (selectedId) => set({ selectedId }),
})
