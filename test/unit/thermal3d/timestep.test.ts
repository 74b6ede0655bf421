// Time-step independence of the 3-D model's steady state (docs/airflow3d.md). The implicit upwind
// momentum (momentum.ts) with the incremental projection (ffd.ts) makes a fixed point of the march
// the steady state of the discrete equations, whatever Δt: halving or doubling the step must give
// the same answer. Before (semi-Lagrangian advection, a projection of the whole pressure each step)
// the preview hall's hottest inlet was 87 / 94 / 101 °C at Δt = 3 / 1.5 / 0.75 s.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { builtInCatalog } from '../../../src/model/catalog'
import { parseSceneText } from '../../../src/model/parse'
import { AIR_CP_J_PER_KG_K } from '../../../src/solver/constants'
import { runCavity } from '../../../src/solver/thermal3d/cavity'
import { fieldInputs } from '../../../src/solver/thermal/thermalField'
import { solveAirflow3d } from '../../../src/solver/thermal3d'

describe('steady state independent of the time step', () => {
  // The cavity at Courant 4 and 16 (van Leer): in cavity.test.ts, whose Ghia comparison solves
  // the Courant 16 run already.

  it('a warm start at another time step starts from the same pressure (φ = p·Δt/ρ rescaled) and stays at the steady state', () => {
    const a = runCavity(100, 32, { dtS: 4 / 32, maxSteps: 1000, steadyTolRel: 1e-6, advection: 'implicit-upwind' })
    expect(a.result.converged).toBe(true)
    const b = runCavity(100, 32, { dtS: 16 / 32, maxSteps: 1000, steadyTolRel: 1e-6, advection: 'implicit-upwind', warm: a.result.state })
    expect(b.result.converged).toBe(true)
    // 6 steps (186 without rescaling φ: the pressure of another Δt is a wrong start).
    expect(b.result.steps).toBeLessThanOrEqual(10)
    for (let y = 0.05; y < 1; y += 0.05) expect(Math.abs(a.uAt(y) - b.uAt(y))).toBeLessThan(1e-5)
  })

  it('default hall, preview grid: Δt = 3 s and 1.5 s give the hottest inlet and the hall mean within 0.5 K', { timeout: 120_000 }, () => {
    const catalog = builtInCatalog()
    const parsed = parseSceneText(readFileSync('scenes/siberia-20mw.json', 'utf8'), catalog)
    if (!parsed.ok) throw new Error('the default scene must parse')
    const run = (dtS: number) => solveAirflow3d(parsed.scene, 'asic-baseline', catalog, { grid: 'preview', dtS, maxSteps: 60 }).halls[0]!
    const a = run(3)
    const b = run(1.5)
    const hottest = (h: typeof a) => Math.max(...Object.values(h.rackInletC).flat())
    const hallMean = (h: typeof a) => {
      let s = 0
      let n = 0
      h.tempC.forEach((t, c) => {
        if (!h.solid[c]) ((s += t), n++)
      })
      return s / n
    }
    expect(Math.abs(hottest(a) - hottest(b))).toBeLessThan(0.5)
    expect(Math.abs(hallMean(a) - hallMean(b))).toBeLessThan(0.5)
    // The air leaving through the fans is as warm as the energy balance says: all the heat the
    // racks put into the air, carried by the fans' flow, ΔT = Q/(ρ·cp·V̇). Fans: 4 banks × 42
    // exhaust-fan-50in at their derated flow (hallDomain.ts: airflowM3s × fanFlowDerate).
    const fan = catalog.coolingUnits.get('exhaust-fan-50in')
    if (!fan || fan.kind !== 'exhaust-fan') throw new Error('exhaust-fan-50in must be an exhaust fan')
    const fanFlow = 4 * 42 * (fan.airflowM3s ?? 0) * fieldInputs(parsed.scene, 'asic-baseline', catalog).params.fanFlowDerate
    const rise = (b.heatInKW * 1000) / (b.densityKgM3 * AIR_CP_J_PER_KG_K * fanFlow)
    expect(b.metrics.returnC - b.intakeC).toBeCloseTo(rise, 1)
  })
})
