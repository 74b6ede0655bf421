// Each rack's circuit must carry the whole rack (a dual-fed rack's surviving cord does, after an N-1 loss).
import { makeCheck } from '../../check'
import type { CheckModule } from '../types'
import { circuitAdvice } from '../../power/advice'

export const rackCircuit: CheckModule = {
  meta: {
    kind: 'power.circuit',
    domain: 'power',
    title: 'Rack circuit',
    unit: 'kVA',
    sense: 'max',
    description: 'Apparent power of one rack against the rating of its circuit.',
    limitSource: 'row.circuitKVA; warns above params.continuousLoadFraction',
  },
  evaluate: (ctx) =>
    ctx.loads.rows.flatMap((load) => {
      const { circuitKVA } = load.row
      if (circuitKVA === undefined) return []
      return [
        makeCheck(rackCircuit.meta, {
          subject: load.row.name ?? load.row.id,
          subjectId: load.row.id,
          // S = √(P² + Q²) of one rack (= P / pf, with no division by the power factor).
          value: Math.hypot(load.rackKW, load.kvar / load.row.rackCount),
          limit: circuitKVA,
          warnRatio: ctx.params.continuousLoadFraction,
          note: load.supply.dual ? 'each cord must carry the whole rack when the other side is lost' : undefined,
        }),
      ]
    }),
  advise: (failing, ctx) => failing.map((c) => ({ checkId: c.id, subjectId: c.subjectId, text: circuitAdvice(c.subject, c.value!, ctx.params) })),
}
