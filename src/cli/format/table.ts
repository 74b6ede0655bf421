// The CLI's default output: a readable report as aligned text.
import { groupChecks, type Report } from '../../solver'
import { checkFiguresText, checkLimitText, checkRatioText, checkValueText, fmt, groupSubjectText, ratioSuffix } from '../../report/format'
import { formatMW, formatValue } from './numbers'
import { formatPowerText } from './power'
import { yearLines } from './year'
import { singleLineStrings } from './terminal'

const STATUS_LABEL = { ok: 'OK', warn: 'WARN', fail: 'FAIL' } as const

function pad(cells: string[][]): string {
  const widths = cells[0]!.map((_, c) => Math.max(...cells.map((row) => row[c]!.length)))
  const numeric = new Set([4, 5, 7])
  return cells
    .map((row) => row.map((cell, c) => (numeric.has(c) ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join('  ').trimEnd())
    .join('\n')
}

export function bindingText(report: Report): string {
  const b = report.binding
  if (!b) return 'none (no checks)'
  return `${b.title} — ${b.subject}: ${checkFiguresText(b, true)}${ratioSuffix(b)}`
}

export function formatTable(input: Report): string {
  const report = singleLineStrings(input)
  const t = report.totals
  const counts = { ok: 0, warn: 0, fail: 0 }
  for (const c of report.checks) counts[c.status]++
  const header = [
    `Scene    ${report.scene}`,
    `Variant  ${report.variantName} [${report.variant}]`,
    `Verdict  ${STATUS_LABEL[report.verdict]}  (${counts.fail} fail, ${counts.warn} warn, ${counts.ok} ok)`,
    `Binding  ${bindingText(report)}`,
    '',
    `IT ${formatMW(t.itKW)} · cooling ${formatMW(t.coolingKW)} · losses ${formatMW(t.lossKW)} · facility ${formatMW(t.facilityKW)} at nameplate · design day ${formatMW(t.designDayFacilityKW)}, PUE ${fmt(t.pue, 3)}`,
    `Grid ${formatValue(t.gridKVA)} kVA at PF ${t.gridPowerFactor.toFixed(3)} · heat to air ${formatMW(t.heatAirKW)} · to liquid ${formatMW(t.heatLiquidKW)} · ${t.rackCount} racks, ${t.deviceCount} devices`,
    `Design day ${report.climate.name}: ${report.climate.designDryBulbC} °C dry bulb, ${report.climate.designWetBulbC} °C wet bulb · solved in ${report.meta.solveMs.toFixed(1)} ms`,
    `Inlet air from the ${report.inletModel.name} (model ${report.inletModel.id})`,
    '',
    formatPowerText(report),
    ...yearLines(report),
    '',
  ]
  const rows = [['STATUS', 'DOMAIN', 'CHECK', 'SUBJECT', 'VALUE', 'LIMIT', 'UNIT', 'USE', 'NOTE']]
  for (const g of groupChecks(report.checks)) {
    const c = g.lead
    rows.push([STATUS_LABEL[c.status], c.domain, c.title, groupSubjectText(g), checkValueText(c), checkLimitText(c), c.unit, checkRatioText(c), c.note ?? ''])
  }
  return `${header.join('\n')}${pad(rows)}\n\n${formatParams(report)}\n`
}

/** The parameters the report was solved with, one line each: every assumption in sight. */
export function formatParams(report: Report): string {
  const lines = ['Assumptions (src/model/params.ts; override under "params" in the scene):']
  for (const [key, value] of Object.entries(report.params)) {
    const shown =
      typeof value === 'number'
        ? formatValue(value)
        : typeof value === 'string'
          ? value
          : Object.entries(value).map(([k, v]) => `${k} ${formatValue(v)}`).join(', ')
    lines.push(`  ${key.padEnd(24)} ${shown}`)
  }
  return lines.join('\n')
}
