// Each redundancy group's N-1 cases (power/redundancy.ts re-solves the chain for every loss):
// does the loss overload a survivor, leave racks dark, or stop cooling that the racks need?
// An overload is reported against the node it overloads: a group's check fails on its own
// survivors overloaded and on its members that another group's loss overloads
// (attributedOverloads), never on a node further down or up the chain. Its advice names that
// node and how large it must be.
import type { Advice, ContingencyResult, GroupResult } from '../../report'
import type { Check } from '../../check'
import { makeCheck } from '../../check'
import type { CheckContext, CheckModule } from '../types'
import { bSideFeed, bSideFeedText, coolingBSideFeed, fmtKVA, groupAdvice, n1NodeAdvice } from '../../power/advice'
import { attributedOverloads, caseLoading } from '../../power/redundancy'
import { groupName, listSome } from './names'

type Overload = { contingency: ContingencyResult; overload: ContingencyResult['overloaded'][number] }

/** Per group (or node outside any group), the overloads of its own members: those its own
 *  losses cause first (they name the case the check is about), then those of other groups'
 *  losses; each part in the order of the cases. */
function ownOverloads(ctx: CheckContext): Map<string, Overload[]> {
  const elsewhere = attributedOverloads(ctx.variant, ctx.power.groups, ctx.power.flow, ctx.params.emergencyOverloadFactor)
  const out = new Map<string, Overload[]>()
  // An index loop, and sets only for a group with cases: a campus has a group per PDU, none
  // with a case.
  const groups = ctx.power.groups
  for (let gi = 0; gi < groups.length; gi++) {
    const g = groups[gi]!
    const list: Overload[] = []
    if (g.contingencies.length > 0) {
      const members = new Set(g.members)
      for (const c of g.contingencies) {
        const lost = new Set(c.lost)
        for (const o of c.overloaded) if (members.has(o.nodeId) && !lost.has(o.nodeId)) list.push({ contingency: c, overload: o })
      }
    }
    const other = elsewhere.get(g.id)
    if (other === undefined) {
      if (list.length > 0) out.set(g.id, list)
      continue
    }
    if (list.length + other.length > 0) out.set(g.id, [...list, ...other])
    elsewhere.delete(g.id)
  }
  for (const [owner, list] of elsewhere) out.set(owner, list)
  return out
}

const META = {
  kind: 'redundancy.n1',
  domain: 'redundancy',
  title: 'N-1',
  unit: '%',
  sense: 'max',
  description:
    'Lose each member of an N+1 group (or each side of a 2N group) in turn, re-solve the chain: the most loaded survivor against its emergency limit; fails when racks go dark, a survivor is overloaded or the cooling it stops overheats racks. An overload is reported against the overloaded node’s own group, whichever loss causes it.',
  contingency: true,
  limitSource: 'params.emergencyOverloadFactor × rating; warns above params.contingencyWarnFraction',
} as const

export const contingency: CheckModule = {
  meta: META,
  evaluate: (ctx) => {
    const names = ctx.power.names
    const lostName = (ids: readonly string[]) => ids.map((id) => names.get(id) ?? id).join(' + ')
    const pct = (u: number) => `${(u * 100).toFixed(0)} %`
    const overloadsOf = ownOverloads(ctx)
    const limit = ctx.params.emergencyOverloadFactor * 100
    const checks: Check[] = []
    const groups = ctx.power.groups
    for (let gi = 0; gi < groups.length; gi++) {
      const group = groups[gi]!
      if (group.contingencies.length === 0 && !overloadsOf.has(group.id)) continue
      const mine = overloadsOf.get(group.id) ?? []
      const worstCase = group.contingencies.length > 0 ? group.contingencies.reduce((a, b) => (caseLoading(b) > caseLoading(a) ? b : a)) : null
      const dead = group.contingencies.find((c) => c.deEnergisedRows.length > 0)
      const overheat = group.contingencies.find((c) => c.coolingConsequences.some((q) => q.rowsOverLimit.length > 0))
      const coolingLost = group.contingencies.find((c) => c.deEnergisedCooling.length > 0)
      const elsewhere = group.contingencies.find((c) => c.worstOwnUtilisation !== undefined)?.worst
      const firstOverheat = overheat?.coolingConsequences.find((q) => q.rowsOverLimit.length > 0)
      const minutes = firstOverheat?.minutesToLimit
      const over = mine[0]
      const worst = worstCase ? caseLoading(worstCase) : 0
      const note = dead
        ? `loss of ${lostName(dead.lost)} leaves ${dead.deEnergisedRows.length} row(s) without power`
        : overheat && firstOverheat
          ? `loss of ${lostName(overheat.lost)} stops cooling (${listSome(overheat.deEnergisedCooling)}): ${firstOverheat.rowsOverLimit.length} row(s) pass their limit${minutes !== null && minutes !== undefined ? ` in ${minutes.toFixed(1)} min` : ''}`
          : over
            ? `loss of ${lostName(over.contingency.lost)} overloads ${over.overload.name} to ${pct(over.overload.utilisation)}`
            : coolingLost
              ? `loss of ${lostName(coolingLost.lost)} stops cooling: ${listSome(coolingLost.deEnergisedCooling)}`
              : worstCase
                ? worstCase.worstOwnUtilisation !== undefined
                  ? `worst case: loss of ${lostName(worstCase.lost)} loads the rest of the chain to ≤ ${pct(worst)}`
                  : `worst case: loss of ${lostName(worstCase.lost)} loads ${worstCase.worst?.name ?? 'no rated node'}${worstCase.worst ? ` to ${pct(worst)}` : ''}`
                : ''
      const alsoNote = !dead && !overheat && !over && elsewhere ? `; it overloads ${elsewhere.name} (${pct(elsewhere.utilisation)}), reported against that node` : ''
      const value = Math.max(worst, ...mine.map((m) => m.overload.utilisation)) * 100
      checks.push(
        makeCheck(META, {
          key: group.id,
          title: `N-1 (${group.scheme})`,
          subject: groupName(group, names),
          // An overload is about the node it overloads: select it, price it.
          subjectId: over?.overload.nodeId ?? group.members[0]!,
          value,
          limit,
          warnRatio: ctx.params.contingencyWarnFraction,
          status: dead || over || overheat ? 'fail' : coolingLost ? 'warn' : undefined,
          note: note + alsoNote,
        }),
      )
    }
    return checks
  },
  advise: (failing, ctx) => {
    const overloadsOf = ownOverloads(ctx)
    const groups = new Map<string, GroupResult>(ctx.power.groups.map((g) => [g.id, g]))
    const names = ctx.power.names
    const lostName = (ids: readonly string[]) => ids.map((id) => names.get(id) ?? id).join(' + ')
    const prefix = `${META.kind}:`
    return failing.flatMap((c): Advice[] => {
      const owner = c.id.slice(prefix.length)
      const group = groups.get(owner)
      const out: Advice[] = []
      // Racks left dark: a feed from the side that survives, sized for their load alone (what
      // economics prices); not one more unit beside the lost one, which gives them no second path.
      for (const dead of group?.contingencies.filter((k) => k.deEnergisedRows.length > 0) ?? []) {
        const feed = bSideFeed(ctx.loads.rows, ctx.variant.power, dead.lost, ctx.params)
        out.push({
          checkId: c.id,
          subjectId: c.subjectId,
          text: `loss of ${lostName(dead.lost)} leaves ${rowNames(dead.deEnergisedRows, ctx)} without power: add ${bSideFeedText(feed)} from the side that survives, so that every rack is fed from A and B`,
        })
      }
      // Cooling stopped that the racks need: a second supply from the side that survives, through
      // a transfer switch, sized for its load (what economics prices).
      for (const overheat of group?.contingencies.filter((k) => k.coolingConsequences.some((q) => q.rowsOverLimit.length > 0)) ?? []) {
        const feed = coolingBSideFeed(ctx.loads.cooling, ctx.variant.power, overheat.deEnergisedCooling, ctx.params)
        out.push({
          checkId: c.id,
          subjectId: c.subjectId,
          text: `loss of ${lostName(overheat.lost)} stops cooling its racks need (${listSome(overheat.deEnergisedCooling)}): feed that cooling from the other side too, through a transfer switch (a B-side feed of ${fmtKVA(feed.neededKVA)})`,
        })
      }
      // An N+1 group short of its own load takes more members (its ties share the load); else
      // each overloaded node is raised.
      const more = group ? groupAdvice(group, ctx.power.flow, ctx.params) : null
      if (more) out.push({ checkId: c.id, subjectId: c.subjectId, text: more })
      else out.push(...n1Advice(c, overloadsOf.get(owner) ?? [], ctx))
      return out
    })
  },
}

function rowNames(ids: readonly string[], ctx: CheckContext): string {
  const names = new Map(ctx.loads.rows.map((r) => [r.row.id, r.row.name ?? r.row.id]))
  return listSome(ids.map((id) => names.get(id) ?? id), 3)
}

/** One line per overloaded node: the larger unit it needs for its worst N-1 load (what
 *  economics prices), or the load to take off the rows it feeds. */
function n1Advice(c: Check, overloads: readonly Overload[], ctx: CheckContext): Advice[] {
  const chain = ctx.power.flow.chain
  const names = ctx.power.names
  const seen = new Set<string>()
  const out: Advice[] = []
  for (const { contingency: k, overload: o } of overloads) {
    if (seen.has(o.nodeId)) continue
    seen.add(o.nodeId)
    const node = chain.nodes[chain.index.get(o.nodeId)!]!
    // Its worst load over every case, as the report's contingency utilisation has it.
    const u = ctx.power.flow.byId.get(o.nodeId)?.contingencyUtilisation ?? o.utilisation
    const lost = k.lost.map((id) => names.get(id) ?? id).join(' + ')
    const text = n1NodeAdvice(node, Math.max(u, o.utilisation) * o.ratingKVA, o.ratingKVA, lost, rowsBelow(o.nodeId, ctx), ctx.params, ctx.catalog)
    out.push({ checkId: c.id, subjectId: o.nodeId, text })
  }
  return out
}

/** The rows with a rack fed through this node. */
function rowsBelow(nodeId: string, ctx: CheckContext): string[] {
  const chain = ctx.power.flow.chain
  const target = chain.index.get(nodeId)!
  const under = (feed: string) => {
    for (let i = chain.index.get(feed) ?? -1; i >= 0; i = chain.parent[i]!) if (i === target) return true
    return false
  }
  return ctx.loads.rows.filter((r) => r.supply.pairs.some(({ a, b }) => under(a) || (b !== null && under(b)))).map((r) => r.row.name ?? r.row.id)
}
