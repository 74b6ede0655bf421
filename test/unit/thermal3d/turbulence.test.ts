// The zero-equation closure's near-wall option (src/solver/thermal3d/turbulence.ts): cells with a
// no-slip wall or a solid cell as a face neighbour take 0.0185 instead of 0.03874 (the reference
// FFD code's chen_zero_equ_model.c); every other cell, and slip walls, keep Chen & Xu's 0.03874.
import { describe, expect, it } from 'vitest'
import { createDomain, markSolid } from '../../../src/solver/thermal3d/domain'
import { makeGrid3 } from '../../../src/solver/thermal3d/grid3'
import { CHEN_XU_CONSTANT, CHEN_XU_NEAR_WALL_COEFFICIENT, eddyViscosity, wallDistance } from '../../../src/solver/thermal3d/turbulence'

describe('zero-equation eddy viscosity, near-wall coefficient', () => {
  // 5 × 1 × 5 cells of 0.2 m, slip in y (a 2-D slice), a solid cell in the middle; air at 0.5 m/s
  // in x everywhere, so ν_t = a · 0.5 · L with L the distance to the nearest wall or solid.
  const g = makeGrid3(5, 1, 5, 0.2, 0.2, 0.2)
  const d = createDomain(g)
  d.slip = [false, true, false]
  const centre = 2 + 5 * 2
  markSolid(d, centre)
  const vel = new Float64Array(g.nFaces)
  for (let f = 0; f < g.nU; f++) vel[f] = 0.5
  const dist = wallDistance(d)
  const published = new Float64Array(g.n)
  const nearWall = new Float64Array(g.n)
  eddyViscosity(d, { kind: 'zero-equation' }, vel, dist, published)
  eddyViscosity(d, { kind: 'zero-equation', nearWallCoefficient: CHEN_XU_NEAR_WALL_COEFFICIENT }, vel, dist, nearWall)

  it('as published: 0.03874 · |V| · L in every fluid cell, 0 in the solid', () => {
    // Corner cell (0, 0): L = 0.1 m (half a cell to the floor and the wall).
    expect(published[0]).toBeCloseTo(CHEN_XU_CONSTANT * 0.5 * 0.1, 12)
    expect(published[centre]).toBe(0)
  })

  it('with the option: 0.0185 beside the walls and beside the solid, 0.03874 elsewhere; the slip walls in y do not count', () => {
    for (let c = 0; c < g.n; c++) {
      if (c === centre) continue
      const i = c % 5
      const k = Math.floor(c / 5)
      const besideSolid = Math.abs(i - 2) + Math.abs(k - 2) === 1
      const besideWall = i === 0 || i === 4 || k === 0 || k === 4
      const a = besideSolid || besideWall ? CHEN_XU_NEAR_WALL_COEFFICIENT : CHEN_XU_CONSTANT
      expect(nearWall[c]).toBeCloseTo((a / CHEN_XU_CONSTANT) * published[c]!, 12)
    }
    // The cells diagonal to the solid and off the walls (1,1), (3,3): untouched.
    expect(nearWall[1 + 5 * 1]).toBe(published[1 + 5 * 1])
    expect(nearWall[3 + 5 * 3]).toBe(published[3 + 5 * 3])
  })
})
