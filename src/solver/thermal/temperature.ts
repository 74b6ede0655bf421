// Steady air temperature on the plan grid: first-order upwind advection by the face flows of
// flow.ts plus a small eddy diffusion, in conservative finite-volume form (S. V. Patankar,
// Numerical Heat Transfer and Fluid Flow, 1980, §5.2 upwind scheme). For every cell P:
//   (Σ outflow + Σ D)·T_P = Σ (inflow_nb + D)·T_nb + Σ inflow_src·T_src + q_P/(ρ·cp)
// Each face's flow carries its upwind temperature out of one cell and into the other, so the sum
// over the hall telescopes: heat out through fans, openings and handlers = heat the racks add.
// A rack is a pump: it takes its air from the cells at its front, heats it by P/(ρ·cp·Q_rack)
// and blows it out into the cells behind it (its outlet depends on its inlet: an outer update).
// Solved by Gauss–Seidel sweeps alternating forward and backward, the racks updated after each.
import { AIR_CP_J_PER_KG_K } from '../constants'
import { MIN_UNIT_FLOW_M3S, type HallFeatures } from './features'
import type { FlowField } from './flow'
import type { ThermalGrid } from './grid'
import { fromPadded, padded, padIndex } from './padded'

/** Turbulent (eddy) diffusivity of air in a ventilated hall, m²/s. Order of magnitude for mixing
 *  in mechanically ventilated rooms, 0.01–0.1 m²/s (approx); it smooths plumes a little and keeps
 *  still corners well posed. */
export const EDDY_DIFFUSIVITY_M2S = 0.05
/** Upper clamp of the air temperature, °C: a hall that cannot shed its heat saturates here
 *  instead of diverging (reported as `saturated`). */
export const MAX_AIR_C = 150

export interface TemperatureInput {
  grid: ThermalGrid
  features: HallFeatures
  flow: FlowField
  densityKgM3: number
  intakeC: number
  /** Conductive exchange of each cell with outside air at intakeC, m³/s (closed halls only). */
  leak: Float64Array
  toleranceK: number
  maxSweeps: number
}

export interface TemperatureSolution {
  tempC: Float64Array
  rackInletC: Float64Array
  rackOutletC: Float64Array
  heatOutKW: number
  sweeps: number
  converged: boolean
  saturated: boolean
}

interface Coefficients {
  a: Float64Array
  cW: Float64Array
  cE: Float64Array
  cS: Float64Array
  cN: Float64Array
  b: Float64Array
}

/** A rack or handler with its cells in padded indexing. */
interface Unit {
  front: Int32Array
  back: Int32Array
  flowM3s: number
  /** Rise of its air, K (racks), or its supply temperature, °C (handlers). */
  value: number
}

function addShare(out: Float64Array, cells: Int32Array, total: number): void {
  const each = total / cells.length
  for (const k of cells) out[k] = out[k]! + each
}

function coefficients(p: TemperatureInput, racks: readonly Unit[], handlers: readonly Unit[], rhoCp: number): Coefficients {
  const { grid: g, flow } = p
  const { nx, ny } = g
  const { w, size } = padded(g)
  const dx = EDDY_DIFFUSIVITY_M2S * g.heightM * (g.hy / g.hx)
  const dy = EDDY_DIFFUSIVITY_M2S * g.heightM * (g.hx / g.hy)
  // Sinks: exhaust fans, rack fronts, handler returns; outflow through an opening; the leak.
  const a = new Float64Array(size)
  const b = new Float64Array(size)
  const cW = new Float64Array(size)
  const cE = new Float64Array(size)
  const cS = new Float64Array(size)
  const cN = new Float64Array(size)
  for (let k = 0; k < g.n; k++) {
    const q = padIndex(g, k)
    const intake = flow.intake[k]!
    a[q] = p.features.fanSink[k]! + Math.max(-intake, 0) + p.leak[k]!
    b[q] = Math.max(intake, 0) * p.intakeC + p.leak[k]! * p.intakeC
  }
  for (const r of racks) {
    if (r.flowM3s >= MIN_UNIT_FLOW_M3S) addShare(a, r.front, r.flowM3s)
    else addShare(b, r.back, r.value / rhoCp) // no fans: its heat (W) goes straight into the air behind
  }
  for (const h of handlers) {
    addShare(a, h.back, h.flowM3s)
    addShare(b, h.front, h.flowM3s * h.value)
  }
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const k = j * nx + i
      const q = (j + 1) * w + i + 1
      if (i > 0) {
        const F = flow.east[k - 1]!
        cW[q] = Math.max(F, 0) + dx
        a[q] = a[q]! + Math.max(-F, 0) + dx
      }
      if (i < nx - 1) {
        const F = flow.east[k]!
        cE[q] = Math.max(-F, 0) + dx
        a[q] = a[q]! + Math.max(F, 0) + dx
      }
      if (j > 0) {
        const F = flow.north[k - nx]!
        cS[q] = Math.max(F, 0) + dy
        a[q] = a[q]! + Math.max(-F, 0) + dy
      }
      if (j < ny - 1) {
        const F = flow.north[k]!
        cN[q] = Math.max(-F, 0) + dy
        a[q] = a[q]! + Math.max(F, 0) + dy
      }
    }
  }
  // Sweeps divide by a: store its inverse.
  for (let q = 0; q < size; q++) a[q] = a[q]! > 0 ? 1 / a[q]! : 0
  return { a, cW, cE, cS, cN, b }
}

function meanOver(t: Float64Array, cells: Int32Array): number {
  let s = 0
  for (const k of cells) s += t[k]!
  return s / cells.length
}

/** New rack inlets and outlets from the field; refills the racks' outflow term `back` (m³/s·K). */
function updateRacks(racks: readonly Unit[], t: Float64Array, inlet: Float64Array, outlet: Float64Array, back: Float64Array): boolean {
  for (const r of racks) for (const k of r.back) back[k] = 0
  let clamped = false
  racks.forEach((r, idx) => {
    const tin = meanOver(t, r.front)
    inlet[idx] = tin
    if (r.flowM3s < MIN_UNIT_FLOW_M3S) {
      outlet[idx] = meanOver(t, r.back)
      return
    }
    let tout = tin + r.value
    if (tout > MAX_AIR_C) {
      tout = MAX_AIR_C
      clamped = true
    }
    outlet[idx] = tout
    addShare(back, r.back, r.flowM3s * tout)
  })
  return clamped
}

/** Updates cell q in place; returns the change, K (clamped to [lowC, MAX_AIR_C]). */
function relax(c: Coefficients, back: Float64Array, t: Float64Array, q: number, w: number, lowC: number): number {
  let v = (c.b[q]! + back[q]! + c.cW[q]! * t[q - 1]! + c.cE[q]! * t[q + 1]! + c.cS[q]! * t[q - w]! + c.cN[q]! * t[q + w]!) * c.a[q]!
  if (v > MAX_AIR_C) v = MAX_AIR_C
  else if (!(v >= lowC)) v = lowC // also catches NaN
  const d = v > t[q]! ? v - t[q]! : t[q]! - v
  t[q] = v
  return d
}

/** One Gauss–Seidel sweep over the hall, forward or backward; the largest change, K. */
function sweep(g: ThermalGrid, c: Coefficients, back: Float64Array, t: Float64Array, forward: boolean, lowC: number): number {
  const { nx, ny } = g
  const { w } = padded(g)
  let change = 0
  if (forward) {
    for (let j = 1; j <= ny; j++) {
      for (let q = j * w + 1, end = q + nx; q < end; q++) {
        const d = relax(c, back, t, q, w, lowC)
        if (d > change) change = d
      }
    }
  } else {
    for (let j = ny; j >= 1; j--) {
      for (let q = j * w + nx, end = j * w; q > end; q--) {
        const d = relax(c, back, t, q, w, lowC)
        if (d > change) change = d
      }
    }
  }
  return change
}

/** A cell at the clamp: the hall cannot shed its heat. */
function anyAtClamp(t: Float64Array): boolean {
  for (let q = 0; q < t.length; q++) if (t[q]! >= MAX_AIR_C) return true
  return false
}

const toPaddedCells = (g: ThermalGrid, cells: Int32Array): Int32Array => cells.map((k) => padIndex(g, k))

export function solveTemperature(p: TemperatureInput): TemperatureSolution {
  const { grid: g, features: f } = p
  const rhoCp = p.densityKgM3 * AIR_CP_J_PER_KG_K
  const racks: Unit[] = f.racks.map((r) => ({
    front: toPaddedCells(g, r.front),
    back: toPaddedCells(g, r.back),
    flowM3s: r.flowM3s,
    // The rise P/(ρ·cp·Q) of a rack with fans; the heat itself, W, of one without.
    value: r.flowM3s >= MIN_UNIT_FLOW_M3S ? (r.heatKW * 1000) / (rhoCp * r.flowM3s) : r.heatKW * 1000,
  }))
  const handlers: Unit[] = f.handlers.map((h) => ({ front: toPaddedCells(g, h.front), back: toPaddedCells(g, h.back), flowM3s: h.flowM3s, value: h.supplyC }))
  const c = coefficients(p, racks, handlers, rhoCp)
  let lowC = p.intakeC
  for (const h of f.handlers) lowC = Math.min(lowC, h.supplyC)
  const { size } = padded(g)
  const t = new Float64Array(size).fill(p.intakeC)
  const inlet = new Float64Array(f.racks.length)
  const outlet = new Float64Array(f.racks.length)
  const back = new Float64Array(size)
  const heatInKW = f.racks.reduce((sum, r) => sum + r.heatKW, 0)
  let sweeps = 0
  let converged = false
  let saturated = updateRacks(racks, t, inlet, outlet, back)
  while (sweeps < p.maxSweeps) {
    const change = sweep(g, c, back, t, sweeps % 2 === 0, lowC)
    sweeps++
    saturated = updateRacks(racks, t, inlet, outlet, back)
    // Small sweep-to-sweep change is not enough on a slow-converging field: stop only once the
    // heat leaving also matches the heat the racks put in (within BALANCE_TOLERANCE).
    if (change < p.toleranceK && (heatInKW <= 0 || Math.abs(heatOutKW(p, fromPadded(g, t)) - heatInKW) <= BALANCE_TOLERANCE * heatInKW)) {
      converged = true
      break
    }
  }
  saturated ||= anyAtClamp(t)
  const tempC = fromPadded(g, t)
  return { tempC, rackInletC: inlet, rackOutletC: outlet, heatOutKW: heatOutKW(p, tempC), sweeps, converged, saturated }
}

/** Heat leaving the hall's air: fans, openings blowing out and the leak above intake air, handler
 *  returns above their supply, kW. With intake flow = outflow, this is the first-law balance. */
/** Heat balance a converged field must meet, as a share of the heat in. */
const BALANCE_TOLERANCE = 0.005

function heatOutKW(p: TemperatureInput, t: Float64Array): number {
  const { features: f, flow } = p
  let sum = 0 // m³/s·K
  for (let k = 0; k < t.length; k++) {
    const out = f.fanSink[k]! + Math.max(-flow.intake[k]!, 0) + p.leak[k]!
    if (out > 0) sum += out * (t[k]! - p.intakeC)
  }
  for (const h of f.handlers) {
    const each = h.flowM3s / h.back.length
    for (const k of h.back) sum += each * (t[k]! - h.supplyC)
  }
  // Air let in and blown out at the same temperature carries nothing; air let in colder than the
  // intake reference (none here) would. Inflow through openings is at intakeC by construction.
  return (sum * p.densityKgM3 * AIR_CP_J_PER_KG_K) / 1000
}
