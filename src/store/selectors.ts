// Narrow selectors shared by the viewport and the panels.
import type { Variant } from '../model/sceneSchema'
import type { Check, PowerSummary, Report } from '../solver/report'
import type { EconomicsResult } from '../solver/economics/types'
import type { AppState } from './types'

export const selectVariant = (s: AppState): Variant | null =>
  s.scene?.variants.find((v) => v.id === s.variantId) ?? null

export const selectReport = (s: AppState): Report | null => (s.variantId ? (s.reports[s.variantId] ?? null) : null)

export const selectSolving = (s: AppState): boolean => (s.variantId ? s.pending[s.variantId] === true : false)

export const selectSolveError = (s: AppState): string | null =>
  s.variantId ? (s.solveErrors[s.variantId] ?? null) : null

/** The power-chain summary (groups, N-1 cases, usable IT, advice); null until the solver gives one. */
export const selectPower = (s: AppState): PowerSummary | null => selectReport(s)?.power ?? null
/** The usable-IT check: the panel shows the verdict's own status for the figure, never its own comparison. */
export const selectUsableCheck = (s: AppState): Check | null => selectReport(s)?.checks.find((c) => c.kind === 'power.usable-it') ?? null

/** The economics of a report. Guarded: reports from a solver without economics have none. */
export function economicsOf(report: Report | null | undefined): EconomicsResult | null {
  return (report as (Report & { economics?: EconomicsResult }) | null | undefined)?.economics ?? null
}

export const selectEconomics = (s: AppState): EconomicsResult | null => economicsOf(selectReport(s))
