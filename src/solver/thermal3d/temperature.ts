// Air temperature: implicit first-order upwind finite volumes on the cells (the implicit upwind
// scheme of Han et al. 2020's FFD variant), with the face fluxes of the projected velocity, the
// effective diffusivity ν/Pr + ν_t/Pr_t, heat sources, and the fans-with-heat: a unit's intake
// faces carry the cell air out, its exhaust faces bring it back at the flow-weighted mean intake
// temperature + heat/(ρ·cp·Q) (or at its coil's supply temperature). Conservative: each face's
// flux enters the two cells beside it with opposite signs, so the heat the air carries out of the
// hall equals the heat put in up to the linear solver's residual (energy balance, docs/airflow3d.md).
// Gauss–Seidel sweeps, alternating direction; `dt` adds the time term V/Δt (Infinity: steady).
import { FACE_CLOSED, FACE_FREE, type FlowDomain } from './domain'
import { Memory3, type Kernels3 } from './kernels3'
import { faceArea, faceAxis, faceCells } from './grid3'
// The face kinds as local constants: read in the per-face loops, where an imported binding costs a
// getter call per read under the test runner's module transform (tsx, vitest).
const FREE = FACE_FREE
const CLOSED = FACE_CLOSED

export interface TemperatureSystem {
  /** Coupling to the −x, +x, −y, +y, −z, +z neighbour, per cell (m³/s). */
  a: Float64Array
  aP: Float64Array
  b: Float64Array
  /** Per unit: flow-weighted exhaust temperature, °C. */
  unitOutC: Float64Array
  unitInC: Float64Array
  /** Per-sweep source of the units' exhausts. */
  extra: Float64Array
  /** The temperatures while the sweep kernel works on them. */
  t: Float64Array
  /** The 3-D kernels whose memory holds a, aP, b, extra and t (kernels3.ts). */
  kernels: Kernels3
  /** What the assembly kernel reads, copied in by assembleTemperature: the face velocities, eddy
   *  viscosity, last temperatures and the domain's arrays (null: a system made without faces,
   *  which cannot be assembled). */
  input: TemperatureInput | null
}

interface TemperatureInput {
  vel: Float64Array
  nuT: Float64Array
  prev: Float64Array
  heatW: Float64Array
  kind: Uint8Array
  solid: Uint8Array
  porousK: Float64Array
  faceUnit: Int32Array
  inflowC: Float64Array
}

export interface AirProps {
  densityKgM3: number
  cpJPerKgK: number
  /** Molecular and turbulent Prandtl numbers. */
  prandtl: number
  prandtlT: number
  nu: number
}

/** The system of n cells and `units` fans-with-heat; `faces` > 0 (the grid's faces) makes room
 *  for assembleTemperature's inputs. */
export function createTemperatureSystem(n: number, units: number, faces = 0): TemperatureSystem {
  const mem = new Memory3(10 * n + (faces > 0 ? 3 * n + Math.ceil(n / 8) + 3 * faces + Math.ceil(faces / 8) + Math.ceil(faces / 2) : 0))
  const sys = { a: mem.f64(6 * n), aP: mem.f64(n), b: mem.f64(n), unitOutC: new Float64Array(units), unitInC: new Float64Array(units), extra: mem.f64(n), t: mem.f64(n), kernels: mem.kernels }
  if (faces <= 0) return { ...sys, input: null }
  const input = { vel: mem.f64(faces), nuT: mem.f64(n), prev: mem.f64(n), heatW: mem.f64(n), kind: mem.u8(faces), solid: mem.u8(n), porousK: mem.f64(faces), faceUnit: mem.i32(faces), inflowC: mem.f64(faces) }
  return { ...sys, input }
}

/** Assemble the coefficients for the current velocities, eddy viscosity and time step: the kernel
 *  assembleTemperature (kernels3.wat), which says term by term what it adds. `domainLoaded`: the
 *  domain's arrays it reads (heat, face kinds, solids, porous K, the units' faces, inflow
 *  temperatures) are in `sys` already, from an earlier call with this domain unchanged since (a
 *  run's steps: ffd.ts), and are not copied again. */
export function assembleTemperature(d: FlowDomain, vel: Float64Array, nuT: Float64Array, air: AirProps, dt: number, prevC: Float64Array, sys: TemperatureSystem, domainLoaded = false): void {
  const g = d.grid
  const inp = sys.input
  if (!inp || inp.vel.length !== g.nFaces || inp.prev.length !== g.n) throw new Error(`assembleTemperature: the system was not made for this grid's ${g.n} cells and ${g.nFaces} faces (createTemperatureSystem(n, units, faces))`)
  sys.a.fill(0)
  inp.vel.set(vel)
  inp.nuT.set(nuT)
  inp.prev.set(prevC)
  const porous = d.porousK !== null
  if (!domainLoaded) {
    inp.heatW.set(d.heatW)
    inp.kind.set(d.faceKind)
    inp.solid.set(d.solid)
    if (porous) inp.porousK.set(d.porousK!)
    inp.faceUnit.set(d.faceUnit)
    inp.inflowC.set(d.inflowC)
  }
  sys.kernels.assembleTemperature(
    g.nx, g.ny, g.nz, g.dx, g.dy, g.dz, dt, air.densityKgM3 * air.cpJPerKgK, air.nu / air.prandtl, air.prandtlT, FREE, CLOSED, porous ? 1 : 0,
    inp.vel.byteOffset, inp.nuT.byteOffset, inp.prev.byteOffset, inp.heatW.byteOffset, inp.kind.byteOffset, inp.solid.byteOffset, inp.porousK.byteOffset, inp.faceUnit.byteOffset, inp.inflowC.byteOffset,
    sys.a.byteOffset, sys.aP.byteOffset, sys.b.byteOffset,
  )
}

/** Update every unit's intake and exhaust temperature from the current field. */
function unitTemperatures(d: FlowDomain, vel: Float64Array, t: Float64Array, air: AirProps, sys: TemperatureSystem): void {
  const g = d.grid
  const rhoCp = air.densityKgM3 * air.cpJPerKgK
  d.units.forEach((u, idx) => {
    let q = 0
    let qt = 0
    for (const f of u.intake) {
      const [lo, hi] = faceCells(g, f)
      const cell = lo >= 0 && !d.solid[lo] ? lo : hi
      const F = Math.abs(vel[f]!) * faceArea(g, faceAxis(g, f))
      q += F
      qt += F * t[cell]!
    }
    const inC = q > 0 ? qt / q : 0
    sys.unitInC[idx] = inC
    sys.unitOutC[idx] = u.supplyC ?? (u.flowM3s > 0 ? inC + u.heatW / (rhoCp * u.flowM3s) : inC)
  })
}

/** Gauss–Seidel sweeps until no cell changes by more than tolK, alternating direction (each the
 *  kernel sweepTemperature, kernels3.wat). Returns sweeps done and the last max change. */
export function solveTemperatureSweeps(d: FlowDomain, vel: Float64Array, tOut: Float64Array, air: AirProps, sys: TemperatureSystem, maxSweeps: number, tolK: number): { sweeps: number; changeK: number } {
  const g = d.grid
  const { nx, ny, nz } = g
  const { a, aP, b } = sys
  const t = sys.t
  t.set(tOut)
  // Exhaust faces of every unit with their cell and inflow flux, for the per-sweep source.
  const exCell: number[] = []
  const exFlux: number[] = []
  const exUnit: number[] = []
  d.units.forEach((u, idx) => {
    for (const f of u.exhaust) {
      const [lo, hi] = faceCells(g, f)
      exCell.push(lo >= 0 && !d.solid[lo] ? lo : hi)
      exFlux.push(Math.abs(vel[f]!) * faceArea(g, faceAxis(g, f)))
      exUnit.push(idx)
    }
  })
  const extra = sys.extra
  let change = Infinity
  let s = 0
  while (s < maxSweeps) {
    s++
    unitTemperatures(d, vel, t, air, sys)
    extra.fill(0)
    for (let m = 0; m < exCell.length; m++) extra[exCell[m]!] = extra[exCell[m]!]! + exFlux[m]! * sys.unitOutC[exUnit[m]!]!
    change = sys.kernels.sweepTemperature(nx, ny, nz, s % 2 === 1 ? 1 : 0, aP.byteOffset, a.byteOffset, b.byteOffset, extra.byteOffset, t.byteOffset)
    if (change <= tolK) break
  }
  unitTemperatures(d, vel, t, air, sys)
  tOut.set(t)
  return { sweeps: s, changeK: change }
}

/** Heat balance of a field: heat in (sources, racks) against heat taken out — what the air
 *  carries out through the domain's boundary faces (relative to `refC`) plus what coils remove, W. */
export function heatBalance(d: FlowDomain, vel: Float64Array, t: Float64Array, air: AirProps, sys: TemperatureSystem, refC: number): { heatInW: number; heatOutW: number } {
  const g = d.grid
  const rhoCp = air.densityKgM3 * air.cpJPerKgK
  let heatInW = 0
  for (let c = 0; c < g.n; c++) if (!d.solid[c]) heatInW += d.heatW[c]!
  let heatOutW = 0
  d.units.forEach((u, idx) => {
    if (u.supplyC === null) heatInW += u.heatW
    else heatOutW += rhoCp * u.flowM3s * (sys.unitInC[idx]! - sys.unitOutC[idx]!)
  })
  for (let f = 0; f < g.nFaces; f++) {
    const kind = d.faceKind[f]
    if (kind === CLOSED || kind === FREE) continue
    if (d.faceUnit[f] !== -1) continue
    const [lo, hi] = faceCells(g, f)
    const fl = lo >= 0 && !d.solid[lo]
    const fh = hi >= 0 && !d.solid[hi]
    if (fl === fh) continue
    const cell = fl ? lo : hi
    const F = (fl ? 1 : -1) * vel[f]! * faceArea(g, faceAxis(g, f))
    if (F > 0) heatOutW += rhoCp * F * (t[cell]! - refC)
    else if (F < 0) {
      const inC = Number.isFinite(d.inflowC[f]!) ? d.inflowC[f]! : t[cell]!
      heatOutW += rhoCp * F * (inC - refC)
    }
  }
  return { heatInW, heatOutW }
}
