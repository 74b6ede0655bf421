// Bad input: exit code 2, message on stderr. Its own file so that main.ts can recognise it
// without loading the parser (io.ts) for `help`.
import type { FieldIssue } from '../model/issues'
import { oneLine } from './format/terminal'

/** Marks a CliInputError whichever copy of this class made it (below). */
const BRAND = Symbol.for('halltwin.CliInputError')

export class CliInputError extends Error {
  readonly [BRAND] = true
  /** `instanceof` by the brand, not the prototype: the built CLI bundles main.ts and each command
   *  separately (scripts/build-cli.mjs), each with a copy of this class, and main.ts must still
   *  recognise a command's bad-input error (exit 2, no stack trace). */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true
  }

  constructor(
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message)
  }
  /** The message and one line per issue; scene text in an issue cannot break its line. */
  describe(): string {
    const lines = this.issues.map((i) => oneLine(i.path ? `${i.path}: ${i.message}` : i.message))
    return [this.message, ...lines].join('\n')
  }
}
