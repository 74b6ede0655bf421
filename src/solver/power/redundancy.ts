// Redundancy: groups of the power chain and their N-1 contingencies.
//   N+1 group: lose each member in turn; its load moves through ties to the survivors in
//              proportion to their ratings (paralleled UPS modules, transformers with bus ties).
//   2N group:  lose each side (A or B; a member without a side is its own side); nothing is
//              transferred: what hangs below the lost side is dead, and dual-fed racks run on the
//              other side alone.
// After each loss the whole chain is re-solved and every rated node is checked against its rating
// × the emergency overload factor. Per-rack PDUs are not run one by one: a PDU loss is local and
// the rack-circuit check covers it.
import type { SolverParams } from '../../model/params'
import type { PowerNode, RedundancyScheme, Variant } from '../../model/sceneSchema'
import type { ContingencyResult, CoolingConsequence, GroupResult, NodeResult } from '../report'
import { worstStatus } from '../check'
import { attachLoads, type Attached, type VariantLoads } from '../loads'
import { loadArrays, runFlow, utilisationAt, type Chain, type FlowArrays, type FlowResult } from './flow'

export const SCHEME_RANK: Record<RedundancyScheme, number> = { N: 0, 'N+1': 1, '2N': 2 }
/** Node kinds that make up the critical path a tier applies to (not the grid, PDUs or generators). */
const TIERED_KINDS = new Set<PowerNode['kind']>(['transformer', 'switchgear', 'feeder', 'board', 'busway', 'ups'])

export interface Group {
  id: string
  scheme: RedundancyScheme
  members: PowerNode[]
}

export function powerGroups(variant: Variant): Group[] {
  const groups = new Map<string, Group>()
  for (const node of variant.power) {
    if (node.kind === 'generator' || node.kind === 'grid') continue
    const id = node.redundancy?.group ?? node.id
    const group = groups.get(id) ?? { id, scheme: node.redundancy?.scheme ?? 'N', members: [] }
    group.members.push(node)
    groups.set(id, group)
  }
  return [...groups.values()]
}

/** Every node on a path from the grid to an IT rack. */
export function criticalNodes(variant: Variant, loads: VariantLoads): Set<string> {
  const parentOf = new Map(variant.power.map((n) => [n.id, n.parent]))
  const critical = new Set<string>()
  const mark = (start: string) => {
    for (let cur: string | null | undefined = start; cur != null && !critical.has(cur); cur = parentOf.get(cur)) critical.add(cur)
  }
  for (const load of loads.rows) {
    for (const { a, b } of load.supply.pairs) {
      mark(a)
      if (b !== null) mark(b)
    }
  }
  return critical
}

/** The lost nodes and everything below them, as a mask over the chain's node indices. */
function deadMask(chain: Chain, lostIdx: readonly number[]): Uint8Array {
  const mask = new Uint8Array(chain.nodes.length)
  for (const i of lostIdx) mask[i] = 1
  // Post-order lists children before parents, so walk it backwards: parents first.
  for (let k = chain.order.length - 1; k >= 0; k--) {
    const i = chain.order[k]!
    const p = chain.parent[i]!
    if (p >= 0 && mask[p]) mask[i] = 1
  }
  return mask
}

/** The cases a group is tested with: one per member (N+1) or per side (2N). */
function casesOf(group: Group): PowerNode[][] {
  if (group.scheme === 'N' || group.members.every((m) => m.kind === 'pdu')) return []
  if (group.scheme === 'N+1') return group.members.map((m) => [m])
  const sides = new Map<string, PowerNode[]>()
  for (const m of group.members) {
    const side = m.redundancy?.side ?? m.id
    sides.set(side, [...(sides.get(side) ?? []), m])
  }
  return [...sides.values()]
}

export interface RedundancyInput {
  variant: Variant
  params: SolverParams
  loads: VariantLoads
  base: FlowResult
  /** Loads on their nodes with everything in service, by node id and as arrays by index. */
  attached: Attached
  baseKW: Float64Array
  baseKvar: Float64Array
  requiredTier: RedundancyScheme
  /** What losing these cooling placements does to the racks (the coupled power → cooling case). */
  coolingImpact?: (deadCooling: readonly string[]) => CoolingConsequence[]
}

interface CaseOutcome {
  result: ContingencyResult
  flow: FlowArrays
  removed: Uint8Array
}

function runCase(input: RedundancyInput, group: Group, lost: PowerNode[]): CaseOutcome {
  const { loads, base, params } = input
  const chain = base.chain
  const lostIds = lost.map((n) => n.id)
  const lostIdx = lostIds.map((id) => chain.index.get(id)!)
  const survivors = group.members.filter((m) => !lostIds.includes(m.id))
  let removed: Uint8Array
  let kw: Float64Array
  let kvar: Float64Array
  let attached = input.attached
  if (group.scheme === 'N+1' && survivors.length > 0) {
    // Ties: the lost members' load is shared by the survivors in proportion to their ratings.
    removed = new Uint8Array(chain.nodes.length)
    for (const i of lostIdx) removed[i] = 1
    kw = input.baseKW.slice()
    kvar = input.baseKvar.slice()
    const ratingOf = (m: PowerNode) => {
      const r = chain.rating[chain.index.get(m.id)!]!
      return r > 0 ? r : 1
    }
    const total = survivors.reduce((sum, m) => sum + ratingOf(m), 0)
    for (const i of lostIdx) {
      const outKW = base.arrays.loadKW[i]! - base.arrays.lossKW[i]!
      const outKvar = base.arrays.loadKvar[i]! - base.arrays.lossKvar[i]!
      for (const m of survivors) {
        const j = chain.index.get(m.id)!
        const share = ratingOf(m) / total
        kw[j] = kw[j]! + outKW * share
        kvar[j] = kvar[j]! + outKvar * share
      }
    }
  } else {
    removed = deadMask(chain, lostIdx)
    const dead = new Set<string>()
    removed.forEach((v, i) => {
      if (v) dead.add(chain.nodes[i]!.id)
    })
    attached = attachLoads(loads, dead)
    ;({ kw, kvar } = loadArrays(chain, attached.byNode))
  }
  const flow = runFlow(chain, kw, kvar, removed)
  const limit = params.emergencyOverloadFactor
  const overloaded: ContingencyResult['overloaded'] = []
  let worst: ContingencyResult['worst'] = null
  for (let i = 0; i < chain.nodes.length; i++) {
    if (removed[i]) continue
    const u = utilisationAt(chain, flow, i)
    if (!(u === u)) continue
    const node = chain.nodes[i]!
    const name = node.name ?? node.id
    if (!worst || u > worst.utilisation) worst = { nodeId: node.id, name, utilisation: u }
    if (u > limit) overloaded.push({ nodeId: node.id, name, loadKVA: u * chain.rating[i]!, ratingKVA: chain.rating[i]!, utilisation: u })
  }
  overloaded.sort((a, b) => b.utilisation - a.utilisation)
  const coolingConsequences = attached.deadCooling.length > 0 && input.coolingImpact ? input.coolingImpact(attached.deadCooling) : []
  const overheats = coolingConsequences.some((c) => c.rowsOverLimit.length > 0)
  const status = overloaded.length > 0 || attached.deadRows.length > 0 || overheats ? 'fail' : attached.deadCooling.length > 0 ? 'warn' : 'ok'
  return {
    result: {
      id: `${group.id}:-${lostIds.join('+')}`,
      group: group.id,
      lost: lostIds,
      overloaded,
      deEnergisedRows: attached.deadRows,
      deEnergisedCooling: attached.deadCooling,
      coolingConsequences,
      worst,
      status,
    },
    flow,
    removed,
  }
}

/** Runs every group's N-1 cases; records on each node its worst loading over the cases. */
export function analyseRedundancy(input: RedundancyInput): GroupResult[] {
  const critical = criticalNodes(input.variant, input.loads)
  const tierRank = SCHEME_RANK[input.requiredTier]
  const results: GroupResult[] = []
  for (const group of powerGroups(input.variant)) {
    const contingencies: ContingencyResult[] = []
    for (const lost of casesOf(group)) {
      const { result, flow, removed } = runCase(input, group, lost)
      contingencies.push(result)
      const chain = input.base.chain
      for (let i = 0; i < chain.nodes.length; i++) {
        if (removed[i]) continue
        const u = utilisationAt(chain, flow, i)
        const node = input.base.nodes[i]!
        if (u === u && (node.contingencyUtilisation === null || u > node.contingencyUtilisation)) node.contingencyUtilisation = u
      }
    }
    const isCritical = group.members.some((m) => critical.has(m.id))
    const tiered = group.members.some((m) => TIERED_KINDS.has(m.kind))
    const survives = contingencies.every((c) => c.status !== 'fail')
    const meetsTier = !isCritical || !tiered || (SCHEME_RANK[group.scheme] >= tierRank && survives)
    results.push({
      id: group.id,
      scheme: group.scheme,
      members: group.members.map((m) => m.id),
      critical: isCritical,
      meetsTier,
      contingencies,
      status: worstStatus([...contingencies.map((c) => c.status), meetsTier ? 'ok' : 'fail']),
    })
  }
  return results
}

export function isTiered(node: NodeResult): boolean {
  return TIERED_KINDS.has(node.kind)
}
