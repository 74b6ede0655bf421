// The UI side of the 3-D airflow runs (issue 12, points 4–5): one worker of its own, one run at a
// time. A run streams progress and a view per grid (preview first, then default) to its handlers.
// Cancel — and a new run while one is going, which supersedes it — terminates the worker (a
// synchronous solve cannot be interrupted otherwise); the next run starts a fresh one. The worker
// keeps the warm-start states; the client keeps a copy of the last states of each variant and
// grid and hands them to a fresh worker, so an edit after a cancel still starts warm.
import type { Scene } from '../model/sceneSchema'
import type { FlowState } from '../solver/thermal3d/ffd'
import type { Airflow3dGridKind } from '../solver/thermal3d/hallAirflow'
import type { Airflow3dHandlers, Airflow3dRun } from '../solver/thermal3d/view'
import type { Airflow3dRequest, Airflow3dResponse } from './protocol'

/** What the client needs of a Worker (tests plug in a stand-in). */
export interface WorkerLike {
  postMessage: (message: Airflow3dRequest) => void
  terminate: () => void
  onmessage: ((event: MessageEvent<Airflow3dResponse>) => void) | null
  onerror: ((event: ErrorEvent) => void) | null
}

export type Airflow3dPort = (scene: Scene, variantId: string, handlers: Airflow3dHandlers) => Airflow3dRun

export interface Airflow3dClient {
  run: Airflow3dPort
  /** Workers started so far (a cancel costs one). */
  spawned: () => number
  dispose: () => void
}

const GRIDS: Airflow3dGridKind[] = ['preview', 'default']

function spawnWorker(): WorkerLike {
  // Written out in full: vite finds and bundles the worker by this exact form.
  return new Worker(new URL('./solver.worker.ts', import.meta.url), { type: 'module' }) as unknown as WorkerLike
}

export function createAirflow3dClient(spawn: () => WorkerLike = spawnWorker, grids: Airflow3dGridKind[] = GRIDS): Airflow3dClient {
  let worker: WorkerLike | null = null
  let spawned = 0
  let nextId = 1
  let active: { requestId: number; handlers: Airflow3dHandlers } | null = null
  const copies = new Map<string, Record<string, FlowState>>()
  const copyKey = (variantId: string, grid: Airflow3dGridKind): string => `${variantId}\u0000${grid}`

  const stop = (): void => {
    worker?.terminate()
    worker = null
    active = null
  }

  const open = (): WorkerLike => {
    const w = spawn()
    spawned++
    w.onmessage = (event) => {
      const msg = event.data
      if (!active || msg.requestId !== active.requestId) return // a superseded run
      const { handlers } = active
      if (msg.type === 'airflow3d-progress') handlers.onProgress(msg.progress)
      else if (msg.type === 'airflow3d') {
        copies.set(copyKey(msg.view.variantId, msg.view.grid), msg.states)
        if (msg.final) active = null
        handlers.onView(msg.view, msg.final)
      } else {
        active = null
        handlers.onError(msg.message)
      }
    }
    w.onerror = (event) => {
      const run = active
      stop()
      run?.handlers.onError(`3-D airflow worker failed: ${event.message || 'unknown error'}`)
    }
    return w
  }

  const run: Airflow3dPort = (scene, variantId, handlers) => {
    if (active) stop() // superseded: the running solve is for a scene or variant no longer wanted
    const fresh = worker === null
    worker ??= open()
    const requestId = nextId++
    const warm: Partial<Record<Airflow3dGridKind, Record<string, FlowState>>> = {}
    if (fresh) {
      for (const grid of grids) {
        const states = copies.get(copyKey(variantId, grid))
        if (states) warm[grid] = states
      }
    }
    active = { requestId, handlers }
    worker.postMessage({ type: 'airflow3d', requestId, scene, variantId, grids, ...(Object.keys(warm).length > 0 ? { warm } : {}) })
    return {
      cancel: () => {
        if (active?.requestId === requestId) stop()
      },
    }
  }

  return { run, spawned: () => spawned, dispose: stop }
}
