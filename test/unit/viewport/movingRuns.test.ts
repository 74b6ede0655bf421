import { describe, expect, it } from 'vitest'
import type { Box } from '../../../src/model/layout'
import { MAX_GAP_M, mergeRuns } from '../../../src/viewport/movingRuns'

const box = (cx: number, cy: number, over: Partial<Box> = {}): Box => ({ cx, cy, widthM: 1.5, depthM: 0.9, heightM: 2, rotationRad: 0, elevationM: 0, ...over })
const same = () => 'row-1'

describe('mergeRuns', () => {
  it('joins a row of touching boxes into one box covering them', () => {
    // Four 1.5 m racks side by side from x = 10: edges at 10, 11.5, 13, 14.5, 16.
    const row = [0, 1, 2, 3].map((k) => box(10.75 + 1.5 * k, 5))
    const runs = mergeRuns(row, same)
    expect(runs).toHaveLength(1)
    expect(runs[0]!.count).toBe(4)
    expect(runs[0]!.first).toBe(0)
    // 4 × 1.5 = 6 m wide, centred between 10 and 16.
    expect(runs[0]!.box.widthM).toBeCloseTo(6, 9)
    expect(runs[0]!.box.cx).toBeCloseTo(13, 9)
    expect(runs[0]!.box.cy).toBeCloseTo(5, 9)
  })

  it('follows the rotation: a row along site y (90°)', () => {
    const row = [0, 1, 2].map((k) => box(3, 20 + 1.5 * k, { rotationRad: Math.PI / 2 }))
    const [run, ...rest] = mergeRuns(row, same)
    expect(rest).toHaveLength(0)
    expect(run!.box.widthM).toBeCloseTo(4.5, 9)
    // Edges at y = 19.25 and 23.75: centre 21.5.
    expect(run!.box.cx).toBeCloseTo(3, 9)
    expect(run!.box.cy).toBeCloseTo(21.5, 9)
  })

  it('bridges a gap up to MAX_GAP_M, not more', () => {
    const near = mergeRuns([box(0, 0), box(1.5 + MAX_GAP_M - 0.01, 0)], same)
    expect(near).toHaveLength(1)
    expect(near[0]!.box.widthM).toBeCloseTo(3 + MAX_GAP_M - 0.01, 9)
    expect(mergeRuns([box(0, 0), box(1.5 + MAX_GAP_M + 0.1, 0)], same)).toHaveLength(2)
  })

  it('keeps apart boxes of another key (id or colour), height, depth, elevation, rotation or line', () => {
    const keys = ['a', 'b']
    expect(mergeRuns([box(0, 0), box(1.5, 0)], (i) => keys[i]!)).toHaveLength(2)
    expect(mergeRuns([box(0, 0), box(1.5, 0, { heightM: 2.5 })], same)).toHaveLength(2)
    expect(mergeRuns([box(0, 0), box(1.5, 0, { depthM: 1.2 })], same)).toHaveLength(2)
    expect(mergeRuns([box(0, 0), box(1.5, 0, { elevationM: 3 })], same)).toHaveLength(2)
    expect(mergeRuns([box(0, 0), box(1.5, 0, { rotationRad: 0.1 })], same)).toHaveLength(2)
    expect(mergeRuns([box(0, 0), box(1.5, 0.5)], same)).toHaveLength(2) // beside the line, not on it
    expect(mergeRuns([box(0, 0), box(-1.5, 0)], same)).toHaveLength(2) // behind the run's start
  })

  it('every box is in exactly one run, in order', () => {
    const boxes = [box(0, 0), box(1.5, 0), box(10, 0), box(20, 3), box(21.5, 3), box(23, 3)]
    const runs = mergeRuns(boxes, same)
    expect(runs.map((r) => [r.first, r.count])).toEqual([[0, 2], [2, 1], [3, 3]])
    expect(mergeRuns([], same)).toEqual([])
  })
})
