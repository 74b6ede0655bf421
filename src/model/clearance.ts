// Layout clearances in plan, one item or one pair at a time: the one implementation behind the
// solver's layout checks (solver/checks/layout/), the editor's Layout list (through
// layoutSurvey.ts) and where the editor puts a new item (editor/placement.ts). Four rules: two
// items overlap; an item stands outside its hall's walls; two parallel rows face each other across
// an aisle narrower than the service minimum; a row or unit stands in the free face the intake pads
// or the exhaust fans need. Pure geometry in hall-local metres.
import type { Catalog } from './catalog'
import type { CoolingUnit } from './catalogSchema'
import type { CoolingPlacement, Hall, Row, Vec2 } from './sceneSchema'
import { axes, cornersOf, footprintOf, type Footprint } from './footprint'

/** Below this (m) two items count as touching, not overlapping, a gap is not an aisle, and an
 *  item is not outside the wall it stands against (positions are kept to the millimetre). */
export const TOUCH_TOLERANCE_M = 0.01

export type LayoutRule = 'overlap' | 'outside' | 'aisle' | 'airway'

/** The limits the rules judge against: solver parameters (model/params.ts) with their sources. */
export interface LayoutLimits {
  minAisleM: number
  intakeClearanceM: number
}

/** Cooling units that move the hall's air through a wall: the face in front of them stays free. */
const AIRWAY_KINDS: ReadonlySet<CoolingUnit['kind']> = new Set(['evap-pad', 'exhaust-fan'])

/** An item of a hall's plan: its footprint, what it is called and whether it is an air opening. */
export interface PlanItem {
  footprint: Footprint
  name: string
  airway: 'intake' | 'exhaust' | null
}

/** What a rule measured for one item or one pair. */
export interface Judgement {
  rule: LayoutRule
  /** The item judged: for airway the one in the way of the opening `b`. */
  a: PlanItem
  b?: PlanItem
  /** Overlap depth, distance outside the walls, aisle width or free face, metres. */
  valueM: number
  /** 0 for overlap and outside; the aisle minimum; the intake/exhaust clearance. */
  limitM: number
  fails: boolean
  /** Outside only: the item is larger than the hall in some direction, so no move brings it in. */
  cannotFit?: boolean
}

const dot = (a: Vec2, b: Vec2) => a.x * b.x + a.y * b.y
/** Measures are kept to the micrometre: float noise (12.2 − 11 = 1.1999999999999993) must not
 *  decide a rule, and the solver's checks compare exactly what the editor lists. */
const um = (m: number) => Math.round(m * 1e6) / 1e6

/** A footprint's extent along the two axes of a rotation: [u lo, u hi, n lo, n hi] (its corners
 *  projected onto axes(rotationDeg)). Kept per footprint and rotation (footprints are values: nothing
 *  changes one once made), so that a plan's pairs reuse each item's corners and extents instead of
 *  computing them again for every other item (the same numbers: the same arithmetic, once). An
 *  item meets one or two rotations in a plan (its own, the other rows'): those two are kept in
 *  the record itself, any further one in a map made only then. */
type Span = readonly [number, number, number, number]
interface Shape {
  corners: Vec2[]
  rot0: number
  span0: Span | undefined
  rot1: number
  span1: Span | undefined
  more: Map<number, Span> | undefined
}
const SPANS = new WeakMap<Footprint, Shape>()

/** The corners' least and greatest projection onto each axis of a rotation. */
function spanOf(corners: readonly Vec2[], rotationDeg: number): Span {
  const { u, n } = axes(rotationDeg)
  let u0 = Infinity
  let u1 = -Infinity
  let n0 = Infinity
  let n1 = -Infinity
  for (let i = 0; i < corners.length; i++) {
    const c = corners[i]!
    const du = dot(c, u)
    u0 = Math.min(u0, du)
    u1 = Math.max(u1, du)
    const dn = dot(c, n)
    n0 = Math.min(n0, dn)
    n1 = Math.max(n1, dn)
  }
  return [u0, u1, n0, n1]
}

function spanAlong(f: Footprint, rotationDeg: number): Span {
  let shape = SPANS.get(f)
  if (!shape) SPANS.set(f, (shape = { corners: cornersOf(f), rot0: 0, span0: undefined, rot1: 0, span1: undefined, more: undefined }))
  // −0 and 0 are equal keys (=== and a Map's) but may give axes that differ in the sign of a
  // zero: −0 is never kept.
  if (Object.is(rotationDeg, -0)) return spanOf(shape.corners, rotationDeg)
  if (shape.span0 !== undefined && shape.rot0 === rotationDeg) return shape.span0
  if (shape.span1 !== undefined && shape.rot1 === rotationDeg) return shape.span1
  let span = shape.more?.get(rotationDeg)
  if (span) return span
  span = spanOf(shape.corners, rotationDeg)
  if (shape.span0 === undefined) {
    shape.rot0 = rotationDeg
    shape.span0 = span
  } else if (shape.span1 === undefined) {
    shape.rot1 = rotationDeg
    shape.span1 = span
  } else (shape.more ??= new Map()).set(rotationDeg, span)
  return span
}

/** Penetration depth of two oriented rectangles (separating axis test): the shortest move that
 *  separates them, over the four edge normals; ≤ 0: apart (−gap on a separating axis). A thin row
 *  turned across another must move past its whole width, not only its own depth. */
export function overlapDepth(a: Footprint, b: Footprint): number {
  // a's axes, then b's; along u, then along n.
  let sa = spanAlong(a, a.rotationDeg)
  let sb = spanAlong(b, a.rotationDeg)
  let depth = Math.min(Infinity, sa[1] - sb[0], sb[1] - sa[0])
  depth = Math.min(depth, sa[3] - sb[2], sb[3] - sa[2])
  sa = spanAlong(a, b.rotationDeg)
  sb = spanAlong(b, b.rotationDeg)
  depth = Math.min(depth, sa[1] - sb[0], sb[1] - sa[0])
  return Math.min(depth, sa[3] - sb[2], sb[3] - sa[2])
}

const parallel = (a: Footprint, b: Footprint) => {
  const d = (((a.rotationDeg - b.rotationDeg) % 180) + 180) % 180
  return d < 0.5 || d > 179.5
}

/** Gap between `b` and the face of `a` across a's depth, if b stands in front of (or behind) a
 *  along a's length; null when b is beside a, not facing it. Negative when they overlap. */
export function gapInFront(a: Footprint, b: Footprint): number | null {
  // Indexed, not destructured: an interpreted array destructuring steps an iterator.
  const sa = spanAlong(a, a.rotationDeg)
  const sb = spanAlong(b, a.rotationDeg)
  if (Math.min(sa[1], sb[1]) - Math.max(sa[0], sb[0]) <= TOUCH_TOLERANCE_M) return null
  return Math.max(sb[2] - sa[3], sa[2] - sb[3])
}

/** Gap between two parallel rows across their depth, if they face each other along their length. */
export function aisleBetween(a: Footprint, b: Footprint): number | null {
  return parallel(a, b) ? gapInFront(a, b) : null
}

/** How far an item reaches past its hall's walls (≤ 0: inside), and whether it could fit at all. */
export function outsideBy(f: Footprint, hall: Pick<Hall, 'lengthM' | 'widthM'>): { outM: number; fits: boolean } {
  // The least and greatest x and y of the corners (a minimum is one whatever the order taken).
  let x0 = Infinity
  let x1 = -Infinity
  let y0 = Infinity
  let y1 = -Infinity
  for (const p of cornersOf(f)) {
    x0 = Math.min(x0, p.x)
    x1 = Math.max(x1, p.x)
    y0 = Math.min(y0, p.y)
    y1 = Math.max(y1, p.y)
  }
  return {
    outM: Math.max(-x0, x1 - hall.lengthM, -y0, y1 - hall.widthM),
    fits: x1 - x0 <= hall.lengthM + TOUCH_TOLERANCE_M && y1 - y0 <= hall.widthM + TOUCH_TOLERANCE_M,
  }
}

/** Height both items occupy; ≤ 0: one stands above the other (stacked fan tiers). */
const sharedHeightM = (a: Footprint, b: Footprint) => Math.min(a.topM, b.topM) - Math.max(a.baseM, b.baseM)

/** A row or an indoor cooling placement as an item of the plan; null for outdoor units (they stand
 *  outside on purpose) and items the catalog does not know. */
export function planItem(item: Row | CoolingPlacement, catalog: Catalog): PlanItem | null {
  const footprint = footprintOf(item, catalog)
  if (!footprint) return null
  if ('enclosureId' in item) return { footprint, name: item.name ?? item.id, airway: null }
  if (item.outdoor) return null
  const kind = catalog.coolingUnits.get(item.modelId)?.kind
  const airway = kind !== undefined && AIRWAY_KINDS.has(kind) ? (kind === 'evap-pad' ? 'intake' : 'exhaust') : null
  return { footprint, name: item.id, airway }
}

/** The items of a hall's plan: rows, then the cooling placements inside the hall. */
export function planItems(hall: Hall, catalog: Catalog): PlanItem[] {
  return [...hall.rows, ...hall.cooling].flatMap((it) => planItem(it, catalog) ?? [])
}

/** The walls rule for one item: a failing judgement when it reaches past them, else null. */
export function judgeOutside(a: PlanItem, hall: Pick<Hall, 'lengthM' | 'widthM'>): Judgement | null {
  const { outM, fits } = outsideBy(a.footprint, hall)
  const valueM = um(outM)
  if (valueM <= TOUCH_TOLERANCE_M) return null
  return { rule: 'outside', a, valueM, limitM: 0, fails: true, ...(fits ? {} : { cannotFit: true }) }
}

/** The pair rules for two items at the same height: an overlap, else the aisle between two facing
 *  rows, else the free face between an item and an opening in front of it. Null when none applies
 *  (stacked, beside each other, back to back). */
export function judgePair(x: PlanItem, y: PlanItem, limits: LayoutLimits): Judgement | null {
  // The item in the way of an opening first: the opening stays where the wall is.
  const swap = !!x.airway && !y.airway
  const a = swap ? y : x
  const b = swap ? x : y
  const fa = a.footprint
  const fb = b.footprint
  if (sharedHeightM(fa, fb) <= TOUCH_TOLERANCE_M) return null
  const depth = um(overlapDepth(fa, fb))
  if (depth > TOUCH_TOLERANCE_M) return { rule: 'overlap', a, b, valueM: depth, limitM: 0, fails: true }
  if (fa.kind === 'row' && fb.kind === 'row') {
    const between = aisleBetween(fa, fb)
    if (between === null || um(between) <= TOUCH_TOLERANCE_M) return null // side by side, or back to back
    const gap = um(between)
    return { rule: 'aisle', a, b, valueM: gap, limitM: limits.minAisleM, fails: gap < limits.minAisleM }
  }
  if (b.airway && !a.airway) {
    const gap = gapInFront(fb, fa)
    if (gap === null) return null // beside the opening, not in front of it
    const freeM = um(Math.max(0, gap))
    return { rule: 'airway', a, b, valueM: freeM, limitM: limits.intakeClearanceM, fails: freeM < limits.intakeClearanceM }
  }
  return null
}

/** True when `item` breaks no rule inside `hall` among `others` (where a new item may go). */
export function standsClear(item: PlanItem, others: readonly PlanItem[], hall: Pick<Hall, 'lengthM' | 'widthM'>, limits: LayoutLimits): boolean {
  return judgeOutside(item, hall) === null && others.every((o) => judgePair(item, o, limits)?.fails !== true)
}
