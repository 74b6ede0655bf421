// Generators must carry the node they back when the grid is lost.
import type { PowerNode } from '../../../model/sceneSchema'
import { makeCheck } from '../../check'
import type { Check } from '../../check'
import type { CheckModule } from '../types'
import { fmtKVA } from '../../power/advice'

export const generatorBackup: CheckModule = {
  meta: {
    kind: 'power.generator',
    domain: 'power',
    title: 'Generator backup',
    unit: 'kVA',
    sense: 'max',
    description: 'Load of the node a set of generators backs against their capacity (N+1 sets keep the largest in reserve).',
    limitSource: 'generator ratingKVA in the scene',
  },
  evaluate: (ctx) => {
    const byBacked = new Map<string, PowerNode[]>()
    for (const n of ctx.variant.power) if (n.kind === 'generator' && n.backs) byBacked.set(n.backs, [...(byBacked.get(n.backs) ?? []), n])
    const checks: Check[] = []
    for (const [backed, gens] of byBacked) {
      const ratings = gens.map((g) => g.ratingKVA ?? 0)
      const total = ratings.reduce((s, r) => s + r, 0)
      const nPlus1 = gens.length > 1 && gens.every((g) => g.redundancy?.scheme === 'N+1')
      const capacity = nPlus1 ? total - Math.max(...ratings) : total
      const target = ctx.power.flow.byId.get(backed)
      if (!target) continue
      checks.push(
        makeCheck(generatorBackup.meta, {
          key: backed,
          subject: target.name,
          subjectId: gens[0]!.id,
          value: target.loadKVA,
          limit: capacity,
          note: `${gens.length} generator(s)${nPlus1 ? ', N+1: the largest held in reserve' : ''} carry ${target.name} when the grid is lost`,
        }),
      )
    }
    return checks
  },
  advise: (failing) => failing.map((c) => ({ checkId: c.id, subjectId: c.subjectId, text: `add generator capacity ≥ ${fmtKVA(c.value! - c.limit!)} for ${c.subject}` })),
}
