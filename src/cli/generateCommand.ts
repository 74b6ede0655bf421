// halltwin generate campus --miners N | generate siberia: example scenes as JSON on stdout.
import { parseArgs } from 'node:util'
import { builtInCatalog } from '../model/catalog'
import { campusScene, siberiaScene } from '../model/generate/examples'
import { CliInputError } from './errors'
import { EXIT, USAGE, type Io } from './usage'

export function generateCommand(args: string[], io: Io): number {
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
