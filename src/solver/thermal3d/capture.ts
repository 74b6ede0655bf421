// Capture index (VanGilder & Shrivastava 2007, "Capture index: an airflow-based rack cooling
// performance metric", ASHRAE Transactions 113(1)) from a passive tracer, transported by the same
// implicit upwind solver as the temperature (temperature.ts) on the same flow:
// - cold aisle, CACI of a rack: the share of the air it draws in that comes straight from the
//   local supplies. Forward tracer: c = 1 where air enters through a local supply, 0 through any
//   other inflow and out of every rack or handler (air that has passed through equipment is not
//   supply air); CACI = the flow-weighted c over the rack's intake faces.
// - hot aisle, HACI of a rack: the share of its exhaust that the local extracts take in directly.
//   One tracer per rack would cost one solve each; the adjoint gives all racks in one: the "fate"
//   c* of air at a point (the probability that it leaves through a local extract before it enters
//   any rack or handler) obeys the same upwind transport on the reversed flow (for ∇·u = 0 the
//   transposed upwind operator is upwind with −u; the diffusion is symmetric), with c* = 1 where
//   reversed air enters through a local extract, 0 through every other outflow and every rack
//   intake. HACI = the flow-weighted c* over the rack's exhaust faces. test/unit/thermal3d checks it
//   against a forward tracer released at one rack.
import type { FlowDomain, HeatUnit } from './domain'
import { assembleTemperature, createTemperatureSystem, solveTemperatureSweeps, type AirProps } from './temperature'

export type AisleKind = 'hot' | 'cold'

export interface CaptureField {
  /** Per unit: CACI (cold) or HACI (hot), 0–1. */
  byUnit: Float64Array
  /** The tracer (cold) or fate (hot) per cell. */
  field: Float64Array
  sweeps: number
  changeK: number
}

/**
 * `local`: the boundary faces that are the local supplies (cold) or extracts (hot).
 * `vel`, `nuT`: the flow the temperature was solved on.
 */
export function captureIndex(d: FlowDomain, vel: Float64Array, nuT: Float64Array, air: AirProps, local: Iterable<number>, kind: AisleKind, options: { maxSweeps?: number; tolK?: number } = {}): CaptureField {
  const g = d.grid
  const reverse = kind === 'hot'
  const inflow = new Float64Array(g.nFaces)
  for (const f of local) inflow[f] = 1
  // Every unit passes nothing on: its outflow carries 0 (supplyC 0, no heat); reversed, its
  // exhaust faces are where reversed air leaves the fluid into it.
  const units: HeatUnit[] = d.units.map((u) => ({ ...u, heatW: 0, supplyC: 0, intake: reverse ? u.exhaust : u.intake, exhaust: reverse ? u.intake : u.exhaust }))
  const faceUnit = reverse ? d.faceUnit.map((x) => (x >= 0 ? -2 - x : x <= -2 ? -2 - x : -1)) : d.faceUnit
  const td: FlowDomain = { ...d, heatW: new Float64Array(g.n), inflowC: inflow, units, faceUnit }
  const v = reverse ? vel.map((x) => -x) : vel
  const c = new Float64Array(g.n)
  const sys = createTemperatureSystem(g.n, units.length, g.nFaces)
  assembleTemperature(td, v, nuT, air, Infinity, c, sys)
  const r = solveTemperatureSweeps(td, v, c, air, sys, options.maxSweeps ?? 3000, options.tolK ?? 1e-6)
  return { byUnit: Float64Array.from(sys.unitInC, (x) => Math.min(1, Math.max(0, x))), field: c, sweeps: r.sweeps, changeK: r.changeK }
}

