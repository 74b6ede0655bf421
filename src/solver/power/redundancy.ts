// Redundancy: groups of the power chain and their N-1 contingencies.
//   N+1 group: lose each member in turn; its load moves through ties to the survivors in
//              proportion to their ratings (paralleled UPS modules, transformers with bus ties).
//   2N group:  lose each side (A or B; a member without a side is its own side); nothing is
//              transferred: what hangs below the lost side is dead, and dual-fed racks run on the
//              other side alone.
// After each loss every rated node is checked against its rating × the emergency overload factor.
// An N+1 group's cases are solved in closed form (power/nPlusOne.ts: only the members and their
// ancestors change); a 2N side, or an N+1 group the closed form does not fit, re-solves the whole
// chain. Per-rack PDUs are not run one by one: a PDU loss is local and the rack-circuit check
// covers it. The lost load is shared by rating; an unrated survivor takes no share, unless no
// survivor is rated (then equal shares).
import type { SolverParams } from '../../model/params'
import type { PowerNode, RedundancyScheme, Variant } from '../../model/sceneSchema'
import type { ContingencyResult, CoolingConsequence, GroupResult, NodeResult } from '../report'
import { worstOf, type CheckStatus } from '../check'
import { attachLoads, type Attached, type VariantLoads } from '../loads'
import { loadArrays, runFlow, utilisationAt, type Chain, type FlowResult } from './flow'
import { nPlusOneCases, type NPlusOneContext } from './nPlusOne'

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
  const out: Group[] = []
  // An index loop, the groups listed as they are made (no copy of the map's values): a chain of
  // single-node groups (a thousand PDUs) has a group per node.
  const power = variant.power
  for (let k = 0; k < power.length; k++) {
    const node = power[k]!
    if (node.kind === 'generator' || node.kind === 'grid') continue
    const redundancy = node.redundancy
    const id = redundancy?.group ?? node.id
    const group = groups.get(id)
    if (group) group.members.push(node)
    else {
      const fresh: Group = { id, scheme: redundancy?.scheme ?? 'N', members: [node] }
      groups.set(id, fresh)
      out.push(fresh)
    }
  }
  return out
}

/** Every node on a path from the grid to an IT rack, as a mask over the chain's node indices. */
function criticalMask(chain: Chain, loads: VariantLoads): Uint8Array {
  const critical = new Uint8Array(chain.nodes.length)
  const { index, parent } = chain
  // Index loops, the walk inline (a row fed rack by rack has a pair per rack): from each feed up
  // the parent indices to the first node already marked.
  for (let r = 0; r < loads.rows.length; r++) {
    const pairs = loads.rows[r]!.supply.pairs
    for (let k = 0; k < pairs.length; k++) {
      const pair = pairs[k]!
      for (let i = index.get(pair.a) ?? -1; i >= 0 && !critical[i]; i = parent[i]!) critical[i] = 1
      if (pair.b !== null) for (let i = index.get(pair.b) ?? -1; i >= 0 && !critical[i]; i = parent[i]!) critical[i] = 1
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

const NO_CASES: readonly PowerNode[][] = []

/** The cases a group is tested with: one per member (N+1) or per side (2N). */
function casesOf(group: Group): readonly PowerNode[][] {
  if (group.scheme === 'N' || group.members.every((m) => m.kind === 'pdu')) return []
  if (group.scheme === 'N+1') return group.members.map((m) => [m])
  const sides = new Map<string, PowerNode[]>()
  for (const m of group.members) {
    const side = m.redundancy?.side ?? m.id
    const list = sides.get(side)
    if (list) list.push(m)
    else sides.set(side, [m])
  }
  return [...sides.values()]
}

/** Per node, its worst loading over the N-1 cases run so far. */
export interface CaseTally {
  /** Cases run in all. */
  cases: number
  /** Per node: the cases that re-solved it or lost it (in the others it kept its base-case flow). */
  touched: Float64Array
  /** Per node: its highest loading over the cases that re-solved it; NaN when none did. */
  worst: Float64Array
}

export interface RedundancyInput {
  variant: Variant
  params: SolverParams
  loads: VariantLoads
  base: FlowResult
  /** With everything in service: the rows and cooling placements left without supply. */
  attached: Pick<Attached, 'deadRows' | 'deadCooling'>
  baseKW: Float64Array
  baseKvar: Float64Array
  requiredTier: RedundancyScheme
  /** What losing these cooling placements does to the racks (the coupled power → cooling case). */
  coolingImpact?: (deadCooling: readonly string[]) => CoolingConsequence[]
  /** Re-solve the whole chain for every case, N+1 included (the reference the closed form is
   *  tested against). */
  resolveEveryCase?: boolean
}

/** One case, the whole chain re-solved. */
function runCase(input: RedundancyInput, group: Group, lost: PowerNode[], tally: CaseTally, feeders: ReadonlySet<number>): ContingencyResult {
  const { loads, base, params } = input
  const chain = base.chain
  const lostIds = lost.map((n) => n.id)
  const lostIdx = lostIds.map((id) => chain.index.get(id)!)
  const lostSet = new Set(lostIds)
  const survivors = group.members.filter((m) => !lostSet.has(m.id))
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
    const rated = (m: PowerNode) => {
      const r = chain.rating[chain.index.get(m.id)!]!
      return r > 0 ? r : 0
    }
    const byRating = survivors.reduce((sum, m) => sum + rated(m), 0)
    const ratingOf = byRating > 0 ? rated : () => 1
    const total = byRating > 0 ? byRating : survivors.length
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
    const lostLoads = attachLoads(loads, dead)
    attached = lostLoads
    ;({ kw, kvar } = loadArrays(chain, lostLoads.byNode))
  }
  const flow = runFlow(chain, kw, kvar, removed)
  const limit = params.emergencyOverloadFactor
  const own = new Set(survivors.map((m) => chain.index.get(m.id)!))
  const overloaded: ContingencyResult['overloaded'] = []
  let worst: ContingencyResult['worst'] = null
  let worstOwn: ContingencyResult['worst'] = null
  let lossOverloads = false
  tally.cases++
  for (let i = 0; i < chain.nodes.length; i++) {
    tally.touched[i] = tally.touched[i]! + 1
    if (removed[i]) continue
    const u = utilisationAt(chain, flow, i)
    if (!(u === u)) continue
    if (!(u <= tally.worst[i]!)) tally.worst[i] = u
    const node = chain.nodes[i]!
    const name = node.name ?? node.id
    // The case's worst is a node the loss loads more: one it leaves as it was is no figure of it.
    const more = loadedMore(u, base.nodes[i]!.utilisation ?? NaN)
    if (more && (!worst || u > worst.utilisation)) worst = { nodeId: node.id, name, utilisation: u }
    if (more && (u <= limit || own.has(i)) && (!worstOwn || u > worstOwn.utilisation)) worstOwn = { nodeId: node.id, name, utilisation: u }
    if (u > limit) {
      overloaded.push({ nodeId: node.id, name, loadKVA: u * chain.rating[i]!, ratingKVA: chain.rating[i]!, utilisation: u })
      if (!overWhateverIsLost(feeders, i, base.nodes[i]!.utilisation, limit, u)) lossOverloads = true
    }
  }
  overloaded.sort((a, b) => b.utilisation - a.utilisation)
  const coolingConsequences = attached.deadCooling.length > 0 && input.coolingImpact ? input.coolingImpact(attached.deadCooling) : []
  const overheats = coolingConsequences.some((c) => c.rowsOverLimit.length > 0)
  const ownOverload = overloaded.some((o) => own.has(chain.index.get(o.nodeId)!))
  const worsts = caseWorsts(worst, worstOwn)
  return {
    id: `${group.id}:-${lostIds.join('+')}`,
    group: group.id,
    lost: lostIds,
    overloaded,
    deEnergisedRows: attached.deadRows,
    deEnergisedCooling: attached.deadCooling,
    coolingConsequences,
    ...worsts,
    status: caseStatus(ownOverload, lossOverloads || caseLoading(worsts) > limit * params.contingencyWarnFraction, attached.deadRows.length > 0 || overheats, attached.deadCooling.length > 0),
  }
}

/** Whether the most loaded node leaving out overloads elsewhere is less loaded than the most
 *  loaded node (beyond rounding: nodes loaded alike may come in either order). */
export function differs(worst: { utilisation: number } | null, worstOwn: { utilisation: number } | null): boolean {
  return worst !== null && (worstOwn === null || worstOwn.utilisation < worst.utilisation * (1 - 1e-9))
}

/** A case's most loaded node and, where that one is overloaded elsewhere (reported against it),
 *  the loading leaving such nodes out: what the case records. */
export function caseWorsts(worst: ContingencyResult['worst'], worstOwn: { utilisation: number } | null): Pick<ContingencyResult, 'worst' | 'worstOwnUtilisation'> {
  return differs(worst, worstOwn) ? { worst, worstOwnUtilisation: worstOwn?.utilisation ?? 0 } : { worst }
}

/** A case's loading as its group's N-1 check reads it (checks/power/contingency.ts), the one
 *  figure both judge: a case past the check's warning (params.contingencyWarnFraction of the
 *  emergency limit) warns as its check does. A 2N pair of auxiliary transformers whose loss put
 *  Substation transformer 2 at 98.8 % warned in its check while the case said ok and the N-1
 *  summary counted no warning. */
export function caseLoading(c: Pick<ContingencyResult, 'worst' | 'worstOwnUtilisation'>): number {
  return c.worstOwnUtilisation ?? c.worst?.utilisation ?? 0
}

/** A case fails on what the group's own loss does: a survivor of the group overloaded, racks left
 *  dark, racks overheated. A node elsewhere overloaded by it fails that node's own N-1 (see
 *  attributedOverloads) and only warns here; so does cooling stopped without harm.
 *  `lossOverloads`: a node past the emergency limit in the case, but for one the loss does not
 *  put there (overWhateverIsLost). */
export function caseStatus(ownOverload: boolean, lossOverloads: boolean, racksLost: boolean, coolingStopped: boolean): ContingencyResult['status'] {
  return ownOverload || racksLost ? 'fail' : lossOverloads || coolingStopped ? 'warn' : 'ok'
}

/** The nodes that feed every member of a group (their common ancestors): whichever member is
 *  lost, they carry the group's whole load, changed only by the members' own losses. */
export function commonFeeders(chain: Pick<Chain, 'parent'>, members: readonly number[]): Set<number> {
  let common: Set<number> | null = null
  for (const i of members) {
    const up = new Set<number>()
    for (let x = chain.parent[i]!; x >= 0; x = chain.parent[x]!) if (!common || common.has(x)) up.add(x)
    common = up
  }
  return common ?? new Set()
}

/** Whether a case loads a node more than the chain in service does (beyond rounding: the same
 *  flow solved again, or the closed form's sums, differ in the last bits). A node the loss leaves
 *  as it was, a unit transformer of another row at 98 % whichever busway is lost, is no figure of
 *  the case: the N-1 check that read it as the case's worst warned "loss of Busway 1.2A loads Unit
 *  transformer 1.1A to 98 %" beside the case, ok, and the node's own load check. An unrated base
 *  (NaN) counts as loaded more. */
export function loadedMore(utilisation: number, baseUtilisation: number): boolean {
  return !(utilisation <= baseUtilisation * (1 + 1e-9))
}

/** A node past the emergency limit that no loss of the group puts there, and whose own load check
 *  fails it: one past the limit with everything in service that either feeds the whole group
 *  (commonFeeders: whichever member is lost, it carries the group's load, changed only by the
 *  members' own losses) or carries in the case no more than it did in service (a transformer
 *  downstream of an N+1 pair, which the pair's loss leaves as it was). Such a node judges no case:
 *  a 1 MVA grid connection at 2,223 % made both cases of a transformer pair warn "loss of ST-1 →
 *  Grid 2,223 %" beside the pair's N-1 check, OK; a 1,000 kVA unit transformer at 191 % below the
 *  substation pair, "loss of Substation transformer 1 → Unit transformer 1.1 at 191 %". A node the
 *  loss loads more (the B side of a 2N pair taking the A side's load) still counts, overloaded
 *  before or not. `baseUtilisation`: its loading in the base case (null or NaN when unrated);
 *  `utilisation`: in the case. */
export function overWhateverIsLost(feeders: ReadonlySet<number>, i: number, baseUtilisation: number | null | undefined, limit: number, utilisation: number): boolean {
  if (baseUtilisation === null || baseUtilisation === undefined || !(baseUtilisation > limit)) return false
  return feeders.has(i) || !loadedMore(utilisation, baseUtilisation)
}

/** The base-case loading of every node, and the rated ones ranked, highest first (on a tie, the
 *  first in the scene). */
function rankBase(base: FlowResult): { baseU: Float64Array; ranked: Int32Array } {
  const chain = base.chain
  const baseU = new Float64Array(chain.nodes.length)
  // The rated nodes by loading, each loading's in scene order; the loadings are then sorted as
  // numbers (a typed array's sort calls no comparator: nodes loaded alike, a thousand PDUs, are
  // one entry), highest first. −0 and 0 are one key, as they tie in a comparison.
  const byLoading = new Map<number, number[]>()
  let count = 0
  // The loadings the base case's records hold (solveFlow: utilisationAt, null when unrated).
  const nodes = base.nodes
  for (let i = 0; i < nodes.length; i++) {
    const u = nodes[i]!.utilisation ?? NaN
    baseU[i] = u
    if (!(u === u)) continue
    count++
    const alike = byLoading.get(u)
    if (alike) alike.push(i)
    else byLoading.set(u, [i])
  }
  const loadings = Float64Array.from(byLoading.keys()).sort()
  const ranked = new Int32Array(count)
  let written = 0
  for (let k = loadings.length - 1; k >= 0; k--) for (const i of byLoading.get(loadings[k]!)!) ranked[written++] = i
  return { baseU, ranked }
}

/** Runs every group's N-1 cases; records on each node its worst loading over the cases. */
export function analyseRedundancy(input: RedundancyInput): GroupResult[] {
  const chain = input.base.chain
  const critical = criticalMask(chain, input.loads)
  const tierRank = SCHEME_RANK[input.requiredTier]
  const results: GroupResult[] = []
  const n = chain.nodes.length
  const tally: CaseTally = { cases: 0, touched: new Float64Array(n), worst: new Float64Array(n).fill(NaN) }
  let closedForm: NPlusOneContext | null = null
  // Index loops and no closures per group: a chain of single-node groups (a thousand PDUs) has
  // as many groups, mostly without a case.
  const groups = powerGroups(input.variant)
  for (let gi = 0; gi < groups.length; gi++) {
    const group = groups[gi]!
    const members = group.members
    let isCritical = false
    let tiered = false
    const ids: string[] = []
    for (let k = 0; k < members.length; k++) {
      const m = members[k]!
      ids.push(m.id)
      if (critical[chain.index.get(m.id)!]) isCritical = true
      if (TIERED_KINDS.has(m.kind)) tiered = true
    }
    const cases = group.scheme === 'N' ? NO_CASES : casesOf(group)
    if (cases.length === 0) {
      // No case: the scheme survives, and the status is the tier's alone.
      const meetsTier = !isCritical || !tiered || SCHEME_RANK[group.scheme] >= tierRank
      results.push({ id: group.id, scheme: group.scheme, members: ids, critical: isCritical, meetsTier, contingencies: [], status: meetsTier ? 'ok' : 'fail' })
      continue
    }
    let contingencies: ContingencyResult[] | null = null
    if (group.scheme === 'N+1' && !input.resolveEveryCase) {
      closedForm ??= {
        chain,
        base: input.base.arrays,
        ...rankBase(input.base),
        limit: input.params.emergencyOverloadFactor,
        warnAt: input.params.emergencyOverloadFactor * input.params.contingencyWarnFraction,
        tally,
        dP: new Float64Array(n),
        dQ: new Float64Array(n),
        aP: new Float64Array(n),
        aQ: new Float64Array(n),
        aInP: new Float64Array(n),
        aInQ: new Float64Array(n),
        aU: new Float64Array(n),
        mark: new Float64Array(n),
      }
      contingencies = nPlusOneCases(closedForm, group)
    }
    if (!contingencies) {
      // The nodes feeding the whole group, once for all its cases (overWhateverIsLost).
      const feeders = commonFeeders(chain, members.map((m) => chain.index.get(m.id)!))
      contingencies = cases.map((lost) => runCase(input, group, lost, tally, feeders))
    }
    // Survives as a scheme: no loss leaves racks dark or overheated. A survivor overloaded is a
    // matter of capacity, which usable IT counts through the firm ratings (power/usable.ts) and
    // the N-1 check reports against the overloaded node; it does not make the scheme worth 0.
    const survives = contingencies.every((c) => c.deEnergisedRows.length === 0 && !c.coolingConsequences.some((q) => q.rowsOverLimit.length > 0))
    const meetsTier = !isCritical || !tiered || (SCHEME_RANK[group.scheme] >= tierRank && survives)
    results.push({
      id: group.id,
      scheme: group.scheme,
      members: ids,
      critical: isCritical,
      meetsTier,
      contingencies,
      status: contingencies.reduce<CheckStatus>((worst, c) => worstOf(worst, c.status), meetsTier ? 'ok' : 'fail'),
    })
  }
  // A group whose member some other group's loss overloads fails too: the overload is its own.
  const attributed = attributedOverloads(input.variant, results, input.base, input.params.emergencyOverloadFactor)
  if (attributed.size > 0) {
    const byId = new Map(results.map((g) => [g.id, g]))
    for (const [owner] of attributed) {
      const g = byId.get(owner)
      if (g) g.status = 'fail'
    }
  }
  // A node's worst loading: over the cases that re-solved it, and its base-case loading if some
  // case left it as it was.
  const baseU = closedForm?.baseU
  for (let i = 0; i < n; i++) {
    let u = tally.worst[i]!
    if (tally.touched[i]! < tally.cases) {
      const b = baseU ? baseU[i]! : utilisationAt(chain, input.base.arrays, i)
      if (b === b && !(b <= u)) u = b
    }
    if (u === u) input.base.nodes[i]!.contingencyUtilisation = u
  }
  return results
}

export function isTiered(node: NodeResult): boolean {
  return TIERED_KINDS.has(node.kind)
}

/** One node overloaded by another group's loss. */
export interface AttributedOverload {
  /** The case (of another group) that overloads it. */
  contingency: ContingencyResult
  overload: ContingencyResult['overloaded'][number]
}

/** Overloads that belong to the overloaded node, not to the group whose loss causes them: per
 *  owner (the node's redundancy group; a node outside any is its own), the cases of other groups
 *  that push one of its members past the emergency limit. Left out: a node already past the limit
 *  with everything in service (its load check fails it, no loss does), and the grid and
 *  generators, which are in no group: every case draws the same load through the grid connection,
 *  only the chain's losses change (the connection is judged by grid.load; its loading in the
 *  cases is on the report's nodes). */
export function attributedOverloads(variant: Variant, groups: readonly GroupResult[], base: FlowResult, limit: number): Map<string, AttributedOverload[]> {
  // Made at the first overload: most chains have none.
  let owner: Map<string, string> | null = null
  const out = new Map<string, AttributedOverload[]>()
  // Index loops: a chain of single-node groups (a thousand PDUs) has as many groups, mostly
  // without a case, and an unoptimised for…of makes an iterator for each.
  for (let gi = 0; gi < groups.length; gi++) {
    const g = groups[gi]!
    for (let ci = 0; ci < g.contingencies.length; ci++) {
      const c = g.contingencies[ci]!
      for (const o of c.overloaded) {
        if (!owner) {
          owner = new Map<string, string>()
          for (const node of variant.power) if (node.kind !== 'grid' && node.kind !== 'generator') owner.set(node.id, node.redundancy?.group ?? node.id)
        }
        const own = owner.get(o.nodeId)
        if (own === undefined || own === g.id) continue
        const baseU = base.byId.get(o.nodeId)?.utilisation ?? null
        if (baseU !== null && baseU > limit) continue
        const list = out.get(own)
        if (list) list.push({ contingency: c, overload: o })
        else out.set(own, [{ contingency: c, overload: o }])
      }
    }
  }
  return out
}
