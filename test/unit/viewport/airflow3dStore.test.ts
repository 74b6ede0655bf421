// The 3-D airflow view's store (src/viewport/airflow3d/airflow3dStore.ts) with a scripted solver
// port: status through a run, the latest view kept, Cancel stops the run and drops what it would
// still send, a new run drops the old one's messages, a port without airflow3d says so.
import { describe, expect, it } from 'vitest'
import type { Scene } from '../../../src/model/sceneSchema'
import type { Airflow3dHandlers, Airflow3dView } from '../../../src/solver/thermal3d/view'
import { connectSolver } from '../../../src/store'
import { useAirflow3d } from '../../../src/viewport/airflow3d/airflow3dStore'

const scene = { name: 's' } as unknown as Scene
const view = (variantId: string, grid: 'preview' | 'default'): Airflow3dView => ({ variantId, grid, halls: [], solveMs: 5 })

function scriptedPort() {
  const runs: { variantId: string; handlers: Airflow3dHandlers; cancelled: boolean }[] = []
  connectSolver({
    solve: () => Promise.reject(new Error('not used')),
    airflow3d: (_scene, variantId, handlers) => {
      const run = { variantId, handlers, cancelled: false }
      runs.push(run)
      return { cancel: () => void (run.cancelled = true) }
    },
  })
  return runs
}

describe('3-D airflow store', () => {
  it('follows a run: running, progress, preview view, then done with both timings', () => {
    const runs = scriptedPort()
    const s = useAirflow3d.getState()
    s.setOn(true)
    s.start(scene, 'v', '1:v')
    expect(useAirflow3d.getState().status).toBe('running')
    runs[0]!.handlers.onProgress({ grid: 'preview', hallIndex: 0, halls: 1, step: 3, maxSteps: 30, fraction: 0.1 })
    expect(useAirflow3d.getState().progress?.step).toBe(3)
    runs[0]!.handlers.onView(view('v', 'preview'), false)
    expect(useAirflow3d.getState().view?.grid).toBe('preview')
    expect(useAirflow3d.getState().status).toBe('running')
    runs[0]!.handlers.onView(view('v', 'default'), true)
    const st = useAirflow3d.getState()
    expect(st.status).toBe('done')
    expect(st.view?.grid).toBe('default')
    expect(st.progress).toBeNull()
    expect(Object.keys(st.timings).sort()).toEqual(['default', 'preview'])
  })

  it('Cancel stops the run; what it would still send is dropped', () => {
    const runs = scriptedPort()
    useAirflow3d.getState().start(scene, 'w', '2:w')
    expect(useAirflow3d.getState().view).toBeNull() // the view of another variant is not kept
    useAirflow3d.getState().cancel()
    expect(runs[0]!.cancelled).toBe(true)
    expect(useAirflow3d.getState().status).toBe('cancelled')
    runs[0]!.handlers.onView(view('w', 'preview'), false)
    expect(useAirflow3d.getState().view).toBeNull()
    expect(useAirflow3d.getState().status).toBe('cancelled')
  })

  it('a new run supersedes the old one: the old one is cancelled and heard no more', () => {
    const runs = scriptedPort()
    const s = useAirflow3d.getState()
    s.start(scene, 'a', '3:a')
    s.start(scene, 'b', '3:b')
    expect(runs[0]!.cancelled).toBe(true)
    runs[0]!.handlers.onView(view('a', 'default'), true)
    expect(useAirflow3d.getState().status).toBe('running')
    runs[1]!.handlers.onError('boom')
    expect(useAirflow3d.getState().status).toBe('error')
    expect(useAirflow3d.getState().error).toBe('boom')
  })

  it('turning the mode off cancels a running run; a port without airflow3d is an error, not a hang', () => {
    const runs = scriptedPort()
    useAirflow3d.getState().start(scene, 'c', '4:c')
    useAirflow3d.getState().setOn(false)
    expect(runs[0]!.cancelled).toBe(true)
    connectSolver({ solve: () => Promise.reject(new Error('not used')) })
    useAirflow3d.getState().start(scene, 'c', '5:c')
    expect(useAirflow3d.getState().status).toBe('error')
  })

  it('where the slice stands and whether the particles play outlive a re-solve and a new grid', () => {
    const runs = scriptedPort()
    const s = useAirflow3d.getState()
    s.setOn(true)
    s.setSlice(31.75) // a drag, the slider or "Slice across <row>": the one state
    s.setParticlesPlaying(false)
    s.start(scene, 'v', '7:v')
    runs[runs.length - 1]!.handlers.onView(view('v', 'preview'), false)
    s.start(scene, 'v', '8:v') // an edit: a new run
    runs[runs.length - 1]!.handlers.onView(view('v', 'default'), true)
    expect(useAirflow3d.getState().slice).toBe(31.75)
    expect(useAirflow3d.getState().particlesPlaying).toBe(false)
    s.setParticlesPlaying(true)
  })
})
