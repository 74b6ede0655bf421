// Turns validation issues into messages that name the field path and the problem,
// e.g. `variants[0].halls[0].rows[3].rackCount: expected a positive integer, got -2`.
import type { z } from 'zod'

export interface FieldIssue {
  /** Field path in the file, `a.b[2].c`; empty for the document itself. */
  path: string
  message: string
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`
    else out += out === '' ? String(key) : `.${String(key)}`
  }
  return out
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = root
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined
    cur = (cur as Record<PropertyKey, unknown>)[key]
  }
  return cur
}

export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) return `an array of ${value.length}`
  return 'an object'
}

function expectation(issue: z.core.$ZodIssue): string {
  // Schemas may carry their own wording ("expected a positive integer"); keep it.
  if (issue.message.startsWith('expected ')) return issue.message
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${issue.expected === 'int' ? 'an integer' : `a ${issue.expected}`}`
    case 'too_small': {
      if (issue.origin === 'array') return `expected at least ${String(issue.minimum)} item(s)`
      if (issue.origin === 'string') return 'expected a non-empty text'
      const min = Number(issue.minimum)
      if (min === 0 && !issue.inclusive) return 'expected a positive number'
      return `expected a number ${issue.inclusive ? '≥' : '>'} ${min}`
    }
    case 'too_big': {
      if (issue.origin === 'array') return `expected at most ${String(issue.maximum)} item(s)`
      if (issue.origin === 'string') return `expected a text of at most ${String(issue.maximum)} characters`
      return `expected a number ${issue.inclusive ? '≤' : '<'} ${String(issue.maximum)}`
    }
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`
    case 'unrecognized_keys':
      return `unknown field(s) ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`
    default:
      return issue.message
  }
}

/** One readable message per zod issue, with the offending value quoted. */
export function formatIssues(issues: readonly z.core.$ZodIssue[], input: unknown): FieldIssue[] {
  return issues.map((issue) => {
    const path = formatPath(issue.path)
    if (issue.code === 'unrecognized_keys') return { path, message: expectation(issue) }
    const value = valueAt(input, issue.path)
    return { path, message: `${expectation(issue)}, got ${describeValue(value)}` }
  })
}

export function issuesToText(issues: readonly FieldIssue[]): string {
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('\n')
}
