// Messages between the UI thread and the solver worker. Every request carries an id; the answer
// echoes it, so the client can match answers to requests and drop the ones nobody waits for.
import type { Scene } from '../model/sceneSchema'
import type { Report } from '../solver/report'

export interface SolveRequest {
  type: 'solve'
  requestId: number
  scene: Scene
  variantId: string
}

export type SolveResponse =
  | { type: 'report'; requestId: number; report: Report }
  | { type: 'error'; requestId: number; message: string }
