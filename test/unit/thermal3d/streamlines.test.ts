// Streamlines through a known velocity field (src/solver/thermal3d/streamlines.ts): uniform flow
// from an opening on the west wall to the east, one solid block in its way.
import { describe, expect, it } from 'vitest'
import { STREAM_FROM_OPENING, STREAM_TO_RACK, traceStreamlines, type StreamlineField } from '../../../src/solver/thermal3d/streamlines'

/** nx × ny × nz cells of 1 m, air at U m/s along +x everywhere (x-faces), T = 20 + x °C by cell. */
function uniform(nx: number, ny: number, nz: number, U: number): StreamlineField {
  const nU = (nx + 1) * ny * nz
  const vel = new Float64Array(nU + nx * (ny + 1) * nz + nx * ny * (nz + 1))
  vel.fill(U, 0, nU)
  const tempC = new Float64Array(nx * ny * nz)
  for (let c = 0; c < tempC.length; c++) tempC[c] = 20 + (c % nx)
  return { nx, ny, nz, cellXM: 1, cellYM: 1, cellZM: 1, originX: 100, originY: 50, vel, tempC, solid: new Uint8Array(nx * ny * nz) }
}

describe('streamlines', () => {
  it('in uniform flow run straight from the west openings to the east wall, at their seed height', () => {
    const f = uniform(10, 4, 3, 0.5)
    const s = traceStreamlines(f, { stepM: 0.5 })
    // 4 × 3 inflow faces on the west wall (the east wall is an outflow): 12 lines, all from openings.
    expect(s.kind.length).toBe(12)
    expect([...s.kind].every((k) => k === STREAM_FROM_OPENING)).toBe(true)
    for (let l = 0; l < 12; l++) {
      const a = s.starts[l]!
      const b = s.starts[l + 1]! - 1
      // Seeded a quarter cell inside the wall (site x 100.25), ends within a step of the east wall
      // (x 110): (10 − 0.25)/0.5 = 19.5 steps → 20 points.
      expect(s.positions[a * 3]).toBeCloseTo(100.25, 6)
      expect(b - a + 1).toBe(20)
      expect(s.positions[b * 3]).toBeCloseTo(100.25 + 19 * 0.5, 5)
      // y and z never change in flow along x.
      expect(s.positions[b * 3 + 1]).toBeCloseTo(s.positions[a * 3 + 1]!, 6)
      expect(s.positions[b * 3 + 2]).toBeCloseTo(s.positions[a * 3 + 2]!, 6)
      // Temperature of the cell at each point: 20 + floor(x − 100).
      expect(s.tempC[b]).toBe(20 + Math.floor(s.positions[b * 3]! - 100))
    }
  })

  it('stop at a solid block, and trace back from the block’s intake to the opening', () => {
    const f = uniform(10, 1, 1, 1)
    f.solid[6] = 1 // a rack at x 6–7 m taking the air in on its west face (x-face 6, u > 0)
    const s = traceStreamlines(f, { stepM: 0.5 })
    const kinds = [...s.kind]
    expect(kinds).toEqual([STREAM_FROM_OPENING, STREAM_TO_RACK])
    // Forward from the opening: stops before entering x = 6.
    const fwdEnd = s.starts[1]! - 1
    expect(s.positions[fwdEnd * 3]!).toBeLessThan(106)
    expect(s.positions[fwdEnd * 3]!).toBeGreaterThan(105.4)
    // Backward from the cell west of the block (centre x 5.5) to the west wall.
    const back = s.starts[1]!
    expect(s.positions[back * 3]).toBeCloseTo(105.5, 6)
    expect(s.positions[(s.starts[2]! - 1) * 3]!).toBeLessThan(100.5)
  })

  it('carry the air’s time of flight: step length over speed, summed along the line', () => {
    // 0.5 m steps at 0.5 m/s: 1 s a step, so point p is reached p seconds after the seed.
    const s = traceStreamlines(uniform(10, 4, 3, 0.5), { stepM: 0.5 })
    expect(s.timeS.length).toBe(s.tempC.length)
    for (let l = 0; l < s.kind.length; l++) for (let p = s.starts[l]!; p < s.starts[l + 1]!; p++) expect(s.timeS[p]).toBeCloseTo(p - s.starts[l]!, 5)
    // Backward from a rack intake at 1 m/s: 0.5 s a step, still growing along the line.
    const f = uniform(10, 1, 1, 1)
    f.solid[6] = 1
    const back = traceStreamlines(f, { stepM: 0.5 })
    const a = back.starts[1]!
    const b = back.starts[2]! - 1
    expect(back.timeS[a]).toBe(0)
    expect(back.timeS[b]).toBeCloseTo((b - a) * 0.5, 5)
  })

  it('refuses a field of the wrong size', () => {
    const f = uniform(4, 4, 2, 1)
    expect(() => traceStreamlines({ ...f, vel: new Float64Array(3) })).toThrow(/field\.vel/)
  })
})
