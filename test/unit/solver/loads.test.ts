// A row's racks grouped by their feeds (loads.ts rowSupply): one pair per distinct (A, B), in
// order of first appearance, with its number of racks.
import { describe, expect, it } from 'vitest'
import { DEFAULT_PARAMS } from '../../../src/model/params'
import type { Row } from '../../../src/model/sceneSchema'
import { variantLoads } from '../../../src/solver/loads'
import { fixtureCatalog } from '../fixtures/catalog'
import { oneRowScene } from '../fixtures/scenes'

function supplyOf(feeds: Partial<Row>) {
  const variant = oneRowScene({ rackCount: 5 }).variants[0]!
  Object.assign(variant.halls[0]!.rows[0]!, feeds)
  return variantLoads(variant, fixtureCatalog, DEFAULT_PARAMS).rows[0]!.supply
}

describe('rowSupply', () => {
  it('groups a single-fed row by its A feeds', () => {
    // Racks 0–4 on A, B, A, then the row's feed LV twice: A 2 racks, B 1, LV 2.
    expect(supplyOf({ rackFeeds: ['A', 'B', 'A'] })).toEqual({
      dual: false,
      pairs: [
        { a: 'A', b: null, racks: 2 },
        { a: 'B', b: null, racks: 1 },
        { a: 'LV', b: null, racks: 2 },
      ],
    })
  })

  it('groups a dual-fed row by its (A, B) feeds', () => {
    // Racks 0–4 on (A, X), (A, X), (A, Y), (B, LVB), (LV, LVB): A appears with two B feeds.
    expect(supplyOf({ feedB: 'LVB', rackFeeds: ['A', 'A', 'A', 'B'], rackFeedsB: ['X', 'X', 'Y'] })).toEqual({
      dual: true,
      pairs: [
        { a: 'A', b: 'X', racks: 2 },
        { a: 'A', b: 'Y', racks: 1 },
        { a: 'B', b: 'LVB', racks: 1 },
        { a: 'LV', b: 'LVB', racks: 1 },
      ],
    })
  })
})
