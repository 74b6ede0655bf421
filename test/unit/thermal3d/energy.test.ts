// Energy balance of the 3-D model (docs/airflow3d.md): at steady state the heat the air carries
// out of a room equals the heat put in, within 0.5 % (issue 12), and a rack's air rises by
// P/(ρ·cp·Q) across it.
import { describe, expect, it } from 'vitest'
import { addHeatUnit, cellFaces, createDomain, markSolid, setFixedFlow, setOpening } from '../../../src/solver/thermal3d/domain'
import { GRAVITY_M_S2, solveFlow3d } from '../../../src/solver/thermal3d/ffd'
import { cellIndex, makeGrid3, uIndex } from '../../../src/solver/thermal3d/grid3'

const RHO = 1.2
const CP = 1005

/** A 6 × 4 × 3 m room, 0.5 m cells: an opening low on the west wall, an exhaust fan high on the
 *  east wall (0.3 m³/s), a 1 × 1 × 1.5 m rack in the middle blowing east (5 kW at 0.25 m³/s) and
 *  1 kW of heat straight into the air. */
function room() {
  const g = makeGrid3(12, 8, 6, 0.5, 0.5, 0.5)
  const d = createDomain(g)
  const rack: number[] = []
  for (let k = 0; k < 3; k++) for (let j = 3; j < 5; j++) for (let i = 5; i < 7; i++) rack.push(cellIndex(g, i, j, k))
  for (const c of rack) markSolid(d, c)
  // Front: the west faces of the rack's west cells (−x, index 0); rear: the east faces (+x, 1).
  const intake = rack.filter((c) => c % 12 === 5).map((c) => cellFaces(g, c)[0])
  const exhaust = rack.filter((c) => c % 12 === 6).map((c) => cellFaces(g, c)[1])
  expect(addHeatUnit(d, 'rack', intake, exhaust, 0.25, 5000)).toBe(0)
  for (let k = 0; k < 2; k++) for (let j = 2; j < 6; j++) setOpening(d, uIndex(g, 0, j, k), 20)
  // Fan: 4 faces of 0.25 m² high on the east wall, 0.3 m³/s → 0.3 m/s out.
  for (let k = 4; k < 6; k++) for (let j = 3; j < 5; j++) setFixedFlow(d, uIndex(g, 12, j, k), 0.3)
  d.heatW[cellIndex(g, 2, 2, 4)] = 1000
  return d
}

describe('energy balance of the 3-D model', () => {
  it('heat out = heat in within 0.5 % at steady state, with buoyancy and the zero-equation closure', () => {
    const d = room()
    const r = solveFlow3d(d, {
      dtS: 0.5,
      maxSteps: 60,
      turbulence: { kind: 'zero-equation' },
      buoyancy: { gBeta: GRAVITY_M_S2 / 293.15, refC: 20 },
      densityKgM3: RHO,
      cpJPerKgK: CP,
      initialC: 20,
      refC: 20,
    })
    // Heat in: 5 kW rack + 1 kW source = 6000 W.
    expect(r.heatInW).toBeCloseTo(6000, 6)
    expect(Math.abs(r.balanceErrorPct)).toBeLessThan(0.5)
    // The air leaves at 20 + 6000/(1.2·1005·0.3) = 20 + 16.58 K on (flow-weighted) average:
    // heat out is that flow times that rise.
    expect(r.heatOutW / (RHO * CP * 0.3)).toBeCloseTo(6000 / (RHO * CP * 0.3), 0)
    // Across the rack: 5000/(1.2·1005·0.25) = 16.58 K.
    expect(r.unitOutC[0]! - r.unitInC[0]!).toBeCloseTo(5000 / (RHO * CP * 0.25), 6)
    expect(r.maxDivergence).toBeLessThan(1e-3)
    for (const t of r.state.tempC) expect(Number.isFinite(t)).toBe(true)
  })

  it('a warm start from the previous solution reaches the steady state in fewer steps', () => {
    const opts = { dtS: 0.5, maxSteps: 300, steadyTolRel: 1e-3, steadyTolK: 1e-2, turbulence: { kind: 'constant', nuTM2s: 0.02 } as const, initialC: 20, refC: 20, densityKgM3: RHO }
    const cold = solveFlow3d(room(), opts)
    expect(cold.converged, `cold start: ${cold.steps} steps`).toBe(true)
    const warm = solveFlow3d(room(), { ...opts, minSteps: 1 }, cold.state)
    expect(warm.converged).toBe(true)
    expect(warm.steps).toBeLessThan(cold.steps / 2)
    expect(Math.abs(warm.balanceErrorPct)).toBeLessThan(0.5)
  })
})
