// The redundancy tier the variant requires, against the scheme of every critical group on the
// IT power path (a requirement: it fails the verdict but binds only when no physical limit fails).
import { makeCheck } from '../../check'
import type { CheckModule } from '../types'
import { SCHEME_RANK } from '../../power/redundancy'
import { tierAdvice } from '../../power/advice'
import { groupName } from './names'

export const tier: CheckModule = {
  meta: {
    kind: 'redundancy.tier',
    domain: 'redundancy',
    title: 'Redundancy tier',
    unit: 'tier',
    sense: 'min',
    description: 'The redundancy scheme of each critical group (transformers, switchgear, boards, busways, UPS on the IT path) against the tier the variant requires.',
    limitSource: 'variant.requiredTier',
    requirement: true,
  },
  evaluate: (ctx) => {
    const required = ctx.requiredTier
    if (required === 'N') return []
    const kindOf = new Map(ctx.variant.power.map((n) => [n.id, n.kind]))
    return ctx.power.groups.flatMap((group) => {
      if (!group.critical || group.members.every((m) => ['pdu', 'grid'].includes(kindOf.get(m) ?? ''))) return []
      if (SCHEME_RANK[group.scheme] >= SCHEME_RANK[required]) return []
      return [
        makeCheck(tier.meta, {
          key: group.id,
          subject: groupName(group, ctx.power.names),
          subjectId: group.members[0]!,
          value: null,
          limit: null,
          valueText: group.scheme,
          limitText: required,
          status: 'fail',
          note: `${group.scheme} on the IT power path; the variant requires ${required}`,
        }),
      ]
    })
  },
  advise: (failing, ctx) => tierAdvice(failing, ctx.power.groups, ctx.power.flow, ctx.catalog, ctx.requiredTier, ctx.variant, ctx.loads.rows, ctx.params),
}
