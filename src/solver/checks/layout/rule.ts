// What the four layout check kinds share: the plan survey of the variant (model/layoutSurvey.ts, the
// same function the editor lists its problems with), made once per solve, and how a rule's
// problems become checks. A problem is a failing check about its item (key: both ids of a pair);
// a hall where the rule finds nothing gets one passing check that states its closest call.
import { makeCheck, type Check, type CheckMeta } from '../../check'
import type { Advice } from '../../report'
import type { LayoutRule } from '../../../model/clearance'
import { surveyLayout, type HallLayout, type LayoutProblem } from '../../../model/layoutSurvey'
import type { CheckContext, CheckModule } from '../types'

const SURVEYS = new WeakMap<CheckContext, HallLayout[]>()

/** The plan survey of the solved variant, made once for the four layout kinds. */
export function hallLayouts(ctx: CheckContext): HallLayout[] {
  let survey = SURVEYS.get(ctx)
  if (!survey) {
    survey = surveyLayout(ctx.variant, ctx.catalog, ctx.params)
    SURVEYS.set(ctx, survey)
  }
  return survey
}

/** The passing check of a hall the rule has nothing against: its value and what it says. */
export interface HallSummary {
  value: number
  limit: number
  note: string
}

export const fmtM = (m: number) => `${m.toFixed(2)} m`

const problemKey = (p: LayoutProblem) => p.ids.join('|')

/** A failing check with the problem it reports. */
export interface FailingProblem {
  check: Check
  problem: LayoutProblem
  hall: HallLayout
}

/** Advice one line per problem. */
export const eachProblem =
  (text: (p: LayoutProblem, h: HallLayout) => string) =>
  (found: readonly FailingProblem[]): Advice[] =>
    found.map(({ check, problem, hall }) => ({ checkId: check.id, subjectId: check.subjectId, text: text(problem, hall) }))

/** A layout check kind: its meta, the rule of model/clearance.ts it reports, a hall's passing
 *  summary (null: nothing to judge there) and the advice for its failing problems. */
export function layoutRule(
  meta: CheckMeta,
  rule: LayoutRule,
  summary: (h: HallLayout) => HallSummary | null,
  advice: (found: readonly FailingProblem[]) => Advice[],
): CheckModule {
  const problemCheck = (p: LayoutProblem): Check =>
    makeCheck(meta, { key: problemKey(p), subject: p.names[0]!, subjectId: p.ids[0]!, value: p.valueM, limit: p.limitM, note: p.message })
  return {
    meta,
    evaluate(ctx) {
      const out: Check[] = []
      for (const h of hallLayouts(ctx)) {
        const problems = h.problems.filter((p) => p.rule === rule)
        if (problems.length > 0) {
          out.push(...problems.map(problemCheck))
          continue
        }
        const s = summary(h)
        if (s) out.push(makeCheck(meta, { key: `hall:${h.hall.id}`, subject: h.hall.name, subjectId: h.hall.id, value: s.value, limit: s.limit, note: s.note }))
      }
      return out
    },
    advise(failing, ctx) {
      const byId = new Map<string, { problem: LayoutProblem; hall: HallLayout }>()
      for (const hall of hallLayouts(ctx)) for (const problem of hall.problems) if (problem.rule === rule) byId.set(problemCheck(problem).id, { problem, hall })
      return advice(failing.flatMap((check) => {
        const found = byId.get(check.id)
        return found ? [{ check, ...found }] : []
      }))
    },
  }
}
