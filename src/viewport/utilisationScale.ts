// Utilisation (load / rating) → colour, shared by the 3D view and the single-line diagram.
// Bands follow the solver's statuses: ≤ the continuous-load margin ok, ≤ 100 % warn, above fail.
// Inside each band the colour deepens with load, so 20 % and 78 % do not look alike.
import { scaleLinear, scaleThreshold } from 'd3-scale'
import type { CheckStatus } from '../solver/report'
import { NO_STATUS_COLOUR, UTILISATION_COLOURS as U } from './palette'

/** Just above a band edge: a node exactly at its margin is still ok (the solver warns *above* it). */
const EDGE = 1e-9
/** Where the fail band reaches its deepest colour (150 % of rating). */
const FAIL_DEEP = 1.5

export interface UtilisationScale {
  /** Colour for a utilisation share (1 = 100 %); the neutral colour for unrated nodes (null). */
  colour: (utilisation: number | null | undefined) => string
  band: (utilisation: number) => CheckStatus
  /** The continuous-load margin the bands were built with (share of rating). */
  margin: number
}

const cache = new Map<number, UtilisationScale>()

export function utilisationScale(continuousLoadFraction: number): UtilisationScale {
  const margin = Number.isFinite(continuousLoadFraction) && continuousLoadFraction > 0 ? Math.min(continuousLoadFraction, 1) : 0.8
  const cached = cache.get(margin)
  if (cached) return cached
  const band = scaleThreshold<number, CheckStatus>().domain([margin + EDGE, 1 + EDGE]).range(['ok', 'warn', 'fail'])
  const ramp = scaleLinear<string>()
    .domain([0, margin, margin + 2 * EDGE, 1, 1 + 2 * EDGE, FAIL_DEEP])
    .range([U.okLow, U.ok, U.warnLow, U.warn, U.fail, U.failHigh])
    .clamp(true)
  const scale: UtilisationScale = {
    colour: (u) => (u === null || u === undefined || !Number.isFinite(u) ? NO_STATUS_COLOUR : ramp(u)),
    band: (u) => band(u),
    margin,
  }
  cache.set(margin, scale)
  return scale
}
