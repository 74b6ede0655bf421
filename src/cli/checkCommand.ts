// halltwin check <scene.json>... [--variant ID|all] [--json | --md]: solve each scene and print
// its report. One file: the report as it always was (a report, or an array of them for
// --variant all). Several files: each report headed by its file name (a `=== file ===` line, a
// Markdown `# file` heading), or with --json one array holding an entry per file, in the order
// given: {file, exitCode, reports: [Report…]} or, for a file that is bad input,
// {file, exitCode: 2, error: {message, issues}}. A bad file does not stop the others: its error
// goes to stderr, and the exit code is the worst over all files (2 bad input > 1 fail > 0).
import { parseArgs } from 'node:util'
import { builtInCatalog, type Catalog } from '../model/catalog'
import type { FieldIssue } from '../model/issues'
import { solveVariant, type Report } from '../solver'
import { CliInputError } from './errors'
import { formatMarkdown, escapeMarkdown } from './format/markdown'
import { formatTable } from './format/table'
import { formatJson, oneLine } from './format/terminal'
import { readSceneFile, STDIN } from './io'
import { EXIT, USAGE, type Io } from './usage'

type CheckFormat = 'table' | 'md' | 'json'

interface FileResult {
  file: string
  exitCode: number
  reports?: Report[]
  error?: { message: string; issues: FieldIssue[] }
}

/** Every report of one file (the variants asked for), or a CliInputError. */
function checkFile(path: string, variant: string | undefined, catalog: Catalog): Report[] {
  const scene = readSceneFile(path, catalog)
  const wanted = variant ?? scene.variants[0]!.id
  const ids = wanted === 'all' ? scene.variants.map((v) => v.id) : [wanted]
  for (const id of ids) {
    if (!scene.variants.some((v) => v.id === id)) {
      throw new CliInputError(`--variant: unknown variant "${id}" (known: ${scene.variants.map((v) => v.id).join(', ')}, all)`)
    }
  }
  return ids.map((id) => solveVariant(scene, id, catalog))
}

const verdictExit = (reports: readonly Report[]) => (reports.some((r) => r.verdict === 'fail') ? EXIT.fail : EXIT.ok)

/** The heading of one file's report when several are printed. */
export function fileHeading(file: string, format: CheckFormat): string {
  const name = file === STDIN ? 'standard input' : oneLine(file)
  return format === 'md' ? `# ${escapeMarkdown(name)}\n\n` : `=== ${name} ===\n`
}

const formatReports = (reports: readonly Report[], format: CheckFormat) => reports.map((r) => (format === 'md' ? formatMarkdown(r) : formatTable(r))).join('\n')

export function checkCommand(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { variant: { type: 'string' }, json: { type: 'boolean' }, md: { type: 'boolean' } },
  })
  if (positionals.length === 0) throw new CliInputError(`check: expected a scene file\n${USAGE}`)
  if (values.json && values.md) throw new CliInputError('check: choose one of --json and --md')
  const format: CheckFormat = values.json ? 'json' : values.md ? 'md' : 'table'
  const catalog = builtInCatalog()

  if (positionals.length === 1) {
    const reports = checkFile(positionals[0]!, values.variant, catalog)
    if (format === 'json') io.out(formatJson(values.variant === 'all' ? reports : reports[0]))
    else io.out(formatReports(reports, format))
    return verdictExit(reports)
  }

  const results: FileResult[] = []
  positionals.forEach((file, i) => {
    if (format !== 'json') io.out(`${i > 0 ? '\n' : ''}${fileHeading(file, format)}`)
    try {
      const reports = checkFile(file, values.variant, catalog)
      results.push({ file, exitCode: verdictExit(reports), reports })
      if (format !== 'json') io.out(formatReports(reports, format))
    } catch (e) {
      if (!(e instanceof CliInputError)) throw e
      // The file's own messages name it; a --variant message does not.
      const message = e.message.startsWith('--variant') ? `${oneLine(file)}: ${e.message}` : e.message
      const named = new CliInputError(message, e.issues)
      io.err(`halltwin: ${named.describe()}\n`)
      results.push({ file, exitCode: EXIT.badInput, error: { message, issues: e.issues } })
      if (format !== 'json') io.out(`(not checked: bad input; the error is on stderr)\n`)
    }
  })
  if (format === 'json') io.out(formatJson(results))
  return Math.max(...results.map((r) => r.exitCode))
}
