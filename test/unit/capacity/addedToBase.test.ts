// Capacity on a base that already holds the device: the answer counts the racks, devices and IT
// added to the base, not the base's own. Before, a row that held the device was refilled as if
// empty, so "17 racks added (20.7 MW of GPU IT)" on the GB200 variant meant 154 → 157 racks and the
// whole site's GB200 load.
import { describe, expect, it } from 'vitest'
import { findCapacity } from '../../../src/solver'
import { converted, layoutOf } from '../../../src/solver/capacity/layout'
import { fixtureCatalog } from '../fixtures/catalog'
import { fans, oneRowScene } from '../fixtures/scenes'

// The hall of capacity.test.ts (60 × 30 m, 1600 kVA transformer, fans on their own board) with its
// row already holding 30 racks of 2 air-cooled 10.2 kW servers (600 mm racks).
//   row room: (60 − 2 × 4 m) / 0.6 m = 86 racks, 30 taken → 56 free
//   power:    n × 2 × 10.2 kW / 0.98 ≤ 1600 kVA → n ≤ 76.86 → 76 racks in all → 46 added
function scene() {
  const s = oneRowScene({ deviceId: 'gpu-air', enclosureId: 'rack', devicesPerRack: 2, rackCount: 30, cooling: [fans(20, 'AUX')], extraPower: [{ id: 'AUX', kind: 'board', parent: 'GRID' }] })
  s.variants[0]!.asBuilt = true
  return s
}

describe('capacity added to a base that holds the device', () => {
  it('the layout counts the free rack places: 86 − 30 = 56, and adding 3 grows the row 30 → 33', () => {
    const base = scene().variants[0]!
    const device = fixtureCatalog.devices.get('gpu-air')!
    const rack = fixtureCatalog.enclosures.get('rack')!
    const layout = layoutOf(base, rack, fixtureCatalog, device)
    expect(layout.rows[0]!.existing).toBe(30)
    expect(layout.maxRacks).toBe(56)
    const v = converted(base, layout, device, rack, 2, 3, 'N')
    expect(v.halls[0]!.rows[0]!.rackCount).toBe(33)
  })

  it('finds 46 racks added (92 servers, 46 × 2 × 10.2 = 938.4 kW), the site at 76 racks (1550.4 kW)', () => {
    const result = findCapacity(scene(), 'v', 'gpu-air', fixtureCatalog, { requiredTier: 'N' })
    expect(result.devicesPerRack).toBe(2)
    expect(result.maxRacks).toBe(46)
    expect(result.maxDevices).toBe(92)
    expect(result.maxItKW).toBeCloseTo(46 * 2 * 10.2, 6)
    expect(result.siteItKW).toBeCloseTo(76 * 2 * 10.2, 6)
    // Rack 77 of the site (47 added): 77 × 20.4 / 0.98 = 1602.9 kVA > 1600 kVA
    expect(result.binding?.checkId).toBe('power.load:T1')
  })
})
