// The UI side of the solver worker: one promise per request, matched by request id.
import type { Scene } from '../model/sceneSchema'
import type { Report } from '../solver/report'
import type { SolveRequest, SolveResponse } from './protocol'

export interface SolverClient {
  solve: (scene: Scene, variantId: string) => Promise<Report>
  dispose: () => void
}

interface Waiter {
  resolve: (report: Report) => void
  reject: (error: Error) => void
}

export function createSolverClient(): SolverClient {
  const worker = new Worker(new URL('./solver.worker.ts', import.meta.url), { type: 'module' })
  const waiting = new Map<number, Waiter>()
  let nextId = 1

  worker.onmessage = (event: MessageEvent<SolveResponse>) => {
    const msg = event.data
    const waiter = waiting.get(msg.requestId)
    if (!waiter) return // nobody waits for it any more
    waiting.delete(msg.requestId)
    if (msg.type === 'report') waiter.resolve(msg.report)
    else waiter.reject(new Error(msg.message))
  }
  worker.onerror = (event: ErrorEvent) => {
    const error = new Error(`solver worker failed: ${event.message || 'unknown error'}`)
    for (const waiter of waiting.values()) waiter.reject(error)
    waiting.clear()
  }

  return {
    solve: (scene, variantId) =>
      new Promise<Report>((resolve, reject) => {
        const requestId = nextId++
        waiting.set(requestId, { resolve, reject })
        const request: SolveRequest = { type: 'solve', requestId, scene, variantId }
        worker.postMessage(request)
      }),
    dispose: () => {
      worker.terminate()
      for (const waiter of waiting.values()) waiter.reject(new Error('solver worker stopped'))
      waiting.clear()
    },
  }
}
