// Bounds for every quantity a user can type. Wide (a 0.1 kVA PDU to a 1 GVA substation) and meant
// only to refuse what no real site has: 1e-300 or 1e300 is a typo, and refusing it here, with the
// field path, the range and the unit, beats an Infinity or a NaN deep in the solver.
import './zodConfig' // first: zod without its JIT, before any schema is built
import { z } from 'zod'

// One formatter for every bound: toLocaleString with options builds a new Intl.NumberFormat on each
// call, and the schemas format a few hundred bounds when they load (a cold CLI start paid for it).
const BOUND_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 })

/** 0.001, 0.5, 1,000,000: how a bound reads in a message. */
export function formatBound(n: number): string {
  return BOUND_FORMAT.format(n)
}

const range = (min: number, max: number, unit: string) => `between ${formatBound(min)} and ${formatBound(max)}${unit ? ` ${unit}` : ''}`

/** A number from min to max (inclusive). `what` carries its article: "an efficiency", "a rating".
 *  Out of range or not a number: `expected an efficiency between 0.5 and 1`. */
export function quantity(what: string, min: number, max: number, unit = '') {
  const error = `expected ${what} ${range(min, max, unit)}`
  return z.number({ error }).min(min, { error }).max(max, { error })
}

/** 0 (none at all) or a number from min to max: a quantity the solver divides by, where 0 is
 *  meaningful and handled but a tiny positive value would blow a ratio up to Infinity. */
export function quantityOrZero(what: string, min: number, max: number, unit = '') {
  const error = `expected ${what} of 0 or ${range(min, max, unit)}`
  return z.number({ error }).min(0, { error }).max(max, { error }).refine((v) => v === 0 || v >= min, { error })
}

/** A whole number from 1 to max: racks in a row, units in a bank. */
export function count(max: number) {
  const error = 'expected a positive integer'
  return z
    .number({ error })
    .int({ error })
    .min(1, { error })
    .max(max, { error: `expected a positive integer of at most ${formatBound(max)}` })
}
