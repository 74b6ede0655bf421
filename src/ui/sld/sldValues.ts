// The report's figures for each box of the diagram: load, rating, loading and its worst N-1 value,
// and the verdict of the box's own checks. A fold of identical branches shows its most loaded member
// (and the spread, when the members differ). Nothing here is computed twice: every figure is the
// solver's, except a cooling placement's nameplate input (count × the catalog's unit input).
import type { Check, CheckStatus, NodeResult, Report, RowResult } from '../../solver/report'
import type { SldBox } from './sldGraph'
import { judgedLoadKVA, judgedLoads, type NodeLoads } from '../../report/nodeLoad'

export interface BoxValues {
  /** Of the most loaded member: the load its rating judges (a transformer's delivered power, as
   *  its load check and its utilisation take it; report/nodeLoad.ts). */
  loadKVA: number | null
  loadKW: number | null
  ratingKVA: number | null
  utilisation: number | null
  /** Least loaded member, when a fold's members differ by more than half a percent. */
  utilisationMin: number | null
  contingencyUtilisation: number | null
  /** Worst status of the members' checks; null when no check is about them. */
  status: CheckStatus | null
  /** The check that set the status (the worst one, the furthest past its limit). */
  check: Check | null
  /** The members' worst load check (power.load, grid.load): the one the loading % is about. A
   *  transformer at 75 % of its rating is not "75 %" in red because its tier check fails. */
  loadCheck: Check | null
  /** Rows: the most loaded rack circuit check of the members. */
  circuit: Check | null
}

const RANK: Record<CheckStatus, number> = { ok: 0, warn: 1, fail: 2 }

const EMPTY: BoxValues = {
  loadKVA: null,
  loadKW: null,
  ratingKVA: null,
  utilisation: null,
  utilisationMin: null,
  contingencyUtilisation: null,
  status: null,
  check: null,
  loadCheck: null,
  circuit: null,
}

function worstCheck(checks: readonly Check[]): Check | null {
  let worst: Check | null = null
  for (const c of checks) if (!worst || RANK[c.status] > RANK[worst.status] || (c.status === worst.status && (c.ratio ?? 0) > (worst.ratio ?? 0))) worst = c
  return worst
}

function maxBy<T>(items: readonly T[], key: (t: T) => number | null): T | null {
  let best: T | null = null
  let bestKey = -Infinity
  for (const item of items) {
    const k = key(item)
    if (k !== null && Number.isFinite(k) && k > bestKey) {
      best = item
      bestKey = k
    }
  }
  return best ?? items[0] ?? null
}

export interface SldValueContext {
  nodes: Map<string, NodeResult>
  rows: Map<string, RowResult>
  checks: Map<string, Check[]>
  coolingKW: Map<string, number>
  loads: NodeLoads
}

export function valueContext(report: Report | null): SldValueContext {
  const checks = new Map<string, Check[]>()
  for (const c of report?.checks ?? []) checks.set(c.subjectId, [...(checks.get(c.subjectId) ?? []), c])
  const coolingKW = new Map((report?.halls ?? []).flatMap((h) => h.coolingUnits.map((u) => [u.id, u.kw] as const)))
  return {
    nodes: new Map((report?.nodes ?? []).map((n) => [n.id, n])),
    rows: new Map((report?.rows ?? []).map((r) => [r.id, r])),
    checks,
    coolingKW,
    loads: judgedLoads(report?.checks ?? []),
  }
}

export function boxValues(box: SldBox, ctx: SldValueContext): BoxValues {
  const check = worstCheck(box.members.flatMap((m) => ctx.checks.get(m) ?? []))
  const status = check?.status ?? null
  if (box.kind === 'row') {
    const circuit = worstCheck(box.members.flatMap((m) => ctx.checks.get(m) ?? []).filter((c) => c.kind === 'power.circuit'))
    const rows = box.members.map((m) => ctx.rows.get(m)).filter((r): r is RowResult => r !== undefined)
    const top = maxBy(rows, (r) => r.rowKW)
    if (!top) return { ...EMPTY, status, check, circuit }
    const rowStatus = rows.reduce<CheckStatus>((w, r) => (RANK[r.status] > RANK[w] ? r.status : w), status ?? 'ok')
    return { ...EMPTY, loadKW: top.rowKW, status: rowStatus, check, circuit }
  }
  if (box.kind === 'cooling') {
    const kws = box.members.map((m) => ctx.coolingKW.get(m)).filter((v): v is number => v !== undefined)
    return { ...EMPTY, loadKW: kws.length ? Math.max(...kws) : null, status, check }
  }
  const loadCheck = worstCheck(box.members.flatMap((m) => ctx.checks.get(m) ?? []).filter((c) => c.kind === 'power.load' || c.kind === 'grid.load'))
  const results = box.members.map((m) => ctx.nodes.get(m)).filter((n): n is NodeResult => n !== undefined)
  const top = maxBy(results, (n) => n.utilisation ?? n.loadKVA)
  if (!top) return { ...EMPTY, status, check, loadCheck }
  const utils = results.map((n) => n.utilisation).filter((u): u is number => u !== null && Number.isFinite(u))
  const low = utils.length ? Math.min(...utils) : null
  const n1 = results.map((n) => n.contingencyUtilisation).filter((u): u is number => u !== null && Number.isFinite(u))
  return {
    loadKVA: judgedLoadKVA(top, ctx.loads),
    loadKW: top.loadKW,
    ratingKVA: top.ratingKVA,
    utilisation: top.utilisation,
    utilisationMin: low !== null && top.utilisation !== null && top.utilisation - low > 0.005 ? low : null,
    contingencyUtilisation: n1.length ? Math.max(...n1) : null,
    status,
    check,
    loadCheck,
    circuit: null,
  }
}
