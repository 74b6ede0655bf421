// Number formatting for the panels: thousands separators, precision by magnitude, tabular digits.

const formatters = new Map<number, Intl.NumberFormat>()

function formatter(decimals: number): Intl.NumberFormat {
  let f = formatters.get(decimals)
  if (!f) {
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals })
    formatters.set(decimals, f)
  }
  return f
}

export function formatNumber(value: number, decimals: number): string {
  if (!Number.isFinite(value)) return '—'
  return formatter(decimals).format(value).replace('-', '−')
}

/** About three significant digits, never more than 2 decimals: 12,345 · 1,234 · 123 · 12.3 · 1.23. */
export function formatAuto(value: number): string {
  const a = Math.abs(value)
  if (a >= 100 || a === 0) return formatNumber(value, 0)
  if (a >= 10) return formatNumber(value, 1)
  return formatNumber(value, 2)
}

/** Formats a check value in its unit: shares as percent, temperatures to a tenth. */
export function formatValue(value: number, unit: string): string {
  if (unit === '%') return formatNumber(value, value >= 100 ? 0 : 1)
  if (unit === '°C' || unit === 'K') return formatNumber(value, 1)
  if (unit === 'PF') return formatNumber(value, 2)
  return formatAuto(value)
}

export function formatMW(kw: number): string {
  return formatNumber(kw / 1000, kw >= 10_000 ? 1 : 2)
}
