// Per-thing status from the report, for the "by check status" and "by utilisation" colour modes.
import type { Variant } from '../model/sceneSchema'
import type { CheckStatus, Report } from '../solver/report'
import { buildUtilisationMaps, type UtilisationMaps } from './utilisationMaps'

const RANK: Record<CheckStatus, number> = { ok: 0, warn: 1, fail: 2 }

export function worse(a: CheckStatus | undefined, b: CheckStatus): CheckStatus {
  return a === undefined || RANK[b] > RANK[a] ? b : a
}

export interface StatusMaps {
  /** Row id → row status (report.rows). */
  rows: ReadonlyMap<string, CheckStatus>
  /** Subject id → worst status of the checks about it. */
  subjects: ReadonlyMap<string, CheckStatus>
  /** Hall id → worst status of its cooling-side checks (airflow, capacity, liquid). */
  hallCooling: ReadonlyMap<string, CheckStatus>
  /** Load / rating of the power nodes and of what feeds each rack and cooling unit. */
  utilisation: UtilisationMaps
}

export function buildStatusMaps(report: Report | null, variant: Variant | null): StatusMaps {
  const rows = new Map<string, CheckStatus>()
  const subjects = new Map<string, CheckStatus>()
  const hallCooling = new Map<string, CheckStatus>()
  const utilisation = buildUtilisationMaps(variant, report)
  if (!report) return { rows, subjects, hallCooling, utilisation }
  for (const row of report.rows) rows.set(row.id, row.status)
  const hallIds = new Set(report.halls.map((h) => h.id))
  for (const check of report.checks) {
    subjects.set(check.subjectId, worse(subjects.get(check.subjectId), check.status))
    if ((check.domain === 'cooling' || check.domain === 'liquid') && hallIds.has(check.subjectId)) {
      hallCooling.set(check.subjectId, worse(hallCooling.get(check.subjectId), check.status))
    }
  }
  return { rows, subjects, hallCooling, utilisation }
}
