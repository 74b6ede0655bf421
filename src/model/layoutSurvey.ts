// The layout of a variant, hall by hall, judged by the rules of clearance.ts: its problems in words
// and its closest calls. The solver's layout checks (solver/checks/layout/) and the editor's
// Layout list (store/layoutSelectors.ts) both read this one survey, so they cannot disagree.
import type { Catalog } from './catalog'
import type { Hall, Variant } from './sceneSchema'
import { judgeOutside, judgePair, planItems, type Judgement, type LayoutLimits, type LayoutRule, type PlanItem } from './clearance'

export interface LayoutProblem {
  rule: LayoutRule
  hallId: string
  /** The item to move first, then the other of a pair. */
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

const fmt = (m: number) => `${m.toFixed(2)} m`

const MESSAGES: Record<LayoutRule, (j: Judgement, a: string, b: string, hall: Hall) => string> = {
  overlap: (j, a, b) => `${a} overlaps ${b} by ${fmt(j.valueM)}`,
  outside: (j, a, _b, hall) => `${a} stands ${fmt(j.valueM)} outside the walls of ${hall.name}`,
  aisle: (j, a, b) => `aisle between ${a} and ${b} is ${fmt(j.valueM)}, below ${fmt(j.limitM)}`,
  airway: (j, a, b) => `${a} stands ${fmt(j.valueM)} in front of ${b}, within the ${fmt(j.limitM)} to keep clear`,
}

/** Puts a failing judgement in words. Of a pair, the item in more of the hall's problems comes
 *  first (a row turned across ten others is the one to move); an item in the way of an opening
 *  always does. */
function problemOf(j: Judgement, hall: Hall, count: ReadonlyMap<string, number>): LayoutProblem {
  const n = (it: PlanItem) => count.get(it.footprint.id) ?? 0
  const [a, b] = j.b && j.rule !== 'airway' && n(j.b) > n(j.a) ? [j.b, j.a] : [j.a, j.b]
  const items = b ? [a, b] : [a]
  const label = (it: PlanItem) => (it.airway ? `the ${it.airway} ${it.name}` : it.name)
  return {
    rule: j.rule,
    hallId: hall.id,
    ids: items.map((it) => it.footprint.id),
    names: items.map((it) => it.name),
    valueM: j.valueM,
    limitM: j.limitM,
    ...(j.cannotFit ? { cannotFit: true } : {}),
    message: MESSAGES[j.rule](j, a.name, b ? label(b) : '', hall),
  }
}

function surveyHall(hall: Hall, catalog: Catalog, limits: LayoutLimits): HallLayout {
  const items = planItems(hall, catalog)
  const failing: Judgement[] = []
  const closest: HallLayout['closest'] = {}
  for (const a of items) {
    const j = judgeOutside(a, hall)
    if (j) failing.push(j)
  }
  for (let i = 0; i < items.length; i++) {
    for (let k = i + 1; k < items.length; k++) {
      const j = judgePair(items[i]!, items[k]!, limits)
      if (!j) continue
      if (j.fails) failing.push(j)
      else if (j.rule === 'aisle' || j.rule === 'airway') {
        const known = closest[j.rule]
        if (!known || j.valueM < known.valueM) {
          closest[j.rule] = { valueM: j.valueM, limitM: j.limitM, ids: [j.a.footprint.id, j.b!.footprint.id], names: [j.a.name, j.b!.name] }
        }
      }
    }
  }
  const count = new Map<string, number>()
  for (const j of failing) for (const it of j.b ? [j.a, j.b] : [j.a]) count.set(it.footprint.id, (count.get(it.footprint.id) ?? 0) + 1)
  return { hall, items, problems: failing.map((j) => problemOf(j, hall, count)), closest }
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
