// Containment and the capture index (capture.ts, containment.ts; VanGilder & Shrivastava 2007):
// an enclosed aisle whose only way out (hot) or in (cold) is its duct captures everything
// (CI = 1 up to the projection's mass error); the same aisle with only a ceiling grille and no
// panels loses part of the racks' exhaust to the room (CI < 1), and its racks breathe warmer air.
// The hot-aisle index comes from one adjoint solve; it must agree with a forward tracer released
// at one rack.
import { describe, expect, it } from 'vitest'
import { solveAirflow3d } from '../../../src/solver/thermal3d'
import { captureIndex } from '../../../src/solver/thermal3d/capture'
import { AIR_NU_M2S, AIR_PRANDTL, TURBULENT_PRANDTL } from '../../../src/solver/thermal3d/ffd'
import { faceArea, faceAxis, faceCells } from '../../../src/solver/thermal3d/grid3'
import { buildHallDomain, hallGrid3 } from '../../../src/solver/thermal3d/hallDomain'
import { assembleTemperature, createTemperatureSystem, solveTemperatureSweeps } from '../../../src/solver/thermal3d/temperature'
import { climateFieldAir, fieldInputs } from '../../../src/solver/thermal/thermalField'
import { AIR_CP_J_PER_KG_K } from '../../../src/solver/constants'
import { catalog, smallHallScene, SMALL_RUN } from './smallHall'

const allCaptures = (h: ReturnType<typeof solveAirflow3d>['halls'][number], k: 'hot' | 'cold') =>
  Object.values(h.rackCaptureIndex)
    .flat()
    .map((c) => c[k])

describe('hot aisle', () => {
  const enclosed = solveAirflow3d(smallHallScene({ aisle: 'hot', containment: { aisle: 'hot' } }), 'small', catalog, SMALL_RUN).halls[0]!
  const grille = solveAirflow3d(smallHallScene({ aisle: 'hot', containment: { aisle: 'hot', enclosed: false } }), 'small', catalog, SMALL_RUN).halls[0]!

  it('enclosed: every rack’s exhaust leaves through the duct (HACI ≈ 1), every rack breathes the intake air', () => {
    const ci = allCaptures(enclosed, 'hot')
    expect(ci).toHaveLength(8)
    // Not quite 1: the racks blow 13.5 m³/s into the aisle and its duct is at outside pressure,
    // the hall a little below it (the fans draw it through the pads), so the aisle pushes some air
    // back through the racks' 5 % leak (ffd.ts updateLeaks: 4–6 % of their fans' flow here; before,
    // the leak could not run backwards and the index was 1 by construction). The devices re-breathe
    // that: inlets up to ≈ 1.5 K over the intake air (hallAirflow.ts).
    for (const c of ci) expect(c).toBeGreaterThan(0.998)
    expect(enclosed.metrics.captureIndex.hot!.minPct).toBeGreaterThan(99.8)
    expect(enclosed.metrics.captureIndex.cold).toBeNull()
    for (const t of Object.values(enclosed.rackInletC).flat()) {
      expect(t).toBeGreaterThan(enclosed.intakeC - 0.05)
      expect(t).toBeLessThan(enclosed.intakeC + 2)
    }
    expect(Math.abs(enclosed.balanceErrorPct)).toBeLessThan(0.5)
  })

  it('open with a ceiling grille: part of the exhaust escapes (HACI < 1) and row B breathes it', () => {
    const ci = allCaptures(grille, 'hot') as number[]
    expect(ci).toHaveLength(8)
    for (const c of ci) {
      expect(c).toBeGreaterThanOrEqual(0)
      expect(c).toBeLessThan(0.95)
    }
    expect(grille.metrics.captureIndex.hot!.meanPct).toBeLessThan(enclosed.metrics.captureIndex.hot!.meanPct - 20)
    expect(Math.max(...grille.rackInletC['B']!)).toBeGreaterThan(Math.max(...enclosed.rackInletC['B']!) + 5)
    expect(Math.abs(grille.balanceErrorPct)).toBeLessThan(0.5)
  })

  it('the adjoint index of a rack equals the share of a tracer released at that rack that the grille takes in', () => {
    // Rebuild the domain the run solved on and release a tracer (c = 1) from one rack's exhaust;
    // every other rack absorbs what it draws in (its exhaust carries 0), every inflow brings 0.
    const scene = smallHallScene({ aisle: 'hot', containment: { aisle: 'hot', enclosed: false } })
    const { variant, climate, params, loads } = fieldInputs(scene, 'small', catalog)
    const hall = variant.halls[0]!
    const air = climateFieldAir(hall, climate, catalog, params)
    const grid = hallGrid3(hall, { cellM: SMALL_RUN.cellM, layerM: SMALL_RUN.layerM })
    const built = buildHallDomain(hall, grid, loads.rows, catalog, params, air)
    const d = built.domain
    const { vel, nuT } = grille.state
    const props = { densityKgM3: air.densityKgM3, cpJPerKgK: AIR_CP_J_PER_KG_K, prandtl: AIR_PRANDTL, prandtlT: TURBULENT_PRANDTL, nu: AIR_NU_M2S }
    const ducts = built.aisles.flatMap((a) => a.ductFaces)
    const adjoint = captureIndex(d, vel, nuT, props, ducts, 'hot')
    for (const rack of [built.racks.find((r) => r.rowId === 'A' && r.index === 1)!, built.racks.find((r) => r.rowId === 'B' && r.index === 0)!]) {
      const forward = { ...d, heatW: new Float64Array(grid.n), inflowC: new Float64Array(grid.nFaces), units: d.units.map((u, m) => ({ ...u, heatW: 0, supplyC: m === rack.unit ? 1 : 0 })) }
      const c = new Float64Array(grid.n)
      const sys = createTemperatureSystem(grid.n, d.units.length, grid.nFaces)
      assembleTemperature(forward, vel, nuT, props, Infinity, c, sys)
      solveTemperatureSweeps(forward, vel, c, props, sys, 4000, 1e-9)
      let released = 0
      for (const f of d.units[rack.unit]!.exhaust) released += Math.abs(vel[f]!) * faceArea(grid, faceAxis(grid, f))
      let captured = 0
      for (const f of ducts) {
        const [lo] = faceCells(grid, f) // the air is below the ceiling
        const out = vel[f]! * faceArea(grid, faceAxis(grid, f)) // + upwards: leaving through the grille
        if (out > 0) captured += out * c[lo]!
      }
      const share = captured / released
      expect(share).toBeGreaterThan(0.05)
      expect(adjoint.byUnit[rack.unit]!).toBeCloseTo(share, 2)
    }
  })
})

describe('cold aisle', () => {
  const enclosed = solveAirflow3d(smallHallScene({ aisle: 'cold', containment: { aisle: 'cold' } }), 'small', catalog, SMALL_RUN).halls[0]!
  const grille = solveAirflow3d(smallHallScene({ aisle: 'cold', containment: { aisle: 'cold', enclosed: false } }), 'small', catalog, SMALL_RUN).halls[0]!

  it('enclosed: every rack draws only the duct’s air (CACI ≈ 1); with only a grille, part comes from the room (CACI < 1)', () => {
    const closed = allCaptures(enclosed, 'cold')
    expect(closed).toHaveLength(8)
    for (const c of closed) expect(c).toBeGreaterThan(0.999)
    for (const c of allCaptures(grille, 'cold')) expect(c).toBeLessThan(0.95)
    expect(grille.metrics.captureIndex.cold!.meanPct).toBeLessThan(90)
    expect(enclosed.metrics.captureIndex.hot).toBeNull()
  })
})

describe('an aisle the rows do not face', () => {
  it('is not built, and the note says why', () => {
    // Rows arranged for a hot aisle, declared cold.
    const h = solveAirflow3d(smallHallScene({ aisle: 'hot', containment: { aisle: 'cold' } }), 'small', catalog, { ...SMALL_RUN, maxSteps: 3 }).halls[0]!
    expect(h.notes.join('\n')).toMatch(/aisle A \| B: a cold aisle needs both rows' fronts towards it/)
    expect(h.metrics.captureIndex.cold).toBeNull()
  })
})
