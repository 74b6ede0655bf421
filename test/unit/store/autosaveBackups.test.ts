import { describe, expect, it } from 'vitest'
import { BACKUP_PREFIX, deleteBackup, listBackups, readBackup, writeBackup } from '../../../src/store/autosaveBackups'
import { MemoryStorage } from './memoryStorage'

const at = (iso: string) => new Date(iso)

describe('autosave backups', () => {
  it('keeps the text exactly, dated, and lists the newest first with what it could read', () => {
    const storage = new MemoryStorage()
    const env = JSON.stringify({ version: 2, savedAt: '2025-01-01T09:00:00.000Z', tabId: 't', revision: 4, source: 's', variantId: null, unsavedEdits: 5, scene: { name: 'Hall A' } })
    const a = writeBackup(storage, 'null', 'unreadable', at('2025-01-02T10:00:00Z'))
    const b = writeBackup(storage, env, 'linked-scene', at('2025-01-03T10:00:00Z'))
    expect(a.ok && b.ok).toBe(true)
    expect(b.key).toBe(`${BACKUP_PREFIX}2025-01-03T10:00:00.000Z`)
    const list = listBackups(storage)
    expect(list.map((x) => x.reason)).toEqual(['linked-scene', 'unreadable'])
    expect(list[0]).toMatchObject({ sceneName: 'Hall A', savedAt: '2025-01-01T09:00:00.000Z', unsavedEdits: 5, createdAt: '2025-01-03T10:00:00.000Z' })
    expect(list[1]).toMatchObject({ sceneName: null, savedAt: null, chars: 4 })
    expect(readBackup(storage, a.key!)).toBe('null')
    expect(readBackup(storage, b.key!)).toBe(env)
  })

  it('does not store the same text twice, and two backups in one millisecond get two keys', () => {
    const storage = new MemoryStorage()
    const t = at('2025-01-02T10:00:00Z')
    const first = writeBackup(storage, 'one', 'replaced', t)
    expect(writeBackup(storage, 'one', 'replaced', t).key).toBe(first.key)
    const second = writeBackup(storage, 'two', 'replaced', t)
    expect(second.key).not.toBe(first.key)
    expect(listBackups(storage)).toHaveLength(2)
  })

  it('reports a full storage as a value and writes nothing', () => {
    const storage = new MemoryStorage()
    storage.quotaChars = 50
    const r = writeBackup(storage, 'x'.repeat(100), 'replaced', at('2025-01-02T10:00:00Z'))
    expect(r).toMatchObject({ ok: false, quota: true })
    expect(listBackups(storage)).toHaveLength(0)
  })

  it('deletes only backups, only when asked', () => {
    const storage = new MemoryStorage()
    storage.setItem('halltwin.autosave.v1', 'keep me')
    const { key } = writeBackup(storage, 'old', 'replaced', at('2025-01-02T10:00:00Z'))
    deleteBackup(storage, 'halltwin.autosave.v1')
    expect(storage.getItem('halltwin.autosave.v1')).toBe('keep me')
    deleteBackup(storage, key!)
    expect(listBackups(storage)).toHaveLength(0)
  })

  it('lists a backup key holding foreign text as it is', () => {
    const storage = new MemoryStorage()
    storage.setItem(`${BACKUP_PREFIX}by-hand`, 'scribble')
    expect(listBackups(storage)[0]).toMatchObject({ reason: 'unreadable', chars: 8 })
    expect(readBackup(storage, `${BACKUP_PREFIX}by-hand`)).toBe('scribble')
  })
})
