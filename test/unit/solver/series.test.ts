// Rows in series (checks/cooling/series.ts): which row breathes which row's exhaust, by hand on
// plans small enough to draw, and the verdict it gives the example scene's variants.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { builtInCatalog } from '../../../src/model/catalog'
import { parseScene } from '../../../src/model/parse'
import type { Row } from '../../../src/model/sceneSchema'
import { solveVariant } from '../../../src/solver'
import { rowsInSeries } from '../../../src/solver/checks/cooling/series'
import type { RowLoad } from '../../../src/solver/loads'
import { NO_YEAR } from './noYear'

const catalog = builtInCatalog()
// mining-shelf-5x4: 2 m wide, 0.6 m deep, 2 m tall (models/enclosures.json); 4 bays = an 8 m row.
const DEPTH = 0.6
const LENGTH = 8

function row(id: string, x: number, y: number, rotationDeg = 0, heatAirKW = 100): RowLoad {
  const r = { id, name: id, enclosureId: 'mining-shelf-5x4', rackCount: 4, position: { x, y }, rotationDeg } as unknown as Row
  return { row: r, heatAirKW } as unknown as RowLoad
}
const pairs = (rows: RowLoad[]) => rowsInSeries(rows, catalog).map((p) => [p.upstream.row.id, p.downstream.row.id, Number(p.gapM.toFixed(6))])

describe('rowsInSeries', () => {
  it('a row behind another turned the same way breathes its exhaust: the gap is rear face to front face', () => {
    // Rotation 0: fronts face −y. Row a spans y 0–0.6, its rear at 0.6; b's front at 0.6 + 3 = 3.6.
    expect(pairs([row('a', 0, 0), row('b', 0, DEPTH + 3)])).toEqual([['a', 'b', 3]])
    // Listed the other way round, the same pair.
    expect(pairs([row('b', 0, DEPTH + 3), row('a', 0, 0)])).toEqual([['a', 'b', 3]])
  })

  it('rows back to back or front to front are a hot or a cold aisle, not a series', () => {
    // b turned 180°: u = −x, n = −y; its corner at (8, 2·0.6 + 3) puts its rear face at y = 0.6 + 3
    // (facing a's rear: a hot aisle) — and at (8, −3) its front faces a's front across 3 m.
    expect(pairs([row('a', 0, 0), row('b', LENGTH, 2 * DEPTH + 3, 180)])).toEqual([])
    expect(pairs([row('a', 0, 0), row('b', LENGTH, -3, 180)])).toEqual([])
  })

  it('three rows in series: each takes the nearest row before it, not one further up', () => {
    const rows = [row('a', 0, 0), row('b', 0, 4), row('c', 0, 8)]
    expect(pairs(rows)).toEqual([
      ['a', 'b', 4 - DEPTH],
      ['b', 'c', 4 - DEPTH],
    ])
  })

  it('no pair when the rows do not overlap along their length, or the upstream row puts no heat into the air', () => {
    expect(pairs([row('a', 0, 0), row('b', LENGTH + 1, 4)])).toEqual([])
    // A rear door that takes the row's whole heat leaves nothing to re-breathe.
    expect(pairs([row('a', 0, 0, 0, 0), row('b', 0, 4)])).toEqual([])
    // Only the upstream row's heat matters: a cold row behind a heated one still breathes it.
    expect(pairs([row('a', 0, 0), row('b', 0, 4, 0, 0)])).toEqual([['a', 'b', 4 - DEPTH]])
  })
})

describe('the example scene', () => {
  const parsed = parseScene(JSON.parse(readFileSync('scenes/siberia-20mw.json', 'utf8')), catalog)
  if (!parsed.ok) throw new Error('example scene does not parse')
  const series = (variantId: string) => solveVariant(parsed.scene, variantId, catalog, NO_YEAR).checks.filter((c) => c.kind === 'inlet.series')

  it('asic-baseline: all eleven rows face the pads, so ten breathe the row before them — a warning in the verdict', () => {
    const [c] = series('asic-baseline')
    expect(c).toMatchObject({ status: 'warn', value: 10, limit: 0 })
    expect(c!.note).toMatch(/^Row 1\.2 takes in Row 1\.1’s exhaust across 3\.3 m \(10 rows so\)/)
  })

  it('gpu-h100-rear-door: the doors take every rack’s heat, nothing to re-breathe, no check', () => {
    expect(series('gpu-h100-rear-door')).toEqual([])
  })
})
