// Two tabs on one storage (two stores, two autosaves): each sees the other's saves; a tab with
// edits of its own asks which to keep and keeps the other as a backup. No last-writer-wins.
import { beforeAll, describe, expect, it } from 'vitest'
import { createVariant, moveRow } from '../../../src/editor/commands'
import { startAutosave, type ListenToOtherTabs } from '../../../src/store/autosave'
import { AUTOSAVE_KEY } from '../../../src/store/autosaveEnvelope'
import { listBackups, readBackup } from '../../../src/store/autosaveBackups'
import { SharedStorage } from './memoryStorage'
import { rowX, storeWithExample, storedHeader, stubSolver, until, wait } from './helpers'

beforeAll(stubSolver)

const move = (x: number) => moveRow('asic-baseline', 'row-1.1', { x, y: 4 })
const variantIds = (scene: unknown) => (scene as { variants: { id: string }[] }).variants.map((v) => v.id)

function tab(shared: SharedStorage, tabId: string, delayMs: number, events = true) {
  const { storage, listen } = shared.tab()
  const store = storeWithExample()
  const autosave = startAutosave(store, { storage, listen: events ? listen : (null as ListenToOtherTabs | null), tabId, delayMs })
  autosave.release()
  return { store, autosave }
}

describe('autosave across tabs', () => {
  it('a tab without edits takes the other tab’s save; a variant switch there then keeps the new variant', async () => {
    const shared = new SharedStorage()
    const a = tab(shared, 'A', 5)
    const b = tab(shared, 'B', 5)
    a.store.getState().applyCommand(createVariant('asic-baseline', 'asic-edit', 'ASIC (copy)'))
    await until(() => b.store.getState().scene!.variants.some((v) => v.id === 'asic-edit'))
    expect(b.store.getState().editsSinceSave).toBe(1)
    expect(b.store.getState().autosavePrompt).toBeNull()
    // The old tab switches variant (the erasure of the issue): the new variant stays saved.
    b.store.getState().setVariant('gpu-h100-air')
    await until(() => storedHeader(shared.memory)?.tabId === 'B')
    expect(variantIds(storedHeader(shared.memory)!.scene)).toContain('asic-edit')
    await wait(20)
    expect(a.store.getState().scene!.variants.some((v) => v.id === 'asic-edit')).toBe(true)
    expect(a.store.getState().variantId).toBe('asic-edit') // each tab keeps its own variant: no ping-pong
    a.autosave.stop()
    b.autosave.stop()
  })

  it('a tab that missed the event still finds the newer save before it writes', async () => {
    const shared = new SharedStorage()
    const a = tab(shared, 'A', 5)
    const b = tab(shared, 'B', 5, false)
    a.store.getState().applyCommand(createVariant('asic-baseline', 'asic-edit', 'ASIC (copy)'))
    await until(() => storedHeader(shared.memory) !== null)
    b.store.getState().setVariant('gpu-h100-air')
    await until(() => b.store.getState().scene!.variants.some((v) => v.id === 'asic-edit'))
    expect(variantIds(storedHeader(shared.memory)!.scene)).toContain('asic-edit')
    a.autosave.stop()
    b.autosave.stop()
  })

  it('both tabs edited: the later one asks; "keep mine" keeps the other tab’s save as a backup', async () => {
    const shared = new SharedStorage()
    const a = tab(shared, 'A', 5)
    const b = tab(shared, 'B', 200)
    b.store.getState().applyCommand(move(20)) // B's save waits 200 ms
    a.store.getState().applyCommand(move(30)) // A's comes first
    await until(() => b.store.getState().autosavePrompt !== null)
    const prompt = b.store.getState().autosavePrompt
    expect(prompt?.kind).toBe('tab-conflict')
    if (prompt?.kind === 'tab-conflict') expect(prompt.theirs.unsavedEdits).toBe(1)
    await wait(250)
    expect(rowX(storedHeader(shared.memory)!.scene)).toBe(30) // nothing written while asking
    b.store.getState().answerAutosave('keep-mine')
    await wait() // the answer resolves a promise
    expect(rowX(storedHeader(shared.memory)!.scene)).toBe(20)
    const [backup] = listBackups(shared.memory)
    expect(backup?.reason).toBe('other-tab')
    expect(rowX(JSON.parse(readBackup(shared.memory, backup!.key)!).scene)).toBe(30)
    // Tab A has nothing unsaved now: it takes B's save.
    await until(() => rowX(a.store.getState().scene) === 20)
    expect(a.store.getState().autosavePrompt).toBeNull()
    a.autosave.stop()
    b.autosave.stop()
  })

  it('"take theirs" keeps this tab’s edits as a backup and shows the other tab’s save', async () => {
    const shared = new SharedStorage()
    const a = tab(shared, 'A', 5)
    const b = tab(shared, 'B', 200, false) // no events: the check before writing finds it
    a.store.getState().applyCommand(move(30))
    await until(() => storedHeader(shared.memory) !== null)
    b.store.getState().applyCommand(move(20))
    await until(() => b.store.getState().autosavePrompt?.kind === 'tab-conflict')
    b.store.getState().answerAutosave('take-theirs')
    await wait()
    expect(rowX(b.store.getState().scene)).toBe(30)
    const [backup] = listBackups(shared.memory)
    expect(backup?.reason).toBe('this-tab')
    expect(rowX(JSON.parse(readBackup(shared.memory, backup!.key)!).scene)).toBe(20)
    expect(storedHeader(shared.memory)?.tabId).toBe('A')
    a.autosave.stop()
    b.autosave.stop()
  })

  it('a save written at the same moment as this tab’s (same revision) is a question, even without edits here', async () => {
    const shared = new SharedStorage()
    const a = tab(shared, 'A', 5)
    a.store.getState().applyCommand(move(30))
    await until(() => storedHeader(shared.memory)?.revision === 1)
    // Tab B wrote revision 1 too, from the same start: its write landed after A's.
    const b = JSON.parse(shared.memory.getItem(AUTOSAVE_KEY)!) as { tabId: string; scene: { variants: { halls: { rows: { position: { x: number } }[] }[] }[] } }
    b.tabId = 'B'
    b.scene.variants[0]!.halls[0]!.rows[0]!.position.x = 40
    shared.tab().storage.setItem(AUTOSAVE_KEY, JSON.stringify(b))
    await until(() => a.store.getState().autosavePrompt !== null)
    expect(rowX(a.store.getState().scene)).toBe(30) // not taken silently
    a.store.getState().answerAutosave('take-theirs')
    await wait()
    expect(rowX(a.store.getState().scene)).toBe(40)
    expect(rowX(JSON.parse(readBackup(shared.memory, listBackups(shared.memory)[0]!.key)!).scene)).toBe(30)
    a.autosave.stop()
  })

  it('a save this tab cannot open is kept as a backup; this tab goes on saving', async () => {
    const shared = new SharedStorage()
    const a = tab(shared, 'A', 5)
    const newer = JSON.stringify({ version: 2, savedAt: '2025-01-01T00:00:00.000Z', tabId: 'N', revision: 9, source: 'n', variantId: null, unsavedEdits: 1, scene: { version: 99 } })
    shared.tab().storage.setItem(AUTOSAVE_KEY, newer)
    await until(() => listBackups(shared.memory).length === 1)
    expect(readBackup(shared.memory, listBackups(shared.memory)[0]!.key)).toBe(newer)
    expect(a.store.getState().editorMessage?.text).toMatch(/cannot open/)
    a.store.getState().applyCommand(move(30))
    await until(() => storedHeader(shared.memory)?.tabId === 'A')
    expect(storedHeader(shared.memory)?.revision).toBe(10)
    a.autosave.stop()
  })

  it('closing a tab with the question open keeps its edits as a backup and leaves the other save', async () => {
    const shared = new SharedStorage()
    const a = tab(shared, 'A', 5)
    const b = tab(shared, 'B', 200)
    b.store.getState().applyCommand(move(20))
    a.store.getState().applyCommand(move(30))
    await until(() => b.store.getState().autosavePrompt !== null)
    b.autosave.flush() // beforeunload
    expect(listBackups(shared.memory).map((x) => x.reason)).toEqual(['this-tab'])
    expect(shared.memory.getItem(AUTOSAVE_KEY)).not.toBeNull()
    expect(rowX(storedHeader(shared.memory)!.scene)).toBe(30)
    a.autosave.stop()
    b.autosave.stop()
  })
})
