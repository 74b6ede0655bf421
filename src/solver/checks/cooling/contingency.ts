// One check per hall from its lose-one cooling cases: does losing any one unit (or fan bank)
// leave racks over their limit, and how soon? At tier N (mining) cooling redundancy is not
// required: a failing case warns; above N it fails. A case fails on heat the rest cannot remove
// (cooling/contingency.ts), however long the racks take to pass their limit: its minutes are judged
// against the ride-through only when they fall short of it; beyond it the check states no limit,
// so "22.4 min against ≥ 10 min" never reads as a pass beside FAIL.
import { makeCheck } from '../../check'
import type { CheckModule } from '../types'
import type { CoolingConsequence } from '../../cooling/contingency'

export const coolingN1: CheckModule = {
  meta: {
    kind: 'cooling.n1',
    domain: 'cooling',
    title: 'Cooling N-1 (one unit or fan bank lost)',
    unit: 'min',
    sense: 'min',
    description:
      'Lose one CDU, dry cooler, chiller or CRAH, or a whole fan bank, each in turn: the time until the first rack passes its inlet or coolant limit. Heat the rest cannot remove fails the case however long that takes; the time is judged against the ride-through a standby or a crew needs where it falls short of it.',
    contingency: true,
    limitSource: 'params.coolingRideThroughMin; lumped heat capacity of hall air, IT and liquid loop',
  },
  evaluate: (ctx) =>
    ctx.halls.flatMap(({ hall, contingencies: cases }) => {
      if (cases.length === 0) return []
      const failing = cases.filter((c) => c.rowsOverLimit.length > 0)
      const timed = failing.filter((c) => c.minutesToLimit !== null)
      const worst = timed.length > 0 ? timed.reduce((a, b) => (b.minutesToLimit! < a.minutesToLimit! ? b : a)) : failing[0]
      const ok = failing.length === 0
      const rideThrough = ctx.params.coolingRideThroughMin
      const minutes = ok ? null : (worst?.minutesToLimit ?? null)
      // The ride-through is the limit only where the minutes fall short of it (or for a pass).
      const withinRideThrough = minutes !== null && minutes < rideThrough
      const limit = ok || withinRideThrough ? rideThrough : null
      return [
        makeCheck(coolingN1.meta, {
          subject: hall.name,
          subjectId: hall.id,
          value: minutes,
          valueText: ok ? 'no overheat' : undefined,
          limit,
          status: ok ? 'ok' : ctx.requiredTier === 'N' ? 'warn' : 'fail',
          ratio: ok ? 0 : undefined,
          note: ok
            ? `${cases.length} cases: the rest carry the load` + doorSpillNote(cases)
            : `losing ${worst!.lost} leaves ${worst!.rowsOverLimit.length} row(s) over their limit${minutes !== null ? ` in ${minutes.toFixed(1)} min` : ''} (${(worst!.excessAirKW + worst!.excessLiquidKW).toFixed(0)} kW not removed${limit === null ? `: the rest cannot carry the load, whatever the ${rideThrough} min ride-through` : ''}); ${failing.length} of ${cases.length} cases fail` +
              (ctx.requiredTier === 'N' ? ' (tier N: no cooling redundancy required)' : ''),
        }),
      ]
    }),
}

/** Where a case leaves rear doors short of cold water, what they hand back to the hall air. */
function doorSpillNote(cases: readonly CoolingConsequence[]): string {
  const worst = cases.reduce<CoolingConsequence | null>((a, c) => (c.doorSpillKW > (a?.doorSpillKW ?? 0) ? c : a), null)
  return worst ? ` (losing ${worst.lost}, the rear doors leave ${worst.doorSpillKW.toFixed(0)} kW in the air, which the fans carry out)` : ''
}
