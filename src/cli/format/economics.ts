// The CLI's economics output: variants side by side, and the tornado of the first.
import type { CapacityResult, Report } from '../../solver'

export const usd = (v: number): string => {
  const abs = Math.abs(v)
  const s = abs >= 1e9 ? `${(abs / 1e9).toFixed(2)} B` : abs >= 1e6 ? `${(abs / 1e6).toFixed(1)} M` : abs >= 1e3 ? `${(abs / 1e3).toFixed(0)} k` : abs.toFixed(0)
  return `${v < 0 ? '−' : ''}${s}`
}

const years = (v: number | null) => (v === null ? 'never' : `${v.toFixed(1)} y`)
const pct = (v: number | null) => (v === null ? '—' : `${v.toFixed(1)} %`)

const energyBasisText = (basis: string) =>
  basis === 'typical year'
    ? 'typical year (facility MWh of the simulated year, fans and pumps staged, chillers only when needed) × load share × tariff'
    : 'design day (facility power × 8,760 h, every unit at nameplate: the year was not simulated) × load share × tariff'

export function formatEconomicsTable(reports: readonly Report[]): string {
  const rows: [string, (r: Report) => string][] = [
    ['Verdict', (r) => r.verdict.toUpperCase()],
    ['IT', (r) => `${(r.totals.itKW / 1000).toFixed(1)} MW`],
    ['Capex (USD)', (r) => usd(r.economics.capexUsd)],
    ['Revenue / yr', (r) => usd(r.economics.revenueUsdPerYear)],
    ['Opex / yr', (r) => usd(r.economics.opexUsdPerYear)],
    ['  of which energy', (r) => usd(r.economics.energyUsdPerYear)],
    ['  energy MWh / yr', (r) => Math.round(r.economics.energy.mwhPerYear).toLocaleString('en-US')],
    ['  PUE (energy basis)', (r) => r.economics.energy.pue.toFixed(3)],
    ['EBITDA / yr', (r) => usd(r.economics.ebitdaUsdPerYear)],
    ['Payback', (r) => years(r.economics.paybackYears)],
    ['NPV', (r) => usd(r.economics.npvUsd)],
    ['IRR', (r) => pct(r.economics.irrPct)],
    ['Break-even hashprice', (r) => (r.economics.breakEvenHashpriceUsdPerPHDay === null ? '—' : `${r.economics.breakEvenHashpriceUsdPerPHDay.toFixed(1)} USD/PH/d`)],
    ['Break-even GPU-hour', (r) => (r.economics.breakEvenGpuHourUsd === null ? '—' : `${r.economics.breakEvenGpuHourUsd.toFixed(2)} USD`)],
  ]
  const header = ['', ...reports.map((r) => r.variant)]
  const table = [header, ...rows.map(([label, f]) => [label, ...reports.map(f)])]
  const widths = header.map((_, c) => Math.max(...table.map((row) => row[c]!.length)))
  const lines = table.map((row) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '))
  const first = reports[0]!
  const e = first.economics
  const bases = [...new Set(reports.map((r) => r.economics.energyBasis))]
  lines.unshift(
    `Economics over ${e.horizonYears} years at ${e.discountRatePct} % (USD; inputs: models/economics.json, overridable under "economics")`,
    `Energy: ${bases.map(energyBasisText).join('; ')}`,
    '',
  )
  for (const r of reports) {
    lines.push('', `Capex of ${r.variant}:`)
    for (const l of r.economics.capexLines) lines.push(`  ${l.item.padEnd(36)} ${usd(l.usd).padStart(10)}  ${l.note}`)
    const bars = r.economics.tornado.slice(0, 5)
    if (bars.length > 0) {
      lines.push(`What moves the NPV of ${r.variant} most:`)
      for (const t of bars) lines.push(`  ${t.label.padEnd(22)} ${t.lowValue.toPrecision(3)} → ${t.highValue.toPrecision(3)} ${t.unit}: NPV ${usd(t.npvAtLowUsd)} … ${usd(t.npvAtHighUsd)}`)
    }
  }
  return `${lines.join('\n')}\n`
}

export function formatCapacity(c: CapacityResult): string {
  const lines = [
    `Capacity for ${c.deviceName} (${c.devicesPerRack} per ${c.enclosureId}) at tier ${c.requiredTier}`,
    `  largest passing: ${c.maxRacks} racks, ${c.maxDevices} devices, ${(c.maxItKW / 1000).toFixed(2)} MW of IT`,
    `  floor holds at most ${c.floorLimitRacks} racks (service aisles and support space at ${c.requiredTier})`,
    c.binding ? `  next rack blocked by: ${c.binding.title} — ${c.binding.subject}: ${c.binding.value?.toFixed(1) ?? '—'} against ${c.binding.limit?.toFixed(1) ?? '—'} ${c.binding.unit}` : '  nothing blocks the next rack',
  ]
  if (c.upgrades.length > 0) {
    lines.push('  to unlock it (cheapest first):')
    for (const u of c.upgrades) lines.push(`    - ${u.text} (${u.costUsd === null ? 'not priced' : `≈ ${usd(u.costUsd)} USD`})`)
  }
  return `${lines.join('\n')}\n`
}
