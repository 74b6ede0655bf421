// Where ?scene=<url> may load from, and reading it with a size cap. This site's own files load
// at once; an https address on another site only after the user agrees; anything else (data:,
// javascript:, blob:, plain http elsewhere) is refused. At most MAX_SCENE_BYTES are read, as the
// CLI does (src/cli/io.ts).
import { MAX_SCENE_BYTES } from '../model/parse'

export type SceneUrlPolicy =
  | { kind: 'same-origin'; url: URL }
  | { kind: 'other-origin'; url: URL }
  | { kind: 'refused'; reason: string }

/** The page's origin ("null" outside a browser: only absolute https addresses then pass, and ask). */
export function pageOrigin(): string {
  return globalThis.location?.origin ?? 'null'
}

export function sceneUrlPolicy(raw: string, origin: string = pageOrigin()): SceneUrlPolicy {
  let url: URL
  try {
    url = origin === 'null' ? new URL(raw) : new URL(raw, `${origin}/`)
  } catch {
    return { kind: 'refused', reason: 'not a valid address' }
  }
  const web = url.protocol === 'https:' || url.protocol === 'http:'
  if (web && url.origin === origin) return { kind: 'same-origin', url }
  if (url.protocol !== 'https:') {
    return { kind: 'refused', reason: `not loaded: a scene address must be on this site or use https (this one is ${url.protocol.replace(/:$/, '')})` }
  }
  return { kind: 'other-origin', url }
}

export type FetchTextResult = { ok: true; text: string } | { ok: false; message: string }

const MB = 1024 * 1024

/** Fetches a URL's text, refusing more than `maxBytes`, a redirect to another origin, and non-UTF-8. */
export async function fetchSceneText(url: URL, maxBytes: number = MAX_SCENE_BYTES): Promise<FetchTextResult> {
  const tooLarge = (bytes: string) => ({ ok: false as const, message: `file too large (${bytes}; a scene file is at most ${maxBytes / MB} MB)` })
  let response: Response
  try {
    response = await fetch(url, { credentials: 'same-origin' })
  } catch (error) {
    return { ok: false, message: `could not load the scene: ${error instanceof Error ? error.message : String(error)}` }
  }
  if (response.url && new URL(response.url).origin !== url.origin) {
    void response.body?.cancel()
    return { ok: false, message: `not loaded: it redirects to another site (${new URL(response.url).origin})` }
  }
  if (!response.ok) return { ok: false, message: `could not load the scene: ${`HTTP ${response.status} ${response.statusText}`.trim()}` }
  const declared = Number(response.headers.get('content-length') ?? NaN)
  if (declared > maxBytes) {
    void response.body?.cancel()
    return tooLarge(`${declared.toLocaleString('en-US')} bytes`)
  }
  const chunks: Uint8Array[] = []
  let total = 0
  if (response.body) {
    const reader = response.body.getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      total += value.byteLength
      if (total > maxBytes) {
        void reader.cancel()
        return tooLarge(`more than ${maxBytes.toLocaleString('en-US')} bytes`)
      }
      chunks.push(value)
    }
  }
  const bytes = new Uint8Array(total)
  let at = 0
  for (const chunk of chunks) {
    bytes.set(chunk, at)
    at += chunk.byteLength
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) }
  } catch {
    return { ok: false, message: 'not loaded: the file is not UTF-8 text' }
  }
}
