// Number formatting for the report and the captions (no DOM): thousands separators, a real minus,
// precision by magnitude.

const formatters = new Map<number, Intl.NumberFormat>()

export function fmt(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return '—'
  let f = formatters.get(decimals)
  if (!f) {
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
    formatters.set(decimals, f)
  }
  return f.format(value).replace('-', '−')
}

/** About three significant digits: 12,345 · 1,234 · 123 · 12.3 · 1.23. */
export function fmtAuto(value: number): string {
  const a = Math.abs(value)
  if (a >= 100 || a === 0) return fmt(value, 0)
  if (a >= 10) return fmt(value, 1)
  return fmt(value, 2)
}

/** Megawatts from kilowatts: 20.8 · 1.24. */
export function fmtMW(kw: number): string {
  return fmt(kw / 1000, Math.abs(kw) >= 10_000 ? 1 : 2)
}

/** Money in short form: $13.4M · −$250M · $820k · $1.2B. */
export function fmtUsd(usd: number): string {
  if (!Number.isFinite(usd)) return '—'
  const sign = usd < 0 ? '−' : ''
  const a = Math.abs(usd)
  if (a >= 1e9) return `${sign}$${fmtAuto(a / 1e9)}B`
  if (a >= 1e6) return `${sign}$${fmtAuto(a / 1e6)}M`
  if (a >= 1e3) return `${sign}$${fmt(a / 1e3, 0)}k`
  return `${sign}$${fmt(a, 0)}`
}

/** A check value in its unit: shares as percent, temperatures to a tenth. */
export function fmtValue(value: number, unit: string): string {
  if (unit === '%') return fmt(value, value >= 100 ? 0 : 1)
  if (unit === '°C' || unit === 'K') return fmt(value, 1)
  if (unit === 'PF') return fmt(value, 2)
  return fmtAuto(value)
}

export const STATUS_WORD = { ok: 'OK', warn: 'WARN', fail: 'FAIL' } as const
