// Shared by the autosave tests: the example scenes, a store with no solver behind it, and waits.
import { readFileSync } from 'node:fs'
import { connectSolver, createAppStore } from '../../../src/store'
import { AUTOSAVE_KEY, decodeAutosaveHeader, type AutosaveHeader } from '../../../src/store/autosaveEnvelope'
import type { KeyValueStorage } from '../../../src/store/autosaveStorage'

export const DEFAULT_SOURCE = 'scenes/siberia-20mw.json'
export const sceneText = readFileSync(DEFAULT_SOURCE, 'utf8')
export const defaultScene = JSON.parse(sceneText) as unknown
export const campusText = readFileSync('scenes/campus-100mw.json', 'utf8')

/** These tests are about storage, not physics: solves are asked for and never answered. */
export function stubSolver(): void {
  connectSolver({ solve: () => new Promise(() => {}) })
}

export type AppStore = ReturnType<typeof createAppStore>

/** A store showing the example scene, as after start-up. */
export function storeWithExample(): AppStore {
  const store = createAppStore()
  store.getState().loadSceneText(sceneText, DEFAULT_SOURCE)
  return store
}

export const wait = (ms = 0) => new Promise((r) => setTimeout(r, ms))

/** Waits until `ok()` holds (a timer tick at a time), failing after `ms`: generous, since it
 *  returns as soon as the condition holds and a busy machine may be slow to get there. */
export async function until(ok: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms
  while (!ok()) {
    if (Date.now() > end) throw new Error('condition not met in time')
    await wait(2)
  }
}

export function storedHeader(storage: KeyValueStorage): AutosaveHeader | null {
  const raw = storage.getItem(AUTOSAVE_KEY)
  if (raw === null) return null
  const head = decodeAutosaveHeader(raw)
  return head.ok ? head.header : null
}

export function rowX(scene: unknown, variant = 0, row = 0): number {
  const s = scene as { variants: { halls: { rows: { position: { x: number } }[] }[] }[] }
  return s.variants[variant]!.halls[0]!.rows[row]!.position.x
}
