// Lid-driven cavity against Ghia, Ghia & Shin (1982), "High-Re solutions for incompressible flow
// using the Navier–Stokes equations and a multigrid method", J. Comput. Phys. 48, 387–411:
// Table I (u on the vertical centre line x = 0.5) and Table II (v on the horizontal centre line
// y = 0.5), the Re = 100 and Re = 1000 columns, typed in below. The 3-D solver runs the 2-D case
// on a grid one cell deep with slip walls in z. Error: RMS of (u − u_Ghia)/U over the 17 table
// points of each line (the wall points included, where both are exact).
import { describe, expect, it } from 'vitest'
import { runCavity } from '../../../src/solver/thermal3d/cavity'

const GHIA_Y = [1.0, 0.9766, 0.9688, 0.9609, 0.9531, 0.8516, 0.7344, 0.6172, 0.5, 0.4531, 0.2813, 0.1719, 0.1016, 0.0703, 0.0625, 0.0547, 0.0]
const GHIA_U: Record<100 | 1000, number[]> = {
  100: [1.0, 0.84123, 0.78871, 0.73722, 0.68717, 0.23151, 0.00332, -0.13641, -0.20581, -0.2109, -0.15662, -0.1015, -0.06434, -0.04775, -0.04192, -0.03717, 0.0],
  1000: [1.0, 0.65928, 0.57492, 0.51117, 0.46604, 0.33304, 0.18719, 0.05702, -0.0608, -0.10648, -0.27805, -0.38289, -0.2973, -0.2222, -0.20196, -0.18109, 0.0],
}
const GHIA_X = [1.0, 0.9688, 0.9609, 0.9531, 0.9453, 0.9063, 0.8594, 0.8047, 0.5, 0.2344, 0.2266, 0.1563, 0.0938, 0.0781, 0.0703, 0.0625, 0.0]
const GHIA_V: Record<100 | 1000, number[]> = {
  100: [0.0, -0.05906, -0.07391, -0.08864, -0.10313, -0.16914, -0.22445, -0.24533, 0.05454, 0.17527, 0.17507, 0.16077, 0.12317, 0.1089, 0.10091, 0.09233, 0.0],
  1000: [0.0, -0.21388, -0.27669, -0.33714, -0.39188, -0.5155, -0.42665, -0.31966, 0.02526, 0.32235, 0.33075, 0.37095, 0.32627, 0.30353, 0.29012, 0.27485, 0.0],
}

const rms = (xs: number[]) => Math.sqrt(xs.reduce((s, x) => s + x * x, 0) / xs.length)

function errors(re: 100 | 1000, run: ReturnType<typeof runCavity>): { u: number; v: number } {
  return {
    u: rms(GHIA_Y.map((y, m) => run.uAt(y) - GHIA_U[re][m]!)),
    v: rms(GHIA_X.map((x, m) => run.vAt(x) - GHIA_V[re][m]!)),
  }
}

/** Re = 100, 32 × 32, van Leer at Courant 16 (Δt = 16/32 s): compared with Ghia below and with
 *  the same cavity at Courant 4 in the time-step test at the end of this file — one run for both. */
let tvdRe100: ReturnType<typeof runCavity> | undefined
const tvdRe100Courant16 = () => (tvdRe100 ??= runCavity(100, 32, { dtS: 16 / 32, maxSteps: 1000, steadyTolRel: 1e-6, advection: 'implicit-tvd' }))

describe('lid-driven cavity vs Ghia, Ghia & Shin 1982', () => {
  it('Re = 100, 32 × 32, semi-Lagrangian: RMS error of u/U and v/U within 0.012 and 0.008 (reached 0.0092, 0.0060)', () => {
    const run = runCavity(100, 32, { dtS: 2 / 32, maxSteps: 1000, steadyTolRel: 1e-5 })
    expect(run.result.converged).toBe(true)
    expect(run.result.maxDivergence).toBeLessThan(1e-4)
    const e = errors(100, run)
    expect(e.u).toBeLessThan(0.012)
    expect(e.v).toBeLessThan(0.008)
    // The profile has its shape: the centre of the vortex below mid-height, u = −0.2 at y = 0.5.
    expect(run.uAt(0.5)).toBeCloseTo(-0.206, 1)
  })

  // The scheme the halls use (momentum.ts): implicit upwind momentum, incremental projection.
  // First-order upwind diffuses; the van Leer deferred correction ('implicit-tvd') is bounded
  // second order. Both reach a steady state independent of Δt (timestep.test.ts).
  it('Re = 100, 32 × 32, implicit upwind: RMS error of u/U and v/U within 0.015 and 0.010 (reached 0.0124, 0.0078); van Leer: 0.003, 0.003 (reached 0.0016, 0.0020)', () => {
    const up = runCavity(100, 32, { dtS: 16 / 32, maxSteps: 1000, steadyTolRel: 1e-6, advection: 'implicit-upwind' })
    expect(up.result.converged).toBe(true)
    const e = errors(100, up)
    expect(e.u).toBeLessThan(0.015)
    expect(e.v).toBeLessThan(0.01)
    const tvd = tvdRe100Courant16()
    expect(tvd.result.converged).toBe(true)
    const t = errors(100, tvd)
    expect(t.u).toBeLessThan(0.003)
    expect(t.v).toBeLessThan(0.003)
  })

  it('Re = 1000, 32 × 32, implicit upwind within 0.11 and 0.14 (reached 0.096, 0.122); van Leer within 0.06 and 0.06 (reached 0.050, 0.050)', () => {
    const up = runCavity(1000, 32, { dtS: 16 / 32, maxSteps: 1000, steadyTolRel: 1e-6, advection: 'implicit-upwind' })
    const e = errors(1000, up)
    expect(e.u).toBeLessThan(0.11)
    expect(e.v).toBeLessThan(0.14)
    const tvd = runCavity(1000, 32, { dtS: 16 / 32, maxSteps: 1000, steadyTolRel: 1e-6, advection: 'implicit-tvd' })
    expect(tvd.result.converged).toBe(true)
    const t = errors(1000, tvd)
    expect(t.u).toBeLessThan(0.06)
    expect(t.v).toBeLessThan(0.06)
  })
})

// Here rather than in timestep.test.ts (with the warm start at another Δt): its Courant 16 run is
// the van Leer Re = 100 run above, solved once.
describe('steady state independent of the time step', () => {
  it('lid-driven cavity, Re = 100, 32 × 32: Courant 4 and 16 give the same centre-line profile to 1e-4', () => {
    const a = runCavity(100, 32, { dtS: 4 / 32, maxSteps: 1000, steadyTolRel: 1e-6, advection: 'implicit-tvd' })
    const b = tvdRe100Courant16()
    expect(a.result.converged && b.result.converged).toBe(true)
    for (let y = 0.05; y < 1; y += 0.05) expect(Math.abs(a.uAt(y) - b.uAt(y))).toBeLessThan(1e-4)
    // The plain semi-Lagrangian march is not: the same pair differs by more than 1e-3 somewhere.
    const c = runCavity(100, 32, { dtS: 4 / 32, maxSteps: 300, steadyTolRel: 1e-5 })
    const e = runCavity(100, 32, { dtS: 16 / 32, maxSteps: 300, steadyTolRel: 1e-5 })
    let worst = 0
    for (let y = 0.05; y < 1; y += 0.05) worst = Math.max(worst, Math.abs(c.uAt(y) - e.uAt(y)))
    expect(worst).toBeGreaterThan(1e-3)
  })
})
