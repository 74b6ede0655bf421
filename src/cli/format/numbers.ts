// Number formatting shared by the CLI's table and Markdown output.

/** Enough significant digits for an engineer, thousands grouped: 20 790, 0.954, 1 215.4. */
export function formatValue(value: number): string {
  if (value === 0) return '0'
  const abs = Math.abs(value)
  const digits = abs >= 1000 ? 0 : abs >= 100 ? 1 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
}

export function formatMW(kw: number): string {
  return `${(kw / 1000).toFixed(2)} MW`
}
