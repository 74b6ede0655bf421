// Any valid scene gives a finite thermal field: no NaN, no infinity, within the model's clamp.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { builtInCatalog } from '../../../src/model/catalog'
import { MAX_AIR_C, solveThermalField } from '../../../src/solver/thermal'
import { nonFiniteIn, sceneArbitrary } from '../property/arbitraries'

const catalog = builtInCatalog()

describe('thermal field over random valid scenes', () => {
  it('never throws and never yields a NaN or an infinite temperature', () => {
    fc.assert(
      fc.property(sceneArbitrary(catalog), (scene) => {
        // Coarser cells keep the property run quick; the method is the same.
        const result = solveThermalField(scene, 'v', catalog, { cellM: 0.6, maxSweeps: 400 })
        for (const f of result.halls) {
          // Every cell finite and within the clamp: one expect for the field, not two per cell
          // (an expect costs microseconds; the fields hold thousands of cells, 40 runs).
          const bad: [number, number][] = []
          f.tempC.forEach((t, cell) => {
            if (!(Number.isFinite(t) && t <= MAX_AIR_C)) bad.push([cell, t])
          })
          expect(bad, `cells not finite or over ${MAX_AIR_C} °C: [cell, °C]`).toEqual([])
          const { tempC: _ignored, ...rest } = f
          expect(nonFiniteIn(rest)).toEqual([])
          // Balanced unless the hall saturates or has nothing to balance.
          if (!f.saturated && f.converged && f.heatInKW > 1) {
            expect(Math.abs(f.heatOutKW - f.heatInKW) / f.heatInKW).toBeLessThan(0.005)
          }
        }
      }),
      { numRuns: 40 },
    )
  }, 120_000)
})
