import { describe, expect, it } from 'vitest'
import { solveVariant } from '../../../src/solver'
import { airDensityKgM3, airflowForHeatM3s, pressureAtAltitudePa } from '../../../src/solver/constants'
import { makeCatalog } from '../../../src/model/catalog'
import { FIXTURE_DATA, fixtureCatalog } from '../fixtures/catalog'
import { fans, oneRowScene } from '../fixtures/scenes'
import { NO_YEAR } from './noYear'
import { solveThermalField } from '../../../src/solver/thermal'
import { CHECK_MAX_SWEEPS } from '../../../src/solver/thermal/hallField'

describe('air properties', () => {
  it('ρ = p/(R·T): 1.2041 kg/m³ at 20 °C, sea level (engineering-data.md §3)', () => {
    // 101 325 / (287.05 × 293.15) = 1.20412
    expect(airDensityKgM3(20, 101_325)).toBeCloseTo(1.20412, 4)
  })
  it('ISA pressure at 500 m is 95 461 Pa (engineering-data.md §3)', () => {
    expect(pressureAtAltitudePa(500)).toBeCloseTo(95_461, -1)
  })
  it('airflow for 1000 S21 at ΔT 20 K with ρ 1.2 is 145.11 m³/s (engineering-data.md §10.1)', () => {
    // 3 500 000 / (1.2 × 1005 × 20) = 3 500 000 / 24 120 = 145.107
    expect(airflowForHeatM3s(3500, 1.2, 20)).toBeCloseTo(145.107, 2)
  })
})

describe('hall air side', () => {
  // 21 shelves × 20 × 3.5 kW = 1470 kW to air; supply 20 °C, ΔT = 15 K (default), sea level.
  // Exhaust fans move exhaust air at 20 + 15 = 35 °C: ρ = 101 325 / (287.05 × 308.15) = 1.14550
  // Q = 1 470 000 / (1.14550 × 1005 × 15) = 85.126 m³/s
  // (at supply density 1.20412 it would be 80.982 m³/s: 308.15/293.15 = 5.1 % less. Before the
  // plant model the check used supply density, and 10 fans passed with a warning.)
  const neededM3s = 1_470_000 / (1.1455047 * 1005 * 15)

  it('compares airflow needed (at exhaust density) with derated fan airflow', () => {
    // 11 fans × 10 m³/s × 0.85 derate = 93.5 m³/s supplied; 85.126 / 93.5 = 91.0 % → warn (> 90 %)
    const r = solveVariant(oneRowScene({ cooling: [fans(11)] }), 'v', fixtureCatalog, NO_YEAR)
    const check = r.checks.find((c) => c.id === 'cooling.airflow:hall')!
    expect(check.value).toBeCloseTo(neededM3s, 3)
    expect(check.limit).toBeCloseTo(93.5, 6)
    expect(check.status).toBe('warn')
  })

  it('fails when the fans cannot move the exhaust air', () => {
    // 10 fans → 85 m³/s < 85.126 m³/s (0.15 % short); 9 fans → 76.5 m³/s
    for (const n of [10, 9]) {
      const r = solveVariant(oneRowScene({ cooling: [fans(n)] }), 'v', fixtureCatalog, NO_YEAR)
      expect(r.checks.find((c) => c.id === 'cooling.airflow:hall')!.status).toBe('fail')
    }
  })

  it('cools pad inlet air toward the wet bulb: 27 − 0.8 × (27 − 18.5) = 20.2 °C; inlets from the field', () => {
    const pad = { id: 'pads', modelId: 'pad', count: 10, position: { x: 0, y: 0 }, rotationDeg: 0, feed: 'LV' }
    const r = solveVariant(oneRowScene({ climateId: 'irkutsk-like', cooling: [fans(20), pad] }), 'v', fixtureCatalog, NO_YEAR)
    expect(r.halls[0]!.supplyAirC).toBeCloseTo(20.2, 6)
    // 20 m of pads and 28 m of fans at the west end of a 60 m hall: the racks east of them draw air
    // that has passed other racks, so the hottest inlet is well above the pad air (the field, not a
    // fixed allowance, says by how much), and never below it.
    const row = r.rows[0]!
    expect(row.inletC).toBe(Math.max(...row.rackInletC))
    expect(Math.min(...row.rackInletC)).toBeGreaterThanOrEqual(20.2 - 1e-6)
    expect(row.rackInletC[0]!).toBeLessThan(row.rackInletC[row.rackInletC.length - 1]!)
  })

  it('measures density per metre of row: 20 × 3.5 kW on a 2 m shelf = 35 kW/m', () => {
    const r = solveVariant(oneRowScene({ cooling: [fans(20)] }), 'v', fixtureCatalog, NO_YEAR)
    expect(r.rows[0]!.densityKWPerM).toBeCloseTo(35, 9)
    expect(r.checks.find((c) => c.id === 'density.row:row')!.status).toBe('ok') // 35 ≤ 40 × 0.9
  })

  it('fails 4 × 10.2 kW air-cooled GPU servers per 600 mm rack in a wall-to-wall hall', () => {
    // 4 × 10.2 = 40.8 kW per rack / 0.6 m = 68 kW/m > 40 kW/m
    const r = solveVariant(oneRowScene({ deviceId: 'gpu-air', enclosureId: 'rack', devicesPerRack: 4, rackCount: 10, cooling: [fans(20)] }), 'v', fixtureCatalog, NO_YEAR)
    const check = r.checks.find((c) => c.id === 'density.row:row')!
    expect(check.value).toBeCloseTo(68, 9)
    expect(check.status).toBe('fail')
  })

  it('judges the hottest rack inlet of the airflow field: ok ≤ recommended 27 °C < warn ≤ allowable 30 °C < fail', () => {
    const gpu = { deviceId: 'gpu-air', enclosureId: 'rack', devicesPerRack: 1, rackCount: 10, cooling: [fans(20)] }
    const statusFor = (inletC: number) => (inletC > 30 ? 'fail' : inletC > 27 ? 'warn' : 'ok')
    for (const scene of [oneRowScene(gpu), oneRowScene({ ...gpu, climateId: 'irkutsk-like' }), oneRowScene({ ...gpu, climateId: 'irkutsk-like', cooling: [fans(2)] })]) {
      const r = solveVariant(scene, 'v', fixtureCatalog, NO_YEAR)
      const check = r.checks.find((c) => c.id === 'inlet.design-day:row')!
      const row = r.rows.find((x) => x.id === 'row')!
      // One figure: the check's value is the row's hottest rack inlet, the one the heat map colours.
      expect(row.rackInletC).toHaveLength(10)
      expect(check.value).toBe(Math.max(...row.rackInletC))
      expect(row.inletC).toBe(check.value)
      // Never below the air that comes in (pads off: flat20 20 °C, irkutsk-like 27 °C design dry bulb).
      expect(check.value!).toBeGreaterThanOrEqual(r.halls[0]!.supplyAirC - 1e-9)
      expect(check.status).toBe(statusFor(check.value!))
    }
  })

  it('a hall that cannot shed its heat: the heat map shows the field the inlet checks judged, at their sweep cap', () => {
    // 21 shelves × 20 × 3.5 kW = 1470 kW in a closed hall (no fans, no openings): only 0.5 air
    // changes per hour leak out, so the air creeps towards the 150 °C clamp for thousands of
    // sweeps. The checks stop at CHECK_MAX_SWEEPS; the heat map (solveThermalField, check grid)
    // must stop there too, or it shows another field with another energy balance.
    const scene = oneRowScene({ cooling: [] })
    const r = solveVariant(scene, 'v', fixtureCatalog, NO_YEAR)
    const field = solveThermalField(scene, 'v', fixtureCatalog).halls[0]!
    expect(field.saturated).toBe(true)
    expect(field.converged).toBe(false)
    expect(field.iterations.temperature).toBe(CHECK_MAX_SWEEPS)
    expect(field.notes).toContain(`temperature solve stopped after ${CHECK_MAX_SWEEPS} sweeps`)
    expect(field.rackInletC['row']).toEqual(r.rows[0]!.rackInletC)
    expect(r.checks.find((c) => c.id === 'inlet.design-day:row')!.value).toBe(Math.max(...field.rackInletC['row']!))
    expect(r.checks.find((c) => c.id === 'inlet.design-day:row')!.note).toContain(`energy balance ${field.balanceErrorPct.toFixed(2)} %`)
  })
})

describe('hall liquid side', () => {
  it('splits NVL72 heat 85/15 between liquid and air and checks CDUs, dry coolers and supply temperature', () => {
    // 10 racks × 132 kW = 1320 kW; liquid 0.85 × 1320 = 1122 kW; air 198 kW
    const cdu = { id: 'cdus', modelId: 'cdu', count: 2, position: { x: 50, y: 5 }, rotationDeg: 90, feed: 'LV' }
    const dry = { id: 'dry', modelId: 'dry', count: 1, position: { x: 70, y: 0 }, rotationDeg: 90, outdoor: true, feed: 'LV' }
    const scene = oneRowScene({ deviceId: 'gpu-liquid', enclosureId: 'nvl', devicesPerRack: 1, rackCount: 10, transformerId: 'tr2500', cooling: [fans(5), cdu, dry] })
    const r = solveVariant(scene, 'v', fixtureCatalog, NO_YEAR)
    expect(r.totals.heatLiquidKW).toBeCloseTo(1122, 6)
    expect(r.totals.heatAirKW).toBeCloseTo(198, 6)
    const cduCheck = r.checks.find((c) => c.id === 'liquid.cdu:hall')!
    expect(cduCheck.limit).toBe(2000) // 2 × 1000 kW; 1122/2000 = 56 % → ok
    expect(cduCheck.status).toBe('ok')
    // Dry cooler rated 1000 kW at 55 → 45 °C fluid, 35 °C air: 1000/(55 − 35) = 50 kW/K.
    // flat20: the loop settles where 50 × (T_return − 20) = 1122: T_return = 42.44 °C, supply 32.44 °C
    // (above the 32 °C setpoint). Old physics held max(32, 20 + 10 approach) = 32 °C whatever the load.
    expect(r.checks.find((c) => c.id === 'liquid.supply:hall')!.value).toBeCloseTo(32.44, 9)
    expect(r.halls[0]!.coolantSupplyC).toBeCloseTo(32.44, 9)
    // Rejection holding the devices' 45 °C: 50 × (45 + 10 − 20) = 1750 kW; 1122/1750 = 64 % → ok
    // (old: 1000 × (42 − 20)/(42 − 35) = 3142.9 kW, scaled from 35 °C instead of the rated 20 K difference).
    const rej = r.checks.find((c) => c.id === 'liquid.rejection:hall')!
    expect(rej.limit).toBeCloseTo(1750, 9)
    expect(rej.status).toBe('ok')
  })

  it('in a hot climate, enough dry coolers hold the coolant limit (the old fixed approach failed it whatever was installed)', () => {
    // Sea level, design 39 °C dry bulb (Dallas-like). 1122 kW to liquid, 2 CDUs.
    const hot = { ...FIXTURE_DATA.climates[0]!, id: 'hot39', name: 'Hot 39', monthlyMeanC: [10, 12, 16, 20, 25, 29, 31, 31, 27, 21, 15, 11], designSummerDryBulbC: 39, designSummerWetBulbC: 24 }
    const catalog = makeCatalog({ ...FIXTURE_DATA, climates: [...FIXTURE_DATA.climates, hot] })
    const cdu = { id: 'cdus', modelId: 'cdu', count: 2, position: { x: 50, y: 5 }, rotationDeg: 90, feed: 'LV' }
    const withDry = (n: number) =>
      oneRowScene({
        climateId: 'hot39', deviceId: 'gpu-liquid', enclosureId: 'nvl', devicesPerRack: 1, rackCount: 10, transformerId: 'tr2500',
        cooling: [fans(5), cdu, { id: 'dry', modelId: 'dry', count: n, position: { x: 70, y: 0 }, rotationDeg: 90, outdoor: true, feed: 'LV' }],
      })
    // 1 dry cooler (50 kW/K): 39 + 1122/50 − 10 = 51.44 °C > 45 → fail (old: max(32, 39 + 10) = 49 °C, fail, for any count)
    const one = solveVariant(withDry(1), 'v', catalog, NO_YEAR)
    expect(one.checks.find((c) => c.id === 'liquid.supply:hall')!.value).toBeCloseTo(51.44, 9)
    expect(one.checks.find((c) => c.id === 'liquid.supply:hall')!.status).toBe('fail')
    // at the limit it rejects 50 × (45 + 10 − 39) = 800 kW < 1122 → fail
    expect(one.checks.find((c) => c.id === 'liquid.rejection:hall')!.limit).toBeCloseTo(800, 9)
    // 2 dry coolers (100 kW/K): 39 + 11.22 − 10 = 40.22 °C → ok; 100 × 16 = 1600 kW, 1122/1600 = 70 % → ok
    const two = solveVariant(withDry(2), 'v', catalog)
    expect(two.checks.find((c) => c.id === 'liquid.supply:hall')!.value).toBeCloseTo(40.22, 9)
    expect(two.checks.find((c) => c.id === 'liquid.supply:hall')!.status).toBe('ok')
    expect(two.checks.find((c) => c.id === 'liquid.rejection:hall')!.status).toBe('ok')
    // and the year agrees: its hottest hour is 39 °C, the coolant never passes 45 °C
    expect(two.year!.halls[0]!.hoursCoolantAboveMax).toBe(0)
    expect(two.year!.halls[0]!.designHour.coolantSupplyC).toBeCloseTo(40.22, 9)
  })

  it('fails liquid devices in a hall without a liquid loop', () => {
    const scene = oneRowScene({ deviceId: 'gpu-liquid', enclosureId: 'nvl', devicesPerRack: 1, rackCount: 10, transformerId: 'tr2500', cooling: [fans(5)] })
    const r = solveVariant(scene, 'v', fixtureCatalog)
    expect(r.verdict).toBe('fail')
    expect(r.checks.find((c) => c.id === 'liquid.cdu:hall')!.status).toBe('fail')
    // Heat against no CDU at all: a demand against nothing, shown as such (no ratio), and it binds.
    expect(r.binding!.id).toBe('liquid.cdu:hall')
    expect(r.binding!.ratio).toBeNull()
  })
})
