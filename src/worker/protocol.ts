// Messages between the UI thread and the solver worker. Every request carries an id; the answer
// echoes it, so the client can match answers to requests and drop the ones nobody waits for.
import type { Scene } from '../model/sceneSchema'
import type { Report } from '../solver/report'
import type { CapacityResult } from '../solver/economics/types'
import type { ThermalResult } from '../solver/thermal'
import type { CalibrateOptions, CsvCalibration } from '../solver/calibration/calibrate'
import type { Airflow3dGridKind } from '../solver/thermal3d/hallAirflow'
import type { FlowState } from '../solver/thermal3d/ffd'
import type { Airflow3dProgress, Airflow3dView } from '../solver/thermal3d/view'

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

/** The 3-D airflow of every hall of a variant (src/solver/thermal3d), grid after grid (preview
 *  first): progress after every step, a view per grid. The worker keeps each grid's states per
 *  variant and hall and starts the next run of the same hall from them (warm start); `warm` seeds
 *  a fresh worker (one started after a cancel) with states the client kept. */
export interface Airflow3dRequest {
  type: 'airflow3d'
  requestId: number
  scene: Scene
  variantId: string
  grids: Airflow3dGridKind[]
  warm?: Partial<Record<Airflow3dGridKind, Record<string, FlowState>>>
}

export type WorkerRequest = SolveRequest | CapacityRequest | ThermalRequest | CalibrateRequest | Airflow3dRequest

/** What an airflow3d request answers: progress, then the view of each grid with the states it
 *  leaves (a copy, for the client to seed a fresh worker with), `final` on the last grid. */
export type Airflow3dResponse =
  | { type: 'airflow3d-progress'; requestId: number; progress: Airflow3dProgress }
  | { type: 'airflow3d'; requestId: number; view: Airflow3dView; states: Record<string, FlowState>; final: boolean }
  | { type: 'error'; requestId: number; message: string }

export type SolveResponse =
  | { type: 'report'; requestId: number; report: Report }
  | { type: 'capacity'; requestId: number; result: CapacityResult }
  | { type: 'thermal'; requestId: number; result: ThermalResult }
  | { type: 'calibration'; requestId: number; result: CsvCalibration }
  | { type: 'error'; requestId: number; message: string }
