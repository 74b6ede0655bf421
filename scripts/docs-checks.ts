// npm run docs:checks — writes docs/checks.md from the check registry's metas.
import { writeFileSync } from 'node:fs'
import { CHECK_METAS } from '../src/solver'
import { checkDocsMarkdown } from '../src/report/checkDocs'

writeFileSync('docs/checks.md', checkDocsMarkdown(CHECK_METAS))
console.log(`docs/checks.md: ${CHECK_METAS.length} check kinds`)
