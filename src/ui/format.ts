// Number formatting for the panels: the names the panels know, backed by the one formatter of
// src/report/format.ts (the report and the CLI use the same), so a figure reads alike everywhere.
import { fmt, fmtAuto, fmtMW, fmtValue } from '../report/format'

export { fmtDistinct, fmtPayback, fmtPaybackWithReason, fmtPct, fmtPctOrDash, fmtUsd, fmtUsdExact, paybackParts } from '../report/format'

/** A number with fixed decimals: 1,234.5 · −3.0. */
export const formatNumber: (value: number | null, decimals: number) => string = fmt

/** About three significant digits, never more than 2 decimals: 12,345 · 1,234 · 123 · 12.3 · 1.23. */
export const formatAuto: (value: number) => string = fmtAuto

/** A check value in its unit: shares as percent, temperatures to a tenth. */
export const formatValue: (value: number, unit: string) => string = fmtValue

/** Megawatts from kilowatts: 20.8 · 1.24. */
export const formatMW: (kw: number) => string = fmtMW
