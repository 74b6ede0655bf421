// halltwin — the command line. Exit codes: 0 verdict ok/warn, 1 verdict fail, 2 bad input.
import { parseArgs } from 'node:util'
import { builtInCatalog } from '../model/catalog'
import { CHECK_METAS, findCapacity, solveVariant, type Report } from '../solver'
import { checkListText } from '../report/checkDocs'
import { formatCapacity, formatEconomicsTable } from './format/economics'
import { campusScene, siberiaScene } from '../model/generate/examples'
import { CliInputError, readSceneFile } from './io'
import { formatTable } from './format/table'
import { formatMarkdown } from './format/markdown'
import { reportCommand } from './reportCommand'
import { formatJson, stripControls } from './format/terminal'
import { thermalCommand } from './thermalCommand'

export const EXIT = { ok: 0, fail: 1, badInput: 2, internal: 3 } as const

const USAGE = `Usage:
  halltwin check <scene.json> [--variant ID|all] [--json | --md]
      Solve a scene and print its report (table by default).
      Exit code 0 when the verdict is ok or warn, 1 when it fails, 2 for bad input.
  halltwin economics <scene.json> [--variant ID|all] [--json]
      Capex, opex, revenue, payback, NPV, IRR and break-even prices, variants side by side.
  halltwin capacity <scene.json> --device ID [--variant BASE] [--tier N|N+1|2N] [--json]
      The largest number of racks of a GPU system the site carries with every check passing.
  halltwin report <scene.json> [-o report.html] [--variant ID|all]
      The printable report (standalone HTML: every check, charts, a plan of each variant).
  halltwin checks [--json]                Every check kind the solver runs (from the check registry).
  halltwin thermal <scene.json> [--variant ID|all] [--grid check|fine] [--json]
      The design-day air temperature field of each hall (check grid by default): grid, energy
      balance, hot spots, every rack's inlet and outlet air.
  halltwin generate campus --miners N     Write a generated campus of N miners (scene JSON) to stdout.
  halltwin generate siberia               Write the default 20 MW example scene to stdout.
  halltwin help
A scene file of - reads the scene from standard input.`

interface Io {
  out: (text: string) => void
  err: (text: string) => void
}

const defaultIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
}

function check(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { variant: { type: 'string' }, json: { type: 'boolean' }, md: { type: 'boolean' } },
  })
  if (positionals.length !== 1) throw new CliInputError(`check: expected one scene file, got ${positionals.length}\n${USAGE}`)
  if (values.json && values.md) throw new CliInputError('check: choose one of --json and --md')
  const catalog = builtInCatalog()
  const scene = readSceneFile(positionals[0]!, catalog)
  const wanted = values.variant ?? scene.variants[0]!.id
  const ids = wanted === 'all' ? scene.variants.map((v) => v.id) : [wanted]
  for (const id of ids) {
    if (!scene.variants.some((v) => v.id === id)) {
      throw new CliInputError(`--variant: unknown variant "${id}" (known: ${scene.variants.map((v) => v.id).join(', ')}, all)`)
    }
  }
  const reports: Report[] = ids.map((id) => solveVariant(scene, id, catalog))
  if (values.json) io.out(formatJson(wanted === 'all' ? reports : reports[0]))
  else io.out(reports.map((r) => (values.md ? formatMarkdown(r) : formatTable(r))).join('\n'))
  return reports.some((r) => r.verdict === 'fail') ? EXIT.fail : EXIT.ok
}

function loadVariants(args: string[], withDevice: boolean) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { variant: { type: 'string' }, json: { type: 'boolean' }, device: { type: 'string' }, tier: { type: 'string' } },
  })
  if (!withDevice && (values.device !== undefined || values.tier !== undefined)) throw new CliInputError('--device and --tier belong to `halltwin capacity`')
  if (positionals.length !== 1) throw new CliInputError(`expected one scene file, got ${positionals.length}\n${USAGE}`)
  const catalog = builtInCatalog()
  const scene = readSceneFile(positionals[0]!, catalog)
  const known = scene.variants.map((v) => v.id)
  const wanted = values.variant
  if (wanted !== undefined && wanted !== 'all' && !known.includes(wanted)) {
    throw new CliInputError(`--variant: unknown variant "${wanted}" (known: ${known.join(', ')}, all)`)
  }
  return { values, scene, catalog, wanted }
}

function economics(args: string[], io: Io): number {
  const { values, scene, catalog, wanted } = loadVariants(args, false)
  const ids = wanted === undefined || wanted === 'all' ? scene.variants.map((v) => v.id) : [wanted]
  const reports = ids.map((id) => solveVariant(scene, id, catalog))
  if (values.json) io.out(formatJson(reports.map((r) => ({ variant: r.variant, verdict: r.verdict, ...r.economics }))))
  else io.out(formatEconomicsTable(reports))
  return EXIT.ok
}

function capacity(args: string[], io: Io): number {
  const { values, scene, catalog, wanted } = loadVariants(args, true)
  const deviceId = values.device
  const gpus = [...catalog.devices.values()].filter((d) => d.kind === 'gpu').map((d) => d.id)
  if (deviceId === undefined || !gpus.includes(deviceId)) {
    throw new CliInputError(`--device: expected a GPU system of the catalog (${gpus.join(', ')}), got ${JSON.stringify(deviceId ?? '')}`)
  }
  const tier = values.tier
  if (tier !== undefined && tier !== 'N' && tier !== 'N+1' && tier !== '2N') throw new CliInputError(`--tier: expected N, N+1 or 2N, got ${JSON.stringify(tier)}`)
  const base = wanted === undefined || wanted === 'all' ? scene.variants[0]!.id : wanted
  const result = findCapacity(scene, base, deviceId, catalog, tier ? { requiredTier: tier } : {})
  io.out(values.json ? formatJson(result) : formatCapacity(result))
  return EXIT.ok
}

function generate(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { miners: { type: 'string' } } })
  const catalog = builtInCatalog()
  const what = positionals[0]
  if (what === 'siberia') {
    io.out(`${JSON.stringify(siberiaScene(catalog), null, 2)}\n`)
    return EXIT.ok
  }
  if (what === 'campus') {
    const miners = Number(values.miners ?? '30000')
    if (!Number.isInteger(miners) || miners < 1 || miners > 1_000_000) {
      throw new CliInputError(`--miners: expected a whole number from 1 to 1,000,000, got ${JSON.stringify(values.miners)}`)
    }
    io.out(`${JSON.stringify(campusScene(catalog, miners), null, 2)}\n`)
    return EXIT.ok
  }
  throw new CliInputError(`generate: expected "campus" or "siberia", got ${JSON.stringify(what ?? '')}\n${USAGE}`)
}

export async function main(argv: string[], terminal: Io = defaultIo): Promise<number> {
  // Scene text and error snippets come from files anyone can write: no escape sequence gets out.
  const io: Io = { out: (t) => terminal.out(stripControls(t)), err: (t) => terminal.err(stripControls(t)) }
  const [command, ...rest] = argv
  try {
    switch (command) {
      case 'check':
        return check(rest, io)
      case 'generate':
        return generate(rest, io)
      case 'economics':
        return economics(rest, io)
      case 'capacity':
        return capacity(rest, io)
      case 'report':
        return reportCommand(rest, io)
      case 'checks':
        io.out(rest.includes('--json') ? `${JSON.stringify(CHECK_METAS, null, 2)}\n` : checkListText(CHECK_METAS))
        return EXIT.ok
      case 'thermal':
        return thermalCommand(rest, io)
      case 'calibrate': return (await import('./calibrateCommand')).calibrateCommand(rest, io)
      case 'help':
      case '--help':
      case '-h':
        io.out(`${USAGE}\n`)
        return EXIT.ok
      default:
        throw new CliInputError(command ? `unknown command "${command}"\n${USAGE}` : USAGE)
    }
  } catch (e) {
    if (e instanceof CliInputError) {
      io.err(`halltwin: ${e.describe()}\n`)
      return EXIT.badInput
    }
    // parseArgs reports unknown options with a TypeError carrying an ERR_PARSE_ARGS_* code.
    const code = (e as NodeJS.ErrnoException).code
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      io.err(`halltwin: ${(e as Error).message}\n${USAGE}\n`)
      return EXIT.badInput
    }
    io.err(`halltwin: internal error: ${(e as Error).message}\n`)
    if (process.env.HALLTWIN_DEBUG) io.err(`${(e as Error).stack ?? ''}\n`)
    return EXIT.internal
  }
}
