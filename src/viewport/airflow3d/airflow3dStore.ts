// State of the 3-D airflow view (issue 12, point 5): on or off, the run in the worker (progress,
// cancel), the latest view (the preview grid's until the default grid's arrives), the time each
// grid took from the UI's side, and where the vertical slice cuts. Every figure comes from the
// worker (solverPort().airflow3d); this store only keeps and forwards them.
import { useEffect } from 'react'
import { create } from 'zustand'
import type { Scene } from '../../model/sceneSchema'
import type { Airflow3dGridKind } from '../../solver/thermal3d/hallAirflow'
import type { Airflow3dProgress, Airflow3dRun, Airflow3dView } from '../../solver/thermal3d/view'
import { solverPort, useStore } from '../../store'

export type Airflow3dStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error'

export interface Airflow3dState {
  on: boolean
  status: Airflow3dStatus
  /** Scene revision and variant the run (or the last one) is for. */
  runKey: string | null
  progress: Airflow3dProgress | null
  view: Airflow3dView | null
  /** Wall time of each grid as the UI saw it, ms: the preview from the request (worker start
   *  included) to its view, the default grid from the preview's view to its own. */
  timings: Partial<Record<Airflow3dGridKind, number>>
  error: string | null
  /** Site coordinate of the vertical slice along its axis (null: the middle of the hall). */
  slice: number | null
  /** The particles move (true) or stand still (paused). */
  particlesPlaying: boolean
  /** The slice handle is being dragged (the panel's readout follows, the camera stays put). */
  sliceDragging: boolean
  setOn: (on: boolean) => void
  setSlice: (at: number) => void
  setParticlesPlaying: (playing: boolean) => void
  setSliceDragging: (dragging: boolean) => void
  start: (scene: Scene, variantId: string, runKey: string) => void
  cancel: () => void
}

let current: Airflow3dRun | null = null
const now = (): number => performance.now()

export const useAirflow3d = create<Airflow3dState>()((set, get) => ({
  on: false,
  status: 'idle',
  runKey: null,
  progress: null,
  view: null,
  timings: {},
  error: null,
  slice: null,
  particlesPlaying: true,
  sliceDragging: false,
  setOn: (on) => {
    if (!on) get().cancel()
    set({ on })
  },
  setSlice: (slice) => set({ slice }),
  setParticlesPlaying: (particlesPlaying) => set({ particlesPlaying }),
  setSliceDragging: (sliceDragging) => set({ sliceDragging }),
  start: (scene, variantId, runKey) => {
    const port = solverPort()?.airflow3d
    current?.cancel()
    current = null
    if (!port) {
      set({ status: 'error', runKey, error: 'this build has no 3-D airflow solver' })
      return
    }
    let since = now()
    set((s) => ({ status: 'running', runKey, progress: null, error: null, timings: {}, view: s.view?.variantId === variantId ? s.view : null }))
    const run = port(scene, variantId, {
      onProgress: (progress) => {
        if (current !== run) return
        set({ progress })
      },
      onView: (view, final) => {
        if (current !== run) return
        const t = now()
        const ms = t - since
        since = t
        set((s) => ({ view, timings: { ...s.timings, [view.grid]: ms }, ...(final ? { status: 'done' as const, progress: null } : {}) }))
        if (final) current = null
      },
      onError: (message) => {
        if (current !== run) return
        current = null
        set({ status: 'error', error: message, progress: null })
      },
    })
    current = run
  },
  cancel: () => {
    if (!current) return
    current.cancel()
    current = null
    set({ status: 'cancelled', progress: null })
  },
}))

/** Starts a run when the mode is on and the scene revision or the variant changes (once per
 *  revision and variant: a cancelled run stays cancelled until Run). Called by the panel, in the
 *  page's React tree: a click starts the solve without waiting for the canvas to draw. */
export function useAirflow3dRuns(): void {
  const on = useAirflow3d((s) => s.on)
  const scene = useStore((s) => s.scene)
  const variantId = useStore((s) => s.variantId)
  const revision = useStore((s) => s.sceneRevision)
  useEffect(() => {
    if (!on || !scene || variantId === null) return
    const key = `${revision}:${variantId}`
    const s = useAirflow3d.getState()
    if (s.runKey === key && s.status !== 'idle') return // running, done or cancelled for this key
    s.start(scene, variantId, key)
  }, [on, scene, variantId, revision])
}
