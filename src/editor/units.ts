// Typed quantities with units, parsed with mathjs: "2.5 MVA" into a kVA field gives 2500,
// "1200 mm" into metres 1.2, "35 degC" into °C 35. A bare number is taken in the field's unit.
// A wrong dimension ("12 kg" for a length) or text that is no quantity is an error value.
import { create, unitDependencies, type Unit } from 'mathjs'

const math = create(unitDependencies as NonNullable<typeof unitDependencies>)

export type QuantityResult = { ok: true; value: number } | { ok: false; message: string }

/** Field units as mathjs spells them, with how the UI writes them. */
export const UNIT_LABELS: Record<string, string> = { degC: '°C', deg: '°', m: 'm', mm: 'mm', kVA: 'kVA', MVA: 'MVA', kW: 'kW', MW: 'MW', kV: 'kV' }

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i

function toUnit(text: string): Unit | null {
  try {
    const u = math.unit(text.replace(/°C/g, 'degC').replace(/°/g, 'deg'))
    return u.value === null ? null : u
  } catch {
    return null
  }
}

export function parseQuantity(text: string, fieldUnit: string): QuantityResult {
  const t = text.trim()
  const label = UNIT_LABELS[fieldUnit] ?? fieldUnit
  if (t === '') return { ok: false, message: 'enter a value' }
  if (NUMBER.test(t)) return finiteOrError(Number(t))
  const u = toUnit(t)
  if (!u) return { ok: false, message: `"${t}" is not a quantity; try e.g. "12 ${label}"` }
  let target: Unit
  try {
    target = math.unit(fieldUnit)
  } catch {
    return { ok: false, message: `unknown field unit ${fieldUnit}` }
  }
  if (!u.equalBase(target)) return { ok: false, message: `${u.formatUnits() || 'a plain number'} is not a ${dimensionName(fieldUnit)}; expected ${label}` }
  return finiteOrError(u.toNumber(fieldUnit))
}

function finiteOrError(value: number): QuantityResult {
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, message: 'not a finite number' }
}

function dimensionName(fieldUnit: string): string {
  if (['m', 'mm', 'cm', 'km'].includes(fieldUnit)) return 'length'
  if (fieldUnit === 'degC' || fieldUnit === 'K') return 'temperature'
  if (fieldUnit.endsWith('VA')) return 'apparent power'
  if (fieldUnit.endsWith('W')) return 'power'
  if (fieldUnit === 'deg') return 'angle'
  return fieldUnit
}
