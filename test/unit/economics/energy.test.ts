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
    // Fans running = airflow the heat needs / (10 m³/s × 0.85 derate) × 1 kW each, not all 20 kW.
    const hall = r.halls[0]!
    const fansKW = hall.airflowNeededM3s / (10 * 0.85)
    expect(fansKW).toBeGreaterThan(9)
    expect(fansKW).toBeLessThan(11)
    expect(hall.plantPowerKW).toBeCloseTo(fansKW, 6)
    // 20 °C every hour: each hour of the year is the design hour, (1470 + fans + losses) kW.
    expect(r.totals.designDayFacilityKW - 1470 - fansKW).toBeGreaterThan(0)
    expect(r.totals.designDayFacilityKW - 1470 - fansKW).toBeLessThan(r.totals.lossKW)
    expect(r.year!.facilityMWh).toBeCloseTo((r.totals.designDayFacilityKW * 8760) / 1000, 3)
  })

  it('energy cost = the year’s facility MWh × the tariff', () => {
    expect(e.energyBasis).toBe('typical year')
    expect(e.energy.loadShare).toBe(1)
    // ≈ (1470 + 10.0 + losses) kW × 8.76 = 13,109 MWh × 50 USD/MWh = 655,435 USD
    expect(e.energyUsdPerYear).toBeCloseTo(r.year!.facilityMWh * 50, 3)
    expect(e.energy.mwhPerYear).toBeCloseTo(r.year!.facilityMWh, 6)
    expect(e.energy.pue).toBeCloseTo(r.year!.annualPue!, 9)
  })

  it('is below every installed unit at nameplate for 8,760 h (the old basis)', () => {
    // nameplate: (1470 + 20 + losses at that load) kW; the year saves at least (20 − 10.0) kW × 8760 h × 50.
    const nameplate = (r.totals.facilityKW * 8760 * 50) / 1000
    const fansKW = r.halls[0]!.airflowNeededM3s / (10 * 0.85)
    expect(nameplate - e.energyUsdPerYear).toBeGreaterThan(((20 - fansKW) * 8760 * 50) / 1000)
  })

  it('a solve without the year says it used the design day, as the plant runs it', () => {
    const dd = solveVariant(scene(), 'v', fixtureCatalog, { year: false }).economics
    expect(dd.energyBasis).toBe('design day')
    expect(dd.energyUsdPerYear).toBeCloseTo((r.totals.designDayFacilityKW * 8760 * 50) / 1000, 3)
    expect(dd.energy.pue).toBeCloseTo(r.totals.pue!, 9)
    // In a climate that is the same every hour, both bases agree.
    expect(dd.energyUsdPerYear).toBeCloseTo(e.energyUsdPerYear, 0)
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
