// The scene fields of the 3-D model's features: rows[].rearDoor and halls[].containment. Bad values
// are refused with their field path and range; the loads book a door's rated duty (at most the
// rack's air-side heat) as liquid heat.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { builtInCatalog } from '../../../src/model/catalog'
import { parseSceneText } from '../../../src/model/parse'
import { resolveParams } from '../../../src/model/params'
import { variantLoads } from '../../../src/solver/loads'

const catalog = builtInCatalog()
const text = readFileSync('scenes/siberia-20mw.json', 'utf8')
const ri = (JSON.parse(text) as { variants: { id: string }[] }).variants.findIndex((v) => v.id === 'gpu-h100-rear-door')

function edited(edit: (s: any) => void) {
  const s = JSON.parse(text)
  edit(s)
  return parseSceneText(JSON.stringify(s), catalog)
}

describe('rows[].rearDoor', () => {
  it('refuses a capacity or water temperature out of range, naming the field', () => {
    const cases: [string, unknown, RegExp][] = [
      ['capacityKW', 0, /coil capacity between 0\.1 and 1,000 kW/],
      ['waterSupplyC', 60, /water supply temperature between 5 and 40 °C/],
    ]
    for (const [field, value, message] of cases) {
      const r = edited((s) => (s.variants[ri].halls[0].rows[3].rearDoor[field] = value))
      expect(r.ok).toBe(false)
      if (!r.ok) {
        const issue = r.issues.find((i) => i.path === `variants[${ri}].halls[0].rows[3].rearDoor.${field}`)
        expect(issue?.message).toMatch(message)
      }
    }
  })

  it('books min(capacity, rack air heat) per rack as liquid heat, the rest as air', () => {
    const r = edited((s) => (s.variants[ri].halls[0].rows[0].rearDoor.capacityKW = 30))
    if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('\n'))
    const v = r.scene.variants[ri]!
    const loads = variantLoads(v, catalog, resolveParams(r.scene.params, v.params))
    const [first, second] = loads.rows
    // 4 × DGX H100 at 10.2 kW = 40.8 kW per rack, 45 racks; doors of 30 and 50 kW.
    expect(first!.rearDoorKW).toBeCloseTo(30 * 45, 6)
    expect(first!.heatAirKW).toBeCloseTo((40.8 - 30) * 45, 6)
    expect(second!.rearDoorKW).toBeCloseTo(40.8 * 45, 6)
    expect(second!.heatAirKW).toBeCloseTo(0, 6)
    expect(second!.heatLiquidKW).toBeCloseTo(40.8 * 45, 6)
  })
})

describe('halls[].containment', () => {
  it('refuses an unknown row and an aisle between a row and itself, naming the field', () => {
    const r = edited((s) => (s.variants[1].halls[0].containment = [{ rows: ['row-1.1', 'row-9.9'], aisle: 'hot' }, { rows: ['row-1.1', 'row-1.1'], aisle: 'hot' }]))
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.issues.find((i) => i.path === 'variants[1].halls[0].containment[0].rows[1]')?.message).toMatch(/unknown row of this hall "row-9\.9"/)
      expect(r.issues.find((i) => i.path === 'variants[1].halls[0].containment[1].rows[1]')?.message).toMatch(/two different rows/)
    }
  })

  it('refuses an aisle kind other than hot or cold', () => {
    const r = edited((s) => (s.variants[1].halls[0].containment = [{ rows: ['row-1.1', 'row-1.2'], aisle: 'warm' }]))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.issues.some((i) => i.path === 'variants[1].halls[0].containment[0].aisle')).toBe(true)
  })
})
