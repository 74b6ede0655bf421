import { describe, expect, it } from 'vitest'
import { builtInCatalog } from '../../../src/model/catalog'
import { DEFAULT_PARAMS } from '../../../src/model/params'
import { lossAtKW } from '../../../src/solver/year/losses'
import { simulateYear } from '../../../src/solver/year/year'
import { sumUnits, type HallPlant } from '../../../src/solver/cooling/plant/plant'

describe('power-chain losses over the year: P0 + Pk·(S/Sr)²', () => {
  it('scales the load part by the square of the load (engineering-data.md §10.2 case A)', () => {
    // TMG-1600 carrying 1470 kW: P0 = 2.0 kW, load losses 16.5 × 0.92803² = 14.210 kW.
    const model = { fixedKW: 2.0, variableKWAtDesign: 14.21, designLoadKW: 1470 }
    expect(lossAtKW(model, 1470)).toBeCloseTo(16.21, 9)
    // At 1000 kW: 2.0 + 14.21 × (1000/1470)² = 2.0 + 14.21 × 0.462770 = 8.576 kW
    expect(lossAtKW(model, 1000)).toBeCloseTo(2.0 + 14.21 * (1000 / 1470) ** 2, 9)
    expect(lossAtKW(model, 1000)).toBeCloseTo(8.576, 3)
    // No load: the no-load losses only
    expect(lossAtKW(model, 0)).toBe(2.0)
  })

  it('the year sums its hours: a hall without cooling draws the same every hour', () => {
    // IT 1000 kW, nothing else: the load is the design load every hour, loss = 2 + 10 = 12 kW,
    // 12 kW × 8760 h = 105.12 MWh.
    const plant: HallPlant = {
      hallId: 'h', airScheme: 'wall-to-wall', placements: [], ...sumUnits([], 'wall-to-wall'),
      heatAirKW: 0, heatLiquidKW: 0, allowableInletC: null, recommendedInletC: null, coolantMaxC: null,
    }
    const climate = builtInCatalog().climates.get('irkutsk')!
    const y = simulateYear([plant], 1000, { fixedKW: 2, variableKWAtDesign: 10, designLoadKW: 1000 }, climate, DEFAULT_PARAMS)
    expect(y.lossMWh).toBeCloseTo(105.12, 9)
    expect(y.facilityMWh).toBeCloseTo(8760 + 105.12, 6)
    // Designed at 1250 kW: each hour 2 + 10 × (1000/1250)² = 8.4 kW, 73.584 MWh
    const part = simulateYear([plant], 1000, { fixedKW: 2, variableKWAtDesign: 10, designLoadKW: 1250 }, climate, DEFAULT_PARAMS)
    expect(part.lossMWh).toBeCloseTo(73.584, 9)
  })
})
