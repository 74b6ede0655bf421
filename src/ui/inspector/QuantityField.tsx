// A number field with a unit. Typed text is parsed with units (src/editor/units.ts) and converted
// to the field's unit on Enter or when the field loses focus; a wrong unit or no number shows an
// inline message and changes nothing. The message goes with the refused text: Esc, a value changed
// from outside (undo, another selection) or text typed back to the value clears it.
import { useEffect, useId, useRef, useState } from 'react'
import { parseQuantity, UNIT_LABELS } from '../../editor/units'

export interface QuantityFieldProps {
  label: string
  value: number
  /** The field's unit as mathjs spells it: m, deg, kVA, degC… ('' for a plain count). */
  unit: string
  onCommit: (value: number) => void
  /** Extra rule on the converted value (e.g. a positive integer); returns an error message. */
  validate?: (value: number) => string | null
  digits?: number
  testId?: string
}

const fmt = (v: number, digits: number) => String(Number(v.toFixed(digits)))

export function QuantityField({ label, value, unit, onCommit, validate, digits = 3, testId }: QuantityFieldProps) {
  const id = useId()
  const [text, setText] = useState(fmt(value, digits))
  const [error, setError] = useState<string | null>(null)
  const [editing, setEditing] = useState(false)
  // Esc blurs the field: that blur must not commit (and refuse again) the text being reverted.
  const reverting = useRef(false)
  const shown = useRef(value)
  useEffect(() => {
    if (shown.current !== value) {
      // The value changed from outside (undo, another item selected): show it, drop any refusal.
      shown.current = value
      setError(null)
      setEditing(false)
      setText(fmt(value, digits))
    } else if (!editing) setText(fmt(value, digits))
  }, [value, digits, editing])

  const revert = () => {
    setError(null)
    setEditing(false)
    setText(fmt(value, digits))
  }

  const commit = () => {
    if (reverting.current) {
      reverting.current = false
      return
    }
    // Typed back to the value it has: nothing to refuse, nothing to change.
    if (text.trim() === fmt(value, digits)) return revert()
    const r = unit ? parseQuantity(text, unit) : /^\s*[-+]?\d+(\.\d+)?\s*$/.test(text) ? { ok: true as const, value: Number(text) } : { ok: false as const, message: `"${text.trim()}" is not a number` }
    if (!r.ok) return setError(r.message)
    const problem = validate?.(r.value) ?? null
    if (problem) return setError(problem)
    setError(null)
    setEditing(false)
    setText(fmt(r.value, digits))
    if (Math.abs(r.value - value) > 1e-9) onCommit(r.value)
  }

  return (
    <div className={error ? 'qf qf-error' : 'qf'}>
      <label htmlFor={id}>{label}</label>
      <div className="qf-input">
        <input
          id={id}
          value={text}
          data-testid={testId}
          data-value={value}
          aria-invalid={error !== null}
          onFocus={() => setEditing(true)}
          onChange={(e) => {
            setText(e.target.value)
            setEditing(true)
            if (error) setError(null)
          }}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit()
            if (e.key === 'Escape') {
              revert()
              reverting.current = true
              ;(e.target as HTMLInputElement).blur()
              reverting.current = false
            }
          }}
        />
        {unit && <span className="qf-unit">{UNIT_LABELS[unit] ?? unit}</span>}
      </div>
      {error && (
        <div className="qf-message" role="alert" data-testid={testId ? `${testId}-error` : undefined}>
          {error}
        </div>
      )}
    </div>
  )
}
