import { describe, expect, it } from 'vitest'
import { parseQuantity } from '../../../src/editor/units'

describe('typed quantities', () => {
  it('converts to the field unit', () => {
    expect(parseQuantity('2.5 MVA', 'kVA')).toEqual({ ok: true, value: 2500 })
    expect(parseQuantity('35 degC', 'degC')).toEqual({ ok: true, value: 35 })
    expect(parseQuantity('35 °C', 'degC')).toEqual({ ok: true, value: 35 })
    expect(parseQuantity('1200 mm', 'm')).toEqual({ ok: true, value: 1.2 })
    expect(parseQuantity('12 m', 'm')).toEqual({ ok: true, value: 12 })
    expect(parseQuantity('12', 'm')).toEqual({ ok: true, value: 12 }) // a bare number is in the field's unit
    const f = parseQuantity('95 degF', 'degC')
    expect(f.ok && f.value).toBeCloseTo(35, 9)
  })

  it('rejects a wrong dimension or text with a clear message', () => {
    const kg = parseQuantity('12 kg', 'm')
    expect(kg.ok).toBe(false)
    expect(!kg.ok && kg.message).toMatch(/not a length/)
    const abc = parseQuantity('abc', 'm')
    expect(!abc.ok && abc.message).toMatch(/not a quantity/)
    expect(parseQuantity('', 'm').ok).toBe(false)
    expect(parseQuantity('1e400', 'm').ok).toBe(false)
  })
})
