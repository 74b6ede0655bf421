// The worker side of the 3-D airflow view (issue 12, points 4–5): runs solveAirflow3d grid after
// grid (preview first), posts the progress after every step and each grid's view, and keeps the
// states of the last run per variant, grid and hall to start the next run from (warm start after
// an edit: the flow is already developed, the run takes half the steps). Cancel is the client's
// terminate-and-respawn: a synchronous run cannot read messages between its steps.
import { builtInCatalog } from '../model/catalog'
import { solveAirflow3d } from '../solver/thermal3d/airflow3d'
import type { FlowState } from '../solver/thermal3d/ffd'
import { AIRFLOW3D_GRIDS, type Airflow3dGridKind } from '../solver/thermal3d/hallAirflow'
import { hallGrid3 } from '../solver/thermal3d/hallDomain'
import { airflow3dView, type Airflow3dView } from '../solver/thermal3d/view'
import type { Airflow3dRequest, Airflow3dResponse } from './protocol'

export type Post = (message: Airflow3dResponse, transfer: Transferable[]) => void

/** Buffers of a view: handed over to the UI thread, not copied (the worker keeps none of them). */
function viewBuffers(view: Airflow3dView): Transferable[] {
  const buffers = new Set<ArrayBufferLike>()
  for (const h of view.halls) {
    for (const a of [h.tempC, h.speedMs, h.solid, h.streamlines.positions, h.streamlines.tempC, h.streamlines.starts, h.streamlines.kind]) buffers.add(a.buffer)
  }
  return [...buffers].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer)
}

export interface Airflow3dRunner {
  run: (request: Airflow3dRequest, post: Post) => void
  /** States kept (for tests). */
  kept: () => number
}

export function createAirflow3dRunner(): Airflow3dRunner {
  const kept = new Map<string, FlowState>()
  const key = (variantId: string, grid: Airflow3dGridKind, hallId: string): string => `${variantId}\u0000${grid}\u0000${hallId}`
  return {
    kept: () => kept.size,
    run: (request, post) => {
      const { requestId, scene, variantId } = request
      for (const [grid, states] of Object.entries(request.warm ?? {}) as [Airflow3dGridKind, Record<string, FlowState>][]) {
        for (const [hallId, state] of Object.entries(states)) kept.set(key(variantId, grid, hallId), state)
      }
      const halls = scene.variants.find((v) => v.id === variantId)?.halls ?? []
      request.grids.forEach((grid, g) => {
        // Only a state of the same grid size starts a hall (an edit may have resized it).
        const warm: Record<string, FlowState> = {}
        for (const hall of halls) {
          const state = kept.get(key(variantId, grid, hall.id))
          const size = hallGrid3(hall, AIRFLOW3D_GRIDS[grid])
          if (state && state.tempC.length === size.n && state.vel.length === size.nFaces) warm[hall.id] = state
        }
        let hallIndex = 0
        let last = 0
        const progress = (step: number, maxSteps: number): void => {
          const fraction = halls.length > 0 ? Math.min(1, (hallIndex + (maxSteps > 0 ? step / maxSteps : 1)) / halls.length) : 1
          post({ type: 'airflow3d-progress', requestId, progress: { grid, hallIndex, halls: halls.length, step, maxSteps, fraction } }, [])
        }
        progress(0, 1)
        const result = solveAirflow3d(scene, variantId, builtInCatalog(), {
          grid,
          warm,
          onStep: (step, maxSteps) => {
            if (step <= last) hallIndex++ // the next hall started
            last = step
            progress(step, maxSteps)
          },
        })
        const { view, states } = airflow3dView(result, grid)
        for (const [hallId, state] of Object.entries(states)) kept.set(key(variantId, grid, hallId), state)
        post({ type: 'airflow3d', requestId, view, states, final: g === request.grids.length - 1 }, viewBuffers(view))
      })
    },
  }
}
