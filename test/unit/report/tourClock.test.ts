// The tour clock runs on wall-clock time (src/viewport/tour/tourStore.ts): it plays as the
// presentation opens, and the time shown is the time elapsed × speed however few frames were drawn.
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { connectSolver, useStore } from '../../../src/store'
import { useTour } from '../../../src/viewport/tour/tourStore'

beforeAll(() => {
  // No solve is needed for the clock: a solver that never answers.
  connectSolver({ solve: () => new Promise(() => {}) })
  expect(useStore.getState().loadSceneText(readFileSync('scenes/siberia-20mw.json', 'utf8'), 'siberia-20mw.json')).toBe(true)
})

describe('tour clock', () => {
  it('plays as soon as the presentation opens, at 0:00', () => {
    useTour.getState().present()
    const s = useTour.getState()
    expect(s.presenting).toBe(true)
    expect(s.playing).toBe(true)
    expect(s.timeS).toBe(0)
    expect(s.timeline!.totalS).toBeGreaterThan(10)
  })

  it('advances by wall-clock time, not by frames: one frame 5 s late shows 5 s', () => {
    const t = useTour.getState()
    t.setSpeed(1)
    t.seek(0)
    const at = useTour.getState().anchor!.wallMs
    // A slow machine: the next frame comes 5 s of wall time later (the old clock capped it at 0.1 s).
    useTour.getState().tick(at + 5000)
    expect(useTour.getState().timeS).toBeCloseTo(5, 6)
    // And 60 frames in 60 s show 60 s (not 6 s).
    for (let i = 1; i <= 55; i++) useTour.getState().tick(at + 5000 + i * 1000)
    expect(useTour.getState().timeS).toBeCloseTo(Math.min(60, useTour.getState().timeline!.totalS), 6)
  })

  it('speed scales the wall clock, and a change of speed keeps the time reached', () => {
    const t = useTour.getState()
    t.seek(0)
    t.setSpeed(4)
    const at = useTour.getState().anchor!.wallMs
    useTour.getState().tick(at + 2000) // 2 s × 4
    expect(useTour.getState().timeS).toBeCloseTo(8, 1)
    useTour.getState().setSpeed(1) // re-anchors at the time reached (≥ 8 s)
    const reached = useTour.getState().timeS
    expect(reached).toBeGreaterThanOrEqual(8)
    const at2 = useTour.getState().anchor!.wallMs
    useTour.getState().tick(at2 + 1000)
    expect(useTour.getState().timeS).toBeCloseTo(reached + 1, 6)
  })

  it('pause stops the clock; play resumes from where it stopped', () => {
    useTour.getState().seek(3)
    useTour.getState().pause()
    const paused = useTour.getState().timeS
    useTour.getState().tick(performance.now() + 10_000)
    expect(useTour.getState().timeS).toBe(paused)
    useTour.getState().play()
    const at = useTour.getState().anchor!.wallMs
    useTour.getState().tick(at + 1000)
    expect(useTour.getState().timeS).toBeCloseTo(paused + 1, 6)
  })

  it('stops at the end and switches the variant of each step on the way', () => {
    const t = useTour.getState()
    t.setSpeed(1)
    t.seek(0)
    const at = useTour.getState().anchor!.wallMs
    const total = useTour.getState().timeline!.totalS
    useTour.getState().tick(at + (total + 30) * 1000)
    const s = useTour.getState()
    expect(s.timeS).toBe(total)
    expect(s.playing).toBe(false)
    const tour = useStore.getState().scene!.tours![0]!
    const last = [...tour.steps].reverse().find((x) => x.variantId)?.variantId
    if (last) expect(useStore.getState().variantId).toBe(last)
  })
})
