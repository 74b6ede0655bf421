// The solver client's queue (src/worker/solverClient.ts): one solve in the worker at a time, the
// variant put on screen jumps the queue, and solves of an older scene are dropped, not run.
import { describe, expect, it } from 'vitest'
import { createSolveQueue } from '../../../src/worker/solverClient'
import type { WorkerRequest } from '../../../src/worker/protocol'
import type { Report } from '../../../src/solver/report'
import type { Scene } from '../../../src/model/sceneSchema'

/** A worker stand-in: records what it was sent and answers when told to. */
function fakeChannel() {
  const sent: { request: WorkerRequest; answer: () => void }[] = []
  const channel = {
    send: (request: WorkerRequest) =>
      new Promise<{ type: 'report'; requestId: number; report: Report }>((resolve) => {
        const variantId = request.type === 'solve' ? request.variantId : ''
        sent.push({ request, answer: () => resolve({ type: 'report', requestId: request.requestId, report: { variant: variantId, meta: { solveMs: 1 } } as unknown as Report }) })
      }),
  }
  return { channel, sent }
}

const flush = () => new Promise((r) => setTimeout(r, 0))
const sceneA = { name: 'a' } as unknown as Scene
const sceneB = { name: 'b' } as unknown as Scene
const variantOf = (r: WorkerRequest) => (r.type === 'solve' ? r.variantId : r.type)

describe('solve queue', () => {
  it('sends one solve at a time, in the order asked', async () => {
    const { channel, sent } = fakeChannel()
    let id = 1
    const q = createSolveQueue(channel, () => id++)
    const answers: string[] = []
    for (const v of ['v1', 'v2', 'v3']) void q.solve(sceneA, v).then((r) => answers.push(r.variant))
    expect(sent.map((s) => variantOf(s.request))).toEqual(['v1'])
    expect(q.queued()).toBe(2)
    sent[0]!.answer()
    await flush()
    expect(sent.map((s) => variantOf(s.request))).toEqual(['v1', 'v2'])
    sent[1]!.answer()
    await flush()
    sent[2]!.answer()
    await flush()
    expect(answers).toEqual(['v1', 'v2', 'v3'])
  })

  it('answers the prioritised variant next', async () => {
    const { channel, sent } = fakeChannel()
    let id = 1
    const q = createSolveQueue(channel, () => id++)
    for (const v of ['v1', 'v2', 'v3', 'v4']) void q.solve(sceneA, v)
    q.prioritise(sceneA, 'v4')
    q.prioritise(sceneB, 'v3') // another scene: nothing queued for it, nothing moves
    sent[0]!.answer()
    await flush()
    expect(sent.map((s) => variantOf(s.request))).toEqual(['v1', 'v4'])
  })

  it('drops the queued solves of an older scene (the one in the worker finishes)', async () => {
    const { channel, sent } = fakeChannel()
    let id = 1
    const q = createSolveQueue(channel, () => id++)
    const outcomes: string[] = []
    for (const v of ['v1', 'v2', 'v3']) q.solve(sceneA, v).then((r) => outcomes.push(`a:${r.variant}`), (e: Error) => outcomes.push(`a:${v} ${e.message}`))
    void q.solve(sceneB, 'v1').then((r) => outcomes.push(`b:${r.variant}`))
    await flush()
    expect([...outcomes].sort()).toEqual(['a:v2 solve superseded by a newer scene', 'a:v3 solve superseded by a newer scene'])
    sent[0]!.answer()
    await flush()
    sent[1]!.answer()
    await flush()
    expect(sent.map((s) => `${(s.request as { scene: { name: string } }).scene.name}:${variantOf(s.request)}`)).toEqual(['a:v1', 'b:v1'])
    expect(outcomes.slice(2)).toEqual(['a:v1', 'b:v1'])
  })
})
