// The store asks "a solver" for reports; main.tsx plugs in the Web Worker client (src/worker/),
// tests can plug in anything else. The store itself never computes physics.
import type { Scene } from '../model/sceneSchema'
import type { Report } from '../solver/report'
import type { CapacityResult } from '../solver/economics/types'
import type { ThermalResult } from '../solver/thermal'
import type { CalibrateOptions, CsvCalibration } from '../solver/calibration/calibrate'
import type { Airflow3dHandlers, Airflow3dRun } from '../solver/thermal3d/view'

export interface CapacityOptions {
  requiredTier?: 'N' | 'N+1' | '2N'
}

export interface SolverPort {
  solve: (scene: Scene, variantId: string) => Promise<Report>
  /** The capacity search (many solves); a port without it cannot answer capacity questions. */
  capacity?: (scene: Scene, baseVariantId: string, deviceId: string, options: CapacityOptions) => Promise<CapacityResult>
  /** Moves a solve asked for earlier and not started yet to the front: the variant just put on
   *  screen is answered before the ones solved in the background. Optional. */
  prioritise?: (scene: Scene, variantId: string) => void
  /** The thermal field of a variant's halls; a port without it shows no heat map. */
  thermal?: (scene: Scene, variantId: string) => Promise<ThermalResult>
  /** Model vs measured and the parameter fit for a meter CSV (its text: read at the site weather's
   *  time zone by the solver); a port without it cannot calibrate. */
  calibrate?: (scene: Scene, variantId: string, csv: string, fileName: string, options: CalibrateOptions) => Promise<CsvCalibration>
  /** A 3-D airflow run (preview grid, then default) with progress and cancel; a port without it
   *  shows no 3-D airflow view. */
  airflow3d?: (scene: Scene, variantId: string, handlers: Airflow3dHandlers) => Airflow3dRun
}

let port: SolverPort | null = null

export function connectSolver(next: SolverPort): void {
  port = next
}

export function solverPort(): SolverPort | null {
  return port
}
