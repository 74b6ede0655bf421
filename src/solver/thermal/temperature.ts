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
// A field that is still unsettled after ACCELERATION.after sweeps has its sweeps accelerated
// (Anderson, anderson.ts): recirculating air closes its loop once per plain sweep.
import { AIR_CP_J_PER_KG_K } from '../constants'
import { MIN_UNIT_FLOW_M3S, type HallFeatures } from './features'
import type { FlowField } from './flow'
import type { ThermalGrid } from './grid'
import { AndersonMixer, andersonBytes } from './anderson'
import { Arena, f64Bytes, i32Bytes } from './kernels'
import { downstreamOrder } from './order'
import { padCellsIn, padded, padOut } from './padded'

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
  /** Anderson acceleration of the sweeps (anderson.ts); null: plain sweeps only (for tests).
   *  Default ACCELERATION. */
  acceleration?: Acceleration | null
}

export interface Acceleration {
  /** The first sweep after which the next iterate is extrapolated: a field that converges by
   *  this sweep is solved by plain sweeps alone, bit for bit. */
  after: number
  /** Differences of sweep pairs the extrapolation keeps. */
  depth: number
  /** Every `window` accelerated sweeps the residual (2-norm of a sweep's change) must have
   *  fallen `gain`-fold, else the extrapolation does not pay for its passes and the rest of the
   *  solve is plain sweeps. */
  window: number
  gain: number
}

/** Measured on the 824 fields of the unit suite that took more than 20 plain sweeps (their
 *  inputs saved by a temporary hook): the 331 whose plain sweeps converge (29,924 sweeps, up to
 *  the cap of 3000) converge in 10,891 sweeps in all with depth 3 (2: 11,994; 4: 10,503), in
 *  about two thirds of the CPU (an accelerated sweep adds two passes over the field and its 3
 *  columns). Of the 83 that reached their cap unsaturated, 55 now converge; the give-up after a
 *  window of 50 sweeps without a 3-fold gain costs 2 of them (none: 57; gain 5: 51; 10: 45) and
 *  halves the extra CPU of the five 40,000-cell fuzz halls (4082 × 10 and 14 × 2887 cells),
 *  which converge slowly either way. From sweep 25 on, not earlier: the example scenes' fields converge in 3–15
 *  sweeps, and every field that converges by sweep 25 keeps its plain answer bit for bit. */
export const ACCELERATION: Acceleration = { after: 25, depth: 3, window: 50, gain: 3 }

export interface TemperatureSolution {
  tempC: Float64Array
  rackInletC: Float64Array
  rackOutletC: Float64Array
  /** The coldest and the hottest cell, °C. */
  minC: number
  maxC: number
  heatOutKW: number
  /** Sweeps the field is the result of (one that a sweep leaves the same, bit for bit, is what
   *  any further sweeps give: unsaturated, it counts as the cap's). */
  sweeps: number
  /** The sweeps stopped changing it: within the tolerance with heat out = heat in, or, saturated,
   *  not a bit (the clamp's loss is the imbalance). */
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

/** Racks or handlers with their cells in padded indexing, all in one array: unit u's front cells
 *  are cells[at[u] … at[u + 1]), its back cells cells[at[count + u] … at[count + u + 1]). */
interface Units {
  count: number
  at: Int32Array
  cells: Int32Array
  flowM3s: Float64Array
  /** Rise of its air, K (racks with fans), its heat, W (racks without), or its supply
   *  temperature, °C (handlers). */
  value: Float64Array
}

function addShare(out: Float64Array, cells: Int32Array, from: number, to: number, total: number): void {
  const each = total / (to - from)
  for (let i = from; i < to; i++) out[cells[i]!] = out[cells[i]!]! + each
}

function meanOver(t: Float64Array, cells: Int32Array, from: number, to: number): number {
  let s = 0
  for (let i = from; i < to; i++) s += t[cells[i]!]!
  return s / (to - from)
}

/** Sink (Σ outflow) and source (inflow at a fixed temperature) of each padded cell, into a and b
 *  (zeroed), and into `outflow` what carries heat out of each padded cell (fans, outflow through
 *  openings, the leak: the sink before the racks and handlers), for heatOutKW. The cells' part is
 *  the kernel `boundary`: a = outflow = fanSink + max(−intake, 0) + leak, b = max(intake, 0)·intakeC
 *  + leak·intakeC; then each rack with fans adds its flow to the sink of its front cells (one
 *  without puts its heat straight into the air behind it), each handler its flow to the sink of its
 *  back cells and flow·supply to the source of its front cells, shared equally. */
function boundaryTerms(arena: Arena, p: TemperatureInput, racks: Units, handlers: Units, rhoCp: number, a: Float64Array, b: Float64Array, outflow: Float64Array): void {
  const { grid: g } = p
  const fanSink = arena.copyF64(p.features.fanSink)
  const intake = arena.copyF64(p.flow.intake)
  const leak = arena.copyF64(p.leak)
  arena.kernels.boundary(g.nx, g.ny, padded(g).w, fanSink.byteOffset, intake.byteOffset, leak.byteOffset, p.intakeC, a.byteOffset, outflow.byteOffset, b.byteOffset)
  const { count: R, at, cells } = racks
  for (let r = 0; r < R; r++) {
    if (racks.flowM3s[r]! >= MIN_UNIT_FLOW_M3S) addShare(a, cells, at[r]!, at[r + 1]!, racks.flowM3s[r]!)
    else addShare(b, cells, at[R + r]!, at[R + r + 1]!, racks.value[r]! / rhoCp) // no fans: its heat (W) goes straight into the air behind
  }
  const H = handlers.count
  for (let h = 0; h < H; h++) {
    addShare(a, handlers.cells, handlers.at[H + h]!, handlers.at[H + h + 1]!, handlers.flowM3s[h]!)
    addShare(b, handlers.cells, handlers.at[h]!, handlers.at[h + 1]!, handlers.flowM3s[h]! * handlers.value[h]!)
  }
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

/** The rack loop, in the arena. `cell`: the padded cell at each sweep position (packed.cell). */
function rackLoop(arena: Arena, g: ThermalGrid, racks: Units, cell: Int32Array): RackLoop {
  const { size } = padded(g)
  const posOf = arena.i32(size)
  arena.kernels.positions(cell.length, cell.byteOffset, posOf.byteOffset)
  const { count: R, at, cells } = racks
  let n = 0
  for (let r = 0; r < R; r++) if (racks.flowM3s[r]! >= MIN_UNIT_FLOW_M3S) n++
  // The sweep position of the first cell each rack with fans blows into, as first·n + u for the
  // u-th of them: a native numeric sort of these orders them by position, ties in rack order —
  // what a stable sort by position gives (positions and n are below 2^31: the keys are exact).
  const keys = new Float64Array(n)
  const unitOf = new Int32Array(n)
  for (let r = 0, u = 0; r < R; r++) {
    if (racks.flowM3s[r]! < MIN_UNIT_FLOW_M3S) continue
    let min = Infinity
    for (let i = at[R + r]!, end = at[R + r + 1]!; i < end; i++) if (posOf[cells[i]!]! < min) min = posOf[cells[i]!]!
    keys[u] = min * n + u
    unitOf[u++] = r
  }
  keys.sort()
  let fronts = 0
  let backs = 0
  for (let u = 0; u < n; u++) {
    const r = unitOf[u]!
    fronts += at[r + 1]! - at[r]!
    backs += at[R + r + 1]! - at[R + r]!
  }
  const loop: RackLoop = {
    position: arena.i32(n),
    frontAt: arena.i32(n + 1),
    front: arena.i32(fronts),
    backAt: arena.i32(n + 1),
    back: arena.i32(backs),
    flowM3s: arena.f64(n),
    riseK: arena.f64(n),
    share: arena.f64(n),
  }
  for (let v = 0, f = 0, b = 0; v < n; v++) {
    const key = keys[v]!
    const u = key % n
    const r = unitOf[u]!
    loop.position[v] = (key - u) / n
    for (let i = at[r]!, end = at[r + 1]!; i < end; i++) loop.front[f++] = cells[i]!
    for (let i = at[R + r]!, end = at[R + r + 1]!; i < end; i++) loop.back[b++] = cells[i]!
    loop.frontAt[v + 1] = f
    loop.backAt[v + 1] = b
    loop.flowM3s[v] = racks.flowM3s[r]!
    loop.riseK[v] = racks.value[r]!
  }
  return loop
}

/** Arena bytes of the rack loop (rackLoop) of these units, with its position of every cell. */
function loopBytes(g: ThermalGrid, racks: Units): number {
  const { count: R, at } = racks
  let units = 0
  let front = 0
  let back = 0
  for (let r = 0; r < R; r++) {
    if (racks.flowM3s[r]! < MIN_UNIT_FLOW_M3S) continue
    units++
    front += at[r + 1]! - at[r]!
    back += at[R + r + 1]! - at[R + r]!
  }
  return i32Bytes(padded(g).size) + i32Bytes(units) + 2 * i32Bytes(units + 1) + i32Bytes(front) + i32Bytes(back) + 3 * f64Bytes(units)
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

/** Heat leaving the hall's air: fans, openings blowing out and the leak above intake air (kernel
 *  `heatOut`: Σ outflow·(T − intakeC) over the padded cells with outflow > 0), then handler returns
 *  above their supply, kW. With intake flow = outflow, this is the first-law balance. Inflow
 *  through openings is at intakeC by construction, so it carries nothing in. */
function heatOutKW(k: Arena['kernels'], p: TemperatureInput, outflow: Float64Array, handlers: Units, t: Float64Array, rhoCp: number): number {
  let sum = k.heatOut(outflow.length, outflow.byteOffset, t.byteOffset, p.intakeC) // m³/s·K
  const H = handlers.count
  for (let h = 0; h < H; h++) {
    const from = handlers.at[H + h]!
    const to = handlers.at[H + h + 1]!
    const each = handlers.flowM3s[h]! / (to - from)
    for (let i = from; i < to; i++) sum += each * (t[handlers.cells[i]!]! - handlers.value[h]!)
  }
  return (sum * rhoCp) / 1000
}

/** The handlers' cells in one hall-indexed array (fronts, then backs: Units' layout). */
function handlerCells(f: HallFeatures): { at: Int32Array; cells: Int32Array } {
  const H = f.handlers.length
  const at = new Int32Array(2 * H + 1)
  for (let h = 0; h < H; h++) at[h + 1] = at[h]! + f.handlers[h]!.front.length
  for (let h = 0; h < H; h++) at[H + h + 1] = at[H + h]! + f.handlers[h]!.back.length
  const cells = new Int32Array(at[2 * H]!)
  for (let h = 0; h < H; h++) {
    cells.set(f.handlers[h]!.front, at[h]!)
    cells.set(f.handlers[h]!.back, at[H + h]!)
  }
  return { at, cells }
}

export function solveTemperature(p: TemperatureInput): TemperatureSolution {
  const { grid: g, features: f } = p
  const { w, size } = padded(g)
  const n = g.n
  const rhoCp = p.densityKgM3 * AIR_CP_J_PER_KG_K
  const R = f.racks.length
  const rackFlow = new Float64Array(R)
  const rackValue = new Float64Array(R)
  const { heatInKW } = f
  for (let r = 0; r < R; r++) {
    const { flowM3s, heatKW } = f.racks[r]!
    rackFlow[r] = flowM3s
    // The rise P/(ρ·cp·Q) of a rack with fans; the heat itself, W, of one without.
    rackValue[r] = flowM3s >= MIN_UNIT_FLOW_M3S ? (heatKW * 1000) / (rhoCp * flowM3s) : heatKW * 1000
  }
  const H = f.handlers.length
  const hCells = handlerCells(f)
  let lowC = p.intakeC
  for (const h of f.handlers) lowC = Math.min(lowC, h.supplyC)
  const rackCellCount = f.rackCells.cells.length
  const acc = p.acceleration === undefined ? ACCELERATION : p.acceleration
  // The sweep's arrays in the kernels' memory: the face flows, the order (and its scratch),
  // coefficients, T, the racks' sources, sink, source and outflow; the fans' sink, intakes and
  // leak (hall-indexed); the units' cells (hall-indexed and padded); the rack loop; the range and
  // T copied out. Everything read after the sweeps is copied out before the arena closes.
  const arena = new Arena(
    2 * f64Bytes(n) + 3 * i32Bytes(n) + f64Bytes(n * STRIDE) + 5 * f64Bytes(size) + 3 * f64Bytes(n) +
      2 * i32Bytes(rackCellCount) + 2 * i32Bytes(hCells.cells.length) +
      loopBytes(g, { count: R, at: f.rackCells.at, cells: f.rackCells.cells, flowM3s: rackFlow, value: rackValue }) + f64Bytes(2) + f64Bytes(n) +
      (acc ? andersonBytes(size, acc.depth) : 0),
  )
  try {
    const k = arena.kernels
    const racks: Units = { count: R, at: f.rackCells.at, cells: padCellsIn(arena, g, arena.copyI32(f.rackCells.cells)), flowM3s: rackFlow, value: rackValue }
    const handlers: Units = {
      count: H,
      at: hCells.at,
      cells: padCellsIn(arena, g, arena.copyI32(hCells.cells)),
      flowM3s: Float64Array.from(f.handlers, (h) => h.flowM3s),
      value: Float64Array.from(f.handlers, (h) => h.supplyC),
    }
    const east = arena.copyF64(p.flow.east)
    const north = arena.copyF64(p.flow.north)
    const order = downstreamOrder(arena, g, east, north)
    const a = arena.f64(size)
    const b = arena.f64(size)
    const outflow = arena.f64(size)
    boundaryTerms(arena, p, racks, handlers, rhoCp, a, b, outflow)
    // Predictor: one sweep of pure advection, which the downstream order solves in one pass (but
    // for racks that breathe their own exhaust). Starting the full sweeps from intake air instead,
    // each cell's diffusive pull towards its not-yet-swept downstream neighbours (still at intake
    // air) loses about a tenth of the heat per cell, and it takes dozens of sweeps to come back.
    const predictor = packedCoefficients(k, p, order, a, b, east, north, 0, { cell: arena.i32(n), c: arena.f64(n * STRIDE) })
    const loop = rackLoop(arena, g, racks, predictor.cell)
    const t = arena.f64(size).fill(p.intakeC)
    const back = arena.f64(size)
    let sweeps = 0
    let converged = false
    let saturated = false
    if (p.maxSweeps > 0) {
      sweep(k, predictor, loop, back, t, w, lowC)
      sweeps++
    }
    const c = packedCoefficients(k, p, order, a, b, east, north, EDDY_DIFFUSIVITY_M2S, predictor)
    // Air that circles back to racks converges one loop per sweep: on a field still unconverged
    // after acc.after sweeps, each sweep's result g = G(x) is extrapolated (Anderson) from the
    // last pairs before the next sweep; the pairs are recorded from acc.depth + 1 sweeps before.
    // The stop test reads only a sweep's own result and change, as without acceleration; so a
    // converged field is a fixed point of the sweep to the same tolerance. Safeguards: an
    // extrapolation whose sweep changes the field more (2-norm) than the sweep before it is
    // dropped with the history (the sweep's result stands, plain); a sweep that clamped a rack's
    // outlet or a cell at MAX_AIR_C (a saturating hall) is not extrapolated; nor is the last
    // sweep before the cap, so the field returned is always a sweep's result. And a field the
    // extrapolation does not speed up enough (acc.window, acc.gain) goes on with plain sweeps.
    let mixer: AndersonMixer | null = null
    let lastNorm = Infinity
    let mixed = false
    let windowNorm = Infinity
    let plainFromHere = acc === null
    while (sweeps < p.maxSweeps) {
      if (acc !== null && !plainFromHere && sweeps + acc.depth + 2 > acc.after) {
        mixer ??= new AndersonMixer(arena, size, acc.depth)
        if (!mixed) mixer.before.set(t) // (a mix wrote it)
      }
      const change = sweep(k, c, loop, back, t, w, lowC)
      sweeps++
      saturated = k.clamped.value !== 0
      // Small sweep-to-sweep change is not enough on a slow-converging field: stop only once the
      // heat leaving also matches the heat the racks put in (within BALANCE_TOLERANCE).
      if (change < p.toleranceK && (heatInKW <= 0 || Math.abs(heatOutKW(k, p, outflow, handlers, t, rhoCp) - heatInKW) <= BALANCE_TOLERANCE * heatInKW)) {
        converged = true
        break
      }
      if (!mixer || !acc || plainFromHere) continue
      // A sweep that left every value as it was, bit for bit, repeats itself from here on (each
      // rack's refresh reads the same cells, so every cell's inputs are the same): the field is
      // what the cap's sweeps would give, without running them. A saturated field there has
      // reached its fixed point: heat out falls short of heat in by what the MAX_AIR_C clamp
      // discards, which no sweep can change, so it is converged (its note is the saturation) at
      // the sweeps it took. An unsaturated one that does not balance counts as the cap's.
      if (change === 0 && k.sameWords(size, mixer.before.byteOffset, t.byteOffset) !== 0) {
        if (saturated) converged = true
        else sweeps = p.maxSweeps
        break
      }
      const wasMixed = mixed
      mixed = false
      if (saturated || k.capped.value !== 0) {
        mixer.reset()
        continue
      }
      const norm = mixer.record(t)
      if (sweeps === acc.after) windowNorm = norm
      else if (sweeps > acc.after && (sweeps - acc.after) % acc.window === 0) {
        if (!(norm * acc.gain <= windowNorm)) {
          plainFromHere = true
          continue
        }
        windowNorm = norm
      }
      if (wasMixed && !(norm < lastNorm)) {
        mixer.reset()
        mixer.record(t)
      } else if (sweeps >= acc.after && sweeps < p.maxSweeps) {
        mixer.mix(t, lowC, MAX_AIR_C)
        mixed = true
      }
      lastNorm = norm
    }
    const inlet = new Float64Array(R)
    const outlet = new Float64Array(R)
    for (let r = 0; r < R; r++) {
      inlet[r] = meanOver(t, racks.cells, racks.at[r]!, racks.at[r + 1]!)
      outlet[r] = rackFlow[r]! >= MIN_UNIT_FLOW_M3S ? Math.min(MAX_AIR_C, inlet[r]! + rackValue[r]!) : meanOver(t, racks.cells, racks.at[R + r]!, racks.at[R + r + 1]!)
    }
    // The coldest and hottest cell (in cell order), and whether any padded cell reached the clamp.
    const range = arena.f64(2)
    if (k.range(g.nx, g.ny, w, t.byteOffset, size, MAX_AIR_C, range.byteOffset) !== 0) saturated = true
    return {
      tempC: padOut(arena, g, t),
      rackInletC: inlet,
      rackOutletC: outlet,
      minC: range[0]!,
      maxC: range[1]!,
      heatOutKW: heatOutKW(k, p, outflow, handlers, t, rhoCp),
      sweeps,
      converged,
      saturated,
    }
  } finally {
    arena.close()
  }
}
