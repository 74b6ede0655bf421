// Scene parsing at the boundary: text or JSON in, a validated scene or field-path issues out.
// Never throws: a bad file is a value, not a crash.
import type { Catalog } from './catalog'
import { SceneSchema, SCENE_VERSION, type Scene } from './sceneSchema'
import { describeValue, formatIssues, type FieldIssue } from './issues'
import { checkReferences } from './references'

export type ParseResult = { ok: true; scene: Scene } | { ok: false; issues: FieldIssue[] }

/** Largest scene file we accept; a 20 MW hall is ~50 kB, a 100 MW campus ~1 MB. */
export const MAX_SCENE_BYTES = 50 * 1024 * 1024

export function parseSceneText(raw: string, catalog: Catalog): ParseResult {
  // Editors on Windows save UTF-8 with a byte-order mark; JSON.parse refuses it.
  const text = raw.startsWith('\uFEFF') ? raw.slice(1) : raw
  if (text.length > MAX_SCENE_BYTES) {
    return { ok: false, issues: [{ path: '', message: `file too large (${text.length} bytes, at most ${MAX_SCENE_BYTES})` }] }
  }
  if (text.trim() === '') return { ok: false, issues: [{ path: '', message: 'the file is empty' }] }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (e) {
    return { ok: false, issues: [{ path: '', message: `not valid JSON: ${(e as Error).message}` }] }
  }
  return parseScene(json, catalog)
}

export function parseScene(input: unknown, catalog: Catalog): ParseResult {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { ok: false, issues: [{ path: '', message: `expected a scene object, got ${describeValue(input)}` }] }
  }
  const version = (input as { version?: unknown }).version
  if (version !== SCENE_VERSION) {
    return {
      ok: false,
      issues: [{ path: 'version', message: `expected scene format version ${SCENE_VERSION}, got ${describeValue(version)}` }],
    }
  }
  const parsed = SceneSchema.safeParse(input)
  if (!parsed.success) return { ok: false, issues: formatIssues(parsed.error.issues, input) }
  const refIssues = checkReferences(parsed.data, catalog)
  if (refIssues.length > 0) return { ok: false, issues: refIssues }
  return { ok: true, scene: parsed.data }
}
