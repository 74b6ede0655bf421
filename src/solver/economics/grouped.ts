// Numbers in the words of capex notes and upgrade prices: en-US, thousands grouped. The formatters
// are made once: toLocaleString builds one per call, and the tornado and the break-even searches
// evaluate a variant's capex hundreds of times per solve.
const formatters = new Map<number, Intl.NumberFormat>()

/** 58,200 · 1,500,000 · 2.5; `digits` fixes the decimals (default: up to 3, as toLocaleString). */
export function grouped(value: number, digits?: number): string {
  const key = digits ?? -1
  let f = formatters.get(key)
  if (!f) {
    f = new Intl.NumberFormat('en-US', digits === undefined ? { maximumFractionDigits: 3 } : { minimumFractionDigits: digits, maximumFractionDigits: digits })
    formatters.set(key, f)
  }
  return f.format(value)
}
