// A check: one physical limit or one requirement, judged for one subject. Every check kind is one
// module of the registry (checks/index.ts) with its meta; this file holds the record, how a check
// is built from its meta and its numbers, and how a list of checks becomes a verdict.
// Nothing parses a check's kind back out of its id: `kind` is a field.

export type CheckStatus = 'ok' | 'warn' | 'fail'
export type CheckDomain = 'grid' | 'power' | 'redundancy' | 'cooling' | 'density' | 'inlet' | 'liquid' | 'network' | 'layout'

/** Every kind of check the solver knows; each is one module under checks/. */
export type CheckKind =
  | 'grid.load'
  | 'grid.pf'
  | 'power.load'
  | 'power.circuit'
  | 'power.autonomy'
  | 'power.generator'
  | 'power.usable-it'
  | 'redundancy.n1'
  | 'redundancy.tier'
  | 'redundancy.ups'
  | 'redundancy.dual'
  | 'cooling.airflow'
  | 'cooling.air-heat'
  | 'cooling.n1'
  | 'density.row'
  | 'inlet.design-day'
  | 'inlet.series'
  | 'liquid.cdu'
  | 'liquid.rejection'
  | 'liquid.supply'
  | 'year.inlet'
  | 'year.coolant'
  | 'network.uplink'
  | 'layout.overlap'
  | 'layout.outside'
  | 'layout.aisle'
  | 'layout.airway'

/** What a check kind is, for docs, the CLI's check list and every view (ESLint's rule `meta`). */
export interface CheckMeta {
  kind: CheckKind
  domain: CheckDomain
  title: string
  unit: string
  /** 'max': value must stay ≤ limit; 'min': value must stay ≥ limit. */
  sense: 'max' | 'min'
  /** What the check asks, in a sentence. */
  description: string
  /** Where the limit comes from (a parameter, a catalog figure, a standard). */
  limitSource: string
  /** A requirement of the variant (a redundancy tier, an aisle's working space) rather than a
   *  physical limit: it fails the verdict but binds only when no physical limit fails. */
  requirement?: boolean
  /** A rule of thumb (a density per metre of row) rather than a limit the solver computes: it fails
   *  the verdict but binds after the computed physical limits, before requirements. */
  guideline?: boolean
  /** Judges hours of the typical year rather than the design day: among failures it binds after
   *  the design day's failing limits (the design hour must be met first), before N-1 cases. */
  typicalYear?: boolean
  /** Judges a loss (an N-1 case) rather than the intact design day: among failures it binds after
   *  every failing base-case limit, since the intact hall must work before its losses matter. */
  contingency?: boolean
}

export interface Check {
  /** `${kind}:${key}` (the key is the subject unless the module names another): stable, unique in a report. */
  id: string
  kind: CheckKind
  domain: CheckDomain
  /** What is checked, in words: "Transformer load", "Airflow". */
  title: string
  /** Which thing: a node, row or hall name. */
  subject: string
  /** Id of the node, row or hall the check is about (for selection in the UI). */
  subjectId: string
  /** The quantity judged; null when it is not a number (a ride-through with no end). */
  value: number | null
  /** The limit; null when there is none to state. */
  limit: number | null
  /** Words for a value or limit that is not a plain number ("no overheat", "N", "2N"). */
  valueText?: string
  limitText?: string
  unit: string
  sense: 'max' | 'min'
  /** How close to the limit: value/limit for 'max', limit/value for 'min'; > 1 is over. Null when
   *  the two cannot be divided (a limit of zero, a value that is not a number). */
  ratio: number | null
  status: CheckStatus
  /** Why it has that status, or what to do about it. */
  note?: string
  requirement?: boolean
  guideline?: boolean
  typicalYear?: boolean
  contingency?: boolean
}

/** A check as its module states it; the id, titles and ratio follow from the meta and numbers. */
export interface CheckInput {
  /** What makes the id unique when it is not the subject (a redundancy group, a variant). */
  key?: string
  subject: string
  subjectId: string
  value: number | null
  limit: number | null
  valueText?: string
  limitText?: string
  /** Ratio above which the check warns (it fails above 1). */
  warnRatio?: number
  /** A ratio more meaningful than value/limit for this quantity (e.g. power factor). */
  ratio?: number | null
  /** Force a status (e.g. a missing capability fails whatever the numbers). */
  status?: CheckStatus
  note?: string | undefined
  /** Counts as a requirement (binds only when no physical limit fails) although its kind does not. */
  requirement?: boolean
  /** A title more precise than the meta's, e.g. "N-1 (2N)". */
  title?: string
  /** Override of the meta's unit where one kind states its value in another unit. */
  unit?: string
}

/** value/limit for a ceiling, limit/value for a floor; null where that would divide by zero. */
export function checkRatio(value: number | null, limit: number | null, sense: 'max' | 'min'): number | null {
  if (value === null || limit === null) return null
  // Not destructured from a pair: every check of a report comes through here.
  const num = sense === 'max' ? value : limit
  const den = sense === 'max' ? limit : value
  if (den > 0) return num / den
  return num > 0 ? null : 0
}

/** A ratio that cannot be divided but is over: a demand against nothing. */
function overWithoutRatio(input: CheckInput, meta: CheckMeta): boolean {
  if (input.value === null || input.limit === null) return false
  return meta.sense === 'max' ? input.value > input.limit : input.value < input.limit
}

export function makeCheck(meta: CheckMeta, input: CheckInput): Check {
  const ratio = input.ratio !== undefined ? input.ratio : checkRatio(input.value, input.limit, meta.sense)
  const over = ratio === null ? overWithoutRatio(input, meta) : ratio > 1
  const status: CheckStatus =
    input.status ?? (over ? 'fail' : ratio !== null && input.warnRatio !== undefined && ratio > input.warnRatio ? 'warn' : 'ok')
  const check: Check = {
    id: `${meta.kind}:${input.key ?? input.subjectId}`,
    kind: meta.kind,
    domain: meta.domain,
    title: input.title ?? meta.title,
    subject: input.subject,
    subjectId: input.subjectId,
    value: finiteOrNull(input.value),
    limit: finiteOrNull(input.limit),
    unit: input.unit ?? meta.unit,
    sense: meta.sense,
    ratio: finiteOrNull(ratio),
    status,
  }
  if (input.valueText !== undefined) check.valueText = input.valueText
  if (input.limitText !== undefined) check.limitText = input.limitText
  if (input.note !== undefined) check.note = input.note
  if (input.requirement ?? meta.requirement) check.requirement = true
  if (meta.guideline) check.guideline = true
  if (meta.typicalYear) check.typicalYear = true
  if (meta.contingency) check.contingency = true
  return check
}

const finiteOrNull = (v: number | null): number | null => (v !== null && Number.isFinite(v) ? v : null)

export const STATUS_RANK: Record<CheckStatus, number> = { ok: 0, warn: 1, fail: 2 }

/** The worse of two statuses. */
export function worstOf(a: CheckStatus, b: CheckStatus): CheckStatus {
  return STATUS_RANK[b] > STATUS_RANK[a] ? b : a
}

export function worstStatus(statuses: Iterable<CheckStatus>): CheckStatus {
  let worst: CheckStatus = 'ok'
  // An array (a report's thousands of checks) by index: an unoptimised for…of makes an iterator
  // result per step.
  if (Array.isArray(statuses)) {
    const list: readonly CheckStatus[] = statuses
    for (let k = 0; k < list.length; k++) worst = worstOf(worst, list[k]!)
    return worst
  }
  for (const s of statuses) worst = worstOf(worst, s)
  return worst
}

/** How far past (or how close to) its limit a check is, for ordering: a failure with no ratio
 *  (a demand against nothing) counts as furthest over. */
function severity(c: Check): number {
  if (c.ratio !== null) return c.ratio
  return c.status === 'fail' ? Number.MAX_VALUE : 0
}

/** Computed physical limits, then rules of thumb, then requirements. */
const limitRank = (c: Check) => (c.requirement ? 2 : c.guideline ? 1 : 0)

/** Design day, then typical year, then N-1 cases. */
const basisRank = (c: Check) => (c.contingency ? 2 : c.typicalYear ? 1 : 0)

/** Orders checks by how much they bind: worst status, then computed physical limits before rules of
 *  thumb before requirements,
 *  then (among failures and warnings) the intact design day before the typical year before N-1
 *  cases, then furthest
 *  over (or closest to) the limit. Negative when `a` binds more. */
export function compareChecks(a: Check, b: Check): number {
  if (STATUS_RANK[a.status] !== STATUS_RANK[b.status]) return STATUS_RANK[b.status] - STATUS_RANK[a.status]
  if (limitRank(a) !== limitRank(b)) return limitRank(a) - limitRank(b)
  if (a.status !== 'ok' && basisRank(a) !== basisRank(b)) return basisRank(a) - basisRank(b)
  return severity(b) - severity(a)
}

/** The check that decides the verdict: the failing physical limit furthest over it, else a failing
 *  requirement, else the check closest to its limit. */
export function bindingCheck(checks: readonly Check[]): Check | null {
  let best: Check | null = null
  for (let k = 0; k < checks.length; k++) {
    const c = checks[k]!
    if (!best || compareChecks(c, best) < 0) best = c
  }
  return best
}

/** Checks in the order every view lists them: the binding one first, then by how far past. */
export function sortChecks(checks: readonly Check[]): Check[] {
  return [...checks].sort(compareChecks)
}

/** Identical failures or warnings (same kind, same status, same note) shown once: "11 rows: …". */
export interface CheckGroup {
  /** The check that stands for the group (the one furthest past its limit). */
  lead: Check
  /** Every check of the group, lead first. */
  checks: Check[]
}

export function groupChecks(checks: readonly Check[]): CheckGroup[] {
  const groups = new Map<string, CheckGroup>()
  const out: CheckGroup[] = []
  for (const c of sortChecks(checks)) {
    if (c.status === 'ok') {
      out.push({ lead: c, checks: [c] })
      continue
    }
    const key = `${c.kind}|${c.status}|${c.note ?? ''}|${c.valueText ?? c.value}|${c.limitText ?? c.limit}`
    const known = groups.get(key)
    if (known) known.checks.push(c)
    else {
      const group = { lead: c, checks: [c] }
      groups.set(key, group)
      out.push(group)
    }
  }
  return out
}
