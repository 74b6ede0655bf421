// Layout clearances in plan, the one implementation behind the solver's layout checks
// (solver/checks/layout/) and the editor's instant feedback: items that overlap, items outside
// their hall's walls, aisles between parallel rows narrower than the service minimum, and items
// standing in the free face the intake pads and the exhaust fans need. Pure: a variant, the
// catalog and the limits in; per hall, its problems and its closest calls out.
import type { Catalog } from './catalog'
import type { CoolingUnit } from './catalogSchema'
import type { Hall, Variant, Vec2 } from './sceneSchema'
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

export interface LayoutProblem {
  rule: LayoutRule
  hallId: string
  /** The item judged (a row before a cooling unit; for airway the item in the way), then the other of a pair. */
  ids: string[]
  names: string[]
  /** Overlap depth, distance outside the walls, aisle width or free face, metres. */
  valueM: number
  /** 0 for overlap and outside; the aisle minimum; the intake/exhaust clearance. */
  limitM: number
  /** Outside only: the item is larger than the hall in some direction, so no move brings it in. */
  cannotFit?: boolean
  message: string
}

/** The closest call of a rule in a hall where it passes: the narrowest aisle, the smallest free face. */
export interface LayoutMargin {
  valueM: number
  limitM: number
  ids: string[]
  names: string[]
}

export interface HallLayout {
  hall: Hall
  items: PlanItem[]
  problems: LayoutProblem[]
  /** The narrowest passing aisle and the smallest passing free face, when the hall has one. */
  closest: Partial<Record<'aisle' | 'airway', LayoutMargin>>
}

const dot = (a: Vec2, b: Vec2) => a.x * b.x + a.y * b.y
const fmt = (m: number) => `${m.toFixed(2)} m`
/** Measures are kept to the micrometre: float noise (5.8 − 4.6 = 1.1999999999999993) must not
 *  decide a check, and the solver's checks compare exactly what the editor lists. */
const um = (m: number) => Math.round(m * 1e6) / 1e6

function project(corners: readonly Vec2[], axis: Vec2): [number, number] {
  let lo = Infinity
  let hi = -Infinity
  for (const c of corners) {
    const d = dot(c, axis)
    lo = Math.min(lo, d)
    hi = Math.max(hi, d)
  }
  return [lo, hi]
}

/** Penetration depth of two oriented rectangles (separating axis test): the shortest move that
 *  separates them, over the four edge normals; ≤ 0: apart (−gap on a separating axis). A thin row
 *  turned across another must move past its whole width, not only its own depth. */
export function overlapDepth(a: Footprint, b: Footprint): number {
  const ca = cornersOf(a)
  const cb = cornersOf(b)
  let depth = Infinity
  for (const f of [a, b]) {
    const { u, n } = axes(f.rotationDeg)
    for (const axis of [u, n]) {
      const [a0, a1] = project(ca, axis)
      const [b0, b1] = project(cb, axis)
      depth = Math.min(depth, a1 - b0, b1 - a0)
    }
  }
  return depth
}

const parallel = (a: Footprint, b: Footprint) => {
  const d = (((a.rotationDeg - b.rotationDeg) % 180) + 180) % 180
  return d < 0.5 || d > 179.5
}

/** Gap between `b` and the face of `a` across a's depth, if b stands in front of (or behind) a
 *  along a's length; null when b is beside a, not facing it. Negative when they overlap. */
export function gapInFront(a: Footprint, b: Footprint): number | null {
  const { u, n } = axes(a.rotationDeg)
  const ca = cornersOf(a)
  const cb = cornersOf(b)
  const [au0, au1] = project(ca, u)
  const [bu0, bu1] = project(cb, u)
  if (Math.min(au1, bu1) - Math.max(au0, bu0) <= TOUCH_TOLERANCE_M) return null
  const [an0, an1] = project(ca, n)
  const [bn0, bn1] = project(cb, n)
  return Math.max(bn0 - an1, an0 - bn1)
}

/** Gap between two parallel rows across their depth, if they face each other along their length. */
export function aisleBetween(a: Footprint, b: Footprint): number | null {
  return parallel(a, b) ? gapInFront(a, b) : null
}

/** How far an item reaches past its hall's walls (≤ 0: inside), and whether it could fit at all. */
export function outsideBy(f: Footprint, hall: Pick<Hall, 'lengthM' | 'widthM'>): { outM: number; fits: boolean } {
  const xs = cornersOf(f)
  const [x0, x1] = [Math.min(...xs.map((p) => p.x)), Math.max(...xs.map((p) => p.x))]
  const [y0, y1] = [Math.min(...xs.map((p) => p.y)), Math.max(...xs.map((p) => p.y))]
  return {
    outM: Math.max(-x0, x1 - hall.lengthM, -y0, y1 - hall.widthM),
    fits: x1 - x0 <= hall.lengthM + TOUCH_TOLERANCE_M && y1 - y0 <= hall.widthM + TOUCH_TOLERANCE_M,
  }
}

/** Height both items occupy; ≤ 0: one stands above the other (stacked fan tiers). */
const sharedHeightM = (a: Footprint, b: Footprint) => Math.min(a.topM, b.topM) - Math.max(a.baseM, b.baseM)

/** The items of a hall's plan: rows, then the cooling placements inside the hall. */
export function planItems(hall: Hall, catalog: Catalog): PlanItem[] {
  const out: PlanItem[] = []
  for (const r of hall.rows) {
    const f = footprintOf(r, catalog)
    if (f) out.push({ footprint: f, name: r.name ?? r.id, airway: null })
  }
  for (const c of hall.cooling) {
    if (c.outdoor) continue // stands outside on purpose
    const f = footprintOf(c, catalog)
    const kind = catalog.coolingUnits.get(c.modelId)?.kind
    if (!f) continue
    const airway = kind !== undefined && AIRWAY_KINDS.has(kind) ? (kind === 'evap-pad' ? 'intake' : 'exhaust') : null
    out.push({ footprint: f, name: c.id, airway })
  }
  return out
}

/** Keeps the smaller measure of a rule as the hall's closest call. */
function keepSmaller(closest: HallLayout['closest'], rule: 'aisle' | 'airway', m: LayoutMargin): void {
  const known = closest[rule]
  if (!known || m.valueM < known.valueM) closest[rule] = m
}

/** A problem as found, before its items are put in order and it is put in words. */
interface Found {
  rule: LayoutRule
  a: PlanItem
  b?: PlanItem
  valueM: number
  limitM: number
  cannotFit?: boolean
}

const MESSAGES: Record<LayoutRule, (f: Found, a: string, b: string, hall: Hall) => string> = {
  overlap: (f, a, b) => `${a} overlaps ${b} by ${fmt(f.valueM)}`,
  outside: (f, a, _b, hall) => `${a} stands ${fmt(f.valueM)} outside the walls of ${hall.name}`,
  aisle: (f, a, b) => `aisle between ${a} and ${b} is ${fmt(f.valueM)}, below ${fmt(f.limitM)}`,
  airway: (f, a, b) => `${a} stands ${fmt(f.valueM)} in front of ${b}, within the ${fmt(f.limitM)} to keep clear`,
}

/** Puts a found problem in words. Of a pair, the item in more of the hall's problems comes first
 *  (a row turned across ten others is the one to move); an item in the way of an opening always does. */
function problemOf(f: Found, hall: Hall, count: ReadonlyMap<string, number>): LayoutProblem {
  const n = (it: PlanItem) => count.get(it.footprint.id) ?? 0
  const [a, b] = f.b && f.rule !== 'airway' && n(f.b) > n(f.a) ? [f.b, f.a] : [f.a, f.b]
  const items = b ? [a, b] : [a]
  const label = (it: PlanItem) => (it.airway ? `the ${it.airway} ${it.name}` : it.name)
  return {
    rule: f.rule,
    hallId: hall.id,
    ids: items.map((it) => it.footprint.id),
    names: items.map((it) => it.name),
    valueM: f.valueM,
    limitM: f.limitM,
    ...(f.cannotFit ? { cannotFit: true } : {}),
    message: MESSAGES[f.rule](f, a.name, b ? label(b) : '', hall),
  }
}

function surveyHall(hall: Hall, catalog: Catalog, limits: LayoutLimits): HallLayout {
  const items = planItems(hall, catalog)
  const found: Found[] = []
  const closest: HallLayout['closest'] = {}

  for (const a of items) {
    const { outM, fits } = outsideBy(a.footprint, hall)
    const valueM = um(outM)
    if (valueM > TOUCH_TOLERANCE_M) found.push({ rule: 'outside', a, valueM, limitM: 0, ...(fits ? {} : { cannotFit: true }) })
  }

  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      // The item in the way of an opening first: the opening stays where the wall is.
      const [a, b] = items[i]!.airway && !items[j]!.airway ? [items[j]!, items[i]!] : [items[i]!, items[j]!]
      const fa = a.footprint
      const fb = b.footprint
      if (sharedHeightM(fa, fb) <= TOUCH_TOLERANCE_M) continue // stacked tiers
      const depth = um(overlapDepth(fa, fb))
      if (depth > TOUCH_TOLERANCE_M) {
        found.push({ rule: 'overlap', a, b, valueM: depth, limitM: 0 })
        continue
      }
      const pair = { ids: [fa.id, fb.id], names: [a.name, b.name] }
      if (fa.kind === 'row' && fb.kind === 'row') {
        const between = aisleBetween(fa, fb)
        if (between === null) continue // side by side
        const gap = um(between)
        if (gap <= TOUCH_TOLERANCE_M) continue // back to back
        const limitM = limits.minAisleM
        if (gap < limitM) found.push({ rule: 'aisle', a, b, valueM: gap, limitM })
        else keepSmaller(closest, 'aisle', { valueM: gap, limitM, ...pair })
      } else if (b.airway && !a.airway) {
        const gap = gapInFront(fb, fa)
        if (gap === null) continue // beside the opening, not in front of it
        const freeM = um(Math.max(0, gap))
        const limitM = limits.intakeClearanceM
        if (freeM < limitM) found.push({ rule: 'airway', a, b, valueM: freeM, limitM })
        else keepSmaller(closest, 'airway', { valueM: freeM, limitM, ...pair })
      }
    }
  }

  const count = new Map<string, number>()
  for (const f of found) for (const it of f.b ? [f.a, f.b] : [f.a]) count.set(it.footprint.id, (count.get(it.footprint.id) ?? 0) + 1)
  return { hall, items, problems: found.map((f) => problemOf(f, hall, count)), closest }
}

/** Every hall of the variant, surveyed. */
export function surveyLayout(variant: Variant, catalog: Catalog, limits: LayoutLimits): HallLayout[] {
  return variant.halls.map((hall) => surveyHall(hall, catalog, limits))
}

/** The layout problems of a variant: what the solver's layout checks fail, one for one. */
export function layoutProblems(variant: Variant, catalog: Catalog, limits: LayoutLimits): LayoutProblem[] {
  return surveyLayout(variant, catalog, limits).flatMap((h) => h.problems)
}

/** Ids of every item some problem is about. */
export function idsWithProblems(problems: readonly LayoutProblem[]): Set<string> {
  return new Set(problems.flatMap((p) => p.ids))
}
