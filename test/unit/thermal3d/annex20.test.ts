// The IEA Annex 20 ventilated room (Nielsen 1990) on the 3-D model (src/solver/thermal3d/annex20.ts)
// against the measured velocities of the experiment behind it: Restivo 1979, tabulated in the FDS
// validation data (firemodels/exp, Restivo_Experiment/Restivo.csv; provenance in
// src/solver/thermal3d/validation/restivoData.ts). Error: RMS of (u_model − u_measured)/U0 over
// the measured points of the four lines (x = 3 m, x = 6 m, h/2 under the ceiling, h/2 above the
// floor). Two closures: Chen & Xu's zero-equation model as published (the halls' default), and
// the reference FFD code's option with the coefficient 0.0185 in cells next to a wall. The bounds
// are the errors reached plus a margin; docs/airflow3d.md (Validation) has the longer runs.
import { describe, expect, it } from 'vitest'
import { ANNEX20, runAnnex20 } from '../../../src/solver/thermal3d/annex20'
import { CHEN_XU_NEAR_WALL_COEFFICIENT } from '../../../src/solver/thermal3d/turbulence'
import { compareRestivo, restivoPoints } from '../../../src/solver/thermal3d/validation/restivo'

const H = ANNEX20.heightM
const h = ANNEX20.slotM

describe("Restivo's measurements as typed in", () => {
  it('are the four lines of the CSV: 25 + 25 points on x = 3 m and 6 m, 28 + 28 along ceiling and floor', () => {
    const ps = restivoPoints()
    const count = (line: string) => ps.filter((p) => p.line === line).length
    expect([count('x3'), count('x6'), count('ceiling'), count('floor')]).toEqual([25, 25, 28, 28])
    // Spot checks against the CSV's rows (u/U0 = u / 0.455): first ceiling point 4.90E-01 m/s
    // at x = 3.99E-02 m, last point of x = 6 m 2.64E-01 m/s at z = 2.98 m.
    const ceiling0 = ps.find((p) => p.line === 'ceiling')!
    expect(ceiling0.xM).toBe(0.0399)
    expect(ceiling0.measured).toBeCloseTo(0.49 / 0.455, 12)
    const x6 = ps.filter((p) => p.line === 'x6')
    expect(x6[x6.length - 1]!.zM).toBe(2.98)
    expect(x6[x6.length - 1]!.measured).toBeCloseTo(0.264 / 0.455, 12)
  })
})

describe('IEA Annex 20 room (Nielsen 1990), 108 × 36 cells, zero-equation closure as published (Chen & Xu 1998)', () => {
  const run = runAnnex20({ cellsPerH: 36, maxSteps: 300 })
  const cmp = compareRestivo(run)

  it('carries the slot flow U0·h through the sections x = H and x = 2H (to 1e-3)', () => {
    expect(run.netFlux(H)).toBeCloseTo(1, 3)
    expect(run.netFlux(2 * H)).toBeCloseTo(1, 3)
    expect(run.result.maxDivergence).toBeLessThan(1e-4)
  })

  it('at x = H: a wall jet under the ceiling (max u/U0 0.40–0.55 in the top tenth; reached 0.48) over a return flow below mid-height', () => {
    let best = -Infinity
    let zBest = 0
    for (const z of run.zs) {
      const u = run.uAt(H, z)
      if (u > best) ((best = u), (zBest = z))
    }
    expect(zBest).toBeGreaterThan(0.9 * H)
    expect(best).toBeGreaterThan(0.4)
    expect(best).toBeLessThan(0.55)
    expect(run.uAt(H, 0.3 * H)).toBeLessThan(0)
    // Along the ceiling (z = H − h/2) the jet decays: 0.71 at x = 1 m, 0.37 at x = H (reached).
    expect(run.uAt(1, H - h / 2)).toBeGreaterThan(run.uAt(H, H - h / 2))
    // Along the floor (z = h/2) the return flow runs back towards the inlet wall under the jet.
    expect(run.uAt(5, h / 2)).toBeLessThan(-0.1)
  })

  it("against Restivo's 106 points: RMS (u − u_meas)/U0 0.31 over all (bound 0.34); the ceiling line is the worst (0.43, bound 0.47), x = H the best (0.13, bound 0.15)", () => {
    expect(cmp.rms.all).toBeLessThan(0.34)
    expect(cmp.rms.ceiling).toBeLessThan(0.47)
    expect(cmp.rms.x6).toBeLessThan(0.42)
    expect(cmp.rms.x3).toBeLessThan(0.15)
    expect(cmp.rms.floor).toBeLessThan(0.2)
    // The weakness the error names: at x = 2H under the ceiling (z = H − h/2) the measured jet
    // still carries 0.29 m/s = 0.64 U0; this closure's jet has left the ceiling (< 0.2 U0).
    const ceiling6 = cmp.points.find((p) => p.line === 'ceiling' && p.xM === 6)!
    expect(ceiling6.measured).toBeCloseTo(0.291 / 0.455, 12)
    expect(ceiling6.model).toBeLessThan(0.2)
    expect(cmp.points.find((p) => p.line === 'ceiling' && p.xM === 5.03)!.model).toBeLessThan(0.1)
  })
})

describe(`same room, zero-equation with the reference FFD's near-wall coefficient ${CHEN_XU_NEAR_WALL_COEFFICIENT}`, () => {
  const run = runAnnex20({ cellsPerH: 36, maxSteps: 300, turbulence: { kind: 'zero-equation', nearWallCoefficient: CHEN_XU_NEAR_WALL_COEFFICIENT } })
  const cmp = compareRestivo(run)

  it('carries U0·h through x = H and x = 2H (to 1e-3)', () => {
    expect(run.netFlux(H)).toBeCloseTo(1, 3)
    expect(run.netFlux(2 * H)).toBeCloseTo(1, 3)
  })

  it("against Restivo's 106 points: RMS 0.19 over all (bound 0.22), a third below the published closure's; the jet stays on the ceiling past x = 5 m", () => {
    expect(cmp.rms.all).toBeLessThan(0.22)
    expect(cmp.rms.x6).toBeLessThan(0.19)
    expect(cmp.rms.ceiling).toBeLessThan(0.34)
    expect(cmp.rms.x3).toBeLessThan(0.13)
    expect(cmp.rms.floor).toBeLessThan(0.13)
    // At x = 5.03 m under the ceiling: measured 0.69 U0, reached 0.42 (the published closure: 0).
    const ceiling5 = cmp.points.find((p) => p.line === 'ceiling' && p.xM === 5.03)!
    expect(ceiling5.measured).toBeCloseTo(0.313 / 0.455, 12)
    expect(ceiling5.model).toBeGreaterThan(0.3)
  })
})
