// The liquid side of each hall: liquid heat against the CDUs (or tanks) that take it and the heat
// rejection on the design day, and the coolant supply against what the devices accept.
import { makeCheck } from '../../check'
import type { Check } from '../../check'
import type { CheckModule } from '../types'
import { liquidClassFor } from '../../cooling/ashrae'

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
      .filter((h) => h.liquid.heatLiquidKW > 0)
      .map(({ hall, liquid }) =>
        makeCheck(cduCapacity.meta, {
          subject: hall.name,
          subjectId: hall.id,
          value: liquid.heatLiquidKW,
          limit: liquid.liquidCapacityKW,
          warnRatio: ctx.params.coolingWarnFraction,
          note: liquid.liquidCapacityKW === 0 ? 'no liquid loop in this hall: add CDUs (or tanks) for the liquid-cooled devices' : undefined,
        }),
      ),
}

export const heatRejection: CheckModule = {
  meta: {
    kind: 'liquid.rejection',
    domain: 'liquid',
    title: 'Liquid heat rejection, design day',
    unit: 'kW',
    sense: 'max',
    description: 'Liquid heat against what the dry coolers (at the design ambient and the loop’s temperatures) and chillers reject.',
    limitSource: 'catalog dry-cooler rating at its rated temperatures; climate design dry bulb',
  },
  evaluate: (ctx) =>
    ctx.halls
      .filter((h) => h.liquid.heatLiquidKW > 0)
      .map(({ hall, liquid }) =>
        makeCheck(heatRejection.meta, {
          subject: hall.name,
          subjectId: hall.id,
          value: liquid.heatLiquidKW,
          limit: liquid.rejectionKW,
          warnRatio: ctx.params.coolingWarnFraction,
          note:
            liquid.rejectionKW === 0
              ? 'nothing rejects the liquid heat: add dry coolers or chillers'
              : `dry coolers at ${ctx.climate.designSummerDryBulbC} °C ambient, loop ${liquid.supplyC.toFixed(1)} → ${(liquid.supplyC + ctx.params.liquidDeltaTK).toFixed(1)} °C`,
        }),
      ),
}

export const coolantSupply: CheckModule = {
  meta: {
    kind: 'liquid.supply',
    domain: 'liquid',
    title: 'Coolant supply temperature',
    unit: '°C',
    sense: 'max',
    description: 'Coolant supply temperature on the design day against the strictest limit of the hall’s liquid-cooled devices.',
    limitSource: 'catalog coolantMaxSupplyC (ASHRAE W class)',
  },
  evaluate: (ctx) => {
    const out: Check[] = []
    for (const { hall, rows, liquid } of ctx.halls) {
      const limits = rows.filter((r) => r.heatLiquidKW > 0 && r.device.coolantMaxSupplyC !== undefined)
      if (limits.length === 0 || liquid.liquidCapacityKW <= 0) continue
      const strictest = limits.reduce((a, b) => (a.device.coolantMaxSupplyC! <= b.device.coolantMaxSupplyC! ? a : b))
      const maxC = strictest.device.coolantMaxSupplyC!
      out.push(
        makeCheck(coolantSupply.meta, {
          subject: hall.name,
          subjectId: hall.id,
          value: liquid.supplyC,
          limit: maxC,
          note: `${strictest.device.name} accepts ≤ ${maxC} °C (ASHRAE ${liquidClassFor(maxC)})`,
        }),
      )
    }
    return out
  },
}
