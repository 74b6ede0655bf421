// The N-1 cases of an N+1 group without re-solving the chain per case.
// Losing member i moves what it delivered, out_i, through the ties to the survivors in proportion
// to their ratings: survivor j delivers o_j + e·r_j with e = out_i / (Σ ratings − r_i), the same
// vector e for every survivor. So:
//   - a survivor's loading is closed-form, u_j = |(a_j·(x_j + e_P), y_j + e_Q)| with (x_j, y_j) =
//     o_j / r_j and a_j the factor from its output to where its rating applies (1 for a
//     transformer, 1/η for a UPS); survivors alike are judged once, as a class;
//   - what the survivors take in more, summed under each parent, is a quadratic in e whose
//     coefficients are group totals (P0 + Pk·k², Q0 + Qk·k² expanded: power/transformer.ts);
//   - only the ancestors of the members are re-solved, by their change in flow; every other node
//     (the lost member's own subtree included) keeps its base-case flow. The ancestors are solved
//     once per shift e as if every member took it (state A), then per case only up the lost
//     member's own path, less what it would have taken in.
// Same results as re-solving the whole chain per case (power/redundancy.ts runs that where this
// does not apply: a member above another member, or survivors with no rating to share by), in
// time linear in the group and its ancestors, not quadratic.
import type { ContingencyResult } from '../report'
import { nodeLossInto, type Chain, type FlowArrays } from './flow'
import { caseLoading, caseStatus, caseWorsts, commonFeeders, loadedMore, overWhateverIsLost, type CaseTally, type Group } from './redundancy'

/** What the closed form needs from the base case, shared by every group. */
export interface NPlusOneContext {
  chain: Chain
  base: FlowArrays
  /** Base-case loading of every node (NaN when unrated). */
  baseU: Float64Array
  /** Rated nodes by base-case loading, highest first (on a tie, the first in the scene). */
  ranked: Int32Array
  /** Emergency loading limit (params.emergencyOverloadFactor). */
  limit: number
  /** The N-1 check's warning: limit × params.contingencyWarnFraction. */
  warnAt: number
  tally: CaseTally
  /** Scratch per node, sized to the chain: changes in delivered kW / kvar (kept at 0 between
   *  uses), an ancestor's state A (see nPlusOneCases), and a mark (kept at 0). */
  dP: Float64Array
  dQ: Float64Array
  aP: Float64Array
  aQ: Float64Array
  aInP: Float64Array
  aInQ: Float64Array
  aU: Float64Array
  mark: Float64Array
}

/** Survivors that load alike: same (a, x, y). `members` are positions in the group, scene order. */
interface MemberClass {
  a: number
  x: number
  y: number
  norm: number
  members: number[]
}

/** Cases that shift the survivors alike: same e. */
interface CaseClass {
  eP: number
  eQ: number
  norm: number
  lost: number[]
}

/** Bounds are compared with this slack so that rounding never drops a candidate that ties. */
const SLACK = 1 + 1e-12

type Entry = { u: number; i: number }
const better = (u: number, i: number, best: Entry | null) => best === null || u > best.u || (u === best.u && i < best.i)
/** Most loaded first; on a tie, the first in the scene. */
const byLoading = (x: Entry, y: Entry) => y.u - x.u || x.i - y.i

/** The group's cases, or null when the closed form does not apply. */
export function nPlusOneCases(ctx: NPlusOneContext, group: Group): ContingencyResult[] | null {
  const { chain, base, limit, tally } = ctx
  const m = group.members.length
  const idx = group.members.map((node) => chain.index.get(node.id)!)
  const isMember = new Set(idx)
  const w = idx.map((i) => (chain.rating[i]! > 0 ? chain.rating[i]! : 0))
  const total = w.reduce((s, x) => s + x, 0)
  if (m < 2 || w.some((x) => !(total - x > 0)) || idx.some((i) => chain.parent[i]! < 0)) return null
  // Ancestors of the members, children before parents; none of them may be a member.
  const inU = new Set<number>()
  const ancestors: number[] = []
  for (const i of idx) {
    for (let x = chain.parent[i]!; x >= 0 && !inU.has(x); x = chain.parent[x]!) {
      if (isMember.has(x)) return null
      inU.add(x)
      ancestors.push(x)
    }
  }
  ancestors.sort((a, b) => chain.position[a]! - chain.position[b]!)
  const feeders = commonFeeders(chain, idx)

  const outP = (i: number) => base.loadKW[i]! - base.lossKW[i]!
  const outQ = (i: number) => base.loadKvar[i]! - base.lossKvar[i]!
  // Per parent, the totals that give Σ (intake' − intake) of its members for a shift e.
  const sums = new Map<number, Float64Array>()
  const addTerms = (into: Float64Array, j: number) => {
    const i = idx[j]!
    const wj = w[j]!
    into[0] = into[0]! + wj
    if (chain.p0[i]! === chain.p0[i]!) {
      const r2 = chain.rating[i]! * chain.rating[i]!
      const cP = chain.pk[i]! / r2
      const cQ = chain.qk[i]! / r2
      into[1] = into[1]! + cP * wj * outP(i)
      into[2] = into[2]! + cP * wj * outQ(i)
      into[3] = into[3]! + cP * wj * wj
      into[4] = into[4]! + cQ * wj * outP(i)
      into[5] = into[5]! + cQ * wj * outQ(i)
      into[6] = into[6]! + cQ * wj * wj
    } else into[7] = into[7]! + chain.lossFactor[i]! * wj
  }
  for (let j = 0; j < m; j++) {
    const p = chain.parent[idx[j]!]!
    let s = sums.get(p)
    if (!s) sums.set(p, (s = new Float64Array(8)))
    addTerms(s, j)
  }
  const own = new Float64Array(8)
  // ΔP, ΔQ taken in under one parent for a shift e, from its totals (see addTerms).
  const delta = (s: Float64Array, eP: number, eQ: number): [number, number] => {
    const e2 = eP * eP + eQ * eQ
    return [
      eP * s[0]! + 2 * (eP * s[1]! + eQ * s[2]!) + e2 * s[3]! + eP * s[7]!,
      eQ * s[0]! + 2 * (eP * s[4]! + eQ * s[5]!) + e2 * s[6]!,
    ]
  }

  // Survivor classes (rated members only: an unrated one takes no share and has no loading).
  const classes = new Map<string, MemberClass>()
  let reach = 1 // max(1, a) over the classes: |Δu| ≤ reach·|e|
  for (let j = 0; j < m; j++) {
    const i = idx[j]!
    const r = chain.rating[i]!
    if (!(r > 0)) continue
    const a = chain.nodes[i]!.kind === 'transformer' ? 1 : 1 + chain.lossFactor[i]!
    const x = outP(i) / r
    const y = outQ(i) / r
    const key = `${a}|${x}|${y}`
    const c = classes.get(key)
    if (c) c.members.push(j)
    else classes.set(key, { a, x, y, norm: Math.hypot(a * x, y), members: [j] })
    reach = Math.max(reach, a)
  }
  const sorted = [...classes.values()].sort((c1, c2) => c2.norm - c1.norm || idx[c1.members[0]!]! - idx[c2.members[0]!]!)

  // Nodes no case of this group changes: those over the limit, listed by every case (none is the
  // case's worst, nor judges it: redundancy.ts loadedMore, overWhateverIsLost).
  const steadyOver: Entry[] = []
  for (let k = 0; k < ctx.ranked.length; k++) {
    const i = ctx.ranked[k]!
    if (isMember.has(i) || inU.has(i)) continue
    const u = ctx.baseU[i]!
    if (!(u > limit)) break
    steadyOver.push({ u, i })
  }

  // Cases that shift the survivors alike share one state of the ancestors.
  const cases = new Map<string, CaseClass>()
  for (let lost = 0; lost < m; lost++) {
    const li = idx[lost]!
    const share = 1 / (total - w[lost]!)
    const eP = outP(li) * share
    const eQ = outQ(li) * share
    const key = `${eP}|${eQ}`
    const cc = cases.get(key)
    if (cc) cc.lost.push(lost)
    else cases.set(key, { eP, eQ, norm: Math.hypot(eP, eQ), lost: [lost] })
  }
  const results: ContingencyResult[] = new Array<ContingencyResult>(m)
  const scratch = new Float64Array(2)
  const { dP, dQ, aP, aQ, aInP, aInQ, aU, mark } = ctx
  const node = (i: number) => chain.nodes[i]!
  const name = (i: number) => node(i).name ?? node(i).id
  const rated = (u: number) => chain.rating[u]! > 0
  const utilOf = (u: number, sOut: number, inP: number, inQ: number) => (chain.nodes[u]!.kind === 'transformer' ? sOut : Math.hypot(inP, inQ)) / chain.rating[u]!
  for (const cc of cases.values()) {
    const { eP, eQ } = cc
    // The ancestors as if every member took the shift e (the lost one too): state A.
    for (const [p, s] of sums) {
      const [dp, dq] = delta(s, eP, eQ)
      dP[p] = dP[p]! + dp
      dQ[p] = dQ[p]! + dq
    }
    for (const u of ancestors) {
      aP[u] = outP(u) + dP[u]!
      aQ[u] = outQ(u) + dQ[u]!
      dP[u] = 0
      dQ[u] = 0
      const sOut = Math.hypot(aP[u]!, aQ[u]!)
      nodeLossInto(chain, u, aP[u]!, sOut, scratch)
      aInP[u] = aP[u]! + scratch[0]!
      aInQ[u] = aQ[u]! + scratch[1]!
      aU[u] = rated(u) ? utilOf(u, sOut, aInP[u]!, aInQ[u]!) : NaN
      const p = chain.parent[u]!
      if (p >= 0) {
        dP[p] = dP[p]! + aInP[u]! - base.loadKW[u]!
        dQ[p] = dQ[p]! + aInQ[u]! - base.loadKvar[u]!
      }
    }
    const upRanked = ancestors.filter(rated).sort((a, b) => aU[b]! - aU[a]! || a - b)
    // State A holds for an ancestor in every case of this class but those lost below it.
    for (const lost of cc.lost) for (let x = chain.parent[idx[lost]!]!; x >= 0; x = chain.parent[x]!) mark[x] = mark[x]! + 1
    for (const u of upRanked) if (mark[u]! < cc.lost.length && !(aU[u]! <= tally.worst[u]!)) tally.worst[u] = aU[u]!
    for (const lost of cc.lost) for (let x = chain.parent[idx[lost]!]!; x >= 0; x = chain.parent[x]!) mark[x] = 0

    for (const lost of cc.lost) {
      const li = idx[lost]!
      // Up the lost member's own path: state A less what it would have taken in.
      own.fill(0)
      addTerms(own, lost)
      const [ownP, ownQ] = delta(own, eP, eQ)
      let corrP = -ownP - base.loadKW[li]!
      let corrQ = -ownQ - base.loadKvar[li]!
      // The case's worst is a node it loads more (loadedMore): the steady ones no case changes.
      let best: Entry | null = null
      let bestOwn: Entry | null = null
      let ownOver = false
      const over: Entry[] = [...steadyOver]
      for (let u = chain.parent[li]!; u >= 0; u = chain.parent[u]!) {
        mark[u] = 1
        const oP = aP[u]! + corrP
        const oQ = aQ[u]! + corrQ
        const sOut = Math.hypot(oP, oQ)
        nodeLossInto(chain, u, oP, sOut, scratch)
        const inP = oP + scratch[0]!
        const inQ = oQ + scratch[1]!
        corrP = inP - aInP[u]!
        corrQ = inQ - aInQ[u]!
        if (!rated(u)) continue
        const util = utilOf(u, sOut, inP, inQ)
        if (!(util <= tally.worst[u]!)) tally.worst[u] = util
        const more = loadedMore(util, ctx.baseU[u]!)
        if (more && better(util, u, best)) best = { u: util, i: u }
        if (util > limit) over.push({ u: util, i: u })
        else if (more && better(util, u, bestOwn)) bestOwn = { u: util, i: u }
      }
      // The other ancestors, most loaded first.
      for (const u of upRanked) {
        if (mark[u]) continue
        const more = loadedMore(aU[u]!, ctx.baseU[u]!)
        if (more && better(aU[u]!, u, best)) best = { u: aU[u]!, i: u }
        if (aU[u]! > limit) over.push({ u: aU[u]!, i: u })
        else if (more) {
          if (better(aU[u]!, u, bestOwn)) bestOwn = { u: aU[u]!, i: u }
          break
        }
      }
      for (let u = chain.parent[li]!; u >= 0; u = chain.parent[u]!) mark[u] = 0
      // Survivors, class by class, most loaded first, while one could still beat the best.
      for (const c of sorted) {
        // bestOwn ≤ best: stopping on it never stops too early for best either.
        if ((c.norm + reach * cc.norm) * SLACK < (bestOwn?.u ?? -1) && c.norm + reach * cc.norm <= limit) break
        const util = Math.hypot(c.a * (c.x + eP), c.y + eQ)
        const first = c.members[0] === lost ? c.members[1] : c.members[0]
        const more = first !== undefined && loadedMore(util, ctx.baseU[idx[first]!]!)
        if (more && better(util, idx[first]!, best)) best = { u: util, i: idx[first]! }
        if (more && better(util, idx[first]!, bestOwn)) bestOwn = { u: util, i: idx[first]! }
        if (util > limit && first !== undefined) {
          ownOver = true
          for (const j of c.members) if (j !== lost) over.push({ u: util, i: idx[j]! })
        }
      }
      over.sort(byLoading)
      const entry = (e: Entry | null) => (e ? { nodeId: node(e.i).id, name: name(e.i), utilisation: e.u } : null)
      const worsts = caseWorsts(entry(best), entry(bestOwn))
      results[lost] = {
        id: `${group.id}:-${group.members[lost]!.id}`,
        group: group.id,
        lost: [group.members[lost]!.id],
        overloaded: over.map((o) => ({ nodeId: node(o.i).id, name: name(o.i), loadKVA: o.u * chain.rating[o.i]!, ratingKVA: chain.rating[o.i]!, utilisation: o.u })),
        deEnergisedRows: [],
        deEnergisedCooling: [],
        coolingConsequences: [],
        ...worsts,
        status: caseStatus(ownOver, caseLoading(worsts) > ctx.warnAt || over.some((o) => !overWhateverIsLost(feeders, o.i, ctx.baseU[o.i], limit, o.u)), false, false),
      }
    }
  }

  // Each survivor's worst loading over the cases that are not its own loss: per class, the two
  // most loading cases (two different lost members) are enough.
  const caseList = [...cases.values()].sort((c1, c2) => c2.norm - c1.norm)
  for (const c of sorted) {
    const top: Entry[] = []
    for (const e of caseList) {
      if (top.length === 2 && (c.norm + Math.max(1, c.a) * e.norm) * SLACK < top[1]!.u) break
      const util = Math.hypot(c.a * (c.x + e.eP), c.y + e.eQ)
      for (const l of e.lost.slice(0, 2)) {
        top.push({ u: util, i: l })
        top.sort((x, y) => y.u - x.u)
        if (top.length > 2) top.pop()
      }
    }
    for (const j of c.members) {
      const value = top[0]!.i !== j ? top[0]!.u : top[1]?.u
      const i = idx[j]!
      if (value !== undefined && !(value <= ctx.tally.worst[i]!)) ctx.tally.worst[i] = value
    }
  }
  for (const i of [...idx, ...ancestors]) ctx.tally.touched[i] = ctx.tally.touched[i]! + m
  ctx.tally.cases += m
  return results
}
