// Messages between the UI thread and the solver worker. Every request carries an id; the answer
// echoes it, so the client can match answers to requests and drop the ones nobody waits for.
import type { Scene } from '../model/sceneSchema'
import type { Report } from '../solver/report'
import type { CapacityResult } from '../solver/economics/types'
import type { ThermalResult } from '../solver/thermal'
import type { CalibrateOptions, CsvCalibration } from '../solver/calibration/calibrate'

export interface SolveRequest {
  type: 'solve'
  requestId: number
  scene: Scene
  variantId: string
}

/** The largest number of racks of one device the base variant's site carries at a tier. */
export interface CapacityRequest {
  type: 'capacity'
  requestId: number
  scene: Scene
  baseVariantId: string
  deviceId: string
  requiredTier?: 'N' | 'N+1' | '2N'
}

/** The steady air-temperature field of every hall of a variant (src/solver/thermal). */
export interface ThermalRequest {
  type: 'thermal'
  requestId: number
  scene: Scene
  variantId: string
}

/** Model vs measured for a meter CSV, and the fit of the uncertain parameters (src/solver/calibration).
 *  The CSV goes as text: its timestamps are read at the site weather's time zone, which only the
 *  worker knows (the page never parses the EPW). */
export interface CalibrateRequest {
  type: 'calibrate'
  requestId: number
  scene: Scene
  variantId: string
  csv: string
  fileName: string
  options: CalibrateOptions
}

export type WorkerRequest = SolveRequest | CapacityRequest | ThermalRequest | CalibrateRequest

export type SolveResponse =
  | { type: 'report'; requestId: number; report: Report }
  | { type: 'capacity'; requestId: number; result: CapacityResult }
  | { type: 'thermal'; requestId: number; result: ThermalResult }
  | { type: 'calibration'; requestId: number; result: CsvCalibration }
  | { type: 'error'; requestId: number; message: string }
