// Each redundancy group's N-1 cases (power/redundancy.ts re-solves the chain for every loss):
// does the loss overload a survivor, leave racks dark, or stop cooling that the racks need?
import type { GroupResult } from '../../report'
import { makeCheck } from '../../check'
import type { CheckModule } from '../types'
import { groupAdvice } from '../../power/advice'
import { groupName, listSome } from './names'

export const contingency: CheckModule = {
  meta: {
    kind: 'redundancy.n1',
    domain: 'redundancy',
    title: 'N-1',
    unit: '%',
    sense: 'max',
    description:
      'Lose each member of an N+1 group (or each side of a 2N group) in turn, re-solve the chain: the most loaded survivor against its emergency limit; fails when racks go dark, a survivor is overloaded or the cooling it stops overheats racks.',
    contingency: true,
    limitSource: 'params.emergencyOverloadFactor × rating; warns above params.contingencyWarnFraction',
  },
  evaluate: (ctx) =>
    ctx.power.groups.flatMap((group: GroupResult) => {
      if (group.contingencies.length === 0) return []
      const names = ctx.power.names
      const worstCase = group.contingencies.reduce((a, b) => ((b.worst?.utilisation ?? 0) > (a.worst?.utilisation ?? 0) ? b : a))
      const dead = group.contingencies.find((c) => c.deEnergisedRows.length > 0)
      const overloaded = group.contingencies.find((c) => c.overloaded.length > 0)
      const overheat = group.contingencies.find((c) => c.coolingConsequences.some((q) => q.rowsOverLimit.length > 0))
      const coolingLost = group.contingencies.find((c) => c.deEnergisedCooling.length > 0)
      const lostName = (ids: readonly string[]) => ids.map((id) => names.get(id) ?? id).join(' + ')
      const firstOverheat = overheat?.coolingConsequences.find((q) => q.rowsOverLimit.length > 0)
      const minutes = firstOverheat?.minutesToLimit
      const note = dead
        ? `loss of ${lostName(dead.lost)} leaves ${dead.deEnergisedRows.length} row(s) without power`
        : overheat && firstOverheat
          ? `loss of ${lostName(overheat.lost)} stops cooling (${listSome(overheat.deEnergisedCooling)}): ${firstOverheat.rowsOverLimit.length} row(s) pass their limit${minutes !== null && minutes !== undefined ? ` in ${minutes.toFixed(1)} min` : ''}`
          : overloaded
            ? `loss of ${lostName(overloaded.lost)} overloads ${overloaded.overloaded[0]!.name} to ${(overloaded.overloaded[0]!.utilisation * 100).toFixed(0)} %`
            : coolingLost
              ? `loss of ${lostName(coolingLost.lost)} stops cooling: ${listSome(coolingLost.deEnergisedCooling)}`
              : `worst case: loss of ${lostName(worstCase.lost)} loads ${worstCase.worst?.name ?? 'no rated node'}${worstCase.worst ? ` to ${(worstCase.worst.utilisation * 100).toFixed(0)} %` : ''}`
      return [
        makeCheck(contingency.meta, {
          key: group.id,
          title: `N-1 (${group.scheme})`,
          subject: groupName(group, names),
          subjectId: group.members[0]!,
          value: (worstCase.worst?.utilisation ?? 0) * 100,
          limit: ctx.params.emergencyOverloadFactor * 100,
          warnRatio: ctx.params.contingencyWarnFraction,
          status: dead || overloaded || overheat ? 'fail' : coolingLost ? 'warn' : undefined,
          note,
        }),
      ]
    }),
  advise: (failing, ctx) => {
    const byMember = new Map(ctx.power.groups.map((g) => [g.members[0]!, g]))
    return failing.flatMap((c) => {
      const group = byMember.get(c.subjectId)
      return group ? [{ checkId: c.id, subjectId: c.subjectId, text: groupAdvice(group, ctx.power.flow, ctx.params, ctx.requiredTier) }] : []
    })
  },
}
