// Time-step independence of the 3-D model's steady state (docs/airflow3d.md). The implicit upwind
// momentum (momentum.ts) with the incremental projection (ffd.ts) makes a fixed point of the march
// the steady state of the discrete equations, whatever Δt: halving or doubling the step must give
// the same answer.
import { describe, expect, it } from 'vitest'
import { runCavity } from '../../../src/solver/thermal3d/cavity'

describe('steady state independent of the time step', () => {
  // The cavity at Courant 4 and 16 (van Leer): in cavity.test.ts, whose Ghia comparison solves
  // the Courant 16 run already; the default hall at Δt = 3 and 1.5 s: in hall.test.ts, whose
  // read-outs read the Δt = 1.5 s run.

  it('a warm start at another time step starts from the same pressure (φ = p·Δt/ρ rescaled) and stays at the steady state', () => {
    const a = runCavity(100, 32, { dtS: 4 / 32, maxSteps: 1000, steadyTolRel: 1e-6, advection: 'implicit-upwind' })
    expect(a.result.converged).toBe(true)
    const b = runCavity(100, 32, { dtS: 16 / 32, maxSteps: 1000, steadyTolRel: 1e-6, advection: 'implicit-upwind', warm: a.result.state })
    expect(b.result.converged).toBe(true)
    // 6 steps (186 without rescaling φ: the pressure of another Δt is a wrong start).
    expect(b.result.steps).toBeLessThanOrEqual(10)
    for (let y = 0.05; y < 1; y += 0.05) expect(Math.abs(a.uAt(y) - b.uAt(y))).toBeLessThan(1e-5)
  })
})
