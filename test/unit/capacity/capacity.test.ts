import { describe, expect, it } from 'vitest'
import economics from '../../../models/economics.json'
import { makeCatalog } from '../../../src/model/catalog'
import { findCapacity } from '../../../src/solver'
import { FIXTURE_DATA, fixtureCatalog } from '../fixtures/catalog'
import { fans, oneRowScene } from '../fixtures/scenes'

// One 60 × 30 m wall-to-wall hall, one row of miner shelves on a 1600 kVA transformer, plenty of
// fans on their own board. Replace it with air-cooled 10.2 kW, 8U GPU servers in 600 mm racks:
//   row room: (60 − 2 × 4 m end aisles) / 0.6 m = 86 racks
//   density:  p × 10.2 kW / 0.6 m ≤ 40 kW/m  →  at most 2 servers per rack (34 kW/m)
//   power:    n × 2 × 10.2 kW / 0.98 ≤ 1600 kVA  →  n ≤ 76.86  →  76 racks at 2 per rack (152 servers)
//   with 1 per rack the row room binds first: 86 racks, 86 servers, fewer than 152.
function scene() {
  const s = oneRowScene({ cooling: [fans(20, 'AUX')], extraPower: [{ id: 'AUX', kind: 'board', parent: 'GRID' }] })
  s.variants[0]!.asBuilt = true
  return s
}

describe('capacity search', () => {
  const result = findCapacity(scene(), 'v', 'gpu-air', fixtureCatalog, { requiredTier: 'N' })

  it('finds the hand-computed maximum: 76 racks of 2 servers', () => {
    expect(result.devicesPerRack).toBe(2)
    expect(result.maxRacks).toBe(76)
    expect(result.maxDevices).toBe(152)
    expect(result.maxItKW).toBeCloseTo(76 * 2 * 10.2, 6)
    // The row of miners is gone: the site's IT is the GPU racks'.
    expect(result.siteItKW).toBeCloseTo(76 * 2 * 10.2, 6)
  })

  it('names the transformer as what stops rack 77', () => {
    // 77 × 20.4 kW / 0.98 = 1602.9 kVA > 1600 kVA
    expect(result.binding?.kind).toBe('power.load')
    expect(result.binding?.checkId).toBe('power.load:T1')
    expect(result.binding?.value).toBeGreaterThan(1600)
  })

  it('reports the floor limit: 1800 m² / (0.6 × (1.2 + 1.2) m² × 1.5 for N) = 833 racks', () => {
    expect(result.floorLimitRacks).toBe(Math.floor(1800 / (0.6 * 2.4 * 1.5)))
  })

  it('prices what the next rack needs: a 2500 kVA transformer × 45 USD/kVA = 112,500 USD', () => {
    // 77 racks: 1602.9 kVA / 0.8 = 2003.6 kVA → the 2500 kVA model.
    const line = result.upgrades.find((u) => u.kind === 'power.load')!
    expect(line.costUsd).toBe(112_500)
  })

  it('a liquid-only system cannot go in without a liquid loop, and says what the first rack needs', () => {
    const liquid = findCapacity(scene(), 'v', 'gpu-liquid', fixtureCatalog, { requiredTier: 'N' })
    expect(liquid.maxRacks).toBe(0)
    expect(liquid.binding?.kind).toMatch(/^liquid\./)
    // Never a bare 0: the failing kinds of the first rack, each priced or said not to be.
    expect(liquid.upgrades.map((u) => u.kind)).toEqual(expect.arrayContaining(['liquid.cdu']))
  })
})

describe('capacity search past a cheap fix', () => {
  // The same site on a 1 Gbit/s fibre; each server needs 100 Mbit/s of uplink and costs 300,000 USD
  // (+ 35 % import premium = 405,000 USD; a rack of two 810,000 USD).
  const catalog = makeCatalog(
    { ...FIXTURE_DATA, devices: FIXTURE_DATA.devices.map((d) => (d.id === 'gpu-air' ? { ...d, uplinkMbps: 100 } : d)) },
    { ...economics, devices: { ...economics.devices, 'gpu-air': { usd: 300_000, date: '2026', source: { title: 'test server', confidence: 'approx' } } } },
  )
  const s = scene()
  s.site.fibreGbps = 1
  const result = findCapacity(s, 'v', 'gpu-air', catalog, { requiredTier: 'N' })

  it('steps past the fibre to the power limit: 76 racks, not 5', () => {
    // Fibre: 2 × 0.1 Gbit/s a rack; 5 racks = 1.0 Gbit/s passes, 6 racks = 1.2 > 1 Gbit/s fails.
    expect(result.maxRacks).toBe(76)
    expect(result.binding?.checkId).toBe('power.load:T1')
  })

  it('lists the fibre unlock where it was met, priced for the racks of the answer', () => {
    expect(result.unlocks).toHaveLength(1)
    const u = result.unlocks[0]!
    expect(u.atRacks).toBe(6)
    expect(u.upgrade.kind).toBe('network.uplink')
    expect(u.check.value).toBeCloseTo(1.2, 9)
    expect(u.check.limit).toBe(1)
    // At 76 racks: 152 × 0.1 = 15.2 Gbit/s; within the 80 % margin 19 → 20 Gbit/s (10 Gbit/s steps);
    // 20 − 1 = 19 Gbit/s × 20,000 USD = 380,000 USD.
    expect(u.upgrade.text).toBe('fibre 1 → 20 Gbit/s')
    expect(u.upgrade.costUsd).toBe(380_000)
    // Cheap: under 1 % of the racks it lets in: (76 − 5) × 810,000 × 1 % = 575,100 USD.
    expect(u.upgrade.costUsd!).toBeLessThan(0.01 * (76 - 5) * 810_000)
  })

  it('stops at the transformer, whose fix is not cheap against the 10 racks it would add', () => {
    // 112,500 USD against 1 % of (86 − 76) × 810,000 = 81,000 USD: not cheap.
    expect(result.binding?.why).toBe('not cheap')
    expect(result.path).toHaveLength(1)
    expect(result.path[0]).toMatchObject({ racks: 86, devices: 172, costUsd: 112_500 })
    expect(result.path[0]!.binding?.kind).toBe('rows')
  })

  it('with a dearer server the transformer is cheap too, and the rows bind', () => {
    const dear = structuredClone(s)
    dear.economics = { devicePricesUsd: { 'gpu-air': 1_000_000 } }
    // 1 % of 10 racks × 2 × 1,000,000 × 1.35 = 270,000 USD > 112,500 USD.
    const r = findCapacity(dear, 'v', 'gpu-air', catalog, { requiredTier: 'N' })
    expect(r.maxRacks).toBe(86)
    expect(r.binding?.kind).toBe('rows')
    expect(r.unlocks.map((u) => [u.atRacks, u.upgrade.kind])).toEqual([
      [6, 'network.uplink'],
      [77, 'power.load'],
      [77, 'power.usable-it'],
    ])
  })
})
