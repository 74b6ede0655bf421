// Building checks, and turning a list of checks into a verdict and a binding constraint.
import type { Check, CheckStatus } from './report'

/** A check as its producer states it; the ratio and status follow from the numbers. */
export interface CheckInput extends Omit<Check, 'ratio' | 'status' | 'note' | 'requirement'> {
  requirement?: boolean
  /** Ratio above which the check warns (it fails above 1). */
  warnRatio?: number
  /** A ratio more meaningful than value/limit for this quantity (e.g. power factor). */
  ratio?: number
  /** Force a status (e.g. a missing capability fails whatever the numbers). */
  status?: CheckStatus
  note?: string | undefined
}

/** value/limit for a ceiling, limit/value for a floor; finite even at 0. */
export function checkRatio(value: number, limit: number, sense: 'max' | 'min'): number {
  const [num, den] = sense === 'max' ? [value, limit] : [limit, value]
  if (den > 0) return num / den
  return num > 0 ? Number.MAX_SAFE_INTEGER : 0
}

export function makeCheck(input: CheckInput): Check {
  const ratio = input.ratio ?? checkRatio(input.value, input.limit, input.sense)
  const status: CheckStatus =
    input.status ?? (ratio > 1 ? 'fail' : input.warnRatio !== undefined && ratio > input.warnRatio ? 'warn' : 'ok')
  const check: Check = {
    id: input.id,
    domain: input.domain,
    title: input.title,
    subject: input.subject,
    subjectId: input.subjectId,
    value: input.value,
    limit: input.limit,
    unit: input.unit,
    sense: input.sense,
    ratio,
    status,
  }
  if (input.note !== undefined) check.note = input.note
  if (input.requirement) check.requirement = true
  return check
}

const RANK: Record<CheckStatus, number> = { ok: 0, warn: 1, fail: 2 }

export function worstStatus(statuses: Iterable<CheckStatus>): CheckStatus {
  let worst: CheckStatus = 'ok'
  for (const s of statuses) if (RANK[s] > RANK[worst]) worst = s
  return worst
}

/** Orders checks by how much they bind: worst status, then physical limits before requirements,
 *  then furthest over (or closest to) the limit. Negative when `a` binds more. */
export function compareChecks(a: Check, b: Check): number {
  if (RANK[a.status] !== RANK[b.status]) return RANK[b.status] - RANK[a.status]
  if (Boolean(a.requirement) !== Boolean(b.requirement)) return a.requirement ? 1 : -1
  return b.ratio - a.ratio
}

const bindsMore = (a: Check, b: Check): boolean => compareChecks(a, b) < 0

/** The check that decides the verdict: the failing physical limit furthest over it, else a failing
 *  requirement, else the check closest to its limit. */
export function bindingCheck(checks: readonly Check[]): Check | null {
  let best: Check | null = null
  for (const c of checks) if (!best || bindsMore(c, best)) best = c
  return best
}
