// Plan geometry of the layout rules, computed by hand: 1 m × 1 m × 2 m "cube" enclosures, so a
// row of n racks is an n × 1 m rectangle, in a 72 × 48 m hall.
import { describe, expect, it } from 'vitest'
import { makeCatalog } from '../../../src/model/catalog'
import { DEFAULT_PARAMS } from '../../../src/model/params'
import { footprintOf } from '../../../src/model/footprint'
import { aisleBetween, outsideBy, overlapDepth } from '../../../src/model/clearance'
import { layoutProblems } from '../../../src/model/layoutSurvey'
import type { CoolingPlacement, Hall, Row, Variant } from '../../../src/model/sceneSchema'
import { FIXTURE_DATA } from '../fixtures/catalog'

const catalog = makeCatalog({
  ...FIXTURE_DATA,
  enclosures: [...FIXTURE_DATA.enclosures, { id: 'cube', kind: 'rack', name: 'Cube', widthM: 1, depthM: 1, heightM: 2, slots: 1, slotUnit: 'device', sources: [{ title: 'test', confidence: 'approx' }] }],
})

const row = (id: string, x: number, y: number, rotationDeg = 0, rackCount = 10): Row => ({
  id,
  name: id.toUpperCase(),
  position: { x, y },
  rotationDeg,
  enclosureId: 'cube',
  rackCount,
  deviceId: 'miner',
  devicesPerRack: 1,
  feed: 'LV',
})
const pads = (x: number, y: number, count: number): CoolingPlacement => ({ id: 'pads', modelId: 'pad', count, position: { x, y }, rotationDeg: 0, elevationM: 0.5, feed: 'LV' })
const hall = (rows: Row[], cooling: CoolingPlacement[] = []): Hall => ({ id: 'h', name: 'Hall', origin: { x: 0, y: 0 }, lengthM: 72, widthM: 48, heightM: 8, airScheme: 'wall-to-wall', rows, cooling })
const variant = (h: Hall): Variant => ({ id: 'v', name: 'V', halls: [h], power: [{ id: 'GRID', kind: 'grid', parent: null }] })
const fp = (r: Row) => footprintOf(r, catalog)!
const problems = (h: Hall) => layoutProblems(variant(h), catalog, DEFAULT_PARAMS)

describe('plan geometry by hand', () => {
  it('two 10 × 1 m rows 1.0 m apart: a 1.0 m aisle, below 1.2 m', () => {
    // A spans y 10 … 11, B y 12 … 13, both x 10 … 20: aisle = 12 − 11 = 1.0 m.
    const a = row('a', 10, 10)
    const b = row('b', 10, 12)
    expect(aisleBetween(fp(a), fp(b))).toBeCloseTo(1.0, 12)
    const [p, ...rest] = problems(hall([a, b]))
    expect(rest).toEqual([])
    expect(p).toMatchObject({ rule: 'aisle', ids: ['a', 'b'], valueM: 1, limitM: 1.2 })
    expect(p!.message).toBe('aisle between A and B is 1.00 m, below 1.20 m')
  })

  it('an aisle of exactly the minimum passes, float noise aside', () => {
    // B at y = 12.2: in floating point 12.2 − 11 = 1.1999999999999993; kept to the micrometre
    // it is 1.2, which is not below 1.2.
    expect(problems(hall([row('a', 10, 10), row('b', 10, 12.2)]))).toEqual([])
  })

  it('rows side by side along their length are not an aisle', () => {
    // A x 10 … 20, B x 21 … 31, same y: they do not face each other.
    expect(aisleBetween(fp(row('a', 10, 10)), fp(row('b', 21, 10)))).toBeNull()
  })

  it('a row turned 90° at x = 70 reaching past the north wall', () => {
    // 20 racks at 90°: u = (0, 1), n = (−1, 0); corners (70, 30), (70, 50), (69, 50), (69, 30).
    // y reaches 50 in a 48 m wide hall: 2 m outside; x 69 … 70 stays within 72.
    const r = row('r', 70, 30, 90, 20)
    expect(outsideBy(fp(r), { lengthM: 72, widthM: 48 })).toEqual({ outM: expect.closeTo(2, 12), fits: true })
    expect(problems(hall([r]))).toMatchObject([{ rule: 'outside', ids: ['r'], valueM: 2, limitM: 0 }])
  })

  it('a row turned 30° at x = 70 reaching past the east wall', () => {
    // 10 racks at 30°: the far corner is at x = 70 + 10 cos 30° = 78.660 m: 6.660 m past 72 m.
    const out = outsideBy(fp(row('r', 70, 10, 30)), { lengthM: 72, widthM: 48 })
    expect(out.outM).toBeCloseTo(70 + 10 * Math.cos(Math.PI / 6) - 72, 12)
    expect(out.outM).toBeCloseTo(6.660254, 6)
  })

  it('a row longer than the hall cannot fit however it is moved', () => {
    // 80 racks = 80 m along x in a 72 m hall.
    expect(outsideBy(fp(row('r', 0, 10, 0, 80)), { lengthM: 72, widthM: 48 }).fits).toBe(false)
  })

  it('overlap depth: the shortest move that separates two rectangles', () => {
    // A x 10 … 20, y 10 … 11; B x 15 … 25, y 10.4 … 11.4: x shares 5 m, y 0.6 m → 0.6 m.
    const a = row('a', 10, 10)
    expect(overlapDepth(fp(a), fp(row('b', 15, 10.4)))).toBeCloseTo(0.6, 12)
    // C at 90° from (15.5, 5): x 14.5 … 15.5, y 5 … 15, across A. Along x: min(20 − 14.5, 15.5 − 10)
    // = 5.5; along y: min(11 − 5, 15 − 10) = 5 → move C 5 m south (to y 0 … 10) to clear A.
    const c = row('c', 15.5, 5, 90)
    expect(overlapDepth(fp(a), fp(c))).toBeCloseTo(5, 12)
    expect(problems(hall([a, c]))).toMatchObject([{ rule: 'overlap', valueM: 5, limitM: 0 }])
    // Apart by 2 m: −2.
    expect(overlapDepth(fp(a), fp(row('d', 10, 13)))).toBeCloseTo(-2, 12)
  })

  it('a row 1.0 m in front of the intake pads blocks them; the fan tiers above it do not count', () => {
    // Pads x 10 … 30 (10 × 2 m), y 0 … 0.15, 0.5 … 2.5 m high; the row y 1.15 … 2.15: 1.0 m < 1.5 m.
    const r = row('r', 12, 1.15)
    const [p, ...rest] = problems(hall([r], [pads(10, 0, 10)]))
    expect(rest).toEqual([])
    expect(p).toMatchObject({ rule: 'airway', ids: ['r', 'pads'], limitM: 1.5 })
    expect(p!.valueM).toBeCloseTo(1.0, 12)
    // The same pads lifted 3 m (3.5 … 5.5 m high) are above the 2 m row: nothing to judge.
    expect(problems(hall([r], [{ ...pads(10, 0, 10), elevationM: 3.5 }]))).toEqual([])
  })
})
