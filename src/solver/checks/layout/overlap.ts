// Two items of a hall's plan that overlap (rows, racks, units inside the hall; stacked fan tiers
// do not count): the penetration depth, the shortest move that separates them, which must be zero.
import type { Advice } from '../../report'
import { listSome } from '../power/names'
import { fmtM, layoutRule, type FailingProblem } from './rule'

/** One line per item: "move A 0.40 m away from B", or for an item across several others (a row
 *  turned through its neighbours) "A overlaps 13 items (…): move it clear or turn it back". */
function overlapAdvice(found: readonly FailingProblem[]): Advice[] {
  const bySubject = new Map<string, FailingProblem[]>()
  for (const f of found) bySubject.set(f.check.subjectId, [...(bySubject.get(f.check.subjectId) ?? []), f])
  return [...bySubject.values()].map((list) => {
    const { check, problem } = list[0]!
    const text =
      list.length === 1
        ? `move ${problem.names[0]} ${fmtM(problem.valueM)} away from ${problem.names[1]}`
        : `${problem.names[0]} overlaps ${list.length} items (${listSome(list.map((f) => f.problem.names[1]!))}): move it clear or turn it back`
    return { checkId: check.id, subjectId: check.subjectId, text }
  })
}

export const layoutOverlap = layoutRule(
  {
    kind: 'layout.overlap',
    domain: 'layout',
    title: 'Items overlap',
    unit: 'm',
    sense: 'max',
    description: 'Two rows or cooling units of a hall that occupy the same floor at the same height: the penetration depth (the shortest move that separates them).',
    limitSource: 'geometry: 0 m (within 1 cm they only touch); model/clearance.ts',
  },
  'overlap',
  (h) => (h.items.length >= 2 ? { value: 0, limit: 0, note: `none of ${h.items.length} items overlap` } : null),
  overlapAdvice,
)
