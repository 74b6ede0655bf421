// What the app's 3-D airflow view receives from the worker (issue 12, point 5): every hall's
// result without its warm-start state (which stays in the worker), with the streamlines traced
// through its velocity field and the cold-aisle / hot-aisle figures. Every figure the view shows
// comes from here: the UI draws, it does not compute.
import type { Airflow3dResult } from './airflow3d'
import type { FlowState } from './ffd'
import type { Airflow3dGridKind, HallAirflow3d } from './hallAirflow'
import { traceStreamlines, type Streamlines } from './streamlines'

export interface AisleFigures {
  /** Flow-weighted mean rack inlet (the air the racks breathe: the cold aisle), °C. */
  coldAisleC: number
  /** Flow-weighted mean rack exhaust (the hot aisle), °C. */
  hotAisleC: number
  /** hotAisleC − coldAisleC, K. */
  differenceK: number
  maxInletC: number
  /** Racks whose inlet is above the recommended maximum (metrics bands). */
  racksOverRecommended: number
  racks: number
}

export interface Airflow3dHallView extends Omit<HallAirflow3d, 'state'> {
  streamlines: Streamlines
  aisles: AisleFigures
}

export interface Airflow3dView {
  variantId: string
  grid: Airflow3dGridKind
  halls: Airflow3dHallView[]
  /** The solver's time for every hall of this grid, ms (the worker's wall clock). */
  solveMs: number
}

/** Progress of a run in the worker: steps of the hall being solved on the grid being solved. */
export interface Airflow3dProgress {
  grid: Airflow3dGridKind
  hallIndex: number
  halls: number
  step: number
  maxSteps: number
  /** Share of this grid's run done, 0..1. */
  fraction: number
}

/** How the app follows a run: each grid's view as it arrives (preview first), progress between. */
export interface Airflow3dHandlers {
  onProgress: (progress: Airflow3dProgress) => void
  onView: (view: Airflow3dView, final: boolean) => void
  onError: (message: string) => void
}

export interface Airflow3dRun {
  /** Stops the run now (no more calls of its handlers). */
  cancel: () => void
}

export function aisleFigures(h: Pick<HallAirflow3d, 'rackInletC' | 'rackOutletC' | 'rackAirflowM3s' | 'metrics'>): AisleFigures {
  let q = 0
  let qIn = 0
  let qOut = 0
  let maxInletC = -Infinity
  let over = 0
  let racks = 0
  let sumIn = 0
  let sumOut = 0
  for (const [rowId, inlets] of Object.entries(h.rackInletC)) {
    inlets.forEach((inC, i) => {
      const outC = h.rackOutletC[rowId]?.[i] ?? inC
      const flow = h.rackAirflowM3s[rowId]?.[i] ?? 0
      q += flow
      qIn += flow * inC
      qOut += flow * outC
      sumIn += inC
      sumOut += outC
      racks++
      maxInletC = Math.max(maxInletC, inC)
      if (inC > h.metrics.bands.maxRecC) over++
    })
  }
  // Racks with no air of their own: plain means.
  const coldAisleC = q > 0 ? qIn / q : racks > 0 ? sumIn / racks : h.metrics.supplyC
  const hotAisleC = q > 0 ? qOut / q : racks > 0 ? sumOut / racks : h.metrics.returnC
  return { coldAisleC, hotAisleC, differenceK: hotAisleC - coldAisleC, maxInletC: racks > 0 ? maxInletC : coldAisleC, racksOverRecommended: over, racks }
}

/** The view of a result and the warm-start states it leaves (by hall id). */
export function airflow3dView(result: Airflow3dResult, grid: Airflow3dGridKind): { view: Airflow3dView; states: Record<string, FlowState> } {
  const states: Record<string, FlowState> = {}
  const halls = result.halls.map(({ state, ...hall }) => {
    states[hall.hallId] = state
    const streamlines = traceStreamlines({ ...hall, vel: state.vel })
    return { ...hall, streamlines, aisles: aisleFigures(hall) }
  })
  return { view: { variantId: result.variantId, grid, halls, solveMs: result.solveMs }, states }
}
