// One check per hall from its lose-one cooling cases: does losing any one unit (or fan bank)
// leave racks over their limit, and how soon?
import type { SolverParams } from '../../model/params'
import type { Hall, RedundancyScheme } from '../../model/sceneSchema'
import type { Check } from '../report'
import { makeCheck } from '../checks'
import { NEVER_MIN, type CoolingConsequence } from './contingency'

/** At tier N (mining) cooling redundancy is not required: a failing case warns; above N it fails. */
export function coolingContingencyChecks(hall: Hall, cases: readonly CoolingConsequence[], params: SolverParams, tier: RedundancyScheme): Check[] {
  if (cases.length === 0) return []
  const worst = cases.reduce((a, b) => (b.minutesToLimit < a.minutesToLimit ? b : a))
  const failing = cases.filter((c) => c.rowsOverLimit.length > 0)
  const minutes = Math.min(worst.minutesToLimit, NEVER_MIN)
  return [
    makeCheck({
      id: `cooling.n1:${hall.id}`,
      domain: 'cooling',
      title: 'Cooling N-1 (one unit or fan bank lost)',
      subject: hall.name,
      subjectId: hall.id,
      value: minutes,
      limit: params.coolingRideThroughMin,
      unit: 'min',
      sense: 'min',
      status: failing.length === 0 ? 'ok' : tier === 'N' ? 'warn' : 'fail',
      ratio: failing.length > 0 ? 1 + failing.length / cases.length : 0,
      note:
        (failing.length > 0
          ? `losing ${worst.lost} leaves ${worst.rowsOverLimit.length} row(s) over their limit in ${worst.minutesToLimit.toFixed(1)} min (${(worst.excessAirKW + worst.excessLiquidKW).toFixed(0)} kW not removed); ${failing.length} of ${cases.length} cases fail`
          : `${cases.length} cases: the rest carry the load`) + (failing.length > 0 && tier === 'N' ? ' (tier N: no cooling redundancy required)' : ''),
    }),
  ]
}
