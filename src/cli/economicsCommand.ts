// halltwin economics <scene.json> [--variant ID|all] [--json] and
// halltwin capacity <scene.json> --device ID [--variant BASE] [--tier N|N+1|2N] [--json].
import { parseArgs } from 'node:util'
import { builtInCatalog } from '../model/catalog'
import { findCapacity, solveVariant } from '../solver'
import { CliInputError } from './errors'
import { formatCapacity, formatEconomicsTable } from './format/economics'
import { formatJson } from './format/terminal'
import { readSceneFile } from './io'
import { EXIT, USAGE, type Io } from './usage'

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

export function economicsCommand(args: string[], io: Io): number {
  const { values, scene, catalog, wanted } = loadVariants(args, false)
  const ids = wanted === undefined || wanted === 'all' ? scene.variants.map((v) => v.id) : [wanted]
  const reports = ids.map((id) => solveVariant(scene, id, catalog))
  if (values.json) io.out(formatJson(reports.map((r) => ({ variant: r.variant, verdict: r.verdict, ...r.economics }))))
  else io.out(formatEconomicsTable(reports))
  return EXIT.ok
}

export function capacityCommand(args: string[], io: Io): number {
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
