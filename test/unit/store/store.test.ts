import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { builtInCatalog } from '../../../src/model/catalog'
import type { Scene } from '../../../src/model/sceneSchema'
import { solveVariant, type Report } from '../../../src/solver'
import { connectSolver, createAppStore } from '../../../src/store'

const catalog = builtInCatalog()
/** A store of this file's own, made as the app's one is (useStore = createAppStore()): the file
 *  then shares no module-level state with the others in its worker but the solver port it connects. */
const useStore = createAppStore()
const sceneText = readFileSync('scenes/siberia-20mw.json', 'utf8')
const settle = () => new Promise((r) => setTimeout(r, 0))

beforeAll(() => {
  // The app plugs in the Web Worker; here the same solver runs in-process.
  connectSolver({ solve: async (scene, variantId) => solveVariant(scene, variantId, catalog) })
})

describe('store', () => {
  it('loads a scene and solves every variant, the visible one first', async () => {
    expect(useStore.getState().loadSceneText(sceneText, 'siberia-20mw.json')).toBe(true)
    await settle()
    const s = useStore.getState()
    expect(s.variantId).toBe('asic-baseline')
    expect(Object.keys(s.reports).sort()).toEqual(['asic-baseline', 'gpu-gb200-liquid', 'gpu-gb200-no-plant', 'gpu-h100-air', 'gpu-h100-rear-door'])
    expect(s.reports['asic-baseline']!.verdict).toBe('warn') // rows in series
  })

  it('switches variant without re-solving a report it has', async () => {
    const before = useStore.getState().reports['gpu-h100-air']
    useStore.getState().setVariant('gpu-h100-air')
    await settle()
    expect(useStore.getState().variantId).toBe('gpu-h100-air')
    expect(useStore.getState().reports['gpu-h100-air']).toBe(before)
  })

  it('keeps the current scene when a malformed one is loaded, and shows its field paths', () => {
    const { scene, sceneRevision } = useStore.getState()
    const bad = JSON.parse(sceneText)
    bad.variants[0].halls[0].rows[3].rackCount = -2
    expect(useStore.getState().loadSceneText(JSON.stringify(bad), 'bad.json')).toBe(false)
    const s = useStore.getState()
    expect(s.scene).toBe(scene)
    expect(s.sceneRevision).toBe(sceneRevision)
    expect(s.sceneIssues?.issues.map((i) => `${i.path}: ${i.message}`)).toContain(
      'variants[0].halls[0].rows[3].rackCount: expected a positive integer, got -2',
    )
    expect(useStore.getState().loadSceneText('not json', 'x.json')).toBe(false)
    expect(useStore.getState().scene).toBe(scene)
  })

  it('drops solver answers for a scene that is no longer shown', async () => {
    // About which answer the store keeps, not physics: a stub answers with the scene's own device
    // count (the example's first variant has 5,940 devices, the campus 30,000).
    const answer = async (scene: Scene, v: string) => {
      const variant = scene.variants.find((x) => x.id === v)!
      const deviceCount = variant.halls.flatMap((h) => h.rows).reduce((n, r) => n + r.rackCount * r.devicesPerRack, 0)
      return { scene: scene.name, variant: v, totals: { deviceCount } } as unknown as Report
    }
    let release: () => void = () => {}
    const gate = new Promise<void>((r) => (release = r))
    connectSolver({ solve: async (scene, v) => (await gate, answer(scene, v)) })
    useStore.getState().loadSceneText(sceneText, 'first')
    const campus = readFileSync('scenes/campus-100mw.json', 'utf8')
    connectSolver({ solve: answer })
    useStore.getState().loadSceneText(campus, 'campus')
    release()
    await settle()
    await settle()
    const s = useStore.getState()
    expect(s.sceneSource).toBe('campus')
    expect(Object.keys(s.reports)).toEqual(['asic-baseline'])
    expect(s.reports['asic-baseline']!.totals.deviceCount).toBe(30_000)
  })
})
