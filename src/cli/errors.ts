// Bad input: exit code 2, message on stderr. Its own file so that main.ts can recognise it
// without loading the parser (io.ts) for `help`.
import type { FieldIssue } from '../model/issues'
import { oneLine } from './format/terminal'

export class CliInputError extends Error {
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
