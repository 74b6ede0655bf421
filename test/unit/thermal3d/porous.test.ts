// Porous shelves (porous.ts) by hand: the pressure drop across a porous block at a given face
// velocity is ζ·½ρv², with the devices' own flow on top of the gaps' (Δp = ζ·½ρ(v − u_dev)·|v − u_dev|).
import { describe, expect, it } from 'vitest'
import { createDomain, setFixedFlow } from '../../../src/solver/thermal3d/domain'
import { solveFlow3d } from '../../../src/solver/thermal3d/ffd'
import { cellIndex, makeGrid3, uIndex } from '../../../src/solver/thermal3d/grid3'
import { buildPorousShelves, perforatedPlateZeta } from '../../../src/solver/thermal3d/porous'
import { solveAirflow3d } from '../../../src/solver/thermal3d'
import { fixtureCatalog } from '../fixtures/catalog'
import { ONE_ROW, seriesScene } from './rowsInSeries'

const RHO = 1.2

describe('perforated plate loss coefficient (Idelchik, diagram 8-1)', () => {
  it('ζ = (0.707·√(1 − f) + 1 − f)²/f²: 29.7 at f = 0.25, 0.83 at f = 0.72, 0 at f = 1', () => {
    // f = 0.25: (0.707·0.8660 + 0.75)² / 0.0625 = 1.3623² / 0.0625 = 29.69.
    expect(perforatedPlateZeta(0.25)).toBeCloseTo(29.69, 1)
    // f = 0.72: (0.707·0.5292 + 0.28)² / 0.5184 = 0.6541² / 0.5184 = 0.825.
    expect(perforatedPlateZeta(0.72)).toBeCloseTo(0.825, 2)
    expect(perforatedPlateZeta(1)).toBe(0)
    expect(() => perforatedPlateZeta(0)).toThrow(/openShare/)
  })
})

/** A 6 × 1 × 1 m duct (0.5 m cells, walls that slip), air in at the west end at `v` m/s and out
 *  at the east end; a porous block 1 m thick (cells i = 5, 6) of loss ζ filling the section, its
 *  devices driving `devM3s` through it eastwards. Returns p(cell 4) − p(cell 7), Pa. */
function ductDrop(v: number, zeta: number, devM3s: number): number {
  const g = makeGrid3(12, 2, 2, 0.5, 0.5, 0.5)
  const d = createDomain(g)
  d.slip = [true, true, true]
  const cells: number[] = []
  for (const i of [5, 6]) for (let k = 0; k < 2; k++) for (let j = 0; j < 2; j++) cells.push(cellIndex(g, i, j, k))
  buildPorousShelves(d, [{ cells, flowM3s: devM3s, axis: 0, sign: 1, heatW: 0, zeta }])
  for (let k = 0; k < 2; k++) {
    for (let j = 0; j < 2; j++) {
      setFixedFlow(d, uIndex(g, 0, j, k), -v, 20)
      setFixedFlow(d, uIndex(g, 12, j, k), v)
    }
  }
  const dt = 0.5
  const r = solveFlow3d(d, { dtS: dt, maxSteps: 400, minSteps: 300, steadyTolRel: 1e-7, turbulence: { kind: 'laminar' }, advection: 'implicit-upwind', densityKgM3: RHO, pressureTol: 1e-8 })
  expect(r.converged).toBe(true)
  const phi = r.state.phi
  return (RHO * (phi[cellIndex(g, 4, 0, 0)]! - phi[cellIndex(g, 7, 0, 0)]!)) / dt
}

describe('pressure drop across a porous block', () => {
  it('no devices: Δp = ζ·½ρv² (ζ 10, v 1 m/s: 6.0 Pa; ζ 29.7, v 0.5 m/s: 4.45 Pa) within 2 %', () => {
    expect(ductDrop(1, 10, 0) / (10 * 0.5 * RHO * 1)).toBeCloseTo(1, 1)
    expect(Math.abs(ductDrop(1, 10, 0) / 6 - 1)).toBeLessThan(0.02)
    expect(Math.abs(ductDrop(0.5, 29.7, 0) / (29.7 * 0.5 * RHO * 0.25) - 1)).toBeLessThan(0.02)
  })
  it('devices moving 0.5 m³/s of the 1 m³/s: the gaps pass 0.5 m/s, Δp = 10·½·1.2·0.5² = 1.5 Pa', () => {
    expect(Math.abs(ductDrop(1, 10, 0.5) / 1.5 - 1)).toBeLessThan(0.02)
  })
  it('devices moving 1.5 m³/s through a 1 m³/s duct: 0.5 m/s back through the gaps, Δp = −1.5 Pa', () => {
    expect(Math.abs(ductDrop(1, 10, 1.5) / -1.5 - 1)).toBeLessThan(0.02)
  })
})

describe('shelf model options', () => {
  it('refuses an open share outside (0, 1] and a loss coefficient that is not positive, naming the field', () => {
    const scene = seriesScene(ONE_ROW)
    expect(() => solveAirflow3d(scene, 'v', fixtureCatalog, { grid: 'preview', shelf: { kind: 'porous', openShare: 0 } })).toThrow(/shelf\.openShare/)
    expect(() => solveAirflow3d(scene, 'v', fixtureCatalog, { grid: 'preview', shelf: { kind: 'porous', openShare: 1.5 } })).toThrow(/shelf\.openShare/)
    expect(() => solveAirflow3d(scene, 'v', fixtureCatalog, { grid: 'preview', shelf: { kind: 'solid-leak', zeta: -1 } })).toThrow(/shelf\.zeta/)
  })
})
