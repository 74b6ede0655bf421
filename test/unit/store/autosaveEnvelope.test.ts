import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { builtInCatalog } from '../../../src/model/catalog'
import { parseScene } from '../../../src/model/parse'
import { AUTOSAVE_VERSION, decodeAutosave, decodeAutosaveHeader, encodeAutosave } from '../../../src/store/autosaveEnvelope'

const catalog = builtInCatalog()
const sceneJson = JSON.parse(readFileSync('scenes/siberia-20mw.json', 'utf8')) as unknown
const scene = (() => {
  const r = parseScene(sceneJson, catalog)
  if (!r.ok) throw new Error('the example scene does not parse')
  return r.scene
})()

describe('autosave envelope', () => {
  it('round-trips: version, saved-at, tab id, revision, unsaved edits and the scene', () => {
    const raw = encodeAutosave({ savedAt: new Date('2025-03-01T10:00:00Z'), tabId: 't1', revision: 7, source: 'my.json', variantId: 'gpu-h100-air', unsavedEdits: 3, scene })
    const d = decodeAutosave(raw, catalog)
    expect(d.ok).toBe(true)
    if (!d.ok) return
    expect(d.envelope).toMatchObject({ version: AUTOSAVE_VERSION, savedAt: '2025-03-01T10:00:00.000Z', tabId: 't1', revision: 7, source: 'my.json', variantId: 'gpu-h100-air', unsavedEdits: 3 })
    expect(d.scene.name).toBe(scene.name)
    expect(d.migratedFrom).toBeNull()
  })

  it('migrates the first format (no version field) and counts unknown edits as unsaved', () => {
    const v1 = JSON.stringify({ scene: sceneJson, variantId: 'asic-baseline', source: 'old.json', savedAt: '2024-12-24T08:00:00.000Z' })
    const d = decodeAutosave(v1, catalog)
    expect(d.ok && d.migratedFrom).toBe(1)
    if (!d.ok) return
    expect(d.envelope).toMatchObject({ version: 2, tabId: 'legacy', revision: 0, source: 'old.json', variantId: 'asic-baseline', unsavedEdits: 1 })
    const counted = decodeAutosave(JSON.stringify({ scene: sceneJson, variantId: null, source: '', savedAt: 'x', unsavedEdits: 4 }), catalog)
    expect(counted.ok && counted.envelope.unsavedEdits).toBe(4)
    expect(counted.ok && counted.envelope.source).toBe('autosave')
  })

  it.each([
    ['null', /holds null/],
    ['42', /holds 42/],
    ['"text"', /holds "text"/],
    ['[]', /an array/],
    ['{"scene": ', /not valid JSON/],
    ['', /not valid JSON/],
    ['{"version": 3, "scene": {}}', /newer Halltwin/],
    ['{"version": "2"}', /format version is "2"/],
    ['{"version": 2, "scene": {}}', /not an autosave/],
  ])('reads %j as a reason, never a throw', (raw, reason) => {
    const d = decodeAutosave(raw, catalog)
    expect(d.ok).toBe(false)
    if (!d.ok) {
      expect(d.reason).toMatch(reason)
      expect(d.issues.length).toBeGreaterThan(0)
    }
  })

  it('rejects an autosave whose scene no longer validates, with the field paths, but still reads its header', () => {
    const bad = structuredClone(sceneJson) as { variants: { halls: { rows: { rackCount: number }[] }[] }[] }
    bad.variants[0]!.halls[0]!.rows[3]!.rackCount = -2
    const raw = JSON.stringify({ version: 2, savedAt: 'x', tabId: 't', revision: 1, source: 's', variantId: null, unsavedEdits: 2, scene: bad })
    const d = decodeAutosave(raw, catalog)
    expect(d.ok).toBe(false)
    if (!d.ok) {
      expect(d.reason).toMatch(/scene is not valid/)
      expect(d.issues.map((i) => i.path)).toContain('variants[0].halls[0].rows[3].rackCount')
    }
    const head = decodeAutosaveHeader(raw)
    expect(head.ok && head.header.sceneName).toBe(scene.name)
    expect(head.ok && head.header.unsavedEdits).toBe(2)
  })
})
