import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { builtInCatalog } from '../../../src/model/catalog'
import { solveVariant } from '../../../src/solver'
import { connectSolver, createAppStore, HISTORY_LIMIT } from '../../../src/store'
import { moveRow, setRowProps } from '../../../src/editor/commands'
import type { Scene } from '../../../src/model/sceneSchema'

const catalog = builtInCatalog()
/** A store of this file's own, made as the app's one is (useStore = createAppStore()): the file
 *  then shares no module-level state with the others in its worker but the solver port it connects. */
const useStore = createAppStore()
const settle = () => new Promise((r) => setTimeout(r, 0))

const realSolver = { solve: async (scene: Parameters<typeof solveVariant>[0], variantId: string) => solveVariant(scene, variantId, catalog) }

beforeAll(async () => {
  connectSolver(realSolver)
  useStore.getState().loadSceneText(readFileSync('scenes/siberia-20mw.json', 'utf8'), 'siberia-20mw.json')
  await settle()
})

describe('history slice', () => {
  it('applies a command: new revision, re-solved report, undo and redo', async () => {
    const s0 = useStore.getState()
    const loadId = s0.sceneLoadId
    expect(s0.applyCommand(moveRow('asic-baseline', 'row-1.1', { x: 10, y: 4 }))).toBe(true)
    const s1 = useStore.getState()
    expect(s1.sceneRevision).toBe(s0.sceneRevision + 1)
    expect(s1.sceneLoadId).toBe(loadId) // an edit is not a load: the camera stays
    expect(s1.reports['gpu-h100-air']).toBe(s0.reports['gpu-h100-air']) // untouched variants keep their report
    await settle()
    expect(useStore.getState().reports['asic-baseline']).toBeDefined()
    useStore.getState().undo()
    expect(useStore.getState().scene!.variants[0]!.halls[0]!.rows[0]!.position).toEqual({ x: 9, y: 4 })
    useStore.getState().redo()
    expect(useStore.getState().scene!.variants[0]!.halls[0]!.rows[0]!.position).toEqual({ x: 10, y: 4 })
  })

  it('refuses a command that makes the scene invalid, with a message, and keeps the scene', () => {
    const before = useStore.getState().scene
    expect(useStore.getState().applyCommand(setRowProps('asic-baseline', 'row-1.1', { feed: 'NO-SUCH-NODE' }))).toBe(false)
    expect(useStore.getState().scene).toBe(before)
    expect(useStore.getState().editorMessage?.kind).toBe('error')
    expect(useStore.getState().editorMessage?.text).toMatch(/feed/)
  })

  it(`keeps at least 100 steps (${HISTORY_LIMIT})`, () => {
    // About history, not physics: a stub answers every re-solve with the report already in hand,
    // and the scene is the example's as-built variant alone (same hall, same rows): every step
    // validates the whole scene with the parser, and the other four variants and the tour that
    // names them made each step's parse some ten times dearer without touching the history.
    const canned = useStore.getState().reports['asic-baseline']!
    connectSolver({ solve: async () => canned })
    const { tours: _tours, bookmarks: _bookmarks, ...example } = JSON.parse(readFileSync('scenes/siberia-20mw.json', 'utf8')) as Scene
    expect(useStore.getState().loadSceneText(JSON.stringify({ ...example, variants: [example.variants[0]] }), 'asic-baseline.json')).toBe(true)
    expect(useStore.getState().undoStack).toEqual([])
    for (let i = 0; i < 150; i++) useStore.getState().applyCommand(moveRow('asic-baseline', 'row-1.2', { x: 9 + (i % 2) * 0.5, y: 7.94 }))
    expect(useStore.getState().undoStack.length).toBeGreaterThanOrEqual(100)
    for (let i = 0; i < 150; i++) useStore.getState().undo()
    expect(useStore.getState().scene!.variants[0]!.halls[0]!.rows[1]!.position).toEqual({ x: 9, y: 7.94 })
    connectSolver(realSolver)
  })
})
