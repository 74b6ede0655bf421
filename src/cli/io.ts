// Reading scene files for the CLI: every way a file can be bad becomes a CliInputError
// with the field-path issues, never a stack trace.
import { readFileSync, statSync } from 'node:fs'
import type { Catalog } from '../model/catalog'
import { parseSceneText, MAX_SCENE_BYTES } from '../model/parse'
import type { Scene } from '../model/sceneSchema'
import { issuesToText, type FieldIssue } from '../model/issues'

/** Bad input: exit code 2, message on stderr. */
export class CliInputError extends Error {
  constructor(
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message)
  }
  describe(): string {
    return this.issues.length > 0 ? `${this.message}\n${issuesToText(this.issues)}` : this.message
  }
}

export function readSceneFile(path: string, catalog: Catalog): Scene {
  let text: string
  try {
    const stat = statSync(path)
    if (stat.isDirectory()) throw new CliInputError(`${path}: is a directory, expected a scene file`)
    if (stat.size > MAX_SCENE_BYTES) throw new CliInputError(`${path}: file too large (${stat.size} bytes)`)
    text = readFileSync(path, 'utf8')
  } catch (e) {
    if (e instanceof CliInputError) throw e
    const code = (e as NodeJS.ErrnoException).code
    throw new CliInputError(code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot read (${code ?? (e as Error).message})`)
  }
  const result = parseSceneText(text, catalog)
  if (!result.ok) throw new CliInputError(`${path}: invalid scene (${result.issues.length} problem${result.issues.length === 1 ? '' : 's'})`, result.issues)
  return result.scene
}
