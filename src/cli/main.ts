// halltwin — the command line. Exit codes: 0 verdict ok/warn, 1 verdict fail, 2 bad input.
// Each command's module (./*Command.ts) is imported when it runs: `help` evaluates no schema,
// solver or catalog, and the built CLI (scripts/build-cli.mjs) keeps each command in a bundle of
// its own, which bin/halltwin.mjs loads with V8's code cache (bin/codeCache.mjs).
import { CliInputError } from './errors'
import { stripControls } from './format/terminal'
import { EXIT, USAGE, type Io } from './usage'

export { EXIT, USAGE }
export type { Io }

const defaultIo: Io = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
}

async function run(command: string | undefined, rest: string[], io: Io): Promise<number> {
  switch (command) {
    case 'check':
      return (await import('./checkCommand')).checkCommand(rest, io)
    case 'generate':
      return (await import('./generateCommand')).generateCommand(rest, io)
    case 'economics':
      return (await import('./economicsCommand')).economicsCommand(rest, io)
    case 'capacity':
      return (await import('./economicsCommand')).capacityCommand(rest, io)
    case 'report':
      return (await import('./reportCommand')).reportCommand(rest, io)
    case 'checks':
      return (await import('./checksCommand')).checksCommand(rest, io)
    case 'thermal':
      return (await import('./thermalCommand')).thermalCommand(rest, io)
    case 'calibrate':
      return (await import('./calibrateCommand')).calibrateCommand(rest, io)
    case 'help':
    case '--help':
    case '-h':
      io.out(`${USAGE}\n`)
      return EXIT.ok
    default:
      throw new CliInputError(command ? `unknown command "${command}"\n${USAGE}` : USAGE)
  }
}

export async function main(argv: string[], terminal: Io = defaultIo): Promise<number> {
  // Scene text and error snippets come from files anyone can write: no escape sequence gets out.
  const io: Io = { out: (t) => terminal.out(stripControls(t)), err: (t) => terminal.err(stripControls(t)) }
  const [command, ...rest] = argv
  try {
    return await run(command, rest, io)
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
