import { describe, expect, it } from 'vitest'
import { builtInCatalog } from '../../../src/model/catalog'
import { CoolingUnitSchema } from '../../../src/model/catalogSchema'

// Cooling units are a union by kind: each kind carries exactly the figures the plant reads, all
// required. A missing figure is a schema error, never a silent zero.
const base = { id: 'u', name: 'Unit', powerKW: 1, powerFactor: 0.9, size: { widthM: 1, depthM: 1, heightM: 1 }, sources: [{ title: 't', confidence: 'approx' }] }
const dry = { ...base, kind: 'dry-cooler', coolingKW: 1000, ratedFluidInC: 55, ratedFluidOutC: 45, ratedAirInC: 35, airflowM3s: 90 }

const issues = (raw: unknown) => {
  const r = CoolingUnitSchema.safeParse(raw)
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.code}`)
}

describe('cooling unit schema', () => {
  it('accepts one unit of every kind with its figures', () => {
    expect(issues({ ...base, kind: 'exhaust-fan', airflowM3s: 10 })).toEqual([])
    expect(issues({ ...base, kind: 'evap-pad', effectiveness: 0.8 })).toEqual([])
    expect(issues({ ...base, kind: 'crah', airflowM3s: 10, coolingKW: 150 })).toEqual([])
    expect(issues({ ...base, kind: 'cdu', coolingKW: 1350 })).toEqual([])
    expect(issues({ ...base, kind: 'immersion-tank', coolingKW: 200 })).toEqual([])
    expect(issues(dry)).toEqual([])
    expect(issues({ ...base, kind: 'chiller', coolingKW: 1000 })).toEqual([])
  })

  it('rejects a unit missing a figure its kind needs', () => {
    expect(issues({ ...base, kind: 'exhaust-fan' })).toEqual(['airflowM3s: invalid_type'])
    expect(issues({ ...base, kind: 'evap-pad' })).toEqual(['effectiveness: invalid_type'])
    expect(issues({ ...base, kind: 'crah', airflowM3s: 10 })).toEqual(['coolingKW: invalid_type'])
    expect(issues({ ...base, kind: 'cdu' })).toEqual(['coolingKW: invalid_type'])
    const { ratedAirInC: _, ...noAir } = dry
    expect(issues(noAir)).toEqual(['ratedAirInC: invalid_type'])
  })

  it('rejects figures of another kind and the old dry-cooler fields', () => {
    expect(issues({ ...base, kind: 'evap-pad', effectiveness: 0.8, airflowM3s: 0 })).toEqual([': unrecognized_keys'])
    expect(issues({ ...dry, ratedAmbientC: 35, approachK: 10 })).toEqual([': unrecognized_keys'])
  })

  it('rejects rated dry-cooler temperatures that cannot be: fluid must cool, and stay above the air', () => {
    expect(issues({ ...dry, ratedFluidInC: 40 })).toEqual(['ratedFluidInC: custom'])
    expect(issues({ ...dry, ratedFluidOutC: 30, ratedFluidInC: 40 })).toEqual(['ratedFluidOutC: custom'])
  })

  it('the shipped dry cooler is rated 55 → 45 °C fluid in 35 °C air', () => {
    const unit = builtInCatalog().coolingUnits.get('dry-cooler-1000kw')!
    expect(unit.kind === 'dry-cooler' && [unit.ratedFluidInC, unit.ratedFluidOutC, unit.ratedAirInC]).toEqual([55, 45, 35])
  })
})
