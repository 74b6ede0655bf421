// Per-row cooling: air-side heat per metre of row face against what the hall's air scheme removes,
// and the design-day inlet air against the device's allowed inlet.
import { makeCheck } from '../../check'
import type { Check } from '../../check'
import type { CheckModule } from '../types'
import { allowableInletC } from '../../cooling/ashrae'
import { AIR_SCHEME_NAME, breathesHallAir, rowDensityKWPerM } from '../../cooling/rack'

export const rowDensity: CheckModule = {
  meta: {
    kind: 'density.row',
    domain: 'density',
    title: 'Air-side rack density',
    unit: 'kW/m',
    sense: 'max',
    description: 'Air-side heat per metre of row face against what the hall’s air scheme removes.',
    limitSource: 'params.densityLimitKWPerM by air scheme (engineering-data.md §6)',
    guideline: true,
  },
  evaluate: (ctx) =>
    ctx.halls.flatMap(({ hall, rows }) =>
      rows.map((load) =>
        makeCheck(rowDensity.meta, {
          subject: load.row.name ?? load.row.id,
          subjectId: load.row.id,
          value: rowDensityKWPerM(load),
          limit: ctx.params.densityLimitKWPerM[hall.airScheme],
          warnRatio: ctx.params.coolingWarnFraction,
          note: `${(load.heatAirKW / load.row.rackCount).toFixed(1)} kW to air per rack; ${AIR_SCHEME_NAME[hall.airScheme]}`,
        }),
      ),
    ),
}

export const rowInlet: CheckModule = {
  meta: {
    kind: 'inlet.design-day',
    domain: 'inlet',
    title: 'Inlet air, design day',
    unit: '°C',
    sense: 'max',
    description: 'The hottest rack inlet of a row on the design day against the device’s allowable inlet (its own maximum, never looser than its ASHRAE class); warns above the recommended range.',
    limitSource: 'catalog inlet.allowableMaxC clamped to the ASHRAE class (engineering-data.md §4)',
  },
  evaluate: (ctx) => {
    const out: Check[] = []
    for (const h of ctx.halls) {
      for (const load of h.rows) {
        // Selected by how the devices are cooled, not by the heat left in the room: an air-cooled
        // device behind a rear door still breathes hall air.
        if (!breathesHallAir(load)) continue
        const inlet = h.inlets.get(load.row.id)
        if (!inlet) {
          // No field for this hall (more racks than its cells): the inlet is unknown, and says so.
          out.push(
            makeCheck(rowInlet.meta, {
              subject: load.row.name ?? load.row.id,
              subjectId: load.row.id,
              value: null,
              valueText: 'not solved',
              limit: allowableInletC(load.device),
              ratio: null,
              status: 'warn',
              note: h.inletBasis,
            }),
          )
          continue
        }
        const inletC = inlet.inletC
        const { recommendedMaxC, ashraeClass } = load.device.inlet
        const allowableMaxC = inlet.allowableC
        const over = inletC > allowableMaxC
        const aboveRecommended = recommendedMaxC !== undefined && inletC > recommendedMaxC
        out.push(
          makeCheck(rowInlet.meta, {
            subject: load.row.name ?? load.row.id,
            subjectId: load.row.id,
            value: inletC,
            limit: allowableMaxC,
            status: over ? 'fail' : aboveRecommended ? 'warn' : 'ok',
            note: `${h.inletBasis}; ${load.device.name} allows ${allowableMaxC} °C${
              ashraeClass ? ` (ASHRAE ${ashraeClass}${recommendedMaxC !== undefined ? `, recommended ≤ ${recommendedMaxC} °C` : ''})` : ''
            }`,
          }),
        )
      }
    }
    return out
  },
}
