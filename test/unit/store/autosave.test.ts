// The autosave in one tab: when it writes, what it keeps before overwriting, and what it shows
// when the storage refuses. A fake localStorage; no solver.
import { beforeAll, describe, expect, it } from 'vitest'
import { createVariant, moveRow } from '../../../src/editor/commands'
import { startAutosave } from '../../../src/store/autosave'
import { AUTOSAVE_KEY } from '../../../src/store/autosaveEnvelope'
import { BACKUP_PREFIX, listBackups, readBackup, writeBackup } from '../../../src/store/autosaveBackups'
import { MemoryStorage } from './memoryStorage'
import { campusText, rowX, storeWithExample, storedHeader, stubSolver, until, wait } from './helpers'

beforeAll(stubSolver)

const DELAY = 5
const move = (x: number) => moveRow('asic-baseline', 'row-1.1', { x, y: 4 })

function started(storage: MemoryStorage | null = new MemoryStorage()) {
  const store = storeWithExample()
  const autosave = startAutosave(store, { storage, listen: null, tabId: 'A', delayMs: DELAY })
  autosave.release()
  return { store, storage, autosave }
}

describe('autosave', () => {
  it('does not save the untouched example; saves an edit a moment later, once, in a versioned envelope', async () => {
    const { store, storage, autosave } = started()
    await wait(DELAY * 3)
    expect(storage!.getItem(AUTOSAVE_KEY)).toBeNull()
    store.getState().applyCommand(move(10))
    store.getState().applyCommand(move(11))
    expect(storage!.writes).toBe(0)
    await until(() => storage!.getItem(AUTOSAVE_KEY) !== null)
    expect(storage!.writes).toBe(1) // two edits inside the delay: one write
    expect(storedHeader(storage!)).toMatchObject({ version: 2, tabId: 'A', revision: 1, unsavedEdits: 2, variantId: 'asic-baseline' })
    store.getState().applyCommand(move(12))
    autosave.flush() // the page is closing: no waiting
    expect(storedHeader(storage!)?.revision).toBe(2)
    expect(rowX(storedHeader(storage!)?.scene)).toBe(12)
    autosave.stop()
  })

  it('shows a full storage in a banner with the way out, and clears it on the next save that fits', async () => {
    const { store, storage, autosave } = started()
    storage!.full.add(AUTOSAVE_KEY)
    store.getState().applyCommand(move(10))
    await until(() => store.getState().storageProblem !== null)
    expect(store.getState().storageProblem?.kind).toBe('quota')
    expect(store.getState().storageProblem?.text).toMatch(/storage is full.*Export/s)
    storage!.full.clear()
    store.getState().applyCommand(move(11))
    await until(() => storage!.getItem(AUTOSAVE_KEY) !== null)
    expect(store.getState().storageProblem).toBeNull()
    autosave.stop()
  })

  it('keeps unsaved edits as a dated backup before another scene replaces them', async () => {
    const { store, storage, autosave } = started()
    store.getState().applyCommand(move(10))
    await until(() => storage!.getItem(AUTOSAVE_KEY) !== null)
    store.getState().applyCommand(move(13)) // not yet autosaved when the import comes
    store.getState().requestImport(campusText, 'campus.json')
    store.getState().confirmImport()
    const [backup] = listBackups(storage!)
    expect(backup).toMatchObject({ reason: 'replaced', unsavedEdits: 2 })
    expect(rowX(JSON.parse(readBackup(storage!, backup!.key)!).scene)).toBe(13) // the edits on screen, not the last autosave
    expect(store.getState().backups).toHaveLength(1) // the list in the store follows
    await until(() => storedHeader(storage!)?.source === 'campus.json')
    autosave.stop()
  })

  it('leaves the previous autosave untouched while its backup cannot be written, and writes both once there is room', async () => {
    const { store, storage, autosave } = started()
    store.getState().applyCommand(move(10))
    await until(() => storage!.getItem(AUTOSAVE_KEY) !== null)
    const before = storage!.getItem(AUTOSAVE_KEY)
    store.getState().applyCommand(move(14))
    storage!.quotaChars = storage!.used() + 1000 // room for nothing the size of a scene
    store.getState().loadSceneText(campusText, 'campus.json')
    await wait(DELAY * 4)
    expect(store.getState().storageProblem?.text).toMatch(/Could not keep a backup/)
    expect(storage!.getItem(AUTOSAVE_KEY)).toBe(before)
    expect(listBackups(storage!)).toHaveLength(0)
    storage!.quotaChars = Infinity
    store.getState().applyCommand(createVariant('asic-baseline', 'copy', 'Copy')) // the next change: the save retries the backup first
    await until(() => storedHeader(storage!)?.source === 'campus.json')
    expect(listBackups(storage!).map((b) => b.reason)).toEqual(['replaced'])
    expect(store.getState().storageProblem).toBeNull()
    autosave.stop()
  })

  it('restores a backup (the work it replaces becomes a backup), downloads and deletes one', async () => {
    const { store, storage, autosave } = started()
    const old = JSON.stringify({ version: 2, savedAt: '2025-01-01T09:00:00.000Z', tabId: 'B', revision: 3, source: 'old.json', variantId: 'gpu-h100-air', unsavedEdits: 0, scene: JSON.parse(campusText) })
    const { key } = writeBackup(storage!, old, 'other-tab', new Date('2025-01-02T00:00:00Z'))
    store.getState().applyCommand(move(10))
    expect(store.getState().restoreBackup(key!)).toBe(true)
    expect(store.getState().sceneSource).toBe('old.json')
    expect(store.getState().editsSinceSave).toBe(1) // restored work counts as unsaved
    expect(listBackups(storage!).map((b) => b.reason).sort()).toEqual(['other-tab', 'replaced'])
    const file = store.getState().backupFile(key!)
    expect(file?.fileName).toMatch(/^halltwin-2025-01-02T00-00-00-000Z\.json$/)
    expect(JSON.parse(file!.text).name).toBe(JSON.parse(campusText).name)
    store.getState().deleteBackup(key!)
    expect(storage!.getItem(key!)).toBeNull()
    expect(store.getState().backups.map((b) => b.reason)).toEqual(['replaced'])
    autosave.stop()
  })

  it('a backup that does not validate shows its field paths instead of replacing the scene', () => {
    const { store, storage, autosave } = started()
    const { key } = writeBackup(storage!, '{"scene": ', 'unreadable', new Date('2025-01-02T00:00:00Z'))
    const before = store.getState().scene
    expect(store.getState().restoreBackup(key!)).toBe(false)
    expect(store.getState().scene).toBe(before)
    expect(store.getState().sceneIssues?.issues[0]?.message).toMatch(/not valid JSON/)
    expect(store.getState().backupFile(key!)).toEqual({ fileName: 'halltwin-2025-01-02T00-00-00-000Z.txt', text: '{"scene": ' })
    expect(key!.startsWith(BACKUP_PREFIX)).toBe(true)
    autosave.stop()
  })

  it('without any storage it says autosave is off', () => {
    const { store, autosave } = started(null)
    expect(store.getState().storageProblem?.kind).toBe('unavailable')
    autosave.stop()
  })
})
