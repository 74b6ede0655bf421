// Checks that follow from redundancy: each group's N-1 cases, the tier the variant requires,
// UPS backing and dual feeds where the tier asks for them.
import type { SolverParams } from '../../model/params'
import type { RedundancyScheme, Variant } from '../../model/sceneSchema'
import type { Check, GroupResult } from '../report'
import { makeCheck } from '../checks'
import type { VariantLoads } from '../loads'
import { SCHEME_RANK } from './redundancy'

function groupName(group: GroupResult, names: ReadonlyMap<string, string>): string {
  return group.members.length === 1 ? (names.get(group.members[0]!) ?? group.id) : `group ${group.id}`
}

function listSome(ids: readonly string[], most = 4): string {
  return ids.length <= most ? ids.join(', ') : `${ids.slice(0, most).join(', ')} and ${ids.length - most} more`
}

export function contingencyChecks(groups: readonly GroupResult[], names: ReadonlyMap<string, string>, params: SolverParams): Check[] {
  const checks: Check[] = []
  for (const group of groups) {
    if (group.contingencies.length === 0) continue
    const worstCase = group.contingencies.reduce((a, b) => ((b.worst?.utilisation ?? 0) > (a.worst?.utilisation ?? 0) ? b : a))
    const dead = group.contingencies.find((c) => c.deEnergisedRows.length > 0)
    const overloaded = group.contingencies.find((c) => c.overloaded.length > 0)
    const overheat = group.contingencies.find((c) => c.coolingConsequences.some((q) => q.rowsOverLimit.length > 0))
    const coolingLost = group.contingencies.find((c) => c.deEnergisedCooling.length > 0)
    const lostName = (ids: readonly string[]) => ids.map((id) => names.get(id) ?? id).join(' + ')
    const firstOverheat = overheat?.coolingConsequences.find((q) => q.rowsOverLimit.length > 0)
    const note = dead
      ? `loss of ${lostName(dead.lost)} leaves ${dead.deEnergisedRows.length} row(s) without power`
      : overheat && firstOverheat
        ? `loss of ${lostName(overheat.lost)} stops cooling (${listSome(overheat.deEnergisedCooling)}): ${firstOverheat.rowsOverLimit.length} row(s) pass their limit in ${firstOverheat.minutesToLimit.toFixed(1)} min`
        : overloaded
        ? `loss of ${lostName(overloaded.lost)} overloads ${overloaded.overloaded[0]!.name} to ${(overloaded.overloaded[0]!.utilisation * 100).toFixed(0)} %`
        : coolingLost
          ? `loss of ${lostName(coolingLost.lost)} stops cooling: ${listSome(coolingLost.deEnergisedCooling)}`
          : `worst case: loss of ${lostName(worstCase.lost)} loads ${worstCase.worst?.name ?? '—'} to ${((worstCase.worst?.utilisation ?? 0) * 100).toFixed(0)} %`
    checks.push(
      makeCheck({
        id: `redundancy.n1:${group.id}`,
        domain: 'redundancy',
        title: `N-1 (${group.scheme})`,
        subject: groupName(group, names),
        subjectId: group.members[0]!,
        value: (worstCase.worst?.utilisation ?? 0) * 100,
        limit: params.emergencyOverloadFactor * 100,
        unit: '%',
        sense: 'max',
        warnRatio: params.contingencyWarnFraction,
        status: dead || overloaded || overheat ? 'fail' : coolingLost ? 'warn' : undefined,
        note,
      }),
    )
  }
  return checks
}

export function tierChecks(
  variant: Variant,
  groups: readonly GroupResult[],
  names: ReadonlyMap<string, string>,
  loads: VariantLoads,
  tier: RedundancyScheme,
): Check[] {
  if (tier === 'N') return []
  const checks: Check[] = []
  const tierRank = SCHEME_RANK[tier]
  const kindOf = new Map(variant.power.map((n) => [n.id, n.kind]))
  for (const group of groups) {
    if (!group.critical || group.members.every((m) => ['pdu', 'grid'].includes(kindOf.get(m) ?? ''))) continue
    const rank = SCHEME_RANK[group.scheme]
    if (rank >= tierRank) continue
    checks.push(
      makeCheck({
        id: `redundancy.tier:${group.id}`,
        domain: 'redundancy',
        title: 'Redundancy tier',
        subject: groupName(group, names),
        subjectId: group.members[0]!,
        value: rank,
        limit: tierRank,
        unit: 'tier',
        sense: 'min',
        ratio: (tierRank + 1) / (rank + 1),
        status: 'fail',
        requirement: true,
        note: `${group.scheme} on the IT power path; the variant requires ${tier}`,
      }),
    )
  }
  // AI hosting expects every rack behind a UPS, and 2N expects dual-corded racks on independent sides.
  const parentOf = new Map(variant.power.map((n) => [n.id, n.parent]))
  const behindUps = (start: string): boolean => {
    for (let cur: string | null | undefined = start; cur != null; cur = parentOf.get(cur)) if (kindOf.get(cur) === 'ups') return true
    return false
  }
  for (const load of loads.rows) {
    const feeds = [...new Set([...load.supply.a, ...(load.supply.b ?? [])])]
    const unprotected = feeds.filter((f) => !behindUps(f)).length
    const subject = load.row.name ?? load.row.id
    checks.push(
      makeCheck({
        id: `redundancy.ups:${load.row.id}`,
        domain: 'redundancy',
        title: 'Racks behind a UPS',
        subject,
        subjectId: load.row.id,
        value: ((feeds.length - unprotected) / feeds.length) * 100,
        limit: 100,
        unit: '%',
        sense: 'min',
        requirement: true,
        note: unprotected > 0 ? `${unprotected} of ${feeds.length} feed(s) have no UPS upstream` : undefined,
      }),
    )
    if (tier === '2N') {
      checks.push(
        makeCheck({
          id: `redundancy.dual:${load.row.id}`,
          domain: 'redundancy',
          title: 'Racks dual-fed (A/B)',
          subject,
          subjectId: load.row.id,
          value: load.supply.b ? 2 : 1,
          limit: 2,
          unit: 'feeds',
          sense: 'min',
          requirement: true,
          note: load.supply.b ? undefined : '2N needs each rack fed from an A and a B side',
        }),
      )
    }
  }
  return checks
}
