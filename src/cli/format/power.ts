// The power summary of a report for the CLI: tier, usable IT, the N-1 cases that did not pass,
// and the upgrade advice.
import type { ContingencyResult, Report } from '../../solver'
import { formatMW } from './numbers'

const MAX_CASES = 12

function caseText(c: ContingencyResult, names: ReadonlyMap<string, string>): string {
  const lost = c.lost.map((id) => names.get(id) ?? id).join(' + ')
  const what: string[] = []
  if (c.overloaded.length > 0) what.push(c.overloaded.slice(0, 3).map((o) => `${o.name} at ${(o.utilisation * 100).toFixed(0)} %`).join(', '))
  if (c.deEnergisedRows.length > 0) what.push(`${c.deEnergisedRows.length} row(s) without power`)
  if (c.deEnergisedCooling.length > 0) what.push(`cooling stopped: ${c.deEnergisedCooling.length} placement(s)`)
  return `loss of ${lost} → ${what.join('; ') || 'carried'}`
}

/** Deduplicated advice lines (several failing checks can call for the same fix). */
export function adviceLines(report: Report): string[] {
  return [...new Set(report.power.advice.map((a) => a.text))]
}

export function powerLines(report: Report): string[] {
  const p = report.power
  const names = new Map(report.nodes.map((n) => [n.id, n.name]))
  const cases = p.groups.flatMap((g) => g.contingencies)
  const bad = cases.filter((c) => c.status !== 'ok')
  const limiter =
    p.usableITKW <= 0 && p.installedITKW > 0
      ? ` (no power path meets ${p.requiredTier})`
      : p.usableLimitedBy
        ? ` (limited by ${names.get(p.usableLimitedBy) ?? p.usableLimitedBy})`
        : ''
  const lines = [
    `Power    tier required ${p.requiredTier} · usable IT ${formatMW(p.usableITKW)} of ${formatMW(p.installedITKW)} installed${limiter}`,
    `N-1      ${p.groups.filter((g) => g.contingencies.length > 0).length} redundancy group(s), ${cases.length} case(s): ${cases.filter((c) => c.status === 'fail').length} fail, ${cases.filter((c) => c.status === 'warn').length} warn`,
  ]
  for (const c of bad.slice(0, MAX_CASES)) lines.push(`  ${c.status.toUpperCase().padEnd(4)}  ${caseText(c, names)}`)
  if (bad.length > MAX_CASES) lines.push(`  … and ${bad.length - MAX_CASES} more`)
  return lines
}

export function formatPowerText(report: Report): string {
  const advice = adviceLines(report)
  const lines = powerLines(report)
  if (advice.length > 0) lines.push('Advice', ...advice.map((a) => `  - ${a}`))
  return lines.join('\n')
}
