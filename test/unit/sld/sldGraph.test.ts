// The single-line diagram's graph: identical branches fold into one box "× N", the A and B sides
// stand apart (and ELK lays them out without a crossing), focus keeps one path, voltages come
// from the grid and the transformers' catalog ratio.
import { readFileSync } from 'node:fs'
import ELK from 'elkjs/lib/elk.bundled.js'
import { describe, expect, it } from 'vitest'
import { builtInCatalog, makeCatalog } from '../../../src/model/catalog'
import { parseSceneText } from '../../../src/model/parse'
import type { Row, Scene, Variant } from '../../../src/model/sceneSchema'
import { boxTitle, buildSldGraph, type SldBox, type SldGraph } from '../../../src/ui/sld/sldGraph'
import { layoutGraph, type SldLayout } from '../../../src/ui/sld/sldLayout'
import { FIXTURE_DATA } from '../fixtures/catalog'
import { memoized } from '../fixtures/memoized'

const catalog = builtInCatalog()

function siberia(): Scene {
  const parsed = parseSceneText(readFileSync('scenes/siberia-20mw.json', 'utf8'), catalog)
  if (!parsed.ok) throw new Error('scenes/siberia-20mw.json does not parse')
  return parsed.scene
}
const scene = siberia()
const gb200 = scene.variants.find((v) => v.id === 'gpu-gb200-liquid') as Variant
const gridKV = scene.site.grid.voltageKV

const boxOf = (g: SldGraph, member: string): SldBox => {
  const box = g.boxes.find((b) => b.members.includes(member)) ?? g.boxes.flatMap((b) => b.stack).find((b) => b.members.includes(member))
  if (!box) throw new Error(`no box holds ${member}`)
  return box
}

// A board feeding n rows of 27 shelves of 20 miners; `odd` rows get 26 shelves instead.
function boardWithRows(n: number, odd: string[] = []): Variant {
  const rows: Row[] = Array.from({ length: n }, (_, i) => ({
    id: `row-${i + 1}`,
    position: { x: 2, y: 2 + i * 3 },
    rotationDeg: 0,
    enclosureId: 'shelf',
    rackCount: odd.includes(`row-${i + 1}`) ? 26 : 27,
    deviceId: 'miner',
    devicesPerRack: 20,
    feed: `LV-${i + 1}`,
  }))
  return {
    id: 'v',
    name: 'V',
    power: [
      { id: 'GRID', kind: 'grid', parent: null },
      { id: 'MV', kind: 'switchgear', parent: 'GRID' },
      ...rows.flatMap((r, i) => [
        { id: `T-${i + 1}`, kind: 'transformer' as const, parent: 'MV', modelId: 'tr2500' },
        { id: `LV-${i + 1}`, kind: 'board' as const, parent: `T-${i + 1}`, ratingKVA: 2500 },
      ]),
    ],
    halls: [{ id: 'h', name: 'Hall', origin: { x: 0, y: 0 }, lengthM: 72, widthM: 48, heightM: 8, airScheme: 'wall-to-wall', rows, cooling: [] }],
  }
}
const fixtureCatalog = makeCatalog(FIXTURE_DATA)

describe('folding identical branches', () => {
  it('draws 11 identical transformer → board → row branches once, as "× 11"', () => {
    const g = buildSldGraph(boardWithRows(11), fixtureCatalog, { gridKV: 10 })
    // GRID, MV, and one branch: T, LV, row
    expect(g.boxes.map((b) => `${b.kind}×${b.members.length}`)).toEqual(['grid×1', 'switchgear×1', 'transformer×11', 'board×11', 'row×11'])
    const rows = boxOf(g, 'row-1')
    expect(rows.members).toEqual(Array.from({ length: 11 }, (_, i) => `row-${i + 1}`))
    expect(boxTitle(rows)).toBe('row-1 … 11')
    // the row box is fed by the folded board box, one wire
    expect(g.links.filter((l) => l.target === rows.id).map((l) => l.source)).toEqual(['LV-1'])
  })

  it('keeps a branch that differs (26 shelves instead of 27) apart from the fold', () => {
    const g = buildSldGraph(boardWithRows(11, ['row-4']), fixtureCatalog, { gridKV: 10 })
    expect(boxOf(g, 'row-1').members).toHaveLength(10)
    expect(boxOf(g, 'row-4').members).toEqual(['row-4'])
    expect(boxOf(g, 'T-4').members).toEqual(['T-4'])
    expect(boxOf(g, 'T-5').members).toHaveLength(10)
  })

  it('unfolds a branch when its fold key is opened', () => {
    const folded = buildSldGraph(boardWithRows(11), fixtureCatalog, { gridKV: 10 })
    const key = boxOf(folded, 'T-1').foldKey
    expect(key).not.toBeNull()
    const open = buildSldGraph(boardWithRows(11), fixtureCatalog, { gridKV: 10, expanded: new Set([key ?? '']) })
    expect(open.boxes.filter((b) => b.kind === 'row')).toHaveLength(11)
    expect(open.boxes.every((b) => b.members.length === 1)).toBe(true)
  })

  it('folds the 2N GB200 chain to one A branch and one B branch of 11 feeding one "× 11" row box', () => {
    const g = buildSldGraph(gb200, catalog, { gridKV })
    const rows = boxOf(g, 'row-1.1')
    expect(rows.members).toHaveLength(11)
    for (const side of ['A', 'B']) {
      for (const prefix of ['T-1.', 'UPS-1.', 'BW-1.']) expect(boxOf(g, `${prefix}1${side}`).members).toHaveLength(11)
      expect(boxOf(g, `G-1.${side}1`).members).toHaveLength(6)
    }
    // the row fold has one A cord and one B cord
    expect(g.links.filter((l) => l.target === rows.id).map((l) => `${l.kind}:${l.source}`).sort()).toEqual(['feed:BW-1.1A', 'feedB:BW-1.1B'])
    // 87 power nodes, 11 rows and 20 cooling placements become a diagram of under 30 elements
    expect(g.boxes.length + g.boxes.reduce((n, b) => n + b.stack.length, 0)).toBeLessThan(30)
  })

  it('opens the A and B copies of a fold together', () => {
    const folded = buildSldGraph(gb200, catalog, { gridKV })
    const a = boxOf(folded, 'T-1.1A').foldKey
    expect(a).toBe(boxOf(folded, 'T-1.1B').foldKey)
    const open = buildSldGraph(gb200, catalog, { gridKV, expanded: new Set([a ?? '']) })
    expect(open.boxes.filter((b) => b.kind === 'row')).toHaveLength(11)
    expect(open.boxes.filter((b) => b.kind === 'ups' && b.members.length === 1)).toHaveLength(22)
  })
})

describe('A and B sides', () => {
  const g = buildSldGraph(gb200, catalog, { gridKV })

  it('gives every element of the A chain side A, of the B chain side B, and the dual-corded rows none', () => {
    expect(boxOf(g, 'LV-1.AUXA').side).toBe('A') // inherited from T-1.AUXA
    expect(boxOf(g, 'G-1.A1').side).toBe('A') // from the switchgear it backs
    expect(boxOf(g, 'BW-1.1B').side).toBe('B')
    expect(boxOf(g, 'row-1.1').side).toBeNull()
    expect(boxOf(g, 'GRID').side).toBeNull()
  })

  it('orders the A side left of what both sides feed, and that left of the B side', () => {
    const band = (b: SldBox) => (b.side === 'A' ? 0 : b.side === 'B' ? 2 : 1)
    const bands = g.boxes.map(band)
    expect(bands).toEqual([...bands].sort((x, y) => x - y))
    expect(new Set(bands)).toEqual(new Set([0, 1, 2]))
  })

  it('hangs a load behind a transfer switch under its normal board, with its standby supply as a tag', () => {
    const fans = boxOf(g, 'fans-1.1A')
    expect(fans.side).toBe('A')
    expect(fans.altFeeds).toEqual(['LV-1.AUXB'])
    expect(boxOf(g, 'LV-1.AUXA').stack.map((b) => b.id)).toContain('fans-1.1A')
    expect(g.links.some((l) => l.target === 'fans-1.1A')).toBe(false) // drawn inside the board, no wire across
  })
})

type Seg = [number, number, number, number]
function crossings(layout: SldLayout): string[] {
  const segs: { id: string; s: Seg }[] = layout.links.flatMap((l) =>
    l.points.slice(1).map((p, i) => ({ id: l.id, s: [l.points[i]?.x ?? 0, l.points[i]?.y ?? 0, p.x, p.y] as Seg })),
  )
  const found: string[] = []
  for (const [i, a] of segs.entries()) {
    for (const b of segs.slice(i + 1)) {
      if (a.id === b.id) continue
      const aH = a.s[1] === a.s[3]
      if (aH === (b.s[1] === b.s[3])) continue
      const [h, v] = aH ? [a.s, b.s] : [b.s, a.s]
      const inside = (x: number, p: number, q: number) => x > Math.min(p, q) + 0.5 && x < Math.max(p, q) - 0.5
      if (inside(v[0], h[0], h[2]) && inside(h[1], v[1], v[3])) found.push(`${a.id} × ${b.id}`)
    }
  }
  return found
}

describe('layout (ELK, bundled)', () => {
  const elk = new ELK()
  // Each variant of the example scene laid out once, whichever test asks first: the 2N test reads
  // the GB200 variant's layout, the crossing test every variant's (layoutGraph changes no graph).
  const layoutOf = memoized(
    (v: Variant): Promise<SldLayout> => layoutGraph(buildSldGraph(v, catalog, { gridKV }), elk),
    (v) => v.id,
  )

  it('lays the folded 2N chain out with no crossing wires, the A side left of the B side at every height', async () => {
    const layout = await layoutOf(gb200)
    expect(crossings(layout)).toEqual([])
    // At every height, what stands on the A side is left of what stands on the B side.
    const a = layout.boxes.filter((b) => b.side === 'A')
    const b = layout.boxes.filter((box) => box.side === 'B')
    const level = (p: SldBox & { y: number }, q: SldBox & { y: number }) => p.y < q.y + q.heightPx && q.y < p.y + p.heightPx
    const overlapping = a.flatMap((p) => b.filter((q) => level(p, q) && p.x + p.widthPx >= q.x).map((q) => `${p.id} / ${q.id}`))
    expect(overlapping).toEqual([])
    expect(a.length).toBeGreaterThan(5)
    // every wire was routed
    expect(layout.links.every((l) => l.points.length >= 2)).toBe(true)
  })

  it('lays the 100 MW campus (1,641 power nodes, PDU per shelf) out as ~50 elements without crossings', async () => {
    const parsed = parseSceneText(readFileSync('scenes/campus-100mw.json', 'utf8'), catalog)
    if (!parsed.ok) throw new Error('scenes/campus-100mw.json does not parse')
    const v = parsed.scene.variants[0] as Variant
    const g = buildSldGraph(v, catalog, { gridKV: parsed.scene.site.grid.voltageKV })
    expect(g.boxes.length).toBeLessThan(60)
    expect(boxOf(g, 'PDU-1.1.1').members.length).toBeGreaterThan(100)
    expect(crossings(await layoutGraph(g, elk))).toEqual([])
  })

  it('lays every variant of the example scene out without crossings', async () => {
    for (const v of scene.variants) {
      const layout = await layoutOf(v)
      expect(crossings(layout), v.id).toEqual([])
    }
  })
})

describe('focus: the path from the grid to one load', () => {
  it('keeps row 1.5, both its supplies up to the grid and their generators, nothing else', () => {
    const g = buildSldGraph(gb200, catalog, { gridKV, focus: 'row-1.5' })
    const ids = g.boxes.flatMap((b) => [...b.members, ...b.stack.flatMap((s) => s.members)]).sort()
    const expected = ['GRID', 'ST-1', 'ST-2', 'MV-1.A', 'MV-1.B', 'T-1.5A', 'T-1.5B', 'UPS-1.5A', 'UPS-1.5B', 'BW-1.5A', 'BW-1.5B', 'row-1.5']
    const gensets = ['A', 'B'].flatMap((s) => [1, 2, 3, 4, 5, 6].map((i) => `G-1.${s}${i}`))
    expect(ids).toEqual([...expected, ...gensets].sort())
  })

  it('draws a load behind a transfer switch with both supplies', () => {
    const g = buildSldGraph(gb200, catalog, { gridKV, focus: 'cdus-1A' })
    const into = g.links.filter((l) => l.target === 'cdus-1A').map((l) => `${l.kind}:${l.source}`)
    expect(into.sort()).toEqual(['alt:LV-1.AUXB', 'feed:LV-1.AUXA'])
  })
})

describe('fold tags', () => {
  const tag = (members: string[]) => boxTitle({ ...buildSldGraph(boardWithRows(1), fixtureCatalog).boxes[0], members } as SldBox)
  it('names a run by its ends and a skipping set by its first two and last', () => {
    expect(tag(Array.from({ length: 11 }, (_, i) => `T-1.${i + 1}A`))).toBe('T-1.1A … 11A')
    expect(tag(['T-1.1', 'T-1.3', 'T-1.5', 'T-1.7', 'T-1.9', 'T-1.11'])).toBe('T-1.1, 3 … 11')
    expect(tag(['G-1.A1', 'G-1.A2', 'G-1.A3'])).toBe('G-1.A1 … A3')
  })
})

describe('voltage levels', () => {
  const g = buildSldGraph(gb200, catalog, { gridKV })
  it('reads the grid voltage, the transformer ratio from the catalog, and the level below', () => {
    expect(boxOf(g, 'GRID').kvLabel).toBe('110 kV')
    const t = catalog.transformers.get('tmg-2500-10-04')
    expect(boxOf(g, 'T-1.1A').kvLabel).toBe(`${t?.primaryKV}/${t?.secondaryKV} kV`)
    // a bus is named by the nominal voltage of the transformers it feeds (10 kV), not 10.5 kV
    expect(boxOf(g, 'MV-1.A').kvLabel).toBe('10 kV')
    expect(boxOf(g, 'LV-1.AUXA').kvLabel).toBe('0.4 kV')
    expect(boxOf(g, 'BW-1.1A').kvLabel).toBe('0.4 kV')
  })
})
