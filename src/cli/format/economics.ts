// The CLI's economics output: variants side by side (a variant that cannot run as drawn is marked
// and never ranked), what each unbuildable one would cost to make pass, the capex lines with their
// units, and the tornado of each.
import type { CapacityBinding, CapacityResult, CapacityUnlock, PricedUpgrade, Report } from '../../solver'
import { bestBuildable } from '../../solver/economics/rank'
import { capacityFiguresText, fmt, fmtMW, fmtPaybackWithReason, fmtPctOrDash, fmtUsd } from '../../report/format'
import { singleLineStrings } from './terminal'

const energyBasisText = (basis: string) =>
  basis === 'typical year'
    ? 'typical year (facility MWh of the simulated year, fans and pumps staged, chillers only when needed) × load share × tariff'
    : 'design day (the plant as it runs on the design day × 8,760 h: the year was not simulated) × load share × tariff'

/** "$9.75M" / "$9.3M + 1 kind not priced" / "not priced". */
export function costToPassText(lines: readonly PricedUpgrade[]): string {
  const priced = lines.filter((l) => l.costUsd !== null)
  const unpriced = lines.length - priced.length
  const sum = fmtUsd(priced.reduce((s, l) => s + (l.costUsd ?? 0), 0))
  if (priced.length === 0) return 'not priced'
  return unpriced > 0 ? `${sum} + ${unpriced} not priced` : sum
}

/** One priced line: "Liquid heat vs CDU capacity (Main hall): CDUs for 19.2 MW …  $6.75M  [15 × … × 450,000 USD]". */
export function pricedLine(l: PricedUpgrade, indent = '  '): string {
  const cost = l.costUsd === null ? 'not priced' : l.includedIn ? 'included above' : `≈ ${fmtUsd(l.costUsd)}`
  return `${indent}- ${l.title} (${l.subject}): ${l.text} — ${cost}${l.basis ? ` [${l.basis}]` : ''}${l.siteLimit ? ' (site limit: a grid application, not a purchase)' : ''}`
}

export function formatEconomicsTable(input: readonly Report[]): string {
  // Scene text (names, ids) printed as one line each, without escape sequences.
  const reports = singleLineStrings(input)
  const best = bestBuildable(reports, (r) => r.economics)
  const buildable = reports.filter((r) => r.economics.buildable).sort((a, b) => b.economics.npvUsd - a.economics.npvUsd)
  const rank = (r: Report) => {
    if (!r.economics.buildable) return 'not ranked'
    const i = buildable.indexOf(r) + 1
    return r === best ? `${i} (best)` : `${i}`
  }
  const rows: [string, (r: Report) => string][] = [
    ['Verdict', (r) => r.verdict.toUpperCase()],
    ['Buildable as drawn', (r) => (r.economics.buildable ? 'yes' : 'NO')],
    ['IT', (r) => `${(r.totals.itKW / 1000).toFixed(1)} MW`],
    ['Capex', (r) => fmtUsd(r.economics.capexUsd)],
    ['Revenue / yr', (r) => fmtUsd(r.economics.revenueUsdPerYear)],
    ['Opex / yr', (r) => fmtUsd(r.economics.opexUsdPerYear)],
    ['  of which energy', (r) => fmtUsd(r.economics.energyUsdPerYear)],
    ['  energy MWh / yr', (r) => Math.round(r.economics.energy.mwhPerYear).toLocaleString('en-US')],
    ['  PUE (energy basis)', (r) => fmt(r.economics.energy.pue, 3)],
    ['EBITDA / yr', (r) => fmtUsd(r.economics.ebitdaUsdPerYear)],
    ['Payback', (r) => fmtPaybackWithReason(r.economics.paybackYears, r.economics.horizonYears)],
    ['NPV', (r) => fmtUsd(r.economics.npvUsd)],
    ['IRR', (r) => fmtPctOrDash(r.economics.irrPct)],
    ['Rank by NPV', rank],
    ['Cost to make it pass', (r) => (r.economics.costToPass ? costToPassText(r.economics.costToPass.lines) : '—')],
    ['Break-even hashprice', (r) => (r.economics.breakEvenHashpriceUsdPerPHDay === null ? '—' : `${r.economics.breakEvenHashpriceUsdPerPHDay.toFixed(1)} USD/PH/day`)],
    ['Break-even GPU-hour', (r) => (r.economics.breakEvenGpuHourUsd === null ? '—' : `${r.economics.breakEvenGpuHourUsd.toFixed(2)} USD/GPU-h`)],
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
  lines.push('')
  if (best) lines.push(`Best NPV among the buildable variants: ${best.variant} (${fmtUsd(best.economics.npvUsd)}).`)
  else if (reports.length > 0) lines.push('No variant is buildable as drawn: none is ranked.')
  for (const r of reports) {
    const ec = r.economics
    if (ec.buildable || !ec.notBuildable || !ec.costToPass) continue
    const why = ec.notBuildable
    lines.push(
      '',
      `${r.variant} is not buildable as drawn: ${why.title} — ${why.subject}${why.failing > 1 ? ` (and ${why.failing - 1} more failing check${why.failing > 2 ? 's' : ''})` : ''}.`,
      `  Its NPV of ${fmtUsd(ec.npvUsd)} is what it would earn if it could run; it is not ranked.`,
      `  Cost to make it pass: ${costToPassText(ec.costToPass.lines)}`,
      ...ec.costToPass.lines.map((l) => pricedLine(l, '    ')),
    )
  }
  for (const r of reports) {
    lines.push('', `Capex of ${r.variant}:`)
    // Every line's arithmetic carries its units ("58,200 kVA × 45 USD/kVA"); items aligned on the longest name.
    const itemWidth = Math.max(36, ...r.economics.capexLines.map((l) => l.item.length))
    for (const l of r.economics.capexLines) lines.push(`  ${l.item.padEnd(itemWidth)} ${fmtUsd(l.usd).padStart(10)}  ${l.note}`)
    const bars = r.economics.tornado.slice(0, 5)
    if (bars.length > 0) {
      lines.push(`What moves the NPV of ${r.variant} most:`)
      for (const t of bars) lines.push(`  ${t.label.padEnd(22)} ${t.lowValue.toPrecision(3)} → ${t.highValue.toPrecision(3)} ${t.unit}: NPV ${fmtUsd(t.npvAtLowUsd)} … ${fmtUsd(t.npvAtHighUsd)}`)
    }
  }
  return `${lines.join('\n')}\n`
}

const int = (n: number) => fmt(n, 0)

const WHY: Record<NonNullable<CapacityBinding['why']>, string> = {
  'site limit': 'a site limit: a grid application, not a purchase',
  'not priced': 'its fix has no unit cost in models/economics.json',
  'not cheap': 'its fix is not cheap against the racks it lets in',
}

function bindingText(b: CapacityBinding | null): string {
  if (!b) return 'nothing'
  if (b.kind === 'rows') return `Room in the rows — the converted rows hold ${int(b.limit ?? 0)} racks`
  return `${b.title} — ${b.subject}: ${capacityFiguresText(b)}${b.why ? ` (${WHY[b.why]})` : ''}`
}

/** "N racks of X added (M devices, Y MW of GPU IT) — site total IT Z MW". */
function racksText(c: CapacityResult, racks: number, devices: number, itKW: number): string {
  return `${int(racks)} rack${racks === 1 ? '' : 's'} of ${c.deviceName} added (${int(devices)} device${devices === 1 ? '' : 's'}, ${fmtMW(itKW)} MW of GPU IT)`
}

function unlockLines(unlocks: readonly CapacityUnlock[], indent: string): string[] {
  return unlocks.map((u) => {
    const figures = u.check.value !== null ? ` ${capacityFiguresText(u.check)}` : ''
    return `${indent}- at ${int(u.atRacks)} racks: ${u.check.title} (${u.check.subject}${figures}) — ${u.upgrade.text}, ${u.upgrade.includedIn ? 'included above' : `≈ ${fmtUsd(u.upgrade.costUsd ?? 0)}`}${u.upgrade.basis ? ` [${u.upgrade.basis}]` : ''}`
  })
}

export function formatCapacity(input: CapacityResult): string {
  const c = singleLineStrings(input)
  const lines = [`Capacity for ${c.deviceName} at tier ${c.requiredTier} (${c.devicesPerRack} per ${c.enclosureId})`]
  if (c.maxRacks > 0) {
    lines.push(`  ${racksText(c, c.maxRacks, c.maxDevices, c.maxItKW)} — site total IT ${fmtMW(c.siteItKW)} MW`)
  } else {
    lines.push(`  No rack of ${c.deviceName} fits as the site stands: 0 racks added — site total IT ${fmtMW(c.siteItKW)} MW`)
  }
  if (c.unlocks.length > 0) {
    lines.push(`  Cheap fixes on the way (under ${c.cheapFixSharePct} % of the capex of the racks each lets in), priced for ${int(c.maxRacks)} racks:`)
    lines.push(...unlockLines(c.unlocks, '    '))
  }
  lines.push(`  ${c.maxRacks > 0 ? 'The next rack is stopped by' : 'The first rack is stopped by'}: ${bindingText(c.binding)}`)
  if (c.upgrades.length > 0) {
    lines.push(`  ${c.maxRacks > 0 ? 'What the next rack needs' : 'What the first rack needs'} (≈ ${costToPassText(c.upgrades)}):`)
    lines.push(...c.upgrades.map((u) => pricedLine(u, '    ')))
  }
  if (c.path.length > 0) {
    lines.push('  The way further:')
    c.path.forEach((s, i) => {
      lines.push(`    ${i + 1}. pay ≈ ${costToPassText(s.upgrades)} for ${s.upgrades.filter((u) => !u.includedIn).map((u) => u.title).join(', ')} (priced for ${int(s.racks)} racks) → ${racksText(c, s.racks, s.devices, s.itKW)}`)
      if (s.unlocks.length > 0) lines.push(...unlockLines(s.unlocks, '       '))
      lines.push(`       then: ${bindingText(s.binding)}`)
    })
  }
  lines.push(`  Floor holds at most ${int(c.floorLimitRacks)} racks (service aisles and support space at ${c.requiredTier})`)
  lines.push(
    `  Searched on the design day; ${c.maxRacks > 0 ? (c.yearFailures.length > 0 ? `with the typical year the answer also fails: ${c.yearFailures.join('; ')}` : 'the answer solved with the typical year too: no year check fails') : 'the typical year is not run for 0 racks'}.`,
  )
  return `${lines.join('\n')}\n`
}
