// The solver parameters of the variant on screen, and its layout problems. The problems come from
// the same model function the solver's layout checks run (model/layoutSurvey.ts) with the same
// parameters, so the editor's Layout list and the verdict cannot disagree; the list is computed
// here, on the main thread, so that it answers at once after an edit, before the worker's report.
import { builtInCatalog } from '../model/catalog'
import { layoutProblems, type LayoutProblem } from '../model/layoutSurvey'
import { resolveParams, type SolverParams } from '../model/params'
import type { Variant } from '../model/sceneSchema'
import { selectVariant } from './selectors'
import type { AppState } from './types'

let paramsMemo: { scene: unknown; variant: unknown; params: SolverParams } | null = null

/** Defaults, then the scene's overrides, then the variant's: what the solver uses (solve.ts). */
export function selectParams(s: AppState): SolverParams {
  const variant = selectVariant(s)
  const sceneParams = s.scene?.params
  const variantParams = variant?.params
  if (!paramsMemo || paramsMemo.scene !== sceneParams || paramsMemo.variant !== variantParams) {
    paramsMemo = { scene: sceneParams, variant: variantParams, params: resolveParams(sceneParams, variantParams) }
  }
  return paramsMemo.params
}

const NONE: readonly LayoutProblem[] = []
let problemsMemo: { variant: Variant; params: SolverParams; problems: readonly LayoutProblem[] } | null = null

/** What the solver's layout checks fail on the variant on screen, one for one. */
export function selectLayoutProblems(s: AppState): readonly LayoutProblem[] {
  const variant = selectVariant(s)
  if (!variant) return NONE
  const params = selectParams(s)
  if (!problemsMemo || problemsMemo.variant !== variant || problemsMemo.params !== params) {
    problemsMemo = { variant, params, problems: layoutProblems(variant, builtInCatalog(), params) }
  }
  return problemsMemo.problems
}
