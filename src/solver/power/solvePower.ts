// The power side of a variant: load flow, node and grid checks, redundancy groups with their N-1
// cases, the tier the variant requires, usable IT and upgrade advice.
import type { Catalog } from '../../model/catalog'
import type { SolverParams } from '../../model/params'
import type { Site, Variant } from '../../model/sceneSchema'
import type { Check, PowerSummary } from '../report'
import { attachLoads, type Attached, type VariantLoads } from '../loads'
import { loadArrays, solveFlow, type FlowResult } from './flow'
import { powerChecks } from './checks'
import { analyseRedundancy, type RedundancyInput } from './redundancy'
import { contingencyChecks, tierChecks } from './redundancyChecks'
import { usableIT } from './usable'
import { powerAdvice } from './advice'

export interface PowerSide {
  flow: FlowResult
  attached: Attached
  checks: Check[]
  /** Filled in by `powerSummary` once every check (power and cooling) is known. */
  summarise: (allChecks: readonly Check[]) => PowerSummary
}

export function solvePower(
  variant: Variant,
  site: Site,
  catalog: Catalog,
  params: SolverParams,
  loads: VariantLoads,
  coolingImpact?: RedundancyInput['coolingImpact'],
): PowerSide {
  const attached = attachLoads(loads)
  const flow = solveFlow(variant, site, catalog, attached.byNode)
  const requiredTier = variant.requiredTier ?? 'N'
  const { kw: baseKW, kvar: baseKvar } = loadArrays(flow.chain, attached.byNode)
  const groups = analyseRedundancy({ variant, params, loads, base: flow, attached, baseKW, baseKvar, requiredTier, ...(coolingImpact ? { coolingImpact } : {}) })
  const names = new Map(flow.nodes.map((n) => [n.id, n.name]))
  const checks = [
    ...powerChecks(flow, site, params, variant, loads),
    ...contingencyChecks(groups, names, params),
    ...tierChecks(variant, groups, names, loads, requiredTier),
  ]
  const usable = usableIT(variant, flow, groups, loads, params, requiredTier)
  return {
    flow,
    attached,
    checks,
    summarise: (allChecks) => ({
      requiredTier,
      installedITKW: loads.rows.reduce((s, r) => s + r.rowKW, 0),
      usableITKW: usable.usableITKW,
      usableLimitedBy: usable.limitedBy,
      groups,
      advice: powerAdvice(allChecks, variant, flow, groups, catalog, params, requiredTier),
    }),
  }
}
