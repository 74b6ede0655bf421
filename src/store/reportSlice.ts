import type { StateCreator } from 'zustand'
import { solverPort } from './solverPort'
import type { AppState, ReportSlice } from './types'

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  const next = { ...record }
  delete next[key]
  return next
}

export const createReportSlice: StateCreator<AppState, [], [], ReportSlice> = (set, get) => ({
  reports: {},
  pending: {},
  solveErrors: {},
  solveAll: () => {
    const { scene, variantId, sceneRevision } = get()
    const port = solverPort()
    if (!scene || !port || variantId === null) return
    // The variant on screen first; the others fill in the variant switch's status dots (and make
    // a later switch to them instant: reports stay here until the scene changes).
    const order = [variantId, ...scene.variants.map((v) => v.id).filter((id) => id !== variantId)]
    // Asked for earlier but still waiting behind the background solves: answer it next.
    if (get().pending[variantId]) port.prioritise?.(scene, variantId)
    for (const id of order) {
      const s = get()
      if (s.reports[id] || s.pending[id]) continue
      set((st) => ({ pending: { ...st.pending, [id]: true }, solveErrors: without(st.solveErrors, id) }))
      port.solve(scene, id).then(
        (report) => {
          if (get().sceneRevision !== sceneRevision) return // an answer for a scene no longer shown
          set((st) => ({ reports: { ...st.reports, [id]: report }, pending: without(st.pending, id) }))
        },
        (error: unknown) => {
          if (get().sceneRevision !== sceneRevision) return
          const message = error instanceof Error ? error.message : String(error)
          set((st) => ({ solveErrors: { ...st.solveErrors, [id]: message }, pending: without(st.pending, id) }))
        },
      )
    }
  },
})
