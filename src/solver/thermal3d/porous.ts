// Porous shelves: open mining shelving as air cells with a resistance, not a solid body. Air
// passes through a shelf's gaps in any direction (front to back, back to front, along the row,
// up through the tiers) against a Darcy–Forchheimer sink, and the devices' fans drive their own
// flow through it front to back; their heat goes into the shelf's cells.
//
// Momentum (momentum.ts): on every free face of a porous cell a sink −K·|u − u_dev|·(u − u_dev)
// per unit mass: u_dev is the velocity of the devices' fans across the face (only on the faces
// normal to the shelf's depth), u − u_dev the air through the gaps. At a steady state with a
// pressure difference Δp across a shelf of depth t on the grid the gaps pass
//   u_gap = sign(Δp)·√(2|Δp|/(ρ·ζ)),   K = ζ/(2·t)
// (the sink integrated over the faces' control volumes, half a cell on each side of a face, sums
// to t·K·u_gap·|u_gap| = Δp/ρ): a perforated plate of loss coefficient ζ referred to the face
// velocity, with the devices' flow on top. ζ from the open share of the face: Idelchik (Handbook
// of Hydraulic Resistance, 3rd ed., diagram 8-1, thin sharp-edged perforated plate, Re > 10⁵)
//   ζ = (0.707·√(1 − f) + 1 − f)²/f²
// f = 0.25 (the 2-D field's ENCLOSURE_LEAKAGE of a shelf) → ζ = 29.7.
//
// Temperature: the shelf's cells are air; the devices' heat is a source in them, so the air
// leaving a shelf is the air that entered it (devices' and gaps' together) + P/(ρ·c_p·Q). A rack's
// inlet is the flow-weighted temperature of the air entering its cells from the hall (not from the
// next shelf of the row, whose air is already heated), its outlet that of the air leaving them to
// the hall (porousReadout); shelves narrower than a cell that share cells are read out together. When less air passes than the devices move, the gaps
// return the difference from the rear and the devices breathe it: the inlet is then the outlet −
// P/(ρ·c_p·Q_devices). The aisle's eddy diffusivity does not act
// across a shelf's faces (temperature.ts): only the air through it carries heat.
import { cellFaces, FACE_FREE, FACE_OPENING, type FlowDomain } from './domain'
import { faceArea, faceAxis, faceCells } from './grid3'
// The face kinds as local constants: read in the per-face loops, where an imported binding costs a
// getter call per read under the test runner's module transform (tsx, vitest).
const FREE = FACE_FREE
const OPENING = FACE_OPENING

/** Loss coefficient of a thin sharp-edged perforated plate with open share f of its face,
 *  referred to the velocity of the air approaching the face: Idelchik, Handbook of Hydraulic
 *  Resistance, diagram 8-1 (Re > 10⁵). */
export function perforatedPlateZeta(openShare: number): number {
  if (!(openShare > 0 && openShare <= 1)) throw new Error(`openShare: expected a share in (0, 1], got ${openShare}`)
  const f = openShare
  return (0.707 * Math.sqrt(1 - f) + 1 - f) ** 2 / (f * f)
}

/** The smallest gap speed the linearised sink uses, m/s: keeps the devices' flow held near a
 *  zero pressure difference (a Darcy floor of 0.02 m/s: a sink 2 % of the quadratic one at 1 m/s). */
export const POROUS_FLOOR_MS = 0.02

/** One shelf as a porous body. */
export interface PorousBodySpec {
  cells: number[]
  /** The devices' flow, m³/s, along `axis` (0 x, 1 y) in the direction `sign`. */
  flowM3s: number
  axis: 0 | 1
  sign: 1 | -1
  heatW: number
  /** Loss coefficient of the shelf across its depth, referred to the face velocity. */
  zeta: number
}

export interface PorousShelves {
  /** 1 for a cell of shelving. */
  isPorous: Uint8Array
  /** Each body's cells (a cell shared by two narrow shelves belongs to both). */
  cells: number[][]
  /** Each body's devices' flow, m³/s. */
  flowM3s: number[]
  /** Bodies that share cells are read out together: each body's group, the group's cells and
   *  its devices' flow. */
  group: number[]
  groupCells: number[][]
  groupFlowM3s: number[]
}

/** Turn the bodies' cells into porous air: their heat into the cells (split evenly over each
 *  body's cells), K and u_dev on their free faces. */
export function buildPorousShelves(d: FlowDomain, bodies: readonly PorousBodySpec[]): PorousShelves {
  const g = d.grid
  const isPorous = new Uint8Array(g.n)
  const K = (d.porousK ??= new Float64Array(g.nFaces))
  const U = (d.porousU ??= new Float64Array(g.nFaces))
  const kCell = new Float64Array(g.n)
  const qCell = new Float64Array(g.n)
  const axisCell = new Int8Array(g.n).fill(-1)
  const hs = [g.dx, g.dy, g.dz]
  for (const b of bodies) {
    if (b.cells.length === 0) continue
    // Thickness of the body on the grid along its depth: its distinct layers along that axis.
    const layers = new Set<number>()
    for (const c of b.cells) {
      const i = c % g.nx
      const j = ((c - i) / g.nx) % g.ny
      layers.add(b.axis === 0 ? i : j)
    }
    const t = layers.size * hs[b.axis]!
    const k = b.zeta / (2 * t)
    // Flow per column of cells across the depth: the body's front area on the grid.
    const columns = b.cells.length / layers.size
    const each = b.flowM3s / columns
    for (const c of b.cells) {
      isPorous[c] = 1
      kCell[c] = Math.max(kCell[c]!, k)
      d.heatW[c] = d.heatW[c]! + b.heatW / b.cells.length
      if (axisCell[c] === -1 || axisCell[c] === b.axis) {
        axisCell[c] = b.axis
        qCell[c] = qCell[c]! + b.sign * each
      }
    }
  }
  const count = new Uint8Array(g.nFaces)
  for (let c = 0; c < g.n; c++) {
    if (!isPorous[c] || d.solid[c]) continue
    cellFaces(g, c).forEach((f, m) => {
      if (d.faceKind[f] !== FREE && d.faceKind[f] !== OPENING) return
      K[f] = K[f]! + 0.5 * kCell[c]!
      const axis = m >> 1
      if (axis === axisCell[c]) {
        U[f] = U[f]! + qCell[c]! / faceArea(g, axis as 0 | 1 | 2)
        count[f] = count[f]! + 1
      }
    })
  }
  for (let f = 0; f < g.nFaces; f++) if (count[f]! > 1) U[f] = U[f]! / count[f]!
  // Groups: bodies that share a cell (narrower than a cell on this grid).
  const parent = bodies.map((_, m) => m)
  const find = (m: number): number => {
    while (parent[m] !== m) m = parent[m] = parent[parent[m]!]!
    return m
  }
  const ownerOf = new Map<number, number>()
  bodies.forEach((b, m) => {
    for (const c of b.cells) {
      const o = ownerOf.get(c)
      if (o === undefined) ownerOf.set(c, m)
      else parent[find(m)] = find(o)
    }
  })
  const index = new Map<number, number>()
  const groupCells: number[][] = []
  const groupFlowM3s: number[] = []
  const group = bodies.map((b, m) => {
    const root = find(m)
    let gi = index.get(root)
    if (gi === undefined) {
      gi = groupCells.length
      index.set(root, gi)
      groupCells.push([])
      groupFlowM3s.push(0)
    }
    groupCells[gi]!.push(...b.cells)
    groupFlowM3s[gi] = groupFlowM3s[gi]! + b.flowM3s
    return gi
  })
  return { isPorous, cells: bodies.map((b) => b.cells), flowM3s: bodies.map((b) => b.flowM3s), group, groupCells: groupCells.map((c) => [...new Set(c)]), groupFlowM3s }
}

/** A porous rack's read-out from a flow and temperature field: over the cells of its group, the
 *  flow-weighted temperature of the air entering them (the devices' inlet, with what they
 *  re-breathe when the gaps run backwards) and of the air leaving them (outlet), and the flow
 *  through the rack, m³/s (its devices' share of the group's). */
export function porousReadout(
  d: FlowDomain,
  shelves: PorousShelves,
  body: number,
  vel: Float64Array,
  tempC: Float64Array | Float32Array,
): { inletC: number; outletC: number; flowM3s: number } {
  const g = d.grid
  const group = shelves.group[body]!
  const own = new Set(shelves.groupCells[group])
  let qIn = 0
  let tIn = 0
  let qOut = 0
  let tOut = 0
  for (const c of own) {
    for (const f of cellFaces(g, c)) {
      if (d.faceKind[f] !== FREE) continue
      const [lo, hi] = faceCells(g, f)
      const nb = lo === c ? hi : lo
      // Air from or to the next shelf of the row is air inside the row, already heated: neither
      // what the devices breathe nor what the row gives the hall.
      if (nb < 0 || d.solid[nb] || shelves.isPorous[nb]) continue
      // Flow out of the rack's cell through this face.
      const F = (lo === c ? 1 : -1) * vel[f]! * faceArea(g, faceAxis(g, f))
      if (F < 0) ((qIn -= F), (tIn -= F * tempC[nb]!))
      else if (F > 0) ((qOut += F), (tOut += F * tempC[c]!))
    }
  }
  const mean = own.size > 0 ? [...own].reduce((s, c) => s + tempC[c]!, 0) / own.size : 0
  const entering = qIn > 0 ? tIn / qIn : mean
  const outletC = qOut > 0 ? tOut / qOut : mean
  // Less air through the shelves than their devices move: the rest comes back through the gaps,
  // from the rear, inside the cells — the devices breathe it with the air entering:
  // T_dev = T_entering + (1 − Q/Q_dev)·(T_out − T_entering) = T_out − P/(ρ·c_p·Q_dev).
  const qDev = shelves.groupFlowM3s[group]!
  const inletC = qIn < qDev ? entering + (1 - qIn / qDev) * (outletC - entering) : entering
  // Shelves read out together share the flow by their devices' flow.
  return { inletC, outletC, flowM3s: qDev > 0 ? (qIn * shelves.flowM3s[body]!) / qDev : 0 }
}
