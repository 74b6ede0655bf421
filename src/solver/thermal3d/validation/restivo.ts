// The 3-D model's Annex 20 room (../annex20.ts) against Restivo's measured velocities
// (restivoData.ts): the error at every measured point as (u_model − u_measured)/U0, and its root
// mean square per line and over all 106 points — the measure the issue asks for ("RMS of the
// normalised difference at the measured points"; the FDS Validation Guide shows these profiles as
// plots, with no error figure of its own to copy).
import { ANNEX20, type Annex20Run } from '../annex20'
import { RESTIVO_CEILING, RESTIVO_FLOOR, RESTIVO_X3, RESTIVO_X6 } from './restivoData'

export type RestivoLine = 'x3' | 'x6' | 'ceiling' | 'floor'

export interface RestivoPoint {
  line: RestivoLine
  xM: number
  zM: number
  /** u/U0 measured and modelled. */
  measured: number
  model: number
}

export interface RestivoComparison {
  points: RestivoPoint[]
  /** RMS of (model − measured)/U0 per line and over all points. */
  rms: Record<RestivoLine | 'all', number>
  /** The same RMS over the points whose measured |u| ≥ 0.1 m/s only (above the hot-wire
   *  threshold the FDS guide quotes). */
  rmsAboveThreshold: number
}

/** Hot-wire threshold quoted by the FDS Validation Guide for this experiment, m/s. */
export const HOT_WIRE_THRESHOLD_MS = 0.1

/** Heights of the horizontal lines: h/2 above the floor and h/2 below the ceiling (8.4 cm). */
const Z_FLOOR_M = 0.084
const Z_CEILING_M = 2.916

export function restivoPoints(): Omit<RestivoPoint, 'model'>[] {
  const u0 = ANNEX20.u0Ms
  return [
    ...RESTIVO_X3.map(([z, u]) => ({ line: 'x3' as const, xM: 3, zM: z, measured: u / u0 })),
    ...RESTIVO_X6.map(([z, u]) => ({ line: 'x6' as const, xM: 6, zM: z, measured: u / u0 })),
    ...RESTIVO_CEILING.map(([x, u]) => ({ line: 'ceiling' as const, xM: x, zM: Z_CEILING_M, measured: u / u0 })),
    ...RESTIVO_FLOOR.map(([x, u]) => ({ line: 'floor' as const, xM: x, zM: Z_FLOOR_M, measured: u / u0 })),
  ]
}

export function compareRestivo(run: Pick<Annex20Run, 'uAt'>): RestivoComparison {
  const points = restivoPoints().map((p) => ({ ...p, model: run.uAt(p.xM, p.zM) }))
  const rmsOf = (ps: RestivoPoint[]): number => Math.sqrt(ps.reduce((s, p) => s + (p.model - p.measured) ** 2, 0) / ps.length)
  const on = (line: RestivoLine): RestivoPoint[] => points.filter((p) => p.line === line)
  const threshold = HOT_WIRE_THRESHOLD_MS / ANNEX20.u0Ms
  return {
    points,
    rms: { x3: rmsOf(on('x3')), x6: rmsOf(on('x6')), ceiling: rmsOf(on('ceiling')), floor: rmsOf(on('floor')), all: rmsOf(points) },
    rmsAboveThreshold: rmsOf(points.filter((p) => Math.abs(p.measured) >= threshold)),
  }
}
