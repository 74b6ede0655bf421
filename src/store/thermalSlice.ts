// The thermal field of the variant on screen: asked of the solver worker when the heat map or the
// temperature colour mode first needs it, kept per scene revision and variant, with a pending
// flag for the "Computing thermal field…" badge. Answers for an older revision are dropped.
import type { StateCreator } from 'zustand'
import type { ThermalResult } from '../solver/thermal'
import { solverPort } from './solverPort'
import type { AppState } from './types'

export interface ThermalSlice {
  /** The floor heat map is shown. */
  heatMapOn: boolean
  setHeatMapOn: (on: boolean) => void
  /** Fields of the current scene revision by variant id. */
  thermalFields: Record<string, ThermalResult>
  /** The revision those fields belong to. */
  thermalRevision: number
  /** Variant ids with a field being computed. */
  thermalPending: Record<string, true>
  thermalErrors: Record<string, string>
  /** Asks for the current variant's field if it has none and none is on its way. */
  requestThermal: () => void
}

export const thermalKeyless = (s: AppState): boolean => s.thermalRevision !== s.sceneRevision

/** The current variant's field, or null (none yet, or it belongs to an older revision). */
export const selectThermal = (s: AppState): ThermalResult | null =>
  s.variantId && !thermalKeyless(s) ? (s.thermalFields[s.variantId] ?? null) : null

export const selectThermalPending = (s: AppState): boolean =>
  s.variantId !== null && !thermalKeyless(s) && s.thermalPending[s.variantId] === true

export const selectThermalError = (s: AppState): string | null =>
  s.variantId && !thermalKeyless(s) ? (s.thermalErrors[s.variantId] ?? null) : null

export const createThermalSlice: StateCreator<AppState, [], [], ThermalSlice> = (set, get) => ({
  heatMapOn: false,
  setHeatMapOn: (heatMapOn) => set({ heatMapOn }),
  thermalFields: {},
  thermalRevision: 0,
  thermalPending: {},
  thermalErrors: {},
  requestThermal: () => {
    const { scene, variantId, sceneRevision } = get()
    const thermal = solverPort()?.thermal
    if (!scene || variantId === null || !thermal) return
    // A new revision starts an empty cache.
    if (get().thermalRevision !== sceneRevision) set({ thermalRevision: sceneRevision, thermalFields: {}, thermalPending: {}, thermalErrors: {} })
    const s = get()
    if (s.thermalFields[variantId] || s.thermalPending[variantId] || s.thermalErrors[variantId]) return
    set((st) => ({ thermalPending: { ...st.thermalPending, [variantId]: true } }))
    const settle = (patch: (st: AppState) => Partial<AppState>): void => {
      if (get().thermalRevision !== sceneRevision) return // an answer for a scene no longer shown
      set((st) => {
        const pending = { ...st.thermalPending }
        delete pending[variantId]
        return { ...patch(st), thermalPending: pending }
      })
    }
    thermal(scene, variantId).then(
      (result) => settle((st) => ({ thermalFields: { ...st.thermalFields, [variantId]: result } })),
      (error: unknown) => settle((st) => ({ thermalErrors: { ...st.thermalErrors, [variantId]: error instanceof Error ? error.message : String(error) } })),
    )
  },
})
