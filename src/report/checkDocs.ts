// The list of check kinds, made from the registry's metas: docs/checks.md and `halltwin checks`
// are this text, so the docs cannot drift from what the solver runs.
import type { CheckMeta } from '../solver/check'
import { DOMAIN_ORDER_TEXT } from './format'

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ')

export function checkDocsMarkdown(metas: readonly CheckMeta[]): string {
  const lines = [
    '# Checks',
    '',
    'Every check the solver runs, one module each under `src/solver/checks/` (listed in',
    '`src/solver/checks/index.ts`). This page is generated from their metas by `npm run docs:checks`;',
    'a test fails when it is out of date. A check is `{id, kind, domain, title, subject, subjectId,',
    'value, limit, unit, sense, ratio, status, note?}`; `value`/`limit` are null where the quantity is',
    'not a number (then `valueText`/`limitText` say what it is), `ratio` is null where it cannot be',
    'divided (a demand against no capacity).',
    '',
    'Which failure binds (is named as the verdict\'s constraint): the limits the solver computes first,',
    'then guidelines (rules of thumb such as kW per metre of row), then requirements (a redundancy tier,',
    'aisle and intake clearances); within each, the design day before the typical year before N-1',
    'cases; then the one furthest past its limit. A demand against no capacity counts as furthest, and',
    'so do overlapping or outside-the-walls items: no physics of a drawing that cannot exist holds.',
    '',
  ]
  for (const domain of DOMAIN_ORDER_TEXT) {
    const inDomain = metas.filter((m) => m.domain === domain)
    if (inDomain.length === 0) continue
    lines.push(`## ${domain}`, '', '| kind | title | unit | sense | what it asks | limit from |', '|---|---|---|---|---|---|')
    for (const m of inDomain) {
      lines.push(
        `| \`${m.kind}\`${m.requirement ? ' (requirement)' : m.guideline ? ' (guideline)' : ''} | ${cell(m.title)} | ${cell(m.unit)} | ${m.sense === 'max' ? '≤ limit' : '≥ limit'} | ${cell(m.description)} | ${cell(m.limitSource)} |`,
      )
    }
    lines.push('')
  }
  return lines.join('\n')
}

/** One line a kind, for the terminal. */
export function checkListText(metas: readonly CheckMeta[]): string {
  const width = Math.max(...metas.map((m) => m.kind.length))
  return `${metas.map((m) => `${m.kind.padEnd(width)}  ${m.domain.padEnd(10)}  ${m.title} (${m.unit}, ${m.sense === 'max' ? '≤' : '≥'} limit)${m.requirement ? ' [requirement]' : m.guideline ? ' [guideline]' : ''}`).join('\n')}\n`
}
