// The power factor at the point of connection against the minimum the grid operator allows.
import { checkRatio, makeCheck } from '../../check'
import type { CheckModule } from '../types'
import { grouped } from '../../economics/grouped'

export const gridPowerFactor: CheckModule = {
  meta: {
    kind: 'grid.pf',
    domain: 'grid',
    title: 'Grid power factor',
    unit: 'PF',
    sense: 'min',
    description: 'Power factor at the point of connection (loads and transformer magnetising and leakage reactance) against the allowed minimum.',
    limitSource: 'site.grid.minPowerFactor',
  },
  evaluate: (ctx) => {
    const root = ctx.power.flow.root
    const min = ctx.scene.site.grid.minPowerFactor
    // How much of the allowed reactive power per kW is used: tan φ / tan φ_min, tan φ = |Q| / P
    // (no figure when nothing active is drawn: the power factor itself then judges).
    const tanPhi = root.loadKW > 0 ? Math.abs(root.loadKVAR) / root.loadKW : null
    return [
      makeCheck(gridPowerFactor.meta, {
        subject: root.name,
        subjectId: root.id,
        value: root.powerFactor,
        limit: min,
        ratio: tanPhi === null ? null : checkRatio(tanPhi, Math.tan(Math.acos(min)), 'max'),
        note: root.powerFactor < min ? 'needs reactive compensation' : undefined,
      }),
    ]
  },
  advise: (failing, ctx) =>
    failing.map((c) => {
      const root = ctx.power.flow.root
      // Compensation brings |Q| down to P·tan φ_min.
      const kvar = Math.abs(root.loadKVAR) - root.loadKW * Math.tan(Math.acos(c.limit!))
      return { checkId: c.id, subjectId: c.subjectId, text: `add ≥ ${grouped(Math.ceil(kvar))} kvar of reactive compensation at ${ctx.power.flow.root.name}` }
    }),
}
