/// <reference lib="webworker" />
// The solver behind a Web Worker: the UI thread never computes physics and never blocks on it.
// The same script serves variant solves and capacity searches (the client runs the searches in
// a second instance, so a long search never holds up a variant's report) and the 3-D airflow
// view (an instance of its own: many messages per request, airflow3dWorker.ts).
import { builtInCatalog } from '../model/catalog'
import { findCapacity, solveVariant } from '../solver/index'
import { solveThermalField } from '../solver/thermal'
import { calibrateCsv } from '../solver/calibration/calibrate'
import { createAirflow3dRunner } from './airflow3dWorker'
import type { SolveResponse, WorkerRequest } from './protocol'

const scope = self as unknown as DedicatedWorkerGlobalScope
const airflow3d = createAirflow3dRunner()

function answer(request: Exclude<WorkerRequest, { type: 'airflow3d' }>): SolveResponse {
  const { requestId } = request
  if (request.type === 'solve') {
    return { type: 'report', requestId, report: solveVariant(request.scene, request.variantId, builtInCatalog()) }
  }
  if (request.type === 'calibrate') {
    return { type: 'calibration', requestId, result: calibrateCsv(request.scene, request.variantId, builtInCatalog(), request.csv, request.fileName, request.options) }
  }
  if (request.type === 'thermal') {
    return { type: 'thermal', requestId, result: solveThermalField(request.scene, request.variantId, builtInCatalog()) }
  }
  const options = request.requiredTier ? { requiredTier: request.requiredTier } : undefined
  return { type: 'capacity', requestId, result: findCapacity(request.scene, request.baseVariantId, request.deviceId, builtInCatalog(), options) }
}

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data
  try {
    if (request.type === 'airflow3d') {
      airflow3d.run(request, (message, transfer) => scope.postMessage(message, transfer))
      return
    }
    scope.postMessage(answer(request))
  } catch (error) {
    scope.postMessage({ type: 'error', requestId: request.requestId, message: error instanceof Error ? error.message : String(error) } satisfies SolveResponse)
  }
}
