// The CLI's main() run in-process with its output captured: what the CLI tests call instead of
// spawning a process (one shared module graph, the solver's memo of fields shared with them).
import { main } from '../../../src/cli/main'

export async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) })
  return { code, out, err }
}
