// The autosave as stored: an envelope with a format version, when and by which tab it was saved,
// a revision counter shared by all tabs (each write is the stored one + 1), and the scene. Older
// envelopes are migrated the way zustand's persist middleware does it (`migrate(state, version)`);
// anything that does not parse or validate is a value with a reason, never an exception.
import '../model/zodConfig' // first: zod without its JIT, before any schema is built
import { z } from 'zod'
import type { Catalog } from '../model/catalog'
import { describeValue, type FieldIssue } from '../model/issues'
import { parseScene } from '../model/parse'
import type { Scene } from '../model/sceneSchema'

/** The storage key. Its ".v1" is historical (the first format); the envelope carries its own version. */
export const AUTOSAVE_KEY = 'halltwin.autosave.v1'
export const AUTOSAVE_VERSION = 2

const EnvelopeSchema = z.object({
  version: z.literal(AUTOSAVE_VERSION),
  savedAt: z.string(),
  /** The tab that wrote it; "legacy" for a migrated first-format save. */
  tabId: z.string(),
  revision: z.number().int().nonnegative(),
  source: z.string(),
  variantId: z.string().nullable(),
  /** Edits not yet exported when it was saved: unsaved work. */
  unsavedEdits: z.number().int().nonnegative(),
  /** Checked by the scene parser, not here: a header can be read even when the scene is bad. */
  scene: z.unknown(),
})
export type AutosaveEnvelope = z.infer<typeof EnvelopeSchema>

/** The envelope without its scene checked: enough to tell who saved what, when. */
export type AutosaveHeader = Omit<AutosaveEnvelope, 'scene'> & { sceneName: string | null; scene: unknown }

export type HeaderResult = { ok: true; header: AutosaveHeader; migratedFrom: number | null } | { ok: false; reason: string; issues: FieldIssue[] }
export type DecodeResult =
  | { ok: true; envelope: AutosaveEnvelope; scene: Scene; migratedFrom: number | null }
  | { ok: false; reason: string; issues: FieldIssue[] }

/** The first format (before versions): `{scene, variantId, source, savedAt, unsavedEdits?}`. */
function migrateFromV1(state: Record<string, unknown>): Record<string, unknown> {
  const edits = state.unsavedEdits
  return {
    version: 2,
    savedAt: typeof state.savedAt === 'string' ? state.savedAt : new Date(0).toISOString(),
    tabId: 'legacy',
    revision: 0,
    source: typeof state.source === 'string' && state.source !== '' ? state.source : 'autosave',
    variantId: typeof state.variantId === 'string' ? state.variantId : null,
    // Saves from before the count was kept were only made for edited or opened scenes:
    // count them as unsaved so nothing replaces them without asking.
    unsavedEdits: typeof edits === 'number' && Number.isInteger(edits) && edits >= 0 ? edits : 1,
    scene: state.scene,
  }
}

/** Brings a stored envelope of an older format version up to AUTOSAVE_VERSION. */
export function migrateAutosave(state: Record<string, unknown>, fromVersion: number): Record<string, unknown> {
  let out = state
  if (fromVersion < 2) out = migrateFromV1(out)
  return out
}

function failure(reason: string, issues: FieldIssue[] = []): { ok: false; reason: string; issues: FieldIssue[] } {
  return { ok: false, reason, issues: issues.length > 0 ? issues : [{ path: '', message: reason }] }
}

/** Reads the envelope's fields (migrating an older one) without validating its scene. */
export function decodeAutosaveHeader(raw: string): HeaderResult {
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch (e) {
    return failure(`it is not valid JSON (${(e as Error).message})`)
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return failure(`it holds ${describeValue(json)}, not an autosave`)
  const state = json as Record<string, unknown>
  // The first format had no version field.
  const version = state.version === undefined ? 1 : state.version
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return failure(`its format version is ${describeValue(version)}`)
  if (version > AUTOSAVE_VERSION) return failure(`it was saved by a newer Halltwin (autosave format ${version}; this one reads up to ${AUTOSAVE_VERSION})`)
  const migrated = version < AUTOSAVE_VERSION ? migrateAutosave(state, version) : state
  const parsed = EnvelopeSchema.safeParse(migrated)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }))
    return failure(`it is not an autosave (${issues.map((i) => `${i.path}: ${i.message}`).slice(0, 3).join('; ')})`, issues)
  }
  return { ok: true, header: { ...parsed.data, sceneName: sceneNameOf(parsed.data.scene) }, migratedFrom: version < AUTOSAVE_VERSION ? version : null }
}

/** The `name` of a scene that may not be valid; null when it has none. */
export function sceneNameOf(scene: unknown): string | null {
  const name = scene !== null && typeof scene === 'object' ? (scene as { name?: unknown }).name : null
  return typeof name === 'string' ? name : null
}

/** Reads and validates a stored autosave: the envelope, then its scene with the scene parser. */
export function decodeAutosave(raw: string, catalog: Catalog): DecodeResult {
  const head = decodeAutosaveHeader(raw)
  if (!head.ok) return head
  const { sceneName: _name, ...envelope } = head.header
  const parsed = parseScene(envelope.scene, catalog)
  if (!parsed.ok) {
    const shown = parsed.issues.slice(0, 3).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message))
    return failure(`its scene is not valid (${shown.join('; ')}${parsed.issues.length > 3 ? '; …' : ''})`, parsed.issues)
  }
  return { ok: true, envelope, scene: parsed.scene, migratedFrom: head.migratedFrom }
}

export interface EnvelopeFields {
  savedAt: Date
  tabId: string
  revision: number
  source: string
  variantId: string | null
  unsavedEdits: number
  scene: Scene
}

export function encodeAutosave(fields: EnvelopeFields): string {
  const envelope: AutosaveEnvelope = { version: AUTOSAVE_VERSION, ...fields, savedAt: fields.savedAt.toISOString() }
  return JSON.stringify(envelope)
}
