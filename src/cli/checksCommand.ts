// halltwin checks [--json]: the kinds of check the solver runs, from the registry's metas (the
// text docs/checks.md is made of, or the metas as JSON). A module of its own like every command,
// so the built CLI keeps it in a bundle of its own (scripts/build-cli.mjs).
import { CHECK_METAS } from '../solver'
import { checkListText } from '../report/checkDocs'
import { EXIT, type Io } from './usage'

export function checksCommand(rest: string[], io: Io): number {
  io.out(rest.includes('--json') ? `${JSON.stringify(CHECK_METAS, null, 2)}\n` : checkListText(CHECK_METAS))
  return EXIT.ok
}
