// Particles and the slice handle of the 3-D airflow view (src/viewport/airflow3d/particles.ts,
// sliceDrag.ts): tracks in the direction the air flows, puffs spaced in air time and moving at the
// solver's pace, the slice snapped to the field's cell columns, the pointer's place along the hall.
import { describe, expect, it } from 'vitest'
import { STREAM_FROM_OPENING, STREAM_TO_RACK, type Streamlines } from '../../../src/solver/thermal3d/streamlines'
import { particlesAt, particleTracks, seedParticles } from '../../../src/viewport/airflow3d/particles'
import { axisCoordinateOfRay, sliceCells, sliceRange, snapToCell } from '../../../src/viewport/airflow3d/sliceDrag'

// Two lines of 3 points along site x at y = 5, z = 1: one from an opening (x 0 → 2, 1 s a metre),
// one traced back from a rack intake at x 10 (x 10 → 8: the air flows 8 → 10, 2 s a metre).
const lines: Streamlines = {
  positions: Float32Array.of(0, 5, 1, 1, 5, 1, 2, 5, 1, 10, 5, 1, 9, 5, 1, 8, 5, 1),
  tempC: Float32Array.of(20, 21, 22, 30, 29, 28),
  starts: Uint32Array.of(0, 3, 6),
  kind: Uint8Array.of(STREAM_FROM_OPENING, STREAM_TO_RACK),
  timeS: Float32Array.of(0, 1, 2, 0, 2, 4),
}

describe('3-D airflow particles', () => {
  it('tracks run the way the air flows, in three’s frame (x, z, −y)', () => {
    const t = particleTracks(lines)
    expect([...t.starts]).toEqual([0, 3, 6])
    expect([...t.positions.subarray(0, 3)]).toEqual([0, 1, -5])
    // The rack line turned round: from x 8 (air time 0) to the intake at x 10 (4 s).
    expect([...t.positions.subarray(9, 18)].filter((_, i) => i % 3 === 0)).toEqual([8, 9, 10])
    expect([...t.timeS.subarray(3)]).toEqual([0, 2, 4])
  })

  it('drops a line with no time of flight (still air, or an older worker)', () => {
    const t = particleTracks({ ...lines, timeS: Float32Array.of(0, 1, 2, 0, 0, 0) })
    expect(t.starts.length).toBe(2)
  })

  it('puffs every spacing of air time: 2 s / 0.5 s = 4 on the first track, 4 s / 0.5 s = 8 on the second', () => {
    const seeds = seedParticles(particleTracks(lines), 0.5, 100)
    expect(seeds.track.filter((k) => k === 0).length).toBe(4)
    expect(seeds.track.filter((k) => k === 1).length).toBe(8)
    // Capped: 12 puffs wanted, 6 allowed: the spacing grows until they fit.
    const capped = seedParticles(particleTracks(lines), 0.5, 6)
    expect(capped.track.length).toBeLessThanOrEqual(6)
    expect(capped.spacingS).toBeGreaterThan(0.5)
  })

  it('a puff moves at the air’s speed along its track and loops to the start', () => {
    const t = particleTracks(lines)
    const seeds = { track: Uint32Array.of(0, 1), phaseS: Float32Array.of(0, 0), spacingS: 1 }
    const pos = new Float32Array(6)
    const col = new Float32Array(6)
    particlesAt(t, seeds, 0.5, pos, col)
    // 1 m/s on the first track: 0.5 m after 0.5 s; 0.5 m/s on the second: x 8.25.
    expect(pos[0]).toBeCloseTo(0.5, 6)
    expect(pos[3]).toBeCloseTo(8.25, 6)
    // Colour halfway between the points' colours.
    expect(col[0]).toBeCloseTo((t.colours[0]! + t.colours[3]!) / 2, 6)
    // 2.5 s on a 2 s track: back at 0.5 m.
    particlesAt(t, seeds, 2.5, pos, col)
    expect(pos[0]).toBeCloseTo(0.5, 6)
    expect(pos[1]).toBeCloseTo(1, 6)
    expect(pos[2]).toBeCloseTo(-5, 6)
  })
})

describe('3-D airflow slice handle', () => {
  const hall = { nx: 48, ny: 32, cellXM: 1.5, cellYM: 1.5, originX: 10, originY: 20 }

  it('snaps to the centre of the cell column holding the point, inside the hall', () => {
    const c = sliceCells(hall, 'x')
    // (31 − 10)/1.5 = 14 → column 14, centre 10 + 14.5 × 1.5 = 31.75.
    expect(snapToCell(31, c)).toBeCloseTo(31.75, 9)
    expect(snapToCell(-100, c)).toBeCloseTo(10.75, 9)
    expect(snapToCell(1e6, c)).toBeCloseTo(10 + 47.5 * 1.5, 9)
    expect(sliceRange(sliceCells(hall, 'y'))).toEqual({ min: 20.75, max: 20 + 31.5 * 1.5, step: 1.5 })
  })

  it('reads where along the hall the pointer’s ray passes, from any camera angle', () => {
    // Looking straight down from (25, 50, 0) at the axis line through (0, 8, −30): x = 25.
    expect(axisCoordinateOfRay([25, 50, 0], [0, -1, 0], [0, 8, -30], 'x')).toBeCloseTo(25, 9)
    // A slanted ray from (100, 40, 100) towards (40, 8, −30): its nearest approach to the line
    // y = 8, z = −30 is at x = 40 (the ray passes through it).
    const d: [number, number, number] = [40 - 100, 8 - 40, -30 - 100]
    expect(axisCoordinateOfRay([100, 40, 100], d, [0, 8, -30], 'x')).toBeCloseTo(40, 6)
    // Site y is three's −z: a ray down through z = −12 is at y = 12.
    expect(axisCoordinateOfRay([5, 50, -12], [0, -1, 0], [5, 8, 0], 'y')).toBeCloseTo(12, 9)
    // Looking along the axis: no answer.
    expect(axisCoordinateOfRay([-50, 8, -30], [1, 0, 0], [0, 8, -30], 'x')).toBeNull()
  })
})
