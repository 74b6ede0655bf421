// The aisle between two parallel rows that face each other, against the service minimum.
import { eachProblem, fmtM, layoutRule } from './rule'

export const layoutAisle = layoutRule(
  {
    kind: 'layout.aisle',
    domain: 'layout',
    title: 'Aisle width',
    unit: 'm',
    sense: 'min',
    description: 'The gap between two parallel rows that face each other along their length (rows back to back are not an aisle) against the working space an engineer needs.',
    limitSource: 'params.minAisleM (NEC 110.26 working space 0.9–1.2 m; TIA-942 1.2 m cold aisle)',
    requirement: true,
  },
  'aisle',
  (h) => {
    const c = h.closest.aisle
    return c ? { value: c.valueM, limit: c.limitM, note: `narrowest aisle: ${c.names[0]} – ${c.names[1]}` } : null
  },
  eachProblem((p) => `move ${p.names[0]} ${fmtM(p.limitM - p.valueM)} away from ${p.names[1]} to widen the aisle to ${fmtM(p.limitM)}`),
)
