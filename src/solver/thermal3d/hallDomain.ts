// From a Halltwin hall to the 3-D model's domain: the hall's air volume on a MAC grid (walls all
// round, the roof at the hall's height), intake openings (evaporative pads, else the wall
// opposite the fans) at outside pressure, exhaust fans as fixed outflow through the wall faces
// they cover, racks as solid bodies that are fans-with-heat (air in at the front face, out at the
// rear face at the devices' airflow, heated by the rack's air-side heat; enclosures that leak —
// open shelves most — pass more air front to back as the pressure across them pushes it through
// the 2-D field's leak share of their face, ffd.ts updateLeaks), air handlers (CRAH) as
// solid bodies taking return air at their back and supplying at their front at their setpoint.
import type { Catalog } from '../../model/catalog'
import { coolingBoxes, rowRackBoxes, type Box } from '../../model/layout'
import type { SolverParams } from '../../model/params'
import type { Hall } from '../../model/sceneSchema'
import type { RowLoad } from '../loads'
import { ENCLOSURE_LEAKAGE } from '../thermal/features'
import { addHeatUnit, cellFaces, createDomain, fluidSide, markSolid, setFixedFlow, setOpening, type FlowDomain } from './domain'
import { cellIndex, faceArea, faceAxis, makeGrid3, type Grid3 } from './grid3'
import type { RearDoorCoil, UnitCoil } from './coils'
import { buildAisle, type BuiltAisle } from './containment'
import { buildPorousShelves, perforatedPlateZeta, type PorousBodySpec, type PorousShelves } from './porous'

/** Loss coefficient of the open area of an enclosure, Δp = ζ·ρ·v²/2: a sharp-edged opening with
 *  a discharge coefficient ≈ 0.6, ζ = 1/0.6² ≈ 2.8 (Idelchik, Handbook of Hydraulic Resistance,
 *  orifices; approx). */
export const LEAK_ZETA = 2.8

/** How open shelving (enclosure kind 'shelf') is modelled. 'porous' (porous.ts): air cells with the
 *  resistance of a perforated plate of open share `openShare` (default the 2-D field's
 *  ENCLOSURE_LEAKAGE.shelf), ζ by Idelchik unless `zeta` is given, the devices' fans driving their
 *  flow through it. 'solid-leak': a solid body, the devices a fan-with-heat on its faces, plus a
 *  front-to-back leak through `openShare` of the face at loss `zeta` (default LEAK_ZETA, referred to
 *  the leak's own velocity). Racks and tanks are always solid with their leak. */
export interface ShelfModel {
  kind: 'porous' | 'solid-leak'
  openShare?: number
  zeta?: number
}

/** A rack of the hall and its unit in the domain (−1 when it could not be placed). */
export interface RackRef {
  rowId: string
  index: number
  unit: number
  heatKW: number
  flowM3s: number
  /** A rack with no unit: the air cell its inlet is read from (−1: none). */
  probeCell: number
  /** Its rear-door coil, if any. */
  rearDoor: RearDoorCoil | null
  /** A porous shelf: its index in HallDomain.porous (−1: none). */
  porous: number
}

export interface HallDomain {
  domain: FlowDomain
  racks: RackRef[]
  /** Exhaust-fan flow the domain takes out, m³/s. */
  fanFlowM3s: number
  /** Units with rear-door coils: their racks' heat and the coils (duty set by coils.ts). */
  coils: UnitCoil[]
  /** Contained aisles (and open aisles with a duct) and their duct faces. */
  aisles: BuiltAisle[]
  /** Porous shelves (porous.ts), or null when none. */
  porous: PorousShelves | null
  notes: string[]
}

export interface HallGridSpec {
  /** Target plan cell edge and layer height, m. */
  cellM: number
  layerM: number
}

/** The grid fitted to the hall: whole cells, as close to the target sizes as the hall allows. */
export function hallGrid3(hall: Hall, spec: HallGridSpec): Grid3 {
  const nx = Math.max(2, Math.round(hall.lengthM / spec.cellM))
  const ny = Math.max(2, Math.round(hall.widthM / spec.cellM))
  const nz = Math.max(2, Math.round(hall.heightM / spec.layerM))
  return makeGrid3(nx, ny, nz, hall.lengthM / nx, hall.widthM / ny, hall.heightM / nz, hall.origin.x, hall.origin.y, 0)
}

interface Frame {
  ux: number
  uy: number
  nx: number
  ny: number
}

const frame = (b: Box): Frame => ({ ux: Math.cos(b.rotationRad), uy: Math.sin(b.rotationRad), nx: -Math.sin(b.rotationRad), ny: Math.cos(b.rotationRad) })

/** Cells a box occupies: every cell whose centre is inside, and at least the cells along its
 *  centre line (a box thinner than a cell still blocks one cell), up to its top. */
export function boxCells(g: Grid3, box: Box): number[] {
  const f = frame(box)
  const out = new Set<number>()
  const kTop = Math.max(1, Math.round((box.elevationM + box.heightM) / g.dz))
  const kBase = Math.min(kTop - 1, Math.max(0, Math.round(box.elevationM / g.dz)))
  const reach = Math.hypot(box.widthM, box.depthM) / 2 + Math.max(g.dx, g.dy)
  const i0 = Math.max(0, Math.floor((box.cx - reach - g.originX) / g.dx))
  const i1 = Math.min(g.nx - 1, Math.floor((box.cx + reach - g.originX) / g.dx))
  const j0 = Math.max(0, Math.floor((box.cy - reach - g.originY) / g.dy))
  const j1 = Math.min(g.ny - 1, Math.floor((box.cy + reach - g.originY) / g.dy))
  const plan: [number, number][] = []
  for (let j = j0; j <= j1; j++) {
    for (let i = i0; i <= i1; i++) {
      const px = g.originX + (i + 0.5) * g.dx - box.cx
      const py = g.originY + (j + 0.5) * g.dy - box.cy
      const a = px * f.ux + py * f.uy
      const b = px * f.nx + py * f.ny
      if (Math.abs(a) <= box.widthM / 2 && Math.abs(b) <= box.depthM / 2) plan.push([i, j])
    }
  }
  if (plan.length === 0) {
    const steps = Math.max(1, Math.ceil(box.widthM / Math.min(g.dx, g.dy)))
    for (let s = 0; s < steps; s++) {
      const a = ((s + 0.5) / steps - 0.5) * box.widthM
      // A hair past the cell's lower edge: a row whose centre line lies on a cell edge must not
      // land in two rows of cells from the rounding of cos/sin (sin π ≈ 1.2·10⁻¹⁶), which would
      // box some of its racks in.
      const i = Math.floor((box.cx + a * f.ux - g.originX) / g.dx + 1e-9)
      const j = Math.floor((box.cy + a * f.uy - g.originY) / g.dy + 1e-9)
      if (i >= 0 && j >= 0 && i < g.nx && j < g.ny) plan.push([i, j])
    }
  }
  for (const [i, j] of plan) for (let k = kBase; k < Math.min(kTop, g.nz); k++) out.add(cellIndex(g, i, j, k))
  return [...out]
}

/** Faces of a set of solid cells to air whose outward normal points along (dx, dy) in plan
 *  (dot > 0.5). */
function facesTowards(d: FlowDomain, cells: number[], dirX: number, dirY: number): number[] {
  const g = d.grid
  const normals: [number, number][] = [
    [-1, 0],
    [1, 0],
    [0, -1],
    [0, 1],
    [0, 0],
    [0, 0],
  ]
  const out: number[] = []
  for (const c of cells) {
    cellFaces(g, c).forEach((f, m) => {
      const [nx, ny] = normals[m]!
      if (nx * dirX + ny * dirY <= 0.5) return
      const side = fluidSide(d, f)
      if (side && side.cell !== c) out.push(f)
    })
  }
  return out
}

/** Boundary faces of the grid on the wall nearest a box, whose centres lie in the box's extent
 *  along the wall and in height (the face nearest the box centre when none does). */
function wallFaces(g: Grid3, box: Box): number[] {
  const x0 = g.originX
  const y0 = g.originY
  const lx = g.nx * g.dx
  const ly = g.ny * g.dy
  const dist = [box.cx - x0, x0 + lx - box.cx, box.cy - y0, y0 + ly - box.cy]
  const wall = dist.indexOf(Math.min(...dist))
  const f = frame(box)
  const halfAlong = (Math.abs(f.ux) * box.widthM + Math.abs(f.nx) * box.depthM) / 2
  const halfAcross = (Math.abs(f.uy) * box.widthM + Math.abs(f.ny) * box.depthM) / 2
  const z0 = box.elevationM
  const z1 = box.elevationM + box.heightM
  const out: number[] = []
  let best = -1
  let bestD = Infinity
  for (let k = 0; k < g.nz; k++) {
    const zc = (k + 0.5) * g.dz
    if (wall < 2) {
      const i = wall === 0 ? 0 : g.nx
      for (let j = 0; j < g.ny; j++) {
        const yc = y0 + (j + 0.5) * g.dy
        const fIdx = i + (g.nx + 1) * (j + g.ny * k)
        const dd = Math.hypot(yc - box.cy, zc - (z0 + z1) / 2)
        if (dd < bestD) ((bestD = dd), (best = fIdx))
        if (Math.abs(yc - box.cy) <= halfAcross && zc >= z0 && zc <= z1) out.push(fIdx)
      }
    } else {
      const j = wall === 2 ? 0 : g.ny
      for (let i = 0; i < g.nx; i++) {
        const xc = x0 + (i + 0.5) * g.dx
        const fIdx = g.nU + i + g.nx * (j + (g.ny + 1) * k)
        const dd = Math.hypot(xc - box.cx, zc - (z0 + z1) / 2)
        if (dd < bestD) ((bestD = dd), (best = fIdx))
        if (Math.abs(xc - box.cx) <= halfAlong && zc >= z0 && zc <= z1) out.push(fIdx)
      }
    }
  }
  return out.length > 0 ? out : best >= 0 ? [best] : []
}

/** Every boundary face of the wall opposite the fans, full height. */
function oppositeWall(g: Grid3, fanBoxes: Box[]): number[] {
  let sx = 0
  let sy = 0
  const lx = g.nx * g.dx
  const ly = g.ny * g.dy
  for (const b of fanBoxes) {
    sx += (b.cx - g.originX) / lx - 0.5
    sy += (b.cy - g.originY) / ly - 0.5
  }
  const out: number[] = []
  for (let k = 0; k < g.nz; k++) {
    if (Math.abs(sy) >= Math.abs(sx)) {
      const j = sy > 0 ? 0 : g.ny
      for (let i = 0; i < g.nx; i++) out.push(g.nU + i + g.nx * (j + (g.ny + 1) * k))
    } else {
      const i = sx > 0 ? 0 : g.nx
      for (let j = 0; j < g.ny; j++) out.push(i + (g.nx + 1) * (j + g.ny * k))
    }
  }
  return out
}

/**
 * Build the domain of one hall. `rows`: the hall's row loads; `intakeC`: outside air through the
 * openings; `supplyC`: the air handlers' supply.
 */
export function buildHallDomain(
  hall: Hall,
  grid: Grid3,
  rows: readonly RowLoad[],
  catalog: Catalog,
  params: SolverParams,
  air: { intakeC: number; supplyC: number },
  shelf: ShelfModel = { kind: 'porous' },
): HallDomain {
  const d = createDomain(grid)
  const notes: string[] = []
  // 1. Solid bodies first (racks, air handlers), so their faces to air exist; porous shelves
  //    after the containment's panels (porous.ts).
  const rackBodies: { ref: RackRef; box: Box; cells: number[]; leak: number; zeta: number }[] = []
  const porousBodies: { ref: RackRef; spec: PorousBodySpec }[] = []
  const contained = new Set((hall.containment ?? []).flatMap((c) => c.rows))
  const shelfOpen = shelf.openShare ?? ENCLOSURE_LEAKAGE.shelf
  if (!(shelfOpen > 0 && shelfOpen <= 1)) throw new Error(`shelf.openShare: expected a share in (0, 1], got ${shelfOpen}`)
  if (shelf.zeta !== undefined && !(shelf.zeta > 0 && Number.isFinite(shelf.zeta))) throw new Error(`shelf.zeta: expected a positive loss coefficient, got ${shelf.zeta}`)
  let tilted = 0
  const rowBoxes = new Map<string, Box[]>()
  for (const load of rows) {
    const enclosure = catalog.enclosures.get(load.row.enclosureId)
    const boxes = rowRackBoxes(hall, load.row, catalog)
    // The rack's heat into its air before a rear-door coil takes its share (loads.ts books the
    // duty for air above the water; here the same rule sees each rack's inlet).
    const heatKW = (load.heatAirKW + load.rearDoorKW) / load.row.rackCount
    const flowM3s = load.device.airflowM3s * load.row.devicesPerRack
    const door = load.row.rearDoor
    const rearDoor = door ? { capacityW: door.capacityKW * 1000, waterC: door.waterSupplyC } : null
    rowBoxes.set(load.row.id, boxes)
    // Air goes through a rack along its frame's normal n (front −n to rear +n).
    const f0 = boxes[0] ? frame(boxes[0]) : null
    const aligned = f0 !== null && (Math.abs(f0.nx) > 0.9999 || Math.abs(f0.ny) > 0.9999)
    const porous = shelf.kind === 'porous' && enclosure?.kind === 'shelf' && !door && !contained.has(load.row.id) && flowM3s > 0
    if (porous && !aligned) tilted++
    boxes.forEach((box, index) => {
      const cells = boxCells(grid, box)
      const ref: RackRef = { rowId: load.row.id, index, unit: -1, heatKW, flowM3s, probeCell: -1, rearDoor, porous: -1 }
      if (porous && aligned && f0) {
        const axis = Math.abs(f0.nx) > 0.9999 ? 0 : 1
        const sign = (axis === 0 ? f0.nx : f0.ny) > 0 ? 1 : -1
        const zeta = shelf.zeta ?? perforatedPlateZeta(shelfOpen)
        porousBodies.push({ ref, spec: { cells, flowM3s, axis, sign, heatW: heatKW * 1000, zeta } })
        return
      }
      for (const c of cells) markSolid(d, c)
      const isShelf = enclosure?.kind === 'shelf'
      rackBodies.push({ ref, box, cells, leak: enclosure ? (isShelf ? shelfOpen : ENCLOSURE_LEAKAGE[enclosure.kind]) : 0, zeta: isShelf && shelf.kind === 'solid-leak' && shelf.zeta !== undefined ? shelf.zeta : LEAK_ZETA })
    })
  }
  if (tilted > 0) notes.push(`${tilted} rows of shelving at an angle to the grid are solid bodies with a leak, not porous`)
  const handlers: { id: string; box: Box; cells: number[]; flowM3s: number }[] = []
  const fanBoxes: { box: Box; flowM3s: number }[] = []
  const padBoxes: Box[] = []
  for (const unit of hall.cooling) {
    const model = catalog.coolingUnits.get(unit.modelId)
    if (!model || unit.outdoor) continue
    const boxes = coolingBoxes(hall, unit, catalog)
    if (model.kind === 'exhaust-fan') for (const box of boxes) fanBoxes.push({ box, flowM3s: (model.airflowM3s ?? 0) * params.fanFlowDerate })
    else if (model.kind === 'evap-pad') padBoxes.push(...boxes)
    else if (model.kind === 'crah') {
      boxes.forEach((box, m) => {
        const cells = boxCells(grid, box)
        for (const c of cells) markSolid(d, c)
        handlers.push({ id: `${unit.id}#${m}`, box, cells, flowM3s: model.airflowM3s ?? 0 })
      })
    }
  }
  // 1b. Contained aisles: panels and roofs solid, their ducts open (before the racks' faces
  //     become units, after every solid body is in place).
  const aisles: BuiltAisle[] = []
  let ductedM3s = 0
  for (const spec of hall.containment ?? []) {
    const built = buildAisle(d, { kind: spec.aisle, enclosed: spec.enclosed ?? true, rows: spec.rows, boxesA: rowBoxes.get(spec.rows[0]) ?? [], boxesB: rowBoxes.get(spec.rows[1]) ?? [] }, air.intakeC)
    if (typeof built === 'string') {
      notes.push(built)
      continue
    }
    aisles.push(built)
    if (built.kind === 'hot') for (const r of rackBodies) if (spec.rows.includes(r.ref.rowId)) ductedM3s += r.ref.flowM3s
  }
  if (aisles.length > 0) {
    const n = (k: 'hot' | 'cold') => aisles.filter((a) => a.kind === k).length
    notes.push(`${n('hot')} hot and ${n('cold')} cold aisles with a duct (${aisles.filter((a) => a.enclosed).length} enclosed by end panels and a roof)`)
  }
  // 1c. Porous shelves: air cells with the gaps' resistance, the devices' flow and heat.
  let porousShelves: PorousShelves | null = null
  for (const b of porousBodies) b.spec.cells = b.spec.cells.filter((c) => !d.solid[c])
  const placedPorous = porousBodies.filter((b) => b.spec.cells.length > 0)
  if (placedPorous.length < porousBodies.length) notes.push(`${porousBodies.length - placedPorous.length} shelves have no free cell in the hall: no air, no heat of theirs in the model`)
  if (placedPorous.length > 0) {
    porousShelves = buildPorousShelves(
      d,
      placedPorous.map((b) => b.spec),
    )
    placedPorous.forEach((b, m) => (b.ref.porous = m))
    const z = placedPorous[0]!.spec.zeta
    notes.push(`${placedPorous.length} shelves are porous: the devices' flow plus air through their gaps in any direction (open share ${shelfOpen}, ζ ${z.toFixed(1)})`)
  }
  // 2. Racks: front (−n) intake, rear (+n) exhaust. Racks narrower than a cell share faces with
  //    their neighbours: racks that share any face become one unit (their flows and heats add up,
  //    each reads the unit's inlet and outlet) — the grid cannot tell them apart.
  const faceSets = rackBodies.map((body) => {
    const f = frame(body.box)
    return { intake: facesTowards(d, body.cells, -f.nx, -f.ny), exhaust: facesTowards(d, body.cells, f.nx, f.ny) }
  })
  const parent = rackBodies.map((_, m) => m)
  const find = (m: number): number => {
    while (parent[m] !== m) m = parent[m] = parent[parent[m]!]!
    return m
  }
  const owner = new Map<number, number>()
  faceSets.forEach((set, m) => {
    for (const f of [...set.intake, ...set.exhaust]) {
      const o = owner.get(f)
      if (o === undefined) owner.set(f, m)
      else parent[find(m)] = find(o)
    }
  })
  const groups = new Map<number, number[]>()
  rackBodies.forEach((body, m) => {
    if (body.ref.flowM3s <= 0) return
    const root = find(m)
    groups.set(root, [...(groups.get(root) ?? []), m])
  })
  let unplaced = 0
  let merged = 0
  const coils: UnitCoil[] = []
  for (const members of groups.values()) {
    const intake = members.flatMap((m) => faceSets[m]!.intake)
    const exhaust = members.flatMap((m) => faceSets[m]!.exhaust)
    const flow = members.reduce((s, m) => s + rackBodies[m]!.ref.flowM3s, 0)
    const heatW = members.reduce((s, m) => s + rackBodies[m]!.ref.heatKW * 1000, 0)
    const first = rackBodies[members[0]!]!.ref
    const unit = addHeatUnit(d, `${first.rowId}#${first.index}${members.length > 1 ? `+${members.length - 1}` : ''}`, intake, exhaust, flow, heatW)
    const doors = members.map((m) => rackBodies[m]!.ref.rearDoor).filter((c): c is RearDoorCoil => c !== null)
    if (unit >= 0 && doors.length > 0) {
      // Racks read out together share their doors: capacities add, the water of the first.
      coils.push({ unit, rackHeatW: heatW, coil: { capacityW: doors.reduce((s, c) => s + c.capacityW, 0), waterC: doors[0]!.waterC }, dutyW: 0 })
    }
    if (unit >= 0) {
      // Open area beside the devices: the 2-D field's enclosure leakage share of the front face.
      d.units[unit]!.leakAreaM2 = members.reduce((s, m) => s + rackBodies[m]!.leak * rackBodies[m]!.box.widthM * rackBodies[m]!.box.heightM, 0)
      d.units[unit]!.leakZeta = rackBodies[members[0]!]!.zeta
    }
    if (members.length > 1) merged += members.length
    for (const m of members) rackBodies[m]!.ref.unit = unit
  }
  const racks: RackRef[] = porousBodies.map((b) => b.ref)
  rackBodies.forEach((body, m) => {
    if (body.ref.unit < 0) {
      unplaced++
      // No air of its own (or boxed in): its heat goes into the air at its rear.
      const target = faceSets[m]!.exhaust[0] ?? faceSets[m]!.intake[0]
      const side = target !== undefined ? fluidSide(d, target) : null
      if (side) d.heatW[side.cell] = d.heatW[side.cell]! + body.ref.heatKW * 1000
      body.ref.probeCell = side ? side.cell : -1
    }
    racks.push(body.ref)
  })
  if (merged > 0) notes.push(`${merged} racks narrower than a cell share their cells' faces with neighbours: read out together`)
  if (unplaced > 0) notes.push(`${unplaced} racks move no air of their own or are boxed in: their heat goes into the air behind them`)
  // 3. Air handlers: return air in at the back (+n), supply out at the front (−n).
  for (const h of handlers) {
    const f = frame(h.box)
    const back = facesTowards(d, h.cells, f.nx, f.ny)
    const front = facesTowards(d, h.cells, -f.nx, -f.ny)
    if (addHeatUnit(d, h.id, back, front, h.flowM3s, 0, air.supplyC) < 0) notes.push(`air handler ${h.id} has no free face to blow through`)
  }
  // 4. Exhaust fans: each fan's flow over the wall faces it covers (shared faces add up).
  const fanFlow = new Map<number, number>()
  let fanFlowM3s = 0
  // The hot aisles' ducts lead to the fans: the fans draw that much less from the hall.
  const fanTotal = fanBoxes.reduce((s, b) => s + b.flowM3s, 0)
  const wallShare = fanTotal > 0 ? Math.max(0, fanTotal - ductedM3s) / fanTotal : 1
  if (ductedM3s > 0 && fanTotal > 0) notes.push(`the hot-aisle ducts feed the fans ${Math.min(ductedM3s, fanTotal).toFixed(0)} m³/s of the racks' exhaust; the fans draw ${(fanTotal * wallShare).toFixed(0)} m³/s from the hall`)
  for (const { box, flowM3s: rated } of fanBoxes) {
    const flowM3s = rated * wallShare
    const faces = wallFaces(grid, box).filter((f) => fluidSide(d, f))
    if (faces.length === 0) continue
    const area = faces.reduce((s, f) => s + faceArea(grid, faceAxis(grid, f)), 0)
    for (const f of faces) fanFlow.set(f, (fanFlow.get(f) ?? 0) + (flowM3s * faceArea(grid, faceAxis(grid, f))) / area)
    fanFlowM3s += flowM3s
  }
  for (const [f, q] of fanFlow) setFixedFlow(d, f, q / faceArea(grid, faceAxis(grid, f)))
  // 5. Openings: the pads, else the wall opposite the fans.
  let openings = 0
  const padFaces = padBoxes.flatMap((b) => wallFaces(grid, b))
  const openFaces = padFaces.length > 0 ? padFaces : fanBoxes.length > 0 ? oppositeWall(grid, fanBoxes.map((b) => b.box)) : []
  for (const f of openFaces) if (!fanFlow.has(f) && setOpening(d, f, air.intakeC)) openings++
  if (padFaces.length > 0) notes.push(`outside air in through ${padBoxes.length} evaporative pad sections (${openings} wall faces)`)
  else if (openings > 0) notes.push('no intake openings in the scene: outside air enters along the wall opposite the fans')
  else notes.push('no opening to the outside: the hall air only exchanges heat with its air handlers')
  if (fanBoxes.length > 0) notes.push(`${fanBoxes.length} exhaust fans take out ${fanFlowM3s.toFixed(0)} m³/s`)
  if (coils.length > 0) notes.push(`${coils.length} rack units with rear-door coils`)
  return { domain: d, racks, fanFlowM3s, coils, aisles, porous: porousShelves, notes }
}
