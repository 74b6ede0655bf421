// The power side of a variant: load flow, redundancy groups with their N-1 cases and usable IT.
// The checks on these results are modules of the registry (checks/power/).
import type { Catalog } from '../../model/catalog'
import type { SolverParams } from '../../model/params'
import type { Site, Variant } from '../../model/sceneSchema'
import { attachLoads, type VariantLoads } from '../loads'
import type { PowerState } from '../checks/types'
import { compileChain, loadArrays, solveFlow } from './flow'
import { analyseRedundancy, type RedundancyInput } from './redundancy'
import { usableIT } from './usable'

export function solvePower(
  variant: Variant,
  site: Site,
  catalog: Catalog,
  params: SolverParams,
  loads: VariantLoads,
  coolingImpact?: RedundancyInput['coolingImpact'],
): PowerState {
  const attached = attachLoads(loads)
  const flow = solveFlow(variant, site, catalog, attached.byNode, compileChain(variant, site, catalog, params))
  const requiredTier = variant.requiredTier ?? 'N'
  const { kw: baseKW, kvar: baseKvar } = loadArrays(flow.chain, attached.byNode)
  const groups = analyseRedundancy({ variant, params, loads, base: flow, attached, baseKW, baseKvar, requiredTier, ...(coolingImpact ? { coolingImpact } : {}) })
  return {
    flow,
    groups,
    usable: usableIT(variant, flow, groups, loads, params, requiredTier),
    usableAtRating: usableIT(variant, flow, groups, loads, { ...params, continuousLoadFraction: 1 }, requiredTier),
    names: new Map(flow.nodes.map((n) => [n.id, n.name])),
  }
}
