// The UI side of the solver worker: one promise per request, matched by request id. Variant
// solves go to one worker; capacity searches (many solves each) to a second one, started on the
// first search, so a search never delays a report. A new search cancels the one still running:
// its worker is stopped and replaced (a synchronous search cannot be interrupted otherwise).
import type { Scene } from '../model/sceneSchema'
import type { Report } from '../solver/report'
import type { CapacityResult } from '../solver/economics/types'
import type { ThermalResult } from '../solver/thermal'
import type { CapacityOptions } from '../store/solverPort'
import type { SolveResponse, WorkerRequest } from './protocol'

export interface SolverClient {
  solve: (scene: Scene, variantId: string) => Promise<Report>
  capacity: (scene: Scene, baseVariantId: string, deviceId: string, options: CapacityOptions) => Promise<CapacityResult>
  /** Thermal fields run in a third worker, started on the first one, so they never delay a report. */
  thermal: (scene: Scene, variantId: string) => Promise<ThermalResult>
  dispose: () => void
}

type Answer = Extract<SolveResponse, { type: 'report' | 'capacity' | 'thermal' }>

interface Waiter {
  resolve: (answer: Answer) => void
  reject: (error: Error) => void
}

/** One worker and the requests waiting on it. */
interface Channel {
  send: (request: WorkerRequest) => Promise<Answer>
  /** Requests still waiting for an answer. */
  busy: () => boolean
  stop: (reason: string) => void
}

function openChannel(): Channel {
  const worker = new Worker(new URL('./solver.worker.ts', import.meta.url), { type: 'module' })
  const waiting = new Map<number, Waiter>()
  const failAll = (error: Error): void => {
    for (const waiter of waiting.values()) waiter.reject(error)
    waiting.clear()
  }
  worker.onmessage = (event: MessageEvent<SolveResponse>) => {
    const msg = event.data
    const waiter = waiting.get(msg.requestId)
    if (!waiter) return // nobody waits for it any more
    waiting.delete(msg.requestId)
    if (msg.type === 'error') waiter.reject(new Error(msg.message))
    else waiter.resolve(msg)
  }
  worker.onerror = (event: ErrorEvent) => failAll(new Error(`solver worker failed: ${event.message || 'unknown error'}`))
  return {
    send: (request) =>
      new Promise<Answer>((resolve, reject) => {
        waiting.set(request.requestId, { resolve, reject })
        worker.postMessage(request)
      }),
    busy: () => waiting.size > 0,
    stop: (reason) => {
      worker.terminate()
      failAll(new Error(reason))
    },
  }
}

export function createSolverClient(): SolverClient {
  const solver = openChannel()
  let searcher: Channel | null = null
  let thermal: Channel | null = null
  let nextId = 1

  return {
    solve: async (scene, variantId) => {
      const answer = await solver.send({ type: 'solve', requestId: nextId++, scene, variantId })
      if (answer.type !== 'report') throw new Error(`solver worker answered a solve with "${answer.type}"`)
      return answer.report
    },
    capacity: async (scene, baseVariantId, deviceId, options) => {
      if (searcher?.busy()) {
        searcher.stop('capacity search superseded')
        searcher = null
      }
      searcher ??= openChannel()
      const request: WorkerRequest = { type: 'capacity', requestId: nextId++, scene, baseVariantId, deviceId, ...options }
      const answer = await searcher.send(request)
      if (answer.type !== 'capacity') throw new Error(`solver worker answered a capacity search with "${answer.type}"`)
      return answer.result
    },
    thermal: async (scene, variantId) => {
      thermal ??= openChannel()
      const answer = await thermal.send({ type: 'thermal', requestId: nextId++, scene, variantId })
      if (answer.type !== 'thermal') throw new Error(`solver worker answered a thermal field with "${answer.type}"`)
      return answer.result
    },
    dispose: () => {
      solver.stop('solver worker stopped')
      searcher?.stop('solver worker stopped')
      thermal?.stop('solver worker stopped')
    },
  }
}
