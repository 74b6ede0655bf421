// The 3-D airflow in the worker (src/worker/airflow3dWorker.ts, airflow3dClient.ts): progress
// from the solver's steps, one view per grid without the warm-start state, the states kept for a
// warm start; the client's cancel stops a run (no more messages reach it) and a fresh worker is
// seeded with the states the client kept.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { builtInCatalog } from '../../../src/model/catalog'
import { parseSceneText } from '../../../src/model/parse'
import type { Scene } from '../../../src/model/sceneSchema'
import { cutDefaultHall } from '../thermal3d/hallCut'
import { STREAM_FROM_OPENING, STREAM_TO_RACK } from '../../../src/solver/thermal3d/streamlines'
import type { Airflow3dProgress, Airflow3dView } from '../../../src/solver/thermal3d/view'
import { createAirflow3dClient, type WorkerLike } from '../../../src/worker/airflow3dClient'
import { createAirflow3dRunner } from '../../../src/worker/airflow3dWorker'
import type { Airflow3dRequest, Airflow3dResponse } from '../../../src/worker/protocol'

const parsed = parseSceneText(readFileSync('scenes/siberia-20mw.json', 'utf8'), builtInCatalog())
if (!parsed.ok) throw new Error('the default scene must parse')
// The runner's messages, views, streamlines and kept states are the same for any hall: the H100
// hall cut behind its first two rows (72 × 12 × 8 m, 90 racks; 3 072 preview cells, a quarter of
// the whole hall's 12 288: 0.2 s for the two runs instead of 1.5 s). Cold it runs to the cap (30
// steps), warm 13; streamlines: 138 from the openings, 72 back from the racks.
const scene = cutDefaultHall(parsed.scene, 'gpu-h100-air', 2, 12)

describe('airflow3d runner (worker side)', () => {
  const runner = createAirflow3dRunner()
  const runOnce = (): Airflow3dResponse[] => {
    const messages: Airflow3dResponse[] = []
    runner.run({ type: 'airflow3d', requestId: 1, scene, variantId: 'gpu-h100-air', grids: ['preview'] }, (m) => messages.push(m))
    return messages
  }
  const first = runOnce()

  it('posts progress from 0 to the last step, then the final view without the state', () => {
    const progress = first.filter((m): m is Extract<Airflow3dResponse, { type: 'airflow3d-progress' }> => m.type === 'airflow3d-progress').map((m) => m.progress)
    const views = first.filter((m): m is Extract<Airflow3dResponse, { type: 'airflow3d' }> => m.type === 'airflow3d')
    expect(progress[0]!.step).toBe(0)
    for (let i = 1; i < progress.length; i++) expect(progress[i]!.fraction).toBeGreaterThanOrEqual(progress[i - 1]!.fraction)
    expect(views).toHaveLength(1)
    const hall = views[0]!.view.halls[0]!
    // One progress message per step of the one hall, and the last says "all steps done".
    expect(progress).toHaveLength(hall.steps + 1)
    expect(progress.at(-1)!.fraction).toBe(1)
    expect(views[0]!.final).toBe(true)
    expect('state' in hall).toBe(false)
    expect(views[0]!.states[hall.hallId]!.tempC).toHaveLength(hall.cells)
  })

  it('traces streamlines from the openings and back from the rack intakes, inside the hall', () => {
    const view = (first.find((m) => m.type === 'airflow3d') as Extract<Airflow3dResponse, { type: 'airflow3d' }>).view
    const h = view.halls[0]!
    const s = h.streamlines
    const kinds = [...s.kind]
    expect(kinds.filter((k) => k === STREAM_FROM_OPENING).length).toBeGreaterThan(10)
    expect(kinds.filter((k) => k === STREAM_TO_RACK).length).toBeGreaterThan(10)
    expect(s.starts.at(-1)).toBe(s.tempC.length)
    // Every point inside the hall with a finite temperature: one expect for all of them, not two
    // per point (thousands of points; an expect costs microseconds).
    const outside: number[] = []
    const notFinite: number[] = []
    for (let p = 0; p < s.tempC.length; p++) {
      const x = s.positions[p * 3]!
      const y = s.positions[p * 3 + 1]!
      const z = s.positions[p * 3 + 2]!
      if (!(x >= h.originX && x <= h.originX + h.nx * h.cellXM && y >= h.originY && y <= h.originY + h.ny * h.cellYM && z >= 0 && z <= h.nz * h.cellZM)) outside.push(p)
      if (!Number.isFinite(s.tempC[p]!)) notFinite.push(p)
    }
    expect({ outside, notFinite }).toEqual({ outside: [], notFinite: [] })
    // Aisle figures are the racks' own: mean exhaust above mean inlet by the flow-weighted rise.
    expect(h.aisles.racks).toBe(Object.values(h.rackInletC).flat().length)
    expect(h.aisles.differenceK).toBeCloseTo(h.metrics.equipmentDeltaTK, 6)
  })

  it('starts the next run of the same variant from the kept state (fewer steps)', () => {
    expect(runner.kept()).toBe(1)
    const again = runOnce().find((m) => m.type === 'airflow3d') as Extract<Airflow3dResponse, { type: 'airflow3d' }>
    const before = (first.find((m) => m.type === 'airflow3d') as Extract<Airflow3dResponse, { type: 'airflow3d' }>).view.halls[0]!.steps
    expect(again.view.halls[0]!.steps).toBeLessThan(before)
  })
})

/** A scripted worker: records requests; the test sends its answers. */
function fakeWorkers() {
  const workers: { w: WorkerLike; requests: Airflow3dRequest[]; terminated: boolean }[] = []
  const spawn = (): WorkerLike => {
    const entry = { w: null as unknown as WorkerLike, requests: [] as Airflow3dRequest[], terminated: false }
    entry.w = { postMessage: (m) => entry.requests.push(m), terminate: () => void (entry.terminated = true), onmessage: null, onerror: null }
    workers.push(entry)
    return entry.w
  }
  const answer = (i: number, message: Airflow3dResponse): void => {
    const e = workers[i]!
    if (!e.terminated) e.w.onmessage?.({ data: message } as MessageEvent<Airflow3dResponse>)
  }
  return { workers, spawn, answer }
}

const progressOf = (step: number): Airflow3dProgress => ({ grid: 'preview', hallIndex: 0, halls: 1, step, maxSteps: 30, fraction: step / 30 })
const viewOf = (grid: 'preview' | 'default'): Airflow3dView => ({ variantId: 'v', grid, halls: [], solveMs: 1 })
const stateOf = () => ({ vel: new Float64Array(3), tempC: new Float64Array(1), phi: new Float64Array(1), nuT: new Float64Array(1) })

describe('airflow3d client', () => {
  const fakeScene = { name: 'x' } as unknown as Scene

  it('streams progress and views to the run; cancel stops it and a fresh worker is seeded warm', () => {
    const { workers, spawn, answer } = fakeWorkers()
    const client = createAirflow3dClient(spawn)
    const seen: string[] = []
    const handlers = { onProgress: (p: Airflow3dProgress) => seen.push(`p${p.step}`), onView: (v: Airflow3dView, final: boolean) => seen.push(`${v.grid}${final ? '!' : ''}`), onError: (e: string) => seen.push(`e:${e}`) }
    client.run(fakeScene, 'v', handlers)
    const id1 = workers[0]!.requests[0]!.requestId
    expect(workers[0]!.requests[0]!.grids).toEqual(['preview', 'default'])
    expect(workers[0]!.requests[0]!.warm).toBeUndefined()
    answer(0, { type: 'airflow3d-progress', requestId: id1, progress: progressOf(3) })
    answer(0, { type: 'airflow3d', requestId: id1, view: viewOf('preview'), states: { h: stateOf() }, final: false })
    answer(0, { type: 'airflow3d', requestId: id1, view: viewOf('default'), states: { h: stateOf() }, final: true })
    expect(seen).toEqual(['p3', 'preview', 'default!'])

    // A second run on the same worker (no seed needed: the worker kept the states), cancelled.
    seen.length = 0
    const run2 = client.run(fakeScene, 'v', handlers)
    expect(workers).toHaveLength(1)
    const id2 = workers[0]!.requests[1]!.requestId
    expect(workers[0]!.requests[1]!.warm).toBeUndefined()
    answer(0, { type: 'airflow3d-progress', requestId: id2, progress: progressOf(1) })
    run2.cancel()
    expect(workers[0]!.terminated).toBe(true)
    answer(0, { type: 'airflow3d-progress', requestId: id2, progress: progressOf(2) })
    expect(seen).toEqual(['p1'])

    // The next run starts a fresh worker and hands it the states of both grids.
    client.run(fakeScene, 'v', handlers)
    expect(client.spawned()).toBe(2)
    expect(Object.keys(workers[1]!.requests[0]!.warm ?? {}).sort()).toEqual(['default', 'preview'])
  })

  it('a new run supersedes a running one: the old one hears nothing more', () => {
    const { workers, spawn, answer } = fakeWorkers()
    const client = createAirflow3dClient(spawn)
    const a: string[] = []
    const b: string[] = []
    const handlersOf = (log: string[]) => ({ onProgress: (p: Airflow3dProgress) => log.push(`p${p.step}`), onView: () => log.push('view'), onError: (e: string) => log.push(e) })
    client.run(fakeScene, 'v', handlersOf(a))
    const idA = workers[0]!.requests[0]!.requestId
    client.run(fakeScene, 'w', handlersOf(b))
    expect(workers[0]!.terminated).toBe(true)
    answer(0, { type: 'airflow3d-progress', requestId: idA, progress: progressOf(5) })
    answer(1, { type: 'airflow3d-progress', requestId: workers[1]!.requests[0]!.requestId, progress: progressOf(1) })
    expect(a).toEqual([])
    expect(b).toEqual(['p1'])
  })
})
