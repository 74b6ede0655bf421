// The liquid side of each hall on the design day (its plant, cooling/plant/evaluate.ts): liquid
// heat against the CDUs (or tanks) that take it and against what the plant can reject while holding
// the coolant limit (its devices' own and its rear doors' rated water), and the coolant supply
// (where the loop settles) against that limit.
import { makeCheck } from '../../check'
import type { Check } from '../../check'
import type { CheckModule, HallState } from '../types'
import { liquidClassFor } from '../../cooling/ashrae'
import { grouped } from '../../economics/grouped'
import { strictestCoolantLimit, type CoolantLimit } from '../../cooling/plant/plant'

/** en-US, thousands grouped, `digits` decimals (one formatter per digits: economics/grouped.ts). */
const fmt = (v: number, digits = 0) => grouped(v, digits)

export const cduCapacity: CheckModule = {
  meta: {
    kind: 'liquid.cdu',
    domain: 'liquid',
    title: 'Liquid heat vs CDU capacity',
    unit: 'kW',
    sense: 'max',
    description: 'Heat the devices put into liquid against the rated capacity of the hall’s CDUs or immersion tanks.',
    limitSource: 'catalog coolingKW of CDUs / tanks; warns above params.coolingWarnFraction',
  },
  evaluate: (ctx) =>
    ctx.halls
      .filter((h) => h.design.heatLiquidKW > 0)
      .map(({ hall, design }) =>
        makeCheck(cduCapacity.meta, {
          subject: hall.name,
          subjectId: hall.id,
          value: design.heatLiquidKW,
          limit: design.cduCapacityKW,
          warnRatio: ctx.params.coolingWarnFraction,
          note: design.cduCapacityKW === 0 ? 'no liquid loop in this hall: add CDUs (or tanks) for the liquid-cooled devices' : undefined,
        }),
      ),
}

function rejectionNote({ plant, design }: HallState, ambientC: number, loopDeltaTK: number): string {
  if (design.rejectionKW === 0) return 'nothing rejects the liquid heat: add dry coolers or chillers'
  const limit = design.coolantLimitC
  const parts: string[] = []
  if (plant.dryKWPerK > 0) parts.push(`dry coolers in ${ambientC} °C air reject ${fmt(design.rejectionKW - plant.chillerCoolingKW)} kW holding ${fmt(limit, 1)} °C (return ${fmt(limit + loopDeltaTK, 1)} °C)`)
  if (plant.chillerCoolingKW > 0) parts.push(`chillers ${fmt(plant.chillerCoolingKW)} kW`)
  if (design.coolantSupplyC !== null) parts.push(`loop settles at ${fmt(design.coolantSupplyC, 1)} → ${fmt(design.coolantSupplyC + loopDeltaTK, 1)} °C`)
  return parts.join('; ')
}

export const heatRejection: CheckModule = {
  meta: {
    kind: 'liquid.rejection',
    domain: 'liquid',
    title: 'Liquid heat rejection, design day',
    unit: 'kW',
    sense: 'max',
    description:
      'Liquid heat against what the plant rejects on the design day while holding the devices’ coolant limit: dry coolers at that supply (Q_rated·(T_return − T_amb)/(T_in,rated − T_air,rated)) plus chillers.',
    limitSource: 'catalog dry-cooler rating at its rated temperatures (EN 1048); climate design dry bulb; catalog coolantMaxSupplyC',
  },
  evaluate: (ctx) =>
    ctx.halls
      .filter((h) => h.design.heatLiquidKW > 0)
      .map((h) =>
        makeCheck(heatRejection.meta, {
          subject: h.hall.name,
          subjectId: h.hall.id,
          value: h.design.heatLiquidKW,
          limit: h.design.rejectionKW,
          warnRatio: ctx.params.coolingWarnFraction,
          note: rejectionNote(h, ctx.climate.designSummerDryBulbC, ctx.params.liquidDeltaTK),
        }),
      ),
}

/** What sets a hall's coolant limit, as the coolant checks (design day and year) name it. */
export function coolantLimitNote(limit: CoolantLimit): string {
  return limit.kind === 'door'
    ? `rear doors of ${limit.name} are rated for ${limit.maxC} °C water`
    : `${limit.name} accepts ≤ ${limit.maxC} °C (ASHRAE ${liquidClassFor(limit.maxC)})`
}

export const coolantSupply: CheckModule = {
  meta: {
    kind: 'liquid.supply',
    domain: 'liquid',
    title: 'Coolant supply temperature',
    unit: '°C',
    sense: 'max',
    description:
      'Coolant supply on the design day — where the loop settles, the dry coolers’ rejection equal to the heat, never below the setpoint, trimmed by chillers — against the strictest limit of the hall’s liquid side: its devices’ own, and the rated water of its rear doors.',
    limitSource: 'catalog coolantMaxSupplyC (ASHRAE W class); scene rearDoor.waterSupplyC',
  },
  evaluate: (ctx) => {
    const out: Check[] = []
    for (const { hall, rows, design } of ctx.halls) {
      // The limit the plant holds and the year counts hours above (plant.coolantMaxC is its maxC).
      const limit = strictestCoolantLimit(rows)
      if (limit === null || design.cduCapacityKW <= 0) continue
      const trim = design.chillerTrimKW > 0 ? `; trim chillers take ${fmt(design.chillerTrimKW)} kW` : ''
      out.push(
        makeCheck(coolantSupply.meta, {
          subject: hall.name,
          subjectId: hall.id,
          value: design.coolantSupplyC,
          valueText: design.coolantSupplyC === null ? 'unbounded' : undefined,
          limit: limit.maxC,
          status: design.coolantOverLimit ? 'fail' : undefined,
          note: `${coolantLimitNote(limit)}${trim}`,
        }),
      )
    }
    return out
  },
}
