// Battery autonomy at the present load, taken as inversely proportional to load (no Peukert).
import { makeCheck, type Check } from '../../check'
import type { CheckModule } from '../types'
import { MIN_RATING_KVA } from '../../power/flow'

export const upsAutonomy: CheckModule = {
  meta: {
    kind: 'power.autonomy',
    domain: 'power',
    title: 'UPS autonomy at load',
    unit: 'min',
    sense: 'min',
    description: 'Minutes of battery at the UPS’s present load (rated autonomy × rating / load) against the time generators need to take over.',
    limitSource: 'params.upsMinAutonomyMin',
  },
  evaluate: (ctx) => {
    const out: Check[] = []
    // An index loop over the nodes (a PDU per rack pair on a campus), nothing made for the others.
    const power = ctx.variant.power
    for (let k = 0; k < power.length; k++) {
      const node = power[k]!
      if (node.kind !== 'ups' || node.autonomyMin === undefined) continue
      const r = ctx.power.flow.byId.get(node.id)
      if (!r || r.ratingKVA === null) continue
      // Below 1 VA the battery outlasts any generator start: no figure to divide out.
      const unloaded = r.loadKVA < MIN_RATING_KVA
      out.push(
        makeCheck(upsAutonomy.meta, {
          subject: r.name,
          subjectId: node.id,
          value: unloaded ? null : node.autonomyMin * (r.ratingKVA / r.loadKVA),
          valueText: unloaded ? 'no load' : undefined,
          limit: ctx.params.upsMinAutonomyMin,
          ratio: unloaded ? 0 : undefined,
          note: `${node.autonomyMin} min at rated load`,
        }),
      )
    }
    return out
  },
  advise: (failing, ctx) =>
    failing.map((c) => ({
      checkId: c.id,
      subjectId: c.subjectId,
      text:
        c.value !== null && c.value > 0
          ? `add batteries to ${c.subject}: ${(ctx.params.upsMinAutonomyMin / c.value).toFixed(1)} × today's energy`
          : `add batteries to ${c.subject} for ≥ ${ctx.params.upsMinAutonomyMin} min at its load`,
    })),
}
