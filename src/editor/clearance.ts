// Layout clearances as checks, in plan: items that overlap, aisles narrower than a minimum, and
// items outside their hall's walls. Pure: a variant and the catalog in, a list of issues out.
import type { Catalog } from '../model/catalog'
import type { Hall, Variant, Vec2 } from '../model/sceneSchema'
import { axes, cornersOf, footprintOf, type Footprint } from '../model/footprint'

/** Narrowest aisle between two parallel rows an engineer accepts by default, metres: the
 *  working clearance in front of equipment (NEC 110.26 asks 0.9–1.2 m; 1.2 m is the common
 *  data-centre cold/hot-aisle minimum, TIA-942 recommends 1.2 m for cold aisles). Adjustable
 *  in the Layout panel. */
export const MIN_AISLE_M = 1.2

/** Below this (m) two items count as touching, not overlapping, and a gap is not an aisle. */
const TOUCH_TOLERANCE_M = 0.01

export type ClearanceRule = 'overlap' | 'aisle' | 'outside'

export interface ClearanceIssue {
  rule: ClearanceRule
  hallId: string
  /** The items concerned (one for "outside", two otherwise). */
  ids: string[]
  /** Overlap depth, aisle width or how far outside, metres. */
  valueM: number
  message: string
}

export interface ClearanceOptions {
  minAisleM?: number
}

const dot = (a: Vec2, b: Vec2) => a.x * b.x + a.y * b.y

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

/** Smallest penetration depth of two oriented rectangles (separating axis test); ≤ 0: apart. */
export function overlapDepth(a: Footprint, b: Footprint): number {
  const ca = cornersOf(a)
  const cb = cornersOf(b)
  let depth = Infinity
  for (const f of [a, b]) {
    const { u, n } = axes(f.rotationDeg)
    for (const axis of [u, n]) {
      const [a0, a1] = project(ca, axis)
      const [b0, b1] = project(cb, axis)
      depth = Math.min(depth, Math.min(a1, b1) - Math.max(a0, b0))
    }
  }
  return depth
}

const parallel = (a: Footprint, b: Footprint) => {
  const d = (((a.rotationDeg - b.rotationDeg) % 180) + 180) % 180
  return d < 0.5 || d > 179.5
}

/** Gap between two parallel rows across their depth, if they face each other along their length. */
export function aisleBetween(a: Footprint, b: Footprint): number | null {
  if (!parallel(a, b)) return null
  const { u, n } = axes(a.rotationDeg)
  const ca = cornersOf(a)
  const cb = cornersOf(b)
  const [au0, au1] = project(ca, u)
  const [bu0, bu1] = project(cb, u)
  if (Math.min(au1, bu1) - Math.max(au0, bu0) <= TOUCH_TOLERANCE_M) return null // side by side, not facing
  const [an0, an1] = project(ca, n)
  const [bn0, bn1] = project(cb, n)
  return Math.max(bn0 - an1, an0 - bn1)
}

function hallFootprints(hall: Hall, catalog: Catalog): Footprint[] {
  const out: Footprint[] = []
  for (const r of hall.rows) {
    const f = footprintOf(r, catalog)
    if (f) out.push(f)
  }
  for (const c of hall.cooling) {
    if (c.outdoor) continue // stands outside on purpose
    const f = footprintOf(c, catalog)
    if (f) out.push(f)
  }
  return out
}

const fmt = (m: number) => `${m.toFixed(2)} m`

export function checkClearances(variant: Variant, catalog: Catalog, options: ClearanceOptions = {}): ClearanceIssue[] {
  const minAisleM = options.minAisleM ?? MIN_AISLE_M
  const issues: ClearanceIssue[] = []
  for (const hall of variant.halls) {
    const items = hallFootprints(hall, catalog)
    for (const f of items) {
      const xs = cornersOf(f)
      const out = Math.max(
        ...xs.map((p) => Math.max(-p.x, p.x - hall.lengthM, -p.y, p.y - hall.widthM)),
      )
      if (out > TOUCH_TOLERANCE_M) {
        issues.push({ rule: 'outside', hallId: hall.id, ids: [f.id], valueM: out, message: `${f.id} stands ${fmt(out)} outside the walls of ${hall.name}` })
      }
    }
    for (let i = 0; i < items.length; i++) {
      for (let j = i + 1; j < items.length; j++) {
        const a = items[i]!
        const b = items[j]!
        const vertical = Math.min(a.topM, b.topM) - Math.max(a.baseM, b.baseM)
        if (vertical <= TOUCH_TOLERANCE_M) continue // stacked tiers
        const depth = overlapDepth(a, b)
        if (depth > TOUCH_TOLERANCE_M) {
          issues.push({ rule: 'overlap', hallId: hall.id, ids: [a.id, b.id], valueM: depth, message: `${a.id} and ${b.id} overlap by ${fmt(depth)}` })
          continue
        }
        if (a.kind !== 'row' || b.kind !== 'row') continue
        const gap = aisleBetween(a, b)
        if (gap !== null && gap > TOUCH_TOLERANCE_M && gap < minAisleM - 1e-9) {
          issues.push({
            rule: 'aisle',
            hallId: hall.id,
            ids: [a.id, b.id],
            valueM: gap,
            message: `aisle between ${a.id} and ${b.id} is ${fmt(gap)}, below ${fmt(minAisleM)}`,
          })
        }
      }
    }
  }
  return issues
}

/** Ids of every item some issue is about. */
export function idsWithIssues(issues: readonly ClearanceIssue[]): Set<string> {
  return new Set(issues.flatMap((i) => i.ids))
}
