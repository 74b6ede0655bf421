// Narrow selectors shared by the viewport and the panels.
import type { Variant } from '../model/sceneSchema'
import type { PowerSummary, Report } from '../solver/report'
import type { AppState } from './types'

export const selectVariant = (s: AppState): Variant | null =>
  s.scene?.variants.find((v) => v.id === s.variantId) ?? null

export const selectReport = (s: AppState): Report | null => (s.variantId ? (s.reports[s.variantId] ?? null) : null)

export const selectSolving = (s: AppState): boolean => (s.variantId ? s.pending[s.variantId] === true : false)

export const selectSolveError = (s: AppState): string | null =>
  s.variantId ? (s.solveErrors[s.variantId] ?? null) : null

/** The power-chain summary (groups, N-1 cases, usable IT, advice); null until the solver gives one. */
export const selectPower = (s: AppState): PowerSummary | null => selectReport(s)?.power ?? null
