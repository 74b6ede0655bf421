// Usable IT: the IT load the chain can carry with every group at the tier the variant requires,
// every node within its continuous-load margin — the figure to set beside the grid's nameplate.
//   Firm rating of a member: at tier N its rating; above N, N+1 → rating × (Σ − largest)/Σ over
//   the group, 2N → rating × (Σ − largest side)/Σ, and a critical group below the tier is worth 0.
//   A node's IT capacity = firm kVA × margin × the power factor where its rating applies (a
//   transformer's output, other nodes' intake) − the non-IT (cooling) load it serves; up the tree, usable(node) = min(capacity(node), Σ usable(children)), and a
//   node with racks on it directly is limited by itself alone.
// Losses and the change of power factor with load are neglected here (a few tenths of a %).
import type { SolverParams } from '../../model/params'
import type { RedundancyScheme, Variant } from '../../model/sceneSchema'
import type { GroupResult } from '../report'
import type { VariantLoads } from '../loads'
import { ratedFlowAt, type FlowResult } from './flow'

export interface Usable {
  usableITKW: number
  limitedBy: string | null
}

function firmFactor(group: GroupResult, variant: Variant, ratingOf: (id: string) => number): number {
  const ratings = group.members.map(ratingOf)
  const total = ratings.reduce((s, r) => s + r, 0)
  if (total <= 0) return 1
  if (group.scheme === 'N') return 1
  if (group.scheme === 'N+1') return (total - Math.max(...ratings)) / total
  const sides = new Map<string, number>()
  for (const id of group.members) {
    const node = variant.power.find((n) => n.id === id)
    const side = node?.redundancy?.side ?? id
    sides.set(side, (sides.get(side) ?? 0) + ratingOf(id))
  }
  return (total - Math.max(...sides.values())) / total
}

export function usableIT(
  variant: Variant,
  flow: FlowResult,
  groups: readonly GroupResult[],
  loads: VariantLoads,
  params: SolverParams,
  tier: RedundancyScheme,
): Usable {
  const ratingOf = (id: string) => flow.byId.get(id)?.ratingKVA ?? 0
  const firm = new Map<string, number>()
  for (const group of groups) {
    // At tier N every rating counts whole; above it a group keeps its spare in reserve, and a
    // critical group below the tier carries nothing that counts.
    const factor = tier === 'N' || !group.critical ? 1 : group.meetsTier ? firmFactor(group, variant, ratingOf) : 0
    for (const id of group.members) firm.set(id, factor)
  }
  // IT and non-IT load hung directly on each node.
  const itOn = new Map<string, number>()
  for (const load of loads.rows) {
    const sides = load.supply.b ? [load.supply.a, load.supply.b] : [load.supply.a]
    for (const feeds of sides) for (const id of feeds) itOn.set(id, (itOn.get(id) ?? 0) + load.rackKW / sides.length)
  }
  const children = new Map<string, string[]>()
  for (const n of variant.power) {
    if (n.parent === null) continue
    const list = children.get(n.parent)
    if (list) list.push(n.id)
    else children.set(n.parent, [n.id])
  }

  const ratedPF = (id: string): number => {
    const at = ratedFlowAt(flow.chain, flow.arrays, flow.chain.index.get(id)!)
    const s = Math.hypot(at.kw, at.kvar)
    return s > 0 ? at.kw / s : 1
  }
  const memo = new Map<string, { kw: number; limitedBy: string | null }>()
  const visit = (id: string): { kw: number; limitedBy: string | null } => {
    const known = memo.get(id)
    if (known) return known
    const node = flow.byId.get(id)!
    const nonIT = Math.max(0, node.loadKW - node.lossKW - (itOn.get(id) ?? 0) - childIT(id))
    const capacity =
      node.ratingKVA === null ? Infinity : Math.max(0, node.ratingKVA * (firm.get(id) ?? 1) * params.continuousLoadFraction * ratedPF(id) - nonIT)
    let below: { kw: number; limitedBy: string | null } = { kw: 0, limitedBy: null }
    if ((itOn.get(id) ?? 0) > 0) {
      // Racks hang on this node: more of them could, up to its own capacity.
      below = { kw: Infinity, limitedBy: null }
    } else {
      let best: { kw: number; limitedBy: string | null; share: number } | null = null
      let sum = 0
      for (const c of children.get(id) ?? []) {
        const r = visit(c)
        sum += r.kw
        const share = flow.byId.get(c)!.utilisation ?? 0
        if (r.limitedBy && (!best || share > best.share)) best = { ...r, share }
      }
      below = { kw: sum, limitedBy: best?.limitedBy ?? null }
    }
    const result = capacity < below.kw ? { kw: capacity, limitedBy: id } : below
    memo.set(id, result)
    return result
  }
  // IT drawn below a node through its children (so that only the node's own non-IT is subtracted).
  const itBelow = new Map<string, number>()
  const childIT = (id: string): number => {
    const known = itBelow.get(id)
    if (known !== undefined) return known
    let sum = 0
    for (const c of children.get(id) ?? []) sum += (itOn.get(c) ?? 0) + childIT(c)
    itBelow.set(id, sum)
    return sum
  }
  const top = visit(flow.root.id)
  const installed = loads.rows.reduce((s, r) => s + r.rowKW, 0)
  if (!Number.isFinite(top.kw)) return { usableITKW: installed, limitedBy: null }
  return { usableITKW: top.kw, limitedBy: top.limitedBy }
}
