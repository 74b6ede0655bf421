// Steady air temperature on the plan grid: first-order upwind advection by the face flows of
// flow.ts plus a small eddy diffusion, in conservative finite-volume form (S. V. Patankar,
// Numerical Heat Transfer and Fluid Flow, 1980, §5.2 upwind scheme). For every cell P:
//   (Σ outflow + Σ D)·T_P = Σ (inflow_nb + D)·T_nb + Σ inflow_src·T_src + q_P/(ρ·cp)
// Each face's flow carries its upwind temperature out of one cell and into the other, so the sum
// over the hall telescopes: heat out through fans, openings and handlers = heat the racks add.
// A rack is a pump: it takes its air from the cells at its front, heats it by P/(ρ·cp·Q_rack)
// and blows it out into the cells behind it (its outlet depends on its inlet).
// Solved by Gauss–Seidel sweeps in downstream order (order.ts): one sweep carries the intake air
// through the whole hall, row after row, since each rack's outlet is refreshed from what its front
// cells hold just before the first cell it blows into. Further sweeps settle what runs against the
// flow: eddy diffusion, racks whose front cells come later in the order than their back cells,
// and air that circles back to a rack. The first sweep leaves diffusion out (see solveTemperature).
import { AIR_CP_J_PER_KG_K } from '../constants'
import { MIN_UNIT_FLOW_M3S, type HallFeatures } from './features'
import type { FlowField } from './flow'
import type { ThermalGrid } from './grid'
import { Arena, f64Bytes, i32Bytes } from './kernels'
import { downstreamOrder } from './order'
import { fromPadded, padded, padIndex } from './padded'

/** Turbulent (eddy) diffusivity of air in a ventilated hall, m²/s. Order of magnitude for mixing
 *  in mechanically ventilated rooms, 0.01–0.1 m²/s (approx); it smooths plumes a little and keeps
 *  still corners well posed. */
export const EDDY_DIFFUSIVITY_M2S = 0.05
/** Upper clamp of the air temperature, °C: a hall that cannot shed its heat saturates here
 *  instead of diverging (reported as `saturated`). */
export const MAX_AIR_C = 150
/** Heat balance a converged field must meet, as a share of the heat in. */
export const BALANCE_TOLERANCE = 0.005

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

/** Coefficients in sweep order, interleaved per cell: 1/a, b, cW, cE, cS, cN (the cell's padded
 *  index in a separate integer array, so the sweep indexes with integers). */
const STRIDE = 6

interface Packed {
  /** Padded index of the cell at each sweep position. */
  cell: Int32Array
  c: Float64Array
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
  for (let i = 0; i < cells.length; i++) out[cells[i]!] = out[cells[i]!]! + each
}

/** Sink (Σ outflow) and source (inflow at a fixed temperature) of each padded cell, into a and b
 *  (zeroed); returns what carries heat out of each padded cell (fans, outflow through openings,
 *  the leak: the sink before the racks and handlers), for heatOutKW. */
function boundaryTerms(p: TemperatureInput, racks: readonly Unit[], handlers: readonly Unit[], rhoCp: number, a: Float64Array, b: Float64Array): Float64Array {
  const { grid: g, flow } = p
  const { nx, ny } = g
  const { w, size } = padded(g)
  const outflow = new Float64Array(size)
  // Every object read before the loop: a cold process compiles a hot loop while it runs, and a
  // property read inside it is one more check that can throw that code away.
  const { intake: intakeOf } = flow
  const { fanSink } = p.features
  const { leak, intakeC } = p
  for (let j = 0; j < ny; j++) {
    for (let i = 0, k = j * nx, q = (j + 1) * w + 1; i < nx; i++, k++, q++) {
      const intake = intakeOf[k]!
      // Sinks: exhaust fans, outflow through an opening, the leak; inflow through an opening.
      const out = fanSink[k]! + Math.max(-intake, 0) + leak[k]!
      a[q] = out
      outflow[q] = out
      b[q] = Math.max(intake, 0) * intakeC + leak[k]! * intakeC
    }
  }
  for (const r of racks) {
    if (r.flowM3s >= MIN_UNIT_FLOW_M3S) addShare(a, r.front, r.flowM3s)
    else addShare(b, r.back, r.value / rhoCp) // no fans: its heat (W) goes straight into the air behind
  }
  for (const h of handlers) {
    addShare(a, h.back, h.flowM3s)
    addShare(b, h.front, h.flowM3s * h.value)
  }
  return outflow
}

/** The upwind + diffusion coefficients of every cell, packed in sweep order (STRIDE) into `into`,
 *  by the kernel `pack` (kernels.wat), for each cell P at position pos (order[pos] = k, at column
 *  i and row j): each face's outflow max(±F, 0) + D adds to the sink a_P, its inflow max(∓F, 0) + D
 *  is the neighbour's coefficient (D = diffusivity·height·face/distance; no face on a wall);
 *  c = (1/a_P or 0, b_P, cW, cE, cS, cN). `order`, a, b, east and north are the arena's. */
function packedCoefficients(
  k: Arena['kernels'],
  p: TemperatureInput,
  order: Int32Array,
  a: Float64Array,
  b: Float64Array,
  east: Float64Array,
  north: Float64Array,
  diffusivityM2s: number,
  into: Packed,
): Packed {
  const { grid: g } = p
  const dx = diffusivityM2s * g.heightM * (g.hy / g.hx)
  const dy = diffusivityM2s * g.heightM * (g.hx / g.hy)
  k.pack(order.length, order.byteOffset, g.nx, g.ny, padded(g).w, a.byteOffset, b.byteOffset, east.byteOffset, north.byteOffset, dx, dy, into.cell.byteOffset, into.c.byteOffset)
  return into
}

/** The racks with fans in the order the sweep refreshes them (by the sweep position of the first
 *  cell each blows into), flattened into typed arrays: rack u takes its air from cells
 *  front[frontAt[u] … frontAt[u + 1]) and blows it into back[backAt[u] … backAt[u + 1]). */
interface RackLoop {
  /** Sweep position at which each rack is refreshed (ascending). */
  position: Int32Array
  frontAt: Int32Array
  front: Int32Array
  backAt: Int32Array
  back: Int32Array
  flowM3s: Float64Array
  /** Rise of each rack's air, K. */
  riseK: Float64Array
  /** Current share each rack adds to each of its back cells, m³/s·K. */
  share: Float64Array
}

function rackLoop(g: ThermalGrid, racks: readonly Unit[], order: Int32Array): RackLoop {
  const { size } = padded(g)
  const posOf = new Int32Array(size)
  for (let pos = 0; pos < order.length; pos++) posOf[padIndex(g, order[pos]!)] = pos
  const units = racks.filter((r) => r.flowM3s >= MIN_UNIT_FLOW_M3S)
  // The sweep position of the first cell each rack blows into (a loop, not a spread of a mapped
  // copy per rack: no arrays to collect in a cold process).
  const first = new Array<number>(units.length)
  for (let u = 0; u < units.length; u++) {
    const back = units[u]!.back
    let min = Infinity
    for (let i = 0; i < back.length; i++) if (posOf[back[i]!]! < min) min = posOf[back[i]!]!
    first[u] = min
  }
  const sorted = units.map((_, i) => i).sort((x, y) => first[x]! - first[y]!)
  const n = sorted.length
  const frontAt = new Int32Array(n + 1)
  const backAt = new Int32Array(n + 1)
  sorted.forEach((i, u) => {
    frontAt[u + 1] = frontAt[u]! + units[i]!.front.length
    backAt[u + 1] = backAt[u]! + units[i]!.back.length
  })
  const front = new Int32Array(frontAt[n]!)
  const back = new Int32Array(backAt[n]!)
  sorted.forEach((i, u) => {
    front.set(units[i]!.front, frontAt[u]!)
    back.set(units[i]!.back, backAt[u]!)
  })
  return {
    position: Int32Array.from(sorted, (i) => first[i]!),
    frontAt,
    front,
    backAt,
    back,
    flowM3s: Float64Array.from(sorted, (i) => units[i]!.flowM3s),
    riseK: Float64Array.from(sorted, (i) => units[i]!.value),
    share: new Float64Array(n),
  }
}

/** One Gauss–Seidel sweep in downstream order, the kernel `sweep` (kernels.wat): at each sweep
 *  position, first every rack refreshed there takes the mean of its front cells as its inlet and
 *  puts flow·(inlet + rise) (clamped at MAX_AIR_C, which sets the kernels' `clamped`), shared
 *  equally, into its back cells' source `back`, less what it put there before; then the cell
 *  takes T = (b + back + Σ c_nb·T_nb)/a, clamped to [lowC, MAX_AIR_C] (NaN → lowC). Returns the
 *  largest change, K. All arrays are the arena's. */
function sweep(k: Arena['kernels'], packed: Packed, loop: RackLoop, back: Float64Array, t: Float64Array, w: number, lowC: number): number {
  return k.sweep(
    packed.cell.length,
    packed.cell.byteOffset,
    packed.c.byteOffset,
    t.byteOffset,
    back.byteOffset,
    w,
    lowC,
    MAX_AIR_C,
    loop.position.length,
    loop.position.byteOffset,
    loop.frontAt.byteOffset,
    loop.front.byteOffset,
    loop.backAt.byteOffset,
    loop.back.byteOffset,
    loop.flowM3s.byteOffset,
    loop.riseK.byteOffset,
    loop.share.byteOffset,
  )
}

/** The rack loop copied into the arena. */
function loopIn(arena: Arena, l: RackLoop): RackLoop {
  return {
    position: arena.copyI32(l.position),
    frontAt: arena.copyI32(l.frontAt),
    front: arena.copyI32(l.front),
    backAt: arena.copyI32(l.backAt),
    back: arena.copyI32(l.back),
    flowM3s: arena.copyF64(l.flowM3s),
    riseK: arena.copyF64(l.riseK),
    share: arena.copyF64(l.share),
  }
}

/** Bytes of the rack loop (rackLoop) of these units in an arena, before it is built. */
function loopBytes(racks: readonly Unit[]): number {
  let units = 0
  let front = 0
  let back = 0
  for (const r of racks) {
    if (r.flowM3s < MIN_UNIT_FLOW_M3S) continue
    units++
    front += r.front.length
    back += r.back.length
  }
  return i32Bytes(units) + 2 * i32Bytes(units + 1) + i32Bytes(front) + i32Bytes(back) + 3 * f64Bytes(units)
}

/** Heat leaving the hall's air: fans, openings blowing out and the leak above intake air, handler
 *  returns above their supply, kW. With intake flow = outflow, this is the first-law balance.
 *  Inflow through openings is at intakeC by construction, so it carries nothing in. */
function heatOutKW(p: TemperatureInput, outflow: Float64Array, handlers: readonly Unit[], t: Float64Array, rhoCp: number): number {
  let sum = 0 // m³/s·K
  const { intakeC } = p // read before the loop (see boundaryTerms)
  for (let q = 0; q < t.length; q++) {
    const out = outflow[q]!
    if (out > 0) sum += out * (t[q]! - intakeC)
  }
  for (const h of handlers) {
    const each = h.flowM3s / h.back.length
    for (let i = 0; i < h.back.length; i++) sum += each * (t[h.back[i]!]! - h.value)
  }
  return (sum * rhoCp) / 1000
}

function toPaddedCells(g: ThermalGrid, cells: Int32Array): Int32Array {
  const out = new Int32Array(cells.length)
  for (let i = 0; i < cells.length; i++) out[i] = padIndex(g, cells[i]!)
  return out
}

export function solveTemperature(p: TemperatureInput): TemperatureSolution {
  const { grid: g, features: f } = p
  const { w, size } = padded(g)
  const rhoCp = p.densityKgM3 * AIR_CP_J_PER_KG_K
  const racks: Unit[] = f.racks.map((r) => ({
    front: toPaddedCells(g, r.front),
    back: toPaddedCells(g, r.back),
    flowM3s: r.flowM3s,
    // The rise P/(ρ·cp·Q) of a rack with fans; the heat itself, W, of one without.
    value: r.flowM3s >= MIN_UNIT_FLOW_M3S ? (r.heatKW * 1000) / (rhoCp * r.flowM3s) : r.heatKW * 1000,
  }))
  const handlers: Unit[] = f.handlers.map((h) => ({ front: toPaddedCells(g, h.front), back: toPaddedCells(g, h.back), flowM3s: h.flowM3s, value: h.supplyC }))
  let lowC = p.intakeC
  for (const h of f.handlers) lowC = Math.min(lowC, h.supplyC)
  const heatInKW = f.racks.reduce((sum, r) => sum + r.heatKW, 0)
  // The sweep's arrays in the kernels' memory: the face flows, the order (and its scratch),
  // coefficients, cells, T, the racks' sources, sink and source, the rack loop. Everything read
  // after the sweeps is copied out before the arena closes.
  const n = g.n
  const arena = new Arena(2 * f64Bytes(n) + 3 * i32Bytes(n) + f64Bytes(n * STRIDE) + 4 * f64Bytes(size) + loopBytes(racks))
  try {
    const k = arena.kernels
    const east = arena.copyF64(p.flow.east)
    const north = arena.copyF64(p.flow.north)
    const order = downstreamOrder(arena, g, east, north)
    const a = arena.f64(size)
    const b = arena.f64(size)
    const outflow = boundaryTerms(p, racks, handlers, rhoCp, a, b)
    const loop = loopIn(arena, rackLoop(g, racks, order))
    const t = arena.f64(size).fill(p.intakeC)
    const back = arena.f64(size)
    let sweeps = 0
    let converged = false
    let saturated = false
    // Predictor: one sweep of pure advection, which the downstream order solves in one pass (but
    // for racks that breathe their own exhaust). Starting the full sweeps from intake air instead,
    // each cell's diffusive pull towards its not-yet-swept downstream neighbours (still at intake
    // air) loses about a tenth of the heat per cell, and it takes dozens of sweeps to come back.
    const predictor = packedCoefficients(k, p, order, a, b, east, north, 0, { cell: arena.i32(n), c: arena.f64(n * STRIDE) })
    if (p.maxSweeps > 0) {
      sweep(k, predictor, loop, back, t, w, lowC)
      sweeps++
    }
    const c = packedCoefficients(k, p, order, a, b, east, north, EDDY_DIFFUSIVITY_M2S, predictor)
    while (sweeps < p.maxSweeps) {
      const change = sweep(k, c, loop, back, t, w, lowC)
      sweeps++
      saturated = k.clamped.value !== 0
      // Small sweep-to-sweep change is not enough on a slow-converging field: stop only once the
      // heat leaving also matches the heat the racks put in (within BALANCE_TOLERANCE).
      if (change < p.toleranceK && (heatInKW <= 0 || Math.abs(heatOutKW(p, outflow, handlers, t, rhoCp) - heatInKW) <= BALANCE_TOLERANCE * heatInKW)) {
        converged = true
        break
      }
    }
    const inlet = new Float64Array(racks.length)
    const outlet = new Float64Array(racks.length)
    racks.forEach((r, idx) => {
      inlet[idx] = meanOver(t, r.front)
      outlet[idx] = r.flowM3s >= MIN_UNIT_FLOW_M3S ? Math.min(MAX_AIR_C, inlet[idx]! + r.value) : meanOver(t, r.back)
    })
    for (let q = 0; q < size && !saturated; q++) if (t[q]! >= MAX_AIR_C) saturated = true
    return { tempC: fromPadded(g, t), rackInletC: inlet, rackOutletC: outlet, heatOutKW: heatOutKW(p, outflow, handlers, t, rhoCp), sweeps, converged, saturated }
  } finally {
    arena.close()
  }
}

function meanOver(t: Float64Array, cells: Int32Array): number {
  let s = 0
  for (let i = 0; i < cells.length; i++) s += t[cells[i]!]!
  return s / cells.length
}
