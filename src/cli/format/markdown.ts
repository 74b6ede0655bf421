// The CLI's Markdown report (`--md`), for pasting into a design note or a ticket.
import { groupChecks, type Report } from '../../solver'
import { checkLimitText, checkRatioText, checkValueText, groupSubjectText } from '../../report/format'
import { bindingText } from './table'
import { formatMW, formatValue } from './numbers'
import { formatPowerMarkdown } from './power'
import { yearLines } from './year'

const escapeCell = (text: string): string => text.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ')

export function formatMarkdown(report: Report): string {
  const t = report.totals
  const lines = [
    `## ${escapeCell(report.scene)} — ${escapeCell(report.variantName)}`,
    '',
    `**Verdict: ${report.verdict.toUpperCase()}** · binding: ${escapeCell(bindingText(report))}`,
    '',
    '| IT | Cooling | Losses | Facility | PUE | Grid | Heat to air | Heat to liquid |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
    `| ${formatMW(t.itKW)} | ${formatMW(t.coolingKW)} | ${formatMW(t.lossKW)} | ${formatMW(t.facilityKW)} | ${t.pue.toFixed(3)} | ${formatValue(t.gridKVA)} kVA | ${formatMW(t.heatAirKW)} | ${formatMW(t.heatLiquidKW)} |`,
    '',
    formatPowerMarkdown(report),
    '### Cooling over the year',
    '',
    ...yearLines(report).map((l) => `    ${l}`),
    '',
    '| Status | Check | Subject | Value | Limit | Unit | Use | Note |',
    '|---|---|---|---:|---:|---|---:|---|',
  ]
  for (const g of groupChecks(report.checks)) {
    const c = g.lead
    lines.push(
      `| ${c.status.toUpperCase()} | ${escapeCell(c.title)} | ${escapeCell(groupSubjectText(g))} | ${checkValueText(c)} | ${checkLimitText(c)} | ${c.unit} | ${checkRatioText(c)} | ${escapeCell(c.note ?? '')} |`,
    )
  }
  return `${lines.join('\n')}\n`
}
