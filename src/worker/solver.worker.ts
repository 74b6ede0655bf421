/// <reference lib="webworker" />
// The solver behind a Web Worker: the UI thread never computes physics and never blocks on it.
import { builtInCatalog } from '../model/catalog'
import { solveVariant } from '../solver/index'
import type { SolveRequest, SolveResponse } from './protocol'

const scope = self as unknown as DedicatedWorkerGlobalScope

scope.onmessage = (event: MessageEvent<SolveRequest>) => {
  const { requestId, scene, variantId } = event.data
  let response: SolveResponse
  try {
    const report = solveVariant(scene, variantId, builtInCatalog())
    response = { type: 'report', requestId, report }
  } catch (error) {
    response = { type: 'error', requestId, message: error instanceof Error ? error.message : String(error) }
  }
  scope.postMessage(response)
}
