// The free face in front of the hall's air openings: a row or unit standing within the clearance
// in front of the evaporative pads (intake) or the exhaust fans starves them of air.
import { eachProblem, fmtM, layoutRule } from './rule'

export const layoutAirway = layoutRule(
  {
    kind: 'layout.airway',
    domain: 'layout',
    title: 'Intake/exhaust kept clear',
    unit: 'm',
    sense: 'min',
    description: 'The distance from an evaporative pad wall or an exhaust fan bank to a row or unit standing in front of it, at the same height, against the free face it needs.',
    limitSource: 'params.intakeClearanceM (approx: about one 50-inch fan diameter; AMCA 201 system effect)',
    requirement: true,
  },
  'airway',
  (h) => {
    const c = h.closest.airway
    return c ? { value: c.valueM, limit: c.limitM, note: `closest: ${c.names[0]} before ${c.names[1]}` } : null
  },
  eachProblem((p) => `move ${p.names[0]} ${fmtM(p.limitM - p.valueM)} away from ${p.names[1]} to keep ${fmtM(p.limitM)} clear in front of it`),
)
