// Usable IT after redundancy: the IT load the chain carries with every group at the required
// tier (power/usable.ts), against the IT installed. Fails when the installed IT exceeds what the
// chain carries at full rating; warns when it exceeds it within the continuous-load margin.
// This is the figure an AI tenant buys, so it binds like any physical limit.
import { makeCheck } from '../../check'
import type { CheckContext, CheckModule } from '../types'
import type { GroupResult } from '../../report'
import { fmtKW, gridConnectionAdvice, gridNeededKVA, usableRaiseKW } from '../../power/advice'
import { SCHEME_RANK } from '../../power/redundancy'

/** The redundancy group with the node among its members; none for the grid or a generator. A node
 *  is a member of one group only, the one its result names (NodeResult.group): looked up by that
 *  id rather than by searching every group's members (1,631 groups on the campus). */
function groupOf(ctx: CheckContext, nodeId: string | null): GroupResult | undefined {
  if (nodeId === null) return undefined
  const id = ctx.power.flow.byId.get(nodeId)?.group
  const groups = ctx.power.groups
  for (let k = 0; k < groups.length; k++) {
    const g = groups[k]!
    if (g.id === id && g.members.includes(nodeId)) return g
  }
  return undefined
}

export const usableIT: CheckModule = {
  meta: {
    kind: 'power.usable-it',
    domain: 'redundancy',
    title: 'Usable IT after redundancy',
    unit: 'kW',
    sense: 'max',
    description:
      'IT installed against the IT the power chain carries with every group at the required tier (N+1 keeps its largest member, 2N a whole side in reserve); warns above the continuous-load margin.',
    limitSource: 'ratings of the chain at variant.requiredTier; params.continuousLoadFraction',
  },
  evaluate: (ctx) => {
    const { usable, usableAtRating } = ctx.power
    const installed = ctx.loads.rows.reduce((s, r) => s + r.rowKW, 0)
    if (installed <= 0) return []
    const limiter = usableAtRating.limitedBy ? (ctx.power.names.get(usableAtRating.limitedBy) ?? usableAtRating.limitedBy) : null
    const group = groupOf(ctx, usableAtRating.limitedBy)
    // A chain short only because a group is below the required tier is the tier requirement seen
    // as capacity: it fails, but binds like the requirement (after any physical limit).
    const byTier = Boolean(group && group.critical && !group.meetsTier)
    const marginRatio = usableAtRating.usableITKW > 0 ? usable.usableITKW / usableAtRating.usableITKW : 0
    return [
      makeCheck(usableIT.meta, {
        key: ctx.variant.id,
        subject: ctx.variant.name,
        subjectId: usableAtRating.limitedBy ?? ctx.power.flow.root.id,
        value: installed,
        limit: usableAtRating.usableITKW,
        warnRatio: marginRatio,
        requirement: byTier,
        note:
          `at ${ctx.requiredTier}: ${fmtKW(usableAtRating.usableITKW)} at full rating, ${fmtKW(usable.usableITKW)} within the ${Math.round(ctx.params.continuousLoadFraction * 100)} % margin` +
          (limiter ? `; limited by ${limiter}${byTier ? `, below the required ${ctx.requiredTier}` : ''}` : ''),
      }),
    ]
  },
  advise: (failing, ctx) =>
    failing.map((c) => {
      const limiter = ctx.power.usableAtRating.limitedBy
      const group = groupOf(ctx, limiter)
      const name = limiter ? (ctx.power.names.get(limiter) ?? limiter) : 'the chain'
      // Short of the usable IT the report shows (within the margin, power.usableITKW), not of the
      // check's limit at full rating: "usable IT 7.48 MW of 20.33 MW installed" is 12.85 MW short.
      const short = c.value! - ctx.power.usable.usableITKW
      const node = limiter ? ctx.power.flow.byId.get(limiter) : undefined
      if (node?.kind === 'grid' && node.ratingKVA !== null) {
        // The grid connection limits it: the one grid figure (power/advice.ts gridNeededKVA).
        const drawKVA = (node.utilisation ?? 0) * node.ratingKVA
        return { checkId: c.id, subjectId: c.subjectId, text: `usable IT is ${fmtKW(short)} short of the IT installed, limited by ${name}: ${gridConnectionAdvice(gridNeededKVA(drawKVA, ctx.params), node.ratingKVA)}` }
      }
      // Below the tier: either the scheme is lower than required, or it is as high but a loss
      // leaves racks dark or overheated (power/redundancy.ts meetsTier).
      const belowScheme = group !== undefined && SCHEME_RANK[group.scheme] < SCHEME_RANK[ctx.requiredTier]
      const why =
        group && group.critical && !group.meetsTier
          ? belowScheme
            ? `${name} is ${group.scheme} where ${ctx.requiredTier} is required, so it counts for nothing: make it ${ctx.requiredTier}`
            : `${name} is ${group.scheme} but one of its losses leaves racks without power or cooling (see its N-1), so it counts for nothing`
          : `raise the firm capacity at ${name} by ≥ ${fmtKW(usableRaiseKW(c.value!, ctx.power.usable.usableITKW, ctx.params))} of IT`
      return { checkId: c.id, subjectId: c.subjectId, text: `usable IT is ${fmtKW(short)} short of the IT installed: ${why}` }
    }),
}
