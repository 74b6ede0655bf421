// The CLI's Markdown report (`--md`), for pasting into a design note or a ticket.
import { groupChecks, type Report } from '../../solver'
import { checkLimitText, checkRatioText, checkValueText, fmt, groupSubjectText } from '../../report/format'
import { bindingText } from './table'
import { formatMW, formatValue } from './numbers'
import { adviceLines, powerLines } from './power'
import { yearLines } from './year'
import { singleLineStrings } from './terminal'

/** ASCII punctuation that can open or close Markdown (and GitHub Markdown) syntax: emphasis, code,
 *  links, headings, tables, raw HTML, entities, strikethrough, math. CommonMark lets any ASCII
 *  punctuation be backslash-escaped, and shows it as itself. */
const MARKDOWN_SPECIAL = /[\\`*_[\]{}<>#|~&$!]/g

/** Scene text (a name, a subject, a note) as inline Markdown: on one line, every character that
 *  could start a heading, a link, a table cell or raw HTML escaped. Expects `singleLineStrings`. */
export const escapeMarkdown = (text: string): string => text.replace(MARKDOWN_SPECIAL, (c) => `\\${c}`)

/** The power summary as an indented code block, then the advice as a list. */
function powerSection(report: Report): string {
  const advice = adviceLines(report)
  const out = ['### Power', '', ...powerLines(report).map((l) => `    ${l}`), '']
  if (advice.length > 0) out.push('**Upgrade advice**', '', ...advice.map((a) => `- ${escapeMarkdown(a)}`), '')
  return out.join('\n')
}

export function formatMarkdown(input: Report): string {
  // One line per string first: a newline in a name could otherwise start a heading or leave the
  // indented code blocks below.
  const report = singleLineStrings(input)
  const md = escapeMarkdown
  const t = report.totals
  const lines = [
    `## ${md(report.scene)} — ${md(report.variantName)}`,
    '',
    `**Verdict: ${report.verdict.toUpperCase()}** · binding: ${md(bindingText(report))}`,
    '',
    // Facility at nameplate (IT + cooling + losses, what the chain carries) and as the plant runs on
    // the design day, whose ratio to IT is the PUE: as the table output writes them.
    '| IT | Cooling | Losses | Facility, nameplate | Facility, design day | PUE, design day | Grid | Heat to air | Heat to liquid |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    `| ${formatMW(t.itKW)} | ${formatMW(t.coolingKW)} | ${formatMW(t.lossKW)} | ${formatMW(t.facilityKW)} | ${formatMW(t.designDayFacilityKW)} | ${fmt(t.pue, 3)} | ${formatValue(t.gridKVA)} kVA | ${formatMW(t.heatAirKW)} | ${formatMW(t.heatLiquidKW)} |`,
    '',
    `Inlet air from the ${md(report.inletModel.name)} (model \`${report.inletModel.id}\`).`,
    '',
    powerSection(report),
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
      `| ${c.status.toUpperCase()} | ${md(c.title)} | ${md(groupSubjectText(g))} | ${md(checkValueText(c))} | ${md(checkLimitText(c))} | ${md(c.unit)} | ${checkRatioText(c)} | ${md(c.note ?? '')} |`,
    )
  }
  return `${lines.join('\n')}\n`
}
