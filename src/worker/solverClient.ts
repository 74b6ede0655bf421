// The UI side of the solver worker: one promise per request, matched by request id. Variant
// solves go to one worker, one at a time from a queue: the variant on screen jumps the queue
// (prioritise), and a solve of a newer scene drops the queued solves of older ones (their answers
// would be thrown away). Capacity searches (many solves each) go to a second worker, started on
// the first search, so a search never delays a report. A new search cancels the one still
// running: its worker is stopped and replaced (a synchronous search cannot be interrupted otherwise).
import type { Scene } from '../model/sceneSchema'
import type { Report } from '../solver/report'
import type { CapacityResult } from '../solver/economics/types'
import type { ThermalResult } from '../solver/thermal'
import type { CalibrateOptions, CsvCalibration } from '../solver/calibration/calibrate'
import type { CapacityOptions, SolverPort } from '../store/solverPort'
import type { SolveRequest, SolveResponse, WorkerRequest } from './protocol'
import { createAirflow3dClient, type Airflow3dPort } from './airflow3dClient'

export interface SolverClient extends SolverPort {
  solve: (scene: Scene, variantId: string) => Promise<Report>
  capacity: (scene: Scene, baseVariantId: string, deviceId: string, options: CapacityOptions) => Promise<CapacityResult>
  /** Thermal fields run in a third worker, started on the first one, so they never delay a report. */
  thermal: (scene: Scene, variantId: string) => Promise<ThermalResult>
  prioritise: (scene: Scene, variantId: string) => void
  /** Model vs measured and the fit run in a worker of their own, started on the first import. */
  calibrate: (scene: Scene, variantId: string, csv: string, fileName: string, options: CalibrateOptions) => Promise<CsvCalibration>
  /** 3-D airflow runs: a worker of their own, started on the first run (airflow3dClient.ts). */
  airflow3d: Airflow3dPort
  dispose: () => void
}

type Answer = Extract<SolveResponse, { type: 'report' | 'capacity' | 'thermal' | 'calibration' }>

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
  // Written out in full: vite finds and bundles the worker by this exact form.
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

interface QueuedSolve {
  request: SolveRequest
  resolve: (report: Report) => void
  reject: (error: Error) => void
}

/** Variant solves, one in the worker at a time; the rest wait in order and can be reordered. */
export interface SolveQueue {
  solve: (scene: Scene, variantId: string) => Promise<Report>
  /** Moves the queued solve of this scene's variant to the front (no effect if none is queued). */
  prioritise: (scene: Scene, variantId: string) => void
  /** Solves waiting (not counting the one in the worker). */
  queued: () => number
}

export function createSolveQueue(channel: Pick<Channel, 'send'>, nextId: () => number): SolveQueue {
  const queue: QueuedSolve[] = []
  let running = false

  const pump = (): void => {
    if (running) return
    const job = queue.shift()
    if (!job) return
    running = true
    performance.mark(`halltwin:solve-sent:${job.request.variantId}`)
    channel.send(job.request).then(
      (answer) => {
        running = false
        if (answer.type !== 'report') job.reject(new Error(`solver worker answered a solve with "${answer.type}"`))
        else {
          performance.mark(`halltwin:report:${job.request.variantId}`, { detail: { solveMs: answer.report.meta.solveMs } })
          job.resolve(answer.report)
        }
        pump()
      },
      (error: unknown) => {
        running = false
        job.reject(error instanceof Error ? error : new Error(String(error)))
        pump()
      },
    )
  }

  return {
    solve: (scene, variantId) =>
      new Promise<Report>((resolve, reject) => {
        // Queued solves of an older scene are answered by nobody: drop them.
        for (let i = queue.length - 1; i >= 0; i--) {
          const old = queue[i]!
          if (old.request.scene !== scene) {
            queue.splice(i, 1)
            old.reject(new Error('solve superseded by a newer scene'))
          }
        }
        queue.push({ request: { type: 'solve', requestId: nextId(), scene, variantId }, resolve, reject })
        pump()
      }),
    prioritise: (scene, variantId) => {
      const i = queue.findIndex((q) => q.request.scene === scene && q.request.variantId === variantId)
      if (i > 0) queue.unshift(...queue.splice(i, 1))
    },
    queued: () => queue.length,
  }
}

export function createSolverClient(): SolverClient {
  const solver = openChannel()
  let searcher: Channel | null = null
  let thermal: Channel | null = null
  let calibrator: Channel | null = null
  let nextId = 1
  const solves = createSolveQueue(solver, () => nextId++)
  let airflow: ReturnType<typeof createAirflow3dClient> | null = null

  return {
    solve: solves.solve,
    prioritise: solves.prioritise,
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
    calibrate: async (scene, variantId, csv, fileName, options) => {
      calibrator ??= openChannel()
      const answer = await calibrator.send({ type: 'calibrate', requestId: nextId++, scene, variantId, csv, fileName, options })
      if (answer.type !== 'calibration') throw new Error(`solver worker answered a calibration with "${answer.type}"`)
      return answer.result
    },
    airflow3d: (scene, variantId, handlers) => (airflow ??= createAirflow3dClient()).run(scene, variantId, handlers),
    dispose: () => {
      airflow?.dispose()
      calibrator?.stop('solver worker stopped')
      solver.stop('solver worker stopped')
      searcher?.stop('solver worker stopped')
      thermal?.stop('solver worker stopped')
    },
  }
}
