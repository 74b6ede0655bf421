// Start-up with whatever the storage holds: any autosave content ends in a running app, nothing
// is dropped without a backup, and ?scene= asks before it replaces unsaved edits or reaches
// another site. A fake localStorage and fetch; no solver.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { createAppStore } from '../../../src/store'
import { bootScene } from '../../../src/store/boot'
import { AUTOSAVE_KEY } from '../../../src/store/autosaveEnvelope'
import { listBackups, readBackup } from '../../../src/store/autosaveBackups'
import type { AutosaveController } from '../../../src/store/autosave'
import { moveRow } from '../../../src/editor/commands'
import { MemoryStorage } from './memoryStorage'
import { DEFAULT_SOURCE, campusText, defaultScene, rowX, storedHeader, stubSolver, until, wait } from './helpers'

const ORIGIN = 'http://halltwin.test'
const campusName = (JSON.parse(campusText) as { name: string }).name
const exampleName = (defaultScene as { name: string }).name

let running: AutosaveController | null = null
const fetchMock = vi.fn(async (_url: URL | string) => new Response(campusText, { status: 200 }))

beforeAll(stubSolver)
beforeEach(() => {
  vi.stubGlobal('location', { origin: ORIGIN, href: `${ORIGIN}/` })
  vi.stubGlobal('fetch', fetchMock)
  fetchMock.mockClear()
})
afterEach(() => {
  running?.stop()
  running = null
  vi.unstubAllGlobals()
})

function envelope(fields: { unsavedEdits: number; x?: number; version?: number; scene?: unknown }): string {
  const scene = structuredClone(fields.scene ?? defaultScene) as { variants: { halls: { rows: { position: { x: number } }[] }[] }[] }
  if (fields.x !== undefined) scene.variants[0]!.halls[0]!.rows[0]!.position.x = fields.x
  return JSON.stringify({ version: fields.version ?? 2, savedAt: '2025-02-01T12:00:00.000Z', tabId: 'old-tab', revision: 5, source: 'mine.json', variantId: 'gpu-h100-air', unsavedEdits: fields.unsavedEdits, scene })
}

/** Starts the app on `storage` with `search`; resolves once start-up is done. */
function boot(storage: MemoryStorage, search = '') {
  const store = createAppStore()
  const done = bootScene({ defaultScene, defaultSource: DEFAULT_SOURCE, search, store, autosave: { storage, listen: null, tabId: 'new-tab', delayMs: 5 } }).then((c) => {
    running = c
    return c
  })
  return { store, done }
}

describe('start-up with a broken autosave', () => {
  it.each([
    ['null', 'null', /holds null/],
    ['garbage', '{"scene": ', /not valid JSON/],
    ['a newer format', JSON.stringify({ version: 9, scene: {} }), /newer Halltwin/],
    ['a scene that no longer validates', envelope({ unsavedEdits: 2, x: Number.NaN }), /scene is not valid/],
  ])('boots the example on %s, keeps it as a dated backup and says so', async (_name, raw, reason) => {
    const storage = new MemoryStorage()
    storage.setItem(AUTOSAVE_KEY, raw)
    const { store, done } = boot(storage)
    await done
    expect(store.getState().scene?.name).toBe(exampleName)
    const prompt = store.getState().autosavePrompt
    expect(prompt?.kind).toBe('unreadable')
    if (prompt?.kind !== 'unreadable') return
    expect(prompt.reason).toMatch(reason)
    expect(prompt.backupKey).not.toBeNull()
    expect(readBackup(storage, prompt.backupKey!)).toBe(raw)
    expect(storage.getItem(AUTOSAVE_KEY)).toBeNull() // moved, not copied: the next start is clean
    expect(store.getState().backups.map((b) => b.reason)).toEqual(['unreadable'])
    store.getState().answerAutosave('ok')
    expect(store.getState().autosavePrompt).toBeNull()
  })

  it('with the storage full, leaves the unreadable autosave in place and never writes over it', async () => {
    const storage = new MemoryStorage()
    storage.setItem(AUTOSAVE_KEY, 'null')
    storage.quotaChars = storage.used() + 100
    const { store, done } = boot(storage)
    await done
    const prompt = store.getState().autosavePrompt
    expect(prompt?.kind === 'unreadable' && prompt.backupKey).toBeNull()
    expect(store.getState().storageProblem?.kind).toBe('quota')
    store.getState().applyCommand(moveRow('asic-baseline', 'row-1.1', { x: 10, y: 4 }))
    await wait(30)
    expect(storage.getItem(AUTOSAVE_KEY)).toBe('null')
    expect(store.getState().backupFile(AUTOSAVE_KEY)).toEqual({ fileName: 'halltwin-autosave.txt', text: 'null' })
  })
})

describe('start-up with a good autosave', () => {
  it('restores it (the first format is migrated) with its variant and unsaved edits', async () => {
    const storage = new MemoryStorage()
    const first = JSON.parse(envelope({ unsavedEdits: 3, x: 11 })) as Record<string, unknown>
    delete first.version
    storage.setItem(AUTOSAVE_KEY, JSON.stringify(first))
    const { store, done } = boot(storage)
    await done
    expect(rowX(store.getState().scene)).toBe(11)
    expect(store.getState().variantId).toBe('gpu-h100-air')
    expect(store.getState().editsSinceSave).toBe(3)
    expect(store.getState().autosavePrompt).toBeNull()
    expect(listBackups(storage)).toHaveLength(0)
  })

  it('?variant= in the address wins over the saved variant', async () => {
    const storage = new MemoryStorage()
    storage.setItem(AUTOSAVE_KEY, envelope({ unsavedEdits: 3 }))
    const { store, done } = boot(storage, '?variant=gpu-gb200-liquid')
    await done
    expect(store.getState().variantId).toBe('gpu-gb200-liquid')
  })
})

describe('start-up with ?scene=', () => {
  it('with unsaved edits it asks first; "keep my edits" restores them, loads nothing and keeps a backup', async () => {
    const storage = new MemoryStorage()
    const saved = envelope({ unsavedEdits: 4, x: 12 })
    storage.setItem(AUTOSAVE_KEY, saved)
    const { store, done } = boot(storage, '?scene=/campus.json')
    await until(() => store.getState().autosavePrompt !== null)
    const prompt = store.getState().autosavePrompt
    expect(prompt).toMatchObject({ kind: 'linked-scene', url: '/campus.json', saved: { unsavedEdits: 4, sceneName: exampleName, source: 'mine.json' } })
    expect(store.getState().scene).toBeNull() // nothing shown, nothing written while asking
    store.getState().answerAutosave('keep-mine')
    await done
    expect(fetchMock).not.toHaveBeenCalled()
    expect(rowX(store.getState().scene)).toBe(12)
    expect(listBackups(storage).map((b) => b.reason)).toEqual(['linked-scene'])
    expect(readBackup(storage, listBackups(storage)[0]!.key)).toBe(saved)
  })

  it('"open the linked scene" keeps the autosave as a backup first, then the link becomes the autosave', async () => {
    const storage = new MemoryStorage()
    const saved = envelope({ unsavedEdits: 4, x: 12 })
    storage.setItem(AUTOSAVE_KEY, saved)
    const { store, done } = boot(storage, '?scene=/campus.json')
    await until(() => store.getState().autosavePrompt !== null)
    store.getState().answerAutosave('open-link')
    await done
    expect(String(fetchMock.mock.calls[0]![0])).toBe(`${ORIGIN}/campus.json`)
    expect(store.getState().scene?.name).toBe(campusName)
    expect(readBackup(storage, listBackups(storage)[0]!.key)).toBe(saved)
    expect(storedHeader(storage)).toMatchObject({ source: '/campus.json', unsavedEdits: 0, tabId: 'new-tab', revision: 6 })
  })

  it('without unsaved edits it opens the link without asking', async () => {
    const storage = new MemoryStorage()
    storage.setItem(AUTOSAVE_KEY, envelope({ unsavedEdits: 0 }))
    const { store, done } = boot(storage, '?scene=/campus.json')
    await done
    expect(store.getState().scene?.name).toBe(campusName)
    expect(store.getState().autosavePrompt).toBeNull()
  })

  it('a link that fails to load leaves the unsaved edits on screen, with the problem shown', async () => {
    fetchMock.mockImplementationOnce(async () => new Response('nope', { status: 404, statusText: 'Not Found' }))
    const storage = new MemoryStorage()
    storage.setItem(AUTOSAVE_KEY, envelope({ unsavedEdits: 4, x: 12 }))
    const { store, done } = boot(storage, '?scene=/missing.json')
    await until(() => store.getState().autosavePrompt !== null)
    store.getState().answerAutosave('open-link')
    await done
    expect(rowX(store.getState().scene)).toBe(12)
    expect(store.getState().sceneIssues?.issues[0]?.message).toMatch(/HTTP 404/)
  })

  it.each([
    ['data:application/json,{}', /must be on this site or use https \(this one is data\)/],
    ['javascript:alert(1)', /this one is javascript/],
    ['http://elsewhere.example/s.json', /this one is http/],
  ])('refuses %s without fetching, and boots the example', async (url, reason) => {
    const { store, done } = boot(new MemoryStorage(), `?scene=${encodeURIComponent(url)}`)
    await done
    expect(fetchMock).not.toHaveBeenCalled()
    expect(store.getState().scene?.name).toBe(exampleName)
    expect(store.getState().sceneIssues?.issues[0]?.message).toMatch(reason)
  })

  it('asks before loading from another https site, and loads nothing when told not to', async () => {
    const first = boot(new MemoryStorage(), '?scene=https://cdn.example/s.json')
    await until(() => first.store.getState().autosavePrompt !== null)
    expect(first.store.getState().autosavePrompt).toMatchObject({ kind: 'other-origin', origin: 'https://cdn.example' })
    first.store.getState().answerAutosave('skip')
    await first.done
    expect(fetchMock).not.toHaveBeenCalled()
    expect(first.store.getState().scene?.name).toBe(exampleName)
    running?.stop()
    const second = boot(new MemoryStorage(), '?scene=https://cdn.example/s.json')
    await until(() => second.store.getState().autosavePrompt !== null)
    second.store.getState().answerAutosave('load')
    await second.done
    expect(second.store.getState().scene?.name).toBe(campusName)
  })

  it('any start-up error still ends with a scene and a message', async () => {
    const storage = new MemoryStorage()
    const store = createAppStore()
    store.setState({ loadSceneFromUrl: () => Promise.reject(new Error('boom')) })
    running = await bootScene({ defaultScene, defaultSource: DEFAULT_SOURCE, search: '?scene=/campus.json', store, autosave: { storage, listen: null } })
    expect(store.getState().scene?.name).toBe(exampleName)
    expect(store.getState().editorMessage?.text).toMatch(/Start-up problem: boom/)
  })
})
