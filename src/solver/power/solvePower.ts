// The power side of a variant: load flow, redundancy groups with their N-1 cases and usable IT.
// The checks on these results are modules of the registry (checks/power/).
import type { Catalog } from '../../model/catalog'
import type { SolverParams } from '../../model/params'
import type { Site, Variant } from '../../model/sceneSchema'
import { attachedByIndex, type VariantLoads } from '../loads'
import type { PowerState } from '../checks/types'
import { compileChain, solveFlow, type ById } from './flow'
import { analyseRedundancy, type RedundancyInput } from './redundancy'
import { usableBasis, usableITAt } from './usable'

export function solvePower(
  variant: Variant,
  site: Site,
  catalog: Catalog,
  params: SolverParams,
  loads: VariantLoads,
  coolingImpact?: RedundancyInput['coolingImpact'],
): PowerState {
  const chain = compileChain(variant, site, catalog, params)
  // The loads by node index, everything in service: the base flow's, and what the N-1 cases
  // start from.
  const attached = attachedByIndex(loads, chain.index, chain.nodes.length)
  const flow = solveFlow(variant, site, catalog, null, chain, attached)
  const requiredTier = variant.requiredTier ?? 'N'
  const { kw: baseKW, kvar: baseKvar } = attached
  const groups = analyseRedundancy({ variant, params, loads, base: flow, attached, baseKW, baseKvar, requiredTier, ...(coolingImpact ? { coolingImpact } : {}) })
  // Usable IT within the continuous-load margin and at full rating: one basis, two margins.
  const basis = usableBasis(variant, flow, groups, loads, requiredTier)
  const names: ById<string> = { get: (id) => flow.byId.get(id)?.name }
  return {
    flow,
    groups,
    usable: usableITAt(basis, params.continuousLoadFraction),
    usableAtRating: usableITAt(basis, 1),
    names,
  }
}
