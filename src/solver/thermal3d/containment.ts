// Aisle containment in the 3-D airflow model. The aisle between two parallel rows — their rears
// facing it (hot aisle) or their fronts (cold aisle) — is the air between the rows' faces along
// the rows' joint length, from the floor to the racks' top. Enclosed: a panel one cell thick
// closes each end from the floor to the roof, and a roof one cell thick covers the aisle at the
// racks' top (solid cells: no air, adiabatic, no-slip like any solid). Its duct is the underside of
// that roof: faces open to outside pressure (an opening, φ = 0, as the intake pads), through which
// a hot aisle's air leaves for the exhaust fans and a cold aisle draws air at the intake
// temperature; the racks' fans move the air, the duct has no loss of its own (approx). Not
// enclosed: no panels and no roof; the duct is the hall's ceiling over the aisle (a grille).
import type { Box } from '../../model/layout'
import { markSolid, setOpening, FACE_OPENING, type FlowDomain } from './domain'
import { cellIndex, wIndex } from './grid3'

export interface AisleSpec {
  kind: 'hot' | 'cold'
  enclosed: boolean
  rows: [string, string]
  boxesA: Box[]
  boxesB: Box[]
}

export interface BuiltAisle {
  kind: 'hot' | 'cold'
  enclosed: boolean
  rows: [string, string]
  /** The duct faces: local extracts (hot) or supplies (cold). */
  ductFaces: number[]
  /** Air cells of the aisle. */
  cells: number[]
}

/** Top layer of a set of boxes as boxCells counts it (cells below it are the boxes'). */
function topLayer(dz: number, boxes: Box[]): number {
  return Math.max(1, ...boxes.map((b) => Math.round((b.elevationM + b.heightM) / dz)))
}

/**
 * Mark the aisle's panels and roof solid (enclosed) and open its duct, with air entering through
 * the duct at `inflowC`. Call after the racks are solid and before their faces become units.
 * Returns the aisle, or a reason it could not be built.
 */
export function buildAisle(d: FlowDomain, spec: AisleSpec, inflowC: number): BuiltAisle | string {
  const g = d.grid
  const name = `aisle ${spec.rows[0]} | ${spec.rows[1]}`
  const a0 = spec.boxesA[0]
  const b0 = spec.boxesB[0]
  if (!a0 || !b0) return `${name}: a row has no enclosures`
  const u = { x: Math.cos(a0.rotationRad), y: Math.sin(a0.rotationRad) }
  const n = { x: -u.y, y: u.x }
  const nB = { x: -Math.sin(b0.rotationRad), y: Math.cos(b0.rotationRad) }
  const parallel = n.x * nB.x + n.y * nB.y
  if (Math.abs(parallel) < 0.99) return `${name}: the rows are not parallel`
  const across = (boxes: Box[]) => {
    let lo = Infinity
    let hi = -Infinity
    for (const b of boxes) {
      const c = b.cx * n.x + b.cy * n.y
      lo = Math.min(lo, c - b.depthM / 2)
      hi = Math.max(hi, c + b.depthM / 2)
    }
    return { lo, hi }
  }
  const A = across(spec.boxesA)
  const B = across(spec.boxesB)
  // The gap between the rows, and the side of A it lies on (+1: along A's normal, its rear).
  const aBelow = A.hi <= B.lo
  if (!aBelow && !(B.hi <= A.lo)) return `${name}: the rows overlap`
  const gapLo = aBelow ? A.hi : B.hi
  const gapHi = aBelow ? B.lo : A.lo
  const sideA = aBelow ? 1 : -1
  // A's rear is +n; B's rear is +nB = parallel·n (in A's frame), and the gap lies at −sideA from B.
  const rearA = sideA > 0
  const rearB = parallel * -sideA > 0
  const wantRear = spec.kind === 'hot'
  if (rearA !== wantRear || rearB !== wantRear) return `${name}: a ${spec.kind} aisle needs both rows' ${wantRear ? 'rears' : 'fronts'} towards it`
  let along0 = Infinity
  let along1 = -Infinity
  for (const b of [...spec.boxesA, ...spec.boxesB]) {
    const c = b.cx * u.x + b.cy * u.y
    along0 = Math.min(along0, c - b.widthM / 2)
    along1 = Math.max(along1, c + b.widthM / 2)
  }
  const kTop = topLayer(g.dz, [...spec.boxesA, ...spec.boxesB])
  const h = Math.max(g.dx, g.dy)
  const plan: [number, number][] = []
  const ends: [number, number][] = []
  for (let j = 0; j < g.ny; j++) {
    for (let i = 0; i < g.nx; i++) {
      const px = g.originX + (i + 0.5) * g.dx
      const py = g.originY + (j + 0.5) * g.dy
      const b = px * n.x + py * n.y
      if (b <= gapLo || b >= gapHi) continue
      const a = px * u.x + py * u.y
      if (a >= along0 && a <= along1) plan.push([i, j])
      else if (a >= along0 - h && a <= along1 + h) ends.push([i, j])
    }
  }
  const cells: number[] = []
  for (const [i, j] of plan) for (let k = 0; k < Math.min(kTop, g.nz); k++) if (!d.solid[cellIndex(g, i, j, k)]) cells.push(cellIndex(g, i, j, k))
  if (cells.length === 0) return `${name}: narrower than a cell (${(gapHi - gapLo).toFixed(2)} m between the rows): not modelled`
  const ductFaces: number[] = []
  if (spec.enclosed) {
    const kRoof = Math.min(kTop, g.nz - 1)
    for (const [i, j] of ends) for (let k = 0; k <= kRoof; k++) markSolid(d, cellIndex(g, i, j, k))
    if (kTop < g.nz) {
      for (const [i, j] of plan) markSolid(d, cellIndex(g, i, j, kTop))
      for (const [i, j] of plan) {
        const below = cellIndex(g, i, j, kTop - 1)
        if (d.solid[below]) continue
        // The face under the roof cell: the air below is its lower cell, so the projection's
        // opening gradient (−φ_below/(h/2)) and the temperature's inflow both apply.
        const f = wIndex(g, i, j, kTop)
        d.faceKind[f] = FACE_OPENING
        d.faceVelocity[f] = 0
        d.inflowC[f] = inflowC
        ductFaces.push(f)
      }
    } else {
      for (const [i, j] of plan) if (setOpening(d, wIndex(g, i, j, g.nz), inflowC)) ductFaces.push(wIndex(g, i, j, g.nz))
    }
  } else {
    for (const [i, j] of plan) if (setOpening(d, wIndex(g, i, j, g.nz), inflowC)) ductFaces.push(wIndex(g, i, j, g.nz))
  }
  if (ductFaces.length === 0) return `${name}: no free cell under its duct`
  return { kind: spec.kind, enclosed: spec.enclosed, rows: spec.rows, ductFaces, cells: cells.filter((c) => !d.solid[c]) }
}
