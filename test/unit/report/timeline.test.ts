// Tour timeline: step spans, eased camera poses, variant per step (pure, src/viewport/tour/timeline.ts).
import { describe, expect, it } from 'vitest'
import { buildTimeline, easeInOutCubic, poseAt, stepAt, variantAtStep, type Pose } from '../../../src/viewport/tour/timeline'
import type { Bookmark, Tour } from '../../../src/model/sceneSchema'

const bm = (id: string, x: number): Bookmark => ({ id, name: id, position: { x, y: -10, z: 20 }, target: { x, y: 0, z: 0 } })
const bookmarks = [bm('a', 0), bm('b', 100)]
const tour: Tour = {
  id: 't',
  name: 't',
  steps: [
    { bookmarkId: 'a', moveS: 0, holdS: 2, caption: 'one', variantId: 'v1' },
    { bookmarkId: 'b', moveS: 4, holdS: 2, caption: 'two' },
    { bookmarkId: 'a', moveS: 2, holdS: 1, caption: 'three', variantId: 'v2' },
  ],
}
const start: Pose = { position: [0, 0, 0], target: [0, 0, 0] }

describe('tour timeline', () => {
  const tl = buildTimeline(tour)
  it('lays the steps end to end', () => {
    expect(tl.totalS).toBe(11) // 2 + (4 + 2) + (2 + 1)
    expect(tl.spans[1]).toEqual({ start: 2, arrive: 6, end: 8 })
    expect([0, 1.9, 2, 7.9, 8, 11, 99].map((t) => stepAt(tl, t))).toEqual([0, 0, 1, 1, 2, 2, 2])
  })
  it('eases in and out, and maps site (x, y, z) to three (x, z, −y)', () => {
    expect(easeInOutCubic(0)).toBe(0)
    expect(easeInOutCubic(0.5)).toBeCloseTo(0.5)
    expect(easeInOutCubic(1)).toBe(1)
    const held = poseAt(tour, bookmarks, tl, 1, start)
    expect(held.position).toEqual([0, 20, 10])
    expect(held.target.map((v) => v + 0)).toEqual([0, 0, 0])
    const mid = poseAt(tour, bookmarks, tl, 4, start) // half-way from a to b
    expect(mid.position[0]).toBeCloseTo(50)
    expect(mid.position[1]).toBeGreaterThan(20) // arcs up mid-flight
    expect(poseAt(tour, bookmarks, tl, 6, start).position).toEqual([100, 20, 10])
  })
  it('keeps the last variant a step switched to', () => {
    expect([0, 1, 2].map((i) => variantAtStep(tour, i, 'v0'))).toEqual(['v1', 'v1', 'v2'])
  })
})
