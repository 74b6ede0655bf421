// Which failure binds: computed limits before rules of thumb before requirements; the design day
// before the typical year before N-1 cases; then the furthest past its limit.
import { describe, expect, it } from 'vitest'
import { bindingCheck, makeCheck, sortChecks, type CheckMeta } from '../../../src/solver/check'
import { checkRatioText } from '../../../src/report/format'

const META: CheckMeta = { kind: 'inlet.design-day', domain: 'inlet', title: 'Inlet', unit: '°C', sense: 'max', description: '', limitSource: '' }
const inlet = (value: number) => makeCheck(META, { subject: 'Row 1', subjectId: 'r1', value, limit: 30 })
const density = makeCheck({ ...META, kind: 'density.row', domain: 'density', unit: 'kW/m', guideline: true }, { subject: 'Row 1', subjectId: 'r1', value: 68, limit: 40 })
const aisle = makeCheck({ ...META, kind: 'layout.aisle', domain: 'layout', unit: 'm', sense: 'min', requirement: true }, { subject: 'Row 2', subjectId: 'r2', value: 0.5, limit: 1.2 })
const yearHours = makeCheck({ ...META, kind: 'year.inlet', unit: 'h', typicalYear: true }, { subject: 'Hall', subjectId: 'h', value: 8760, limit: 0, status: 'fail' })
const n1 = makeCheck({ ...META, kind: 'cooling.n1', domain: 'cooling', unit: 'min', sense: 'min', contingency: true }, { subject: 'Hall', subjectId: 'h', value: 1, limit: 10 })

describe('binding order', () => {
  it('a computed inlet 47.9 °C vs 30 °C (160 %) binds before a 68 vs 40 kW/m guideline (170 %)', () => {
    // 47.9 / 30 = 1.597 < 68 / 40 = 1.7: the guideline is further over, yet the field's inlet binds.
    expect(bindingCheck([density, inlet(47.9)])?.kind).toBe('inlet.design-day')
    // With no computed limit failing, the guideline binds before a requirement 240 % over (1.2 / 0.5).
    expect(bindingCheck([aisle, density])?.kind).toBe('density.row')
  })
  it('the design day binds before the typical year before an N-1 case, however far over each is', () => {
    // 8,760 h against 0 h cannot be divided (ratio null = furthest over); 1 min vs 10 min is 1000 %.
    expect(sortChecks([n1, yearHours, inlet(31)]).map((c) => c.kind)).toEqual(['inlet.design-day', 'year.inlet', 'cooling.n1'])
  })
  it('hours over a zero-hour tolerance are not "no capacity"', () => {
    expect(yearHours.ratio).toBeNull()
    expect(checkRatioText(yearHours)).toBe('—')
    const cdu = makeCheck({ ...META, kind: 'liquid.cdu', domain: 'liquid', unit: 'kW' }, { subject: 'Hall', subjectId: 'h', value: 17279, limit: 0 })
    expect(checkRatioText(cdu)).toBe('no capacity')
  })
})
