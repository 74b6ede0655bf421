import { describe, expect, it } from 'vitest'
import { solveVariant } from '../../../src/solver'
import { airDensityKgM3, airflowForHeatM3s, pressureAtAltitudePa } from '../../../src/solver/constants'
import { dryCoolerCapacityKW } from '../../../src/solver/cooling/liquid'
import { fixtureCatalog } from '../fixtures/catalog'
import { fans, oneRowScene } from '../fixtures/scenes'

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
  // 21 shelves × 20 × 3.5 kW = 1470 kW to air; ρ(20 °C) = 1.20412; ΔT = 15 K (default)
  // Q = 1 470 000 / (1.20412 × 1005 × 15) = 80.985 m³/s
  const neededM3s = 1_470_000 / (1.20412 * 1005 * 15)

  it('compares airflow needed with derated fan airflow', () => {
    // 10 fans × 10 m³/s × 0.85 derate = 85 m³/s supplied; 80.985 / 85 = 95.3 % → warn (> 90 %)
    const r = solveVariant(oneRowScene({ cooling: [fans(10)] }), 'v', fixtureCatalog)
    const check = r.checks.find((c) => c.id === 'cooling.airflow:hall')!
    expect(check.value).toBeCloseTo(neededM3s, 2)
    expect(check.limit).toBeCloseTo(85, 6)
    expect(check.status).toBe('warn')
  })

  it('fails when the fans cannot carry the heat', () => {
    // 9 fans → 76.5 m³/s < 80.985 m³/s
    const r = solveVariant(oneRowScene({ cooling: [fans(9)] }), 'v', fixtureCatalog)
    expect(r.checks.find((c) => c.id === 'cooling.airflow:hall')!.status).toBe('fail')
  })

  it('cools pad inlet air toward the wet bulb: 27 − 0.8 × (27 − 18.5) = 20.2 °C, + 3 K recirculation', () => {
    const pad = { id: 'pads', modelId: 'pad', count: 10, position: { x: 0, y: 0 }, rotationDeg: 0, feed: 'LV' }
    const r = solveVariant(oneRowScene({ climateId: 'irkutsk-like', cooling: [fans(20), pad] }), 'v', fixtureCatalog)
    expect(r.halls[0]!.supplyAirC).toBeCloseTo(20.2, 6)
    expect(r.rows[0]!.inletC).toBeCloseTo(23.2, 6)
  })

  it('measures density per metre of row: 20 × 3.5 kW on a 2 m shelf = 35 kW/m', () => {
    const r = solveVariant(oneRowScene({ cooling: [fans(20)] }), 'v', fixtureCatalog)
    expect(r.rows[0]!.densityKWPerM).toBeCloseTo(35, 9)
    expect(r.checks.find((c) => c.id === 'density.row:row')!.status).toBe('ok') // 35 ≤ 40 × 0.9
  })

  it('fails 4 × 10.2 kW air-cooled GPU servers per 600 mm rack in a wall-to-wall hall', () => {
    // 4 × 10.2 = 40.8 kW per rack / 0.6 m = 68 kW/m > 40 kW/m
    const r = solveVariant(oneRowScene({ deviceId: 'gpu-air', enclosureId: 'rack', devicesPerRack: 4, rackCount: 10, cooling: [fans(20)] }), 'v', fixtureCatalog)
    const check = r.checks.find((c) => c.id === 'density.row:row')!
    expect(check.value).toBeCloseTo(68, 9)
    expect(check.status).toBe('fail')
  })

  it('warns an inlet above ASHRAE recommended and fails one above the allowable', () => {
    const gpu = { deviceId: 'gpu-air', enclosureId: 'rack', devicesPerRack: 1, rackCount: 10, cooling: [fans(20)] }
    // flat20: 20 + 3 = 23 °C ≤ 27 → ok
    const ok = solveVariant(oneRowScene(gpu), 'v', fixtureCatalog)
    expect(ok.checks.find((c) => c.id === 'inlet.design-day:row')!.status).toBe('ok')
    // irkutsk-like without pads: 27 + 3 = 30 °C: above 27 recommended, not above 30 allowable → warn
    const warm = solveVariant(oneRowScene({ ...gpu, climateId: 'irkutsk-like' }), 'v', fixtureCatalog)
    expect(warm.checks.find((c) => c.id === 'inlet.design-day:row')!.status).toBe('warn')
    // with 4 K recirculation: 31 °C > 30 → fail
    const hot = oneRowScene({ ...gpu, climateId: 'irkutsk-like' })
    hot.params = { recirculationK: 4 }
    expect(solveVariant(hot, 'v', fixtureCatalog).checks.find((c) => c.id === 'inlet.design-day:row')!.status).toBe('fail')
  })
})

describe('hall liquid side', () => {
  it('dry cooler capacity scales with return − ambient: 1000 × (48 − 27)/(48 − 35) = 1615.4 kW', () => {
    expect(dryCoolerCapacityKW(1000, 35, 27, 48)).toBeCloseTo(1615.38, 2)
    expect(dryCoolerCapacityKW(1000, 35, 50, 48)).toBe(0)
  })

  it('splits NVL72 heat 85/15 between liquid and air and checks CDUs, dry coolers and supply temperature', () => {
    // 10 racks × 132 kW = 1320 kW; liquid 0.85 × 1320 = 1122 kW; air 198 kW
    const cdu = { id: 'cdus', modelId: 'cdu', count: 2, position: { x: 50, y: 5 }, rotationDeg: 90, feed: 'LV' }
    const dry = { id: 'dry', modelId: 'dry', count: 1, position: { x: 70, y: 0 }, rotationDeg: 90, outdoor: true, feed: 'LV' }
    const scene = oneRowScene({ deviceId: 'gpu-liquid', enclosureId: 'nvl', devicesPerRack: 1, rackCount: 10, transformerId: 'tr2500', cooling: [fans(5), cdu, dry] })
    const r = solveVariant(scene, 'v', fixtureCatalog)
    expect(r.totals.heatLiquidKW).toBeCloseTo(1122, 6)
    expect(r.totals.heatAirKW).toBeCloseTo(198, 6)
    const cduCheck = r.checks.find((c) => c.id === 'liquid.cdu:hall')!
    expect(cduCheck.limit).toBe(2000) // 2 × 1000 kW; 1122/2000 = 56 % → ok
    expect(cduCheck.status).toBe('ok')
    // flat20: supply = max(32 setpoint, 20 + 10 approach) = 32 °C; return 42 °C
    // dry cooler: 1000 × (42 − 20)/(42 − 35) = 3142.9 kW
    const rej = r.checks.find((c) => c.id === 'liquid.rejection:hall')!
    expect(rej.limit).toBeCloseTo((1000 * 22) / 7, 3)
    expect(r.checks.find((c) => c.id === 'liquid.supply:hall')!.value).toBe(32)
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
