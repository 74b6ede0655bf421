// Checks from the typical year: hours a hall's device inlet air is above its allowable limit
// (ASHRAE class or vendor), and hours its coolant supply is above what the devices accept.
import type { SolverParams } from '../../model/params'
import type { Variant } from '../../model/sceneSchema'
import type { Check } from '../report'
import { makeCheck } from '../checks'
import { liquidClassFor } from '../cooling/ashrae'
import type { YearResult } from './year'

export function yearChecks(year: YearResult, variant: Variant, params: SolverParams): Check[] {
  const checks: Check[] = []
  for (const h of year.halls) {
    const hall = variant.halls.find((x) => x.id === h.hallId)
    const subject = hall?.name ?? h.hallId
    if (h.allowableInletC > 0) {
      checks.push(
        makeCheck({
          id: `year.inlet:${h.hallId}`,
          domain: 'inlet',
          title: 'Hours above allowable inlet, typical year',
          subject,
          subjectId: h.hallId,
          value: h.hoursInletAboveAllowable,
          limit: params.allowedExcursionHours,
          unit: 'h',
          sense: 'max',
          status: h.hoursInletAboveAllowable > params.allowedExcursionHours ? 'fail' : h.hoursInletAboveRecommended > 0 ? 'warn' : 'ok',
          ratio: h.hoursInletAboveAllowable > 0 ? 1 + h.hoursInletAboveAllowable / 8760 : h.hoursInletAboveRecommended / 8760,
          note:
            `allowable ${h.allowableInletC} °C` +
            (h.recommendedInletC !== null ? `; ${h.hoursInletAboveRecommended} h above the recommended ${h.recommendedInletC} °C` : '') +
            (h.hoursAirflowShort > 0 ? `; fans short of airflow ${h.hoursAirflowShort} h` : ''),
        }),
      )
    }
    if (h.coolantMaxC !== null) {
      checks.push(
        makeCheck({
          id: `year.coolant:${h.hallId}`,
          domain: 'liquid',
          title: 'Hours above coolant limit, typical year',
          subject,
          subjectId: h.hallId,
          value: h.hoursCoolantAboveMax + h.hoursLiquidShort,
          limit: params.allowedExcursionHours,
          unit: 'h',
          sense: 'max',
          status: h.hoursCoolantAboveMax + h.hoursLiquidShort > params.allowedExcursionHours ? 'fail' : 'ok',
          ratio: h.hoursCoolantAboveMax + h.hoursLiquidShort > 0 ? 1 + (h.hoursCoolantAboveMax + h.hoursLiquidShort) / 8760 : 0,
          note: `devices accept ≤ ${h.coolantMaxC} °C (ASHRAE ${liquidClassFor(h.coolantMaxC)})${h.hoursLiquidShort > 0 ? `; plant short of capacity ${h.hoursLiquidShort} h` : ''}`,
        }),
      )
    }
  }
  return checks
}
