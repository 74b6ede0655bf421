// Usable IT: the IT load the chain can carry with every group at the tier the variant requires,
// every node within its continuous-load margin — the figure to set beside the grid's nameplate.
//   Firm rating of a member: at tier N its rating; above N, N+1 → rating × (Σ − largest)/Σ over
//   the group, 2N → rating × (Σ − largest side)/Σ, and a critical group below the tier is worth 0.
//   A node's IT capacity = firm kVA × margin × the power factor where its rating applies (a
//   transformer's output, other nodes' intake) − the non-IT (cooling) load it serves;
//   up the tree, usable(node) = min(capacity(node), Σ usable(children)), and a node with racks
//   on it directly is limited by itself alone. An unrated node sets no limit of its own.
// Losses and the change of power factor with load are neglected here (a few tenths of a %).
// Passes over the chain's post-order (children before parents), no recursion, any depth: the basis
// (firm ratings, power factors, non-IT load) once, whatever the margin; then the limits at a margin
// (solvePower: the continuous-load margin and the full rating, from the one basis).
import type { RedundancyScheme, Variant } from '../../model/sceneSchema'
import type { GroupResult } from '../report'
import type { VariantLoads } from '../loads'
import { ratedFlowInto, type Chain, type FlowResult } from './flow'

export interface Usable {
  usableITKW: number
  limitedBy: string | null
}

function firmFactor(group: GroupResult, chain: Chain, variant: Variant): number {
  let total = 0
  let largest = 0
  const sides = new Map<string, number>()
  for (const id of group.members) {
    const i = chain.index.get(id)!
    const r = chain.rating[i]! > 0 ? chain.rating[i]! : 0
    total += r
    if (r > largest) largest = r
    const side = variant.power[i]!.redundancy?.side ?? id
    sides.set(side, (sides.get(side) ?? 0) + r)
  }
  if (total <= 0 || group.scheme === 'N') return 1
  if (group.scheme === 'N+1') return (total - largest) / total
  let largestSide = 0
  for (const r of sides.values()) if (r > largestSide) largestSide = r
  return (total - largestSide) / total
}

/** What usable IT needs of the chain whatever the continuous-load margin: per node, its firm rating
 *  (kVA; NaN when unrated), the power factor where that rating applies and the non-IT load it
 *  serves; the IT hung on it directly. */
export interface UsableBasis {
  chain: Chain
  flow: FlowResult
  firmKVA: Float64Array
  pf: Float64Array
  nonIT: Float64Array
  itOn: Float64Array
  installedITKW: number
}

export function usableBasis(variant: Variant, flow: FlowResult, groups: readonly GroupResult[], loads: VariantLoads, tier: RedundancyScheme): UsableBasis {
  const chain = flow.chain
  const n = chain.nodes.length
  const firm = new Float64Array(n).fill(1)
  // At tier N every rating counts whole (the 1 above); above it a group keeps its spare in
  // reserve, and a critical group below the tier carries nothing that counts.
  if (tier !== 'N') {
    for (const group of groups) {
      const factor = group.critical ? (group.meetsTier ? firmFactor(group, chain, variant) : 0) : 1
      for (const id of group.members) firm[chain.index.get(id)!] = factor
    }
  }
  // IT hung directly on each node, and IT drawn below it through its children.
  const itOn = new Float64Array(n)
  for (const load of loads.rows) {
    const sides = load.supply.dual ? 2 : 1
    const pairs = load.supply.pairs
    for (let k = 0; k < pairs.length; k++) {
      const { a, b, racks } = pairs[k]!
      const kw = (load.rackKW * racks) / sides
      const ja = chain.index.get(a)!
      itOn[ja] = itOn[ja]! + kw
      if (b !== null) {
        const jb = chain.index.get(b)!
        itOn[jb] = itOn[jb]! + kw
      }
    }
  }
  const itBelow = new Float64Array(n)
  const firmKVA = new Float64Array(n).fill(NaN)
  const pf = new Float64Array(n)
  const nonIT = new Float64Array(n)
  const at = new Float64Array(2)
  for (let k = 0; k < chain.order.length; k++) {
    const i = chain.order[k]!
    const node = flow.nodes[i]!
    nonIT[i] = Math.max(0, node.loadKW - node.lossKW - itOn[i]! - itBelow[i]!)
    if (node.ratingKVA !== null) {
      ratedFlowInto(chain, flow.arrays, i, at)
      const s = Math.hypot(at[0]!, at[1]!)
      pf[i] = s > 0 ? at[0]! / s : 1
      firmKVA[i] = node.ratingKVA * firm[i]!
    }
    const p = chain.parent[i]!
    if (p >= 0) itBelow[p] = itBelow[p]! + itOn[i]! + itBelow[i]!
  }
  return { chain, flow, firmKVA, pf, nonIT, itOn, installedITKW: loads.rows.reduce((s, r) => s + r.rowKW, 0) }
}

/** Usable IT with every node within `continuousLoadFraction` of its firm rating. */
export function usableITAt(basis: UsableBasis, continuousLoadFraction: number): Usable {
  const { chain, flow, firmKVA, pf, nonIT, itOn } = basis
  const n = chain.nodes.length
  // Per node: the IT it can carry (NaN: no limit below it) and the node that sets that figure.
  const usableKW = new Float64Array(n)
  const limiter = new Int32Array(n).fill(-1)
  // Children's results gather in their parent until it is processed: Σ usable, whether some
  // child is unlimited, and the limiter of the most loaded child that has one.
  const sumBelow = new Float64Array(n)
  const unlimitedBelow = new Uint8Array(n)
  const bestChild = new Int32Array(n).fill(-1)
  const bestShare = new Float64Array(n).fill(-1)
  for (let k = 0; k < chain.order.length; k++) {
    const i = chain.order[k]!
    const firm = firmKVA[i]!
    const capacity = firm === firm ? Math.max(0, firm * continuousLoadFraction * pf[i]! - nonIT[i]!) : NaN
    // Racks hang on this node: more of them could, up to its own capacity.
    const belowKW = itOn[i]! > 0 || unlimitedBelow[i] ? NaN : sumBelow[i]!
    const belowLimiter = itOn[i]! > 0 || bestChild[i]! < 0 ? -1 : limiter[bestChild[i]!]!
    if (capacity === capacity && !(capacity >= belowKW)) {
      usableKW[i] = capacity
      limiter[i] = i
    } else {
      usableKW[i] = belowKW
      limiter[i] = belowLimiter
    }
    const p = chain.parent[i]!
    if (p < 0) continue
    if (usableKW[i]! === usableKW[i]!) sumBelow[p] = sumBelow[p]! + usableKW[i]!
    else unlimitedBelow[p] = 1
    if (limiter[i]! >= 0) {
      // The most loaded child names the limit; on a tie the first in the scene.
      const share = flow.nodes[i]!.utilisation ?? 0
      const best = bestChild[p]!
      if (best < 0 || share > bestShare[p]! || (share === bestShare[p]! && i < best)) {
        bestChild[p] = i
        bestShare[p] = share
      }
    }
  }
  const root = chain.rootIndex
  if (usableKW[root]! !== usableKW[root]!) return { usableITKW: basis.installedITKW, limitedBy: null }
  const by = limiter[root]!
  return { usableITKW: usableKW[root]!, limitedBy: by >= 0 ? chain.nodes[by]!.id : null }
}
