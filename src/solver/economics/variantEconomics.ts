// The economics of a solved variant, carrying its verdict: a variant whose verdict fails is not
// buildable as drawn. It keeps its figures (what it would earn if it ran), but it says why it
// cannot run (the binding check) and what making it pass would cost (the priced advice), and no
// view ranks its NPV among the buildable variants.
import type { Catalog } from '../../model/catalog'
import type { Scene, Variant } from '../../model/sceneSchema'
import type { Check } from '../check'
import { computeEconomics, resolveEconomicsInputs, type EconomicsBasis } from './economics'
import type { EconomicsResult } from './types'
import { costToPass, priceUpgrades, type PricingContext } from './upgradePrices'

/** The solved verdict and the figures the prices need. */
export type SolvedVerdict = Omit<PricingContext, 'failing' | 'variant' | 'catalog' | 'inputs'> & {
  checks: readonly Check[]
  /** The check that decides the verdict (bindingCheck). */
  binding: Check | null
}

export function variantEconomics(scene: Scene, variant: Variant, catalog: Catalog, basis: EconomicsBasis, verdict: SolvedVerdict): EconomicsResult {
  const inputs = resolveEconomicsInputs(scene, variant, catalog)
  const figures = computeEconomics(basis, inputs, catalog)
  // An index loop over the report's checks (thousands on a campus), no callback per check.
  const failing: Check[] = []
  for (let k = 0; k < verdict.checks.length; k++) if (verdict.checks[k]!.status === 'fail') failing.push(verdict.checks[k]!)
  if (failing.length === 0) return { ...figures, buildable: true, notBuildable: null, costToPass: null }
  const { checks: _c, binding, ...solved } = verdict
  const lead = binding?.status === 'fail' ? binding : failing[0]!
  return {
    ...figures,
    buildable: false,
    notBuildable: { checkId: lead.id, kind: lead.kind, title: lead.title, subject: lead.subject, failing: failing.length },
    costToPass: costToPass(priceUpgrades({ ...solved, failing, variant, catalog, inputs })),
  }
}
