import { describe, expect, it } from 'vitest'
import { solveVariant } from '../../../src/solver'
import { fixtureCatalog } from '../fixtures/catalog'
import { fans, oneRowScene } from '../fixtures/scenes'

// One row of 21 shelves × 20 miners × 3.5 kW = 1470 kW of IT, 20 wall fans of 1 kW (10 m³/s each),
// in a climate that is 20 °C dry and wet bulb all year. Every miner runs all year at 50 USD/MWh.
function scene() {
  const s = oneRowScene({ cooling: [fans(20)] })
  s.variants[0]!.economics = { tariffUsdPerMWh: 50, minerUptime: 1, miningBanDaysPerYear: 0 }
  return s
}

describe('energy cost from the typical year', () => {
  const r = solveVariant(scene(), 'v', fixtureCatalog)
  const e = r.economics

  it('the year runs only the fans the heat needs', () => {
    // ρ at 20 °C, sea level = 101 325 / (287.05 × 293.15) = 1.20412 kg/m³
    // Q = 1470 kW / (1.20412 × 1005 × 15 K) = 80.98 m³/s; fans running = 80.98 / (10 × 0.85) = 9.527
    const fansKW = 1_470_000 / (1.20412 * 1005 * 15) / (10 * 0.85)
    expect(fansKW).toBeCloseTo(9.527, 2)
    // facility = (1470 + 9.527 + losses) kW × 8760 h; losses held at the design day's.
    const yearMWh = ((1470 + fansKW + r.totals.lossKW) * 8760) / 1000
    expect(r.year!.facilityMWh).toBeCloseTo(yearMWh, 0)
  })

  it('energy cost = the year’s facility MWh × the tariff', () => {
    expect(e.energyBasis).toBe('typical year')
    expect(e.energy.loadShare).toBe(1)
    // ≈ (1470 + 9.53 + losses) × 8.76 MWh × 50 USD/MWh
    expect(e.energyUsdPerYear).toBeCloseTo(r.year!.facilityMWh * 50, 3)
    expect(e.energy.mwhPerYear).toBeCloseTo(r.year!.facilityMWh, 6)
    expect(e.energy.pue).toBeCloseTo(r.year!.annualPue, 9)
  })

  it('is below the design day, which runs all 20 fans at nameplate for 8,760 h', () => {
    // design day: (1470 + 20 + losses) kW × 8.76 × 50; the year saves (20 − 9.527) kW × 8760 h × 50 = 4,587 USD
    const designDay = (r.totals.facilityKW * 8760 * 50) / 1000
    expect(designDay - e.energyUsdPerYear).toBeCloseTo(((20 - 9.527) * 8760 * 50) / 1000, -1)
  })

  it('a solve without the year says it used the design day', () => {
    const dd = solveVariant(scene(), 'v', fixtureCatalog, { year: false }).economics
    expect(dd.energyBasis).toBe('design day')
    expect(dd.energyUsdPerYear).toBeCloseTo((r.totals.facilityKW * 8760 * 50) / 1000, 3)
    expect(dd.energy.pue).toBeCloseTo(r.totals.pue, 9)
  })

  it('miners lose their ban days and downtime: the year’s MWh × load share × tariff', () => {
    const s = scene()
    s.variants[0]!.economics = { tariffUsdPerMWh: 50, minerUptime: 0.97, miningBanDaysPerYear: 73 }
    const x = solveVariant(s, 'v', fixtureCatalog).economics
    // share = (1 − 73/365) × 0.97 = 0.8 × 0.97 = 0.776
    expect(x.energy.loadShare).toBeCloseTo(0.776, 9)
    expect(x.energyUsdPerYear).toBeCloseTo(r.year!.facilityMWh * 0.776 * 50, 3)
  })
})
