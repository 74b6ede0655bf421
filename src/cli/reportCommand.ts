// halltwin report <scene.json> [-o report.html] [--variant ID|all]: the printable report as one
// standalone HTML file (inline CSS and SVG, a schematic plan per variant instead of 3D snapshots).
import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { builtInCatalog } from '../model/catalog'
import { solveVariant } from '../solver'
import { buildReportHtml } from '../report'
import { CliInputError, readSceneFile } from './io'

export function reportCommand(args: string[], io: { out: (t: string) => void; err: (t: string) => void }): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { output: { type: 'string', short: 'o' }, variant: { type: 'string' } },
  })
  if (positionals.length !== 1) throw new CliInputError(`report: expected one scene file, got ${positionals.length}`)
  const catalog = builtInCatalog()
  const scene = readSceneFile(positionals[0]!, catalog)
  const known = scene.variants.map((v) => v.id)
  const wanted = values.variant ?? 'all'
  if (wanted !== 'all' && !known.includes(wanted)) throw new CliInputError(`--variant: unknown variant "${wanted}" (known: ${known.join(', ')}, all)`)
  const ids = wanted === 'all' ? known : [wanted]
  const html = buildReportHtml({ scene, reports: ids.map((id) => solveVariant(scene, id, catalog)), catalog })
  if (values.output === undefined || values.output === '-') {
    io.out(html)
    return 0
  }
  try {
    writeFileSync(values.output, html)
  } catch (e) {
    throw new CliInputError(`${values.output}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`)
  }
  io.err(`halltwin: report written to ${values.output} (${ids.length} variant${ids.length === 1 ? '' : 's'}, ${Math.round(html.length / 1024)} kB)\n`)
  return 0
}
