// Editing the as-built variant asks first: the store holds the edit, then makes a new variant from
// the as-built one and puts the edit there (or edits the record, or drops the edit).
import { readFileSync } from 'node:fs'
import { beforeEach, describe, expect, it } from 'vitest'
import { createAppStore } from '../../../src/store'
import { createVariant, moveRow } from '../../../src/editor/commands'
import { retarget } from '../../../src/store/asBuiltGuard'
import { findVariant, getRow } from '../../../src/editor/sceneEdit'
import type { Scene } from '../../../src/model/sceneSchema'

const text = readFileSync('scenes/siberia-20mw.json', 'utf8')
const AS_BUILT = 'asic-baseline' // "asBuilt": true in the scene
let store: ReturnType<typeof createAppStore>

beforeEach(() => {
  store = createAppStore()
  store.setState({ solveAll: () => {}, rerunCapacity: () => {} }) // no solver here
  store.getState().loadSceneText(text, 'siberia-20mw.json')
})

const rowAt = (scene: Scene, variantId: string) => getRow(scene, variantId, 'row-1.1').position

describe('an edit of the as-built variant', () => {
  it('is held, not applied, until the user answers', () => {
    const before = store.getState().scene!
    expect(store.getState().requestEdit(moveRow(AS_BUILT, 'row-1.1', { x: 10, y: 4 }))).toBe(false)
    expect(store.getState().scene).toBe(before)
    expect(store.getState().pendingAsBuiltEdit?.variantId).toBe(AS_BUILT)
  })

  it('"make a new variant" copies the as-built variant, edits the copy, shows it, and leaves the record alone', () => {
    const start = rowAt(store.getState().scene!, AS_BUILT)
    store.getState().requestEdit(moveRow(AS_BUILT, 'row-1.1', { x: 10, y: 4 }))
    store.getState().resolveAsBuiltEdit('copy')
    const s = store.getState()
    expect(s.variantId).toBe(`${AS_BUILT}-edit`)
    expect(findVariant(s.scene!, `${AS_BUILT}-edit`).name).toBe('ASIC baseline (edited)')
    expect(findVariant(s.scene!, `${AS_BUILT}-edit`).asBuilt).toBeUndefined()
    expect(rowAt(s.scene!, `${AS_BUILT}-edit`)).toEqual({ x: 10, y: 4 })
    expect(rowAt(s.scene!, AS_BUILT)).toEqual(start)
    // Two steps of the history: the copy, then the edit; undo takes the edit back first.
    expect(s.undoStack.map((c) => c.type)).toEqual(['CreateVariant', 'MoveRow'])
    s.undo()
    expect(rowAt(store.getState().scene!, `${AS_BUILT}-edit`)).toEqual(start)
  })

  it('"edit the record" applies it and opens the variant for edits until the next load; "cancel" drops it', () => {
    store.getState().requestEdit(moveRow(AS_BUILT, 'row-1.1', { x: 10, y: 4 }))
    store.getState().resolveAsBuiltEdit('edit')
    expect(rowAt(store.getState().scene!, AS_BUILT)).toEqual({ x: 10, y: 4 })
    expect(store.getState().requestEdit(moveRow(AS_BUILT, 'row-1.1', { x: 11, y: 4 }))).toBe(true)
    store.getState().loadSceneText(text, 'again.json')
    expect(store.getState().asBuiltEditsAllowed).toEqual([])
    const before = store.getState().scene
    store.getState().requestEdit(moveRow(AS_BUILT, 'row-1.1', { x: 12, y: 4 }))
    store.getState().resolveAsBuiltEdit('cancel')
    expect(store.getState().scene).toBe(before)
    expect(store.getState().pendingAsBuiltEdit).toBeNull()
  })

  it('other variants and copying the as-built variant are not asked about', () => {
    expect(store.getState().requestEdit(moveRow('gpu-h100-air', 'row-1.1', { x: 10, y: 4 }))).toBe(true)
    expect(store.getState().requestEdit(createVariant(AS_BUILT, 'copy', 'Copy'))).toBe(true)
    expect(store.getState().pendingAsBuiltEdit).toBeNull()
  })
})

describe('retarget', () => {
  it('applies a command written for one variant to another and keeps untouched variants as they were', () => {
    let scene = store.getState().scene!
    scene = createVariant(AS_BUILT, 'copy', 'Copy').execute(scene)
    const cmd = retarget(moveRow(AS_BUILT, 'row-1.1', { x: 10, y: 4 }), AS_BUILT, 'copy')
    const after = cmd.execute(scene)
    expect(rowAt(after, 'copy')).toEqual({ x: 10, y: 4 })
    expect(findVariant(after, AS_BUILT)).toBe(findVariant(scene, AS_BUILT))
    expect(after.variants.map((v) => v.id)).toEqual(scene.variants.map((v) => v.id))
    const back = cmd.undo(after)
    expect(rowAt(back, 'copy')).toEqual(rowAt(scene, AS_BUILT))
    expect(findVariant(back, AS_BUILT)).toBe(findVariant(scene, AS_BUILT))
  })
})
