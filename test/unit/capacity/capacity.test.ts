import { describe, expect, it } from 'vitest'
import { findCapacity } from '../../../src/solver'
import { fixtureCatalog } from '../fixtures/catalog'
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
  })

  it('names the transformer as what stops rack 77', () => {
    // 77 × 20.4 kW / 0.98 = 1602.9 kVA > 1600 kVA
    expect(result.binding?.checkId).toBe('power.load:T1')
    expect(result.binding?.value).toBeGreaterThan(1600)
  })

  it('reports the floor limit: 1800 m² / (0.6 × (1.2 + 1.2) m² × 1.5 for N) = 833 racks', () => {
    expect(result.floorLimitRacks).toBe(Math.floor(1800 / (0.6 * 2.4 * 1.5)))
  })

  it('prices an upgrade that lifts the limit', () => {
    expect(result.upgrades.length).toBeGreaterThan(0)
    expect(result.upgrades[0]!.costUsd).toBeGreaterThan(0)
  })

  it('a liquid-only system cannot go in without a liquid loop', () => {
    const liquid = findCapacity(scene(), 'v', 'gpu-liquid', fixtureCatalog, { requiredTier: 'N' })
    expect(liquid.maxRacks).toBe(0)
    expect(liquid.binding?.checkId).toMatch(/^liquid\./)
  })
})
