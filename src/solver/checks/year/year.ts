// Checks from the typical year: hours a hall's device inlet air is above its allowable limit
// (ASHRAE class or vendor), and hours its coolant supply is above its liquid side's limit (its
// devices' own, its rear doors' rated water).
import { makeCheck } from '../../check'
import type { Check } from '../../check'
import type { CheckModule } from '../types'
import { strictestCoolantLimit } from '../../cooling/plant/plant'
import { coolantLimitNote } from '../cooling/liquid'

const hallName = (ctx: Parameters<CheckModule['evaluate']>[0], id: string) => ctx.variant.halls.find((x) => x.id === id)?.name ?? id

/** The coolant limit's source, as the design day's liquid.supply names it (the same rows, so the
 *  same limit as the year's coolantMaxC). */
function limitNote(ctx: Parameters<CheckModule['evaluate']>[0], hallId: string, maxC: number): string {
  const rows = ctx.halls.find((x) => x.hall.id === hallId)?.rows
  const limit = rows ? strictestCoolantLimit(rows) : null
  return limit ? coolantLimitNote(limit) : `coolant ≤ ${maxC} °C`
}

export const yearInlet: CheckModule = {
  meta: {
    kind: 'year.inlet',
    domain: 'inlet',
    title: 'Hours above allowable inlet, typical year',
    unit: 'h',
    sense: 'max',
    description: 'Hours of the typical year the hall’s device inlet air is above the strictest allowable inlet of its devices (or the fans cannot move the air the heat needs); warns on hours above the recommended range.',
    limitSource: 'params.allowedExcursionHours',
    typicalYear: true,
  },
  evaluate: (ctx) => {
    const out: Check[] = []
    for (const h of ctx.year?.halls ?? []) {
      if (h.allowableInletC === null) continue
      const hours = h.hoursInletAboveAllowable
      out.push(
        makeCheck(yearInlet.meta, {
          subject: hallName(ctx, h.hallId),
          subjectId: h.hallId,
          value: hours,
          limit: ctx.params.allowedExcursionHours,
          status: hours > ctx.params.allowedExcursionHours ? 'fail' : h.hoursInletAboveRecommended > 0 ? 'warn' : 'ok',
          note:
            `allowable ${h.allowableInletC} °C` +
            (h.recommendedInletC !== null ? `; ${h.hoursInletAboveRecommended} h above the recommended ${h.recommendedInletC} °C` : '') +
            (h.hoursAirflowShort > 0 ? `; fans short of airflow ${h.hoursAirflowShort} h` : ''),
        }),
      )
    }
    return out
  },
}

export const yearCoolant: CheckModule = {
  meta: {
    kind: 'year.coolant',
    domain: 'liquid',
    title: 'Hours above coolant limit, typical year',
    unit: 'h',
    sense: 'max',
    description: 'Hours of the typical year the coolant supply is above the limit of the hall’s liquid side (what its liquid-cooled devices accept, the rated water of its rear doors), or the plant cannot take the liquid heat.',
    limitSource: 'params.allowedExcursionHours; catalog coolantMaxSupplyC; scene rearDoor.waterSupplyC',
    typicalYear: true,
  },
  evaluate: (ctx) => {
    const out: Check[] = []
    for (const h of ctx.year?.halls ?? []) {
      if (h.coolantMaxC === null) continue
      const hours = h.hoursCoolantAboveMax + h.hoursLiquidShort
      out.push(
        makeCheck(yearCoolant.meta, {
          subject: hallName(ctx, h.hallId),
          subjectId: h.hallId,
          value: hours,
          limit: ctx.params.allowedExcursionHours,
          status: hours > ctx.params.allowedExcursionHours ? 'fail' : 'ok',
          note: `${limitNote(ctx, h.hallId, h.coolantMaxC)}${h.hoursLiquidShort > 0 ? `; plant short of capacity ${h.hoursLiquidShort} h` : ''}`,
        }),
      )
    }
    return out
  },
}
