// An item of a hall's plan outside the hall's walls: how far it reaches past them.
import { eachProblem, fmtM, layoutRule } from './rule'

export const layoutOutside = layoutRule(
  {
    kind: 'layout.outside',
    domain: 'layout',
    title: 'Outside the walls',
    unit: 'm',
    sense: 'max',
    description: 'A row or an indoor cooling unit that reaches past its hall’s walls: how far (outdoor units such as dry coolers stand outside on purpose).',
    limitSource: 'geometry: 0 m (within 1 cm it stands against the wall); model/clearance.ts',
  },
  'outside',
  (h) => (h.items.length >= 1 ? { value: 0, limit: 0, note: `all ${h.items.length} items inside the walls` } : null),
  eachProblem((p, h) =>
    p.cannotFit
      ? `${p.names[0]} is larger than ${h.hall.name} as turned: shorten it or turn it`
      : `move ${p.names[0]} back inside the walls of ${h.hall.name} by ${fmtM(p.valueM)}`,
  ),
)
