// What the 3-D airflow model solves on: a MAC grid (grid3.ts) with solid cells, and a kind for
// every face — free (air passes, the projection sets its velocity), fixed (a wall, a fan or a
// supply at a prescribed velocity), or an opening (outside pressure, air in or out as the flow
// needs it). Fans-with-heat (racks; air handlers) take air in through some faces and give it back
// through others, heated or cooled. Plain typed arrays, so a domain crosses a worker boundary.
import { faceArea, faceAxis, faceCells, type Grid3 } from './grid3'

/** Face kinds. */
export const FACE_FREE = 0
export const FACE_FIXED = 1
export const FACE_OPENING = 2
/** Between two solid cells (or a solid cell and the outside): no air, never used. */
export const FACE_CLOSED = 3

/**
 * A fan with heat: air leaves the fluid through its intake faces and comes back through its
 * exhaust faces at the same flow, at the flow-weighted mean intake temperature plus
 * heatW/(ρ·cp·Q) (a rack), or at `supplyC` when set (an air handler's coil).
 */
export interface HeatUnit {
  id: string
  intake: Int32Array
  exhaust: Int32Array
  /** Air through the unit now, m³/s: its fans' flow plus any leak (below). */
  flowM3s: number
  /** Its fans' own flow, m³/s. */
  fanFlowM3s: number
  heatW: number
  supplyC: number | null
  /** Open area beside the fans through which the pressure difference across the unit pushes
   *  more air front to back (open shelving), m², and its loss coefficient ζ (Δp = ζ·ρ·v²/2).
   *  0: none. */
  leakAreaM2: number
  leakZeta: number
}

export interface FlowDomain {
  grid: Grid3
  solid: Uint8Array
  faceKind: Uint8Array
  /** Prescribed velocity of fixed faces along the face's axis, m/s (positive: +x, +y, +z). */
  faceVelocity: Float64Array
  /** Temperature of air that enters the fluid through a boundary face (opening, supply), °C;
   *  NaN where none is set (air entering there brings the temperature of the cell it enters). */
  inflowC: Float64Array
  /** Index into `units` of the unit whose exhaust a face is; −2 − index for its intake faces;
   *  −1: none. */
  faceUnit: Int32Array
  units: HeatUnit[]
  /** Heat put straight into each cell, W. */
  heatW: Float64Array
  /** Walls where air slips (no shear), per axis of the wall's normal; else no-slip. */
  slip: [boolean, boolean, boolean]
  /** Tangential x-velocity of the y-max wall, m/s (the lid of the lid-driven cavity). */
  lidU: number
  /** Porous bodies (open shelving, porous.ts): per face, the Forchheimer coefficient K of the
   *  gaps, 1/m — a momentum sink −K·|u − u_dev|·(u − u_dev) per unit mass — and u_dev, the velocity
   *  the devices' own fans drive through the face (m/s along the face's axis). null: none. */
  porousK: Float64Array | null
  porousU: Float64Array | null
}

/** The domain's slip walls as the 3-D kernels take them (kernels3.wat): bit 0, 1, 2 for walls
 *  normal to x, y, z. */
export function slipMask(d: FlowDomain): number {
  return (d.slip[0] ? 1 : 0) | (d.slip[1] ? 2 : 0) | (d.slip[2] ? 4 : 0)
}

/** A box of air with walls all round (every boundary face fixed at 0, no-slip). */
export function createDomain(grid: Grid3): FlowDomain {
  const faceKind = new Uint8Array(grid.nFaces)
  for (let f = 0; f < grid.nFaces; f++) {
    const [a, b] = faceCells(grid, f)
    faceKind[f] = a < 0 || b < 0 ? FACE_FIXED : FACE_FREE
  }
  return {
    grid,
    solid: new Uint8Array(grid.n),
    faceKind,
    faceVelocity: new Float64Array(grid.nFaces),
    inflowC: new Float64Array(grid.nFaces).fill(Number.NaN),
    faceUnit: new Int32Array(grid.nFaces).fill(-1),
    units: [],
    heatW: new Float64Array(grid.n),
    slip: [false, false, false],
    lidU: 0,
    porousK: null,
    porousU: null,
  }
}

/** The faces of a cell: −x, +x, −y, +y, −z, +z. */
export function cellFaces(g: Grid3, c: number): [number, number, number, number, number, number] {
  const i = c % g.nx
  const r = (c - i) / g.nx
  const j = r % g.ny
  const k = (r - j) / g.ny
  const u = i + (g.nx + 1) * (j + g.ny * k)
  const v = g.nU + i + g.nx * (j + (g.ny + 1) * k)
  const w = g.nU + g.nV + i + g.nx * (j + g.ny * k)
  return [u, u + 1, v, v + g.nx, w, w + g.nx * g.ny]
}

/** Make a cell solid: its faces to air become fixed walls, the others closed. */
export function markSolid(d: FlowDomain, c: number): void {
  if (d.solid[c]) return
  d.solid[c] = 1
  for (const f of cellFaces(d.grid, c)) {
    const [a, b] = faceCells(d.grid, f)
    const other = a === c ? b : a
    d.faceVelocity[f] = 0
    d.faceKind[f] = other >= 0 && !d.solid[other] ? FACE_FIXED : FACE_CLOSED
  }
}

/** The fluid cell beside a face and the sign of a velocity that leaves it through the face
 *  (+1: the fluid cell is the lower one), or null when the face has air on both or no side. */
export function fluidSide(d: FlowDomain, f: number): { cell: number; outSign: 1 | -1 } | null {
  const [a, b] = faceCells(d.grid, f)
  const fa = a >= 0 && !d.solid[a]
  const fb = b >= 0 && !d.solid[b]
  if (fa === fb) return null
  return fa ? { cell: a, outSign: 1 } : { cell: b, outSign: -1 }
}

/** A boundary face (to a wall, a solid or the outside) with air leaving the fluid at `outMs`
 *  (negative: entering, at `inflowC`). */
export function setFixedFlow(d: FlowDomain, f: number, outMs: number, inflowC = Number.NaN): boolean {
  const side = fluidSide(d, f)
  if (!side) return false
  d.faceKind[f] = FACE_FIXED
  d.faceVelocity[f] = side.outSign * outMs
  d.inflowC[f] = inflowC
  return true
}

/** A boundary face open to the outside (pressure 0), outside air at `inflowC`. */
export function setOpening(d: FlowDomain, f: number, inflowC: number): boolean {
  const [a, b] = faceCells(d.grid, f)
  if (a >= 0 && b >= 0) return false
  if (!fluidSide(d, f)) return false
  d.faceKind[f] = FACE_OPENING
  d.faceVelocity[f] = 0
  d.inflowC[f] = inflowC
  return true
}

/** Add a fan-with-heat on given intake and exhaust faces (boundary faces of the fluid), each
 *  side at the unit's flow spread evenly over its faces' area. Returns the unit's index, or −1
 *  when either side has no usable face. */
export function addHeatUnit(d: FlowDomain, id: string, intake: number[], exhaust: number[], flowM3s: number, heatW: number, supplyC: number | null = null): number {
  const g = d.grid
  const okIn = [...new Set(intake)].filter((f) => fluidSide(d, f) && d.faceUnit[f] === -1)
  const taken = new Set(okIn)
  const okOut = [...new Set(exhaust)].filter((f) => fluidSide(d, f) && d.faceUnit[f] === -1 && !taken.has(f))
  if (okIn.length === 0 || okOut.length === 0) return -1
  const area = (faces: number[]) => faces.reduce((s, f) => s + faceArea(g, faceAxis(g, f)), 0)
  const vin = flowM3s / area(okIn)
  const vout = flowM3s / area(okOut)
  const index = d.units.length
  for (const f of okIn) {
    setFixedFlow(d, f, vin)
    d.faceUnit[f] = -2 - index
  }
  for (const f of okOut) {
    setFixedFlow(d, f, -vout)
    d.faceUnit[f] = index
  }
  d.units.push({ id, intake: Int32Array.from(okIn), exhaust: Int32Array.from(okOut), flowM3s, fanFlowM3s: flowM3s, heatW, supplyC, leakAreaM2: 0, leakZeta: 1 })
  return index
}

/** Set the air through a unit (its fans plus a leak), spread evenly over each side's faces;
 *  writes the prescribed velocities and, when given, the live velocity field. */
export function setUnitFlow(d: FlowDomain, index: number, flowM3s: number, vel?: Float64Array): void {
  const g = d.grid
  const u = d.units[index]!
  u.flowM3s = flowM3s
  for (const [faces, sign] of [[u.intake, 1], [u.exhaust, -1]] as const) {
    let area = 0
    for (const f of faces) area += faceArea(g, faceAxis(g, f))
    for (const f of faces) {
      const side = fluidSide(d, f)
      if (!side) continue
      const v = (side.outSign * sign * flowM3s) / area
      d.faceVelocity[f] = v
      if (vel) vel[f] = v
    }
  }
}
