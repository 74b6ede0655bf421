// A loss that leaves racks dark because they hang on one side only is priced as what brings them
// back: a B-side feed for those racks, sized for their load alone within the continuous-load
// margin, as the N-1 advice names it; not one more unit like the lost one, which gives them no
// second path. Where the old remedy was right (an N+1 group short of its load, a tier made N+1
// with ties) its price is unchanged.
import { describe, expect, it } from 'vitest'
import { solveVariant } from '../../../src/solver'
import { resolveEconomicsInputs } from '../../../src/solver/economics/economics'
import { priceUpgrades, reportPricing } from '../../../src/solver/economics/upgradePrices'
import type { PowerNode, Row, Scene } from '../../../src/model/sceneSchema'
import { fixtureCatalog } from '../fixtures/catalog'
import { fans, oneRowScene } from '../fixtures/scenes'

const prices = fixtureCatalog.economics.inputs

function priced(scene: Scene) {
  const v = scene.variants[0]!
  const report = solveVariant(scene, v.id, fixtureCatalog)
  return { report, lines: priceUpgrades(reportPricing(report, v, fixtureCatalog, resolveEconomicsInputs(scene, v, fixtureCatalog))) }
}

// Each rack: 20 miners × 3.5 kW = 70 kW at PF 0.99 → 70 / 0.99 = 70.707 kVA; a row of 10 racks
// 707.07 kVA. Its B-side feed, sized to carry it alone within the 80 % continuous-load margin:
// 707.07 / 0.8 = 883.84 kVA of LV board (priced per kVA of LV switchgear and busway, 60 USD/kVA)
// = 53,030.30 USD, and a B-side circuit per rack: 10 × 2,500 USD = 25,000 USD. In all 78,030.30 USD.
const ROW_KVA = (10 * 20 * 3.5) / 0.99
const FEED_KVA = ROW_KVA / 0.8
const FEED_USD = FEED_KVA * 60 + 10 * 2500

/** 2N transformers TA (side A) and TB (side B), a board under each (LA, LB); Row dual-fed from
 *  LA and LB, Row 2 (10 racks) from LA alone. Losing TA leaves Row 2 dark. */
function darkScene(o: { boards2N?: boolean; tier?: '2N'; row2FeedB?: string; extraPower?: PowerNode[] } = {}): Scene {
  const row2: Row = { id: 'r2', name: 'Row 2', position: { x: 5, y: 15 }, rotationDeg: 0, enclosureId: 'shelf', rackCount: 10, deviceId: 'miner', devicesPerRack: 20, feed: 'LA', ...(o.row2FeedB ? { feedB: o.row2FeedB } : {}) }
  const s = oneRowScene({ rackCount: 10, extraRows: [row2] })
  const v = s.variants[0]!
  if (o.tier) v.requiredTier = o.tier
  Object.assign(v.halls[0]!.rows[0]!, { feed: 'LA', feedB: 'LB' })
  const boards = (side: 'A' | 'B') => (o.boards2N ? { redundancy: { group: 'L', scheme: '2N' as const, side } } : {})
  v.power = [
    { id: 'GRID', kind: 'grid', parent: null },
    { id: 'TA', kind: 'transformer', parent: 'GRID', modelId: 'tr1600', redundancy: { group: 'T', scheme: '2N', side: 'A' } },
    { id: 'TB', kind: 'transformer', parent: 'GRID', modelId: 'tr1600', redundancy: { group: 'T', scheme: '2N', side: 'B' } },
    { id: 'LA', kind: 'board', parent: 'TA', ...boards('A') },
    { id: 'LB', kind: 'board', parent: 'TB', ...boards('B') },
    ...(o.extraPower ?? []),
  ]
  return s
}

describe('N-1: racks left dark on one side get a B-side feed', () => {
  const { report, lines } = priced(darkScene())
  const check = report.checks.find((c) => c.id === 'redundancy.n1:T')!
  const line = lines.find((l) => l.kind === 'redundancy.n1')!

  it('losing TA leaves Row 2 dark: the N-1 of group T fails on it, not on an overload', () => {
    expect(check.status).toBe('fail')
    expect(check.note).toBe('loss of TA leaves 1 row(s) without power')
    const lossTA = report.power.groups.find((g) => g.id === 'T')!.contingencies.find((c) => c.lost.includes('TA'))!
    expect(lossTA.deEnergisedRows).toEqual(['r2'])
    expect(lossTA.overloaded).toEqual([])
  })

  it('is priced as a 884 kVA B-side feed and 10 rack circuits, 78,030 USD (was a 1,600 kVA transformer, 72,000 USD)', () => {
    expect(prices.buswayUsdPerKVA).toBe(60)
    expect(prices.rackCircuitUsd).toBe(2500)
    expect(FEED_KVA).toBeCloseTo(883.84, 2)
    expect(line.costUsd).toBeCloseTo(FEED_USD, 6)
    expect(line.costUsd).toBeCloseTo(78030.3, 1)
    expect(line.basis).toBe('884 kVA × 60 USD/kVA + 10 racks × 2,500 USD')
    expect(line.sources.map((s) => s.name)).toEqual(['buswayUsdPerKVA', 'rackCircuitUsd'])
    expect(line.sources.map((s) => s.name)).not.toContain('transformerUsdPerKVA')
  })

  it('the advice names the same remedy with the same figures, and the line says it', () => {
    const advice = report.power.advice.filter((a) => a.checkId === check.id)
    expect(advice.map((a) => a.text)).toEqual([
      'loss of TA leaves Row 2 without power: add a B-side feed for 10 racks (884 kVA) from the side that survives, so that every rack is fed from A and B',
    ])
    expect(line.text).toBe(advice[0]!.text)
  })

  it('the priced feed brings the racks back; one more transformer beside TA does not', () => {
    // Row 2 fed from LB too: losing TA puts both rows on TB, 2 × 707.07 = 1,414.14 kVA of 1,600
    // (88.4 %, under the 95 % warning band of its emergency limit): group T passes.
    const fed = priced(darkScene({ row2FeedB: 'LB' })).report
    const t = fed.checks.find((c) => c.id === 'redundancy.n1:T')!
    expect(t.status).toBe('ok')
    expect(t.value! / 100).toBeCloseTo((2 * ROW_KVA) / 1600, 2)
    // The old price: a second 1,600 kVA transformer on side A. Row 2 still hangs on LA alone.
    const twin = priced(darkScene({ extraPower: [{ id: 'TA2', kind: 'transformer', parent: 'GRID', modelId: 'tr1600', redundancy: { group: 'T', scheme: '2N', side: 'A' } }] })).report
    expect(twin.checks.find((c) => c.id === 'redundancy.n1:T')!.status).toBe('fail')
    expect(twin.power.groups.find((g) => g.id === 'T')!.contingencies.find((c) => c.lost.includes('TA'))!.deEnergisedRows).toEqual(['r2'])
  })

  it('racks two groups leave dark are fed once: boards LA/LB as a 2N group too', () => {
    // Losing LA (group L) leaves Row 2 dark as well: two failing N-1 checks, one feed.
    const { report: r, lines: l } = priced(darkScene({ boards2N: true }))
    expect(r.checks.filter((c) => c.kind === 'redundancy.n1' && c.status === 'fail').map((c) => c.id).sort()).toEqual(['redundancy.n1:L', 'redundancy.n1:T'])
    const n1 = l.find((x) => x.kind === 'redundancy.n1')!
    expect(n1.checks).toBe(2)
    expect(n1.costUsd).toBeCloseTo(FEED_USD, 6)
    expect(n1.basis).toBe('884 kVA × 60 USD/kVA + 10 racks × 2,500 USD')
  })

  it('a row fed rack by rack, half from each side: each loss darkens 5 racks, 442 kVA of PDU feed each, priced together', () => {
    // Row 2's racks 1–5 on PDU PA under LA, 6–10 on PB under LB, no B side: losing TA darkens 5,
    // losing TB the other 5. Each: 5 × 70.707 / 0.8 = 441.92 kVA of PDU feed (LV distribution, 60
    // USD/kVA); both cases: 883.84 kVA × 60 + 10 racks × 2,500 = 78,030.30 USD.
    const s = darkScene({ extraPower: [{ id: 'PA', kind: 'pdu', parent: 'LA' }, { id: 'PB', kind: 'pdu', parent: 'LB' }] })
    Object.assign(s.variants[0]!.halls[0]!.rows[1]!, { rackFeeds: ['PA', 'PA', 'PA', 'PA', 'PA', 'PB', 'PB', 'PB', 'PB', 'PB'] })
    const { report: r, lines: l } = priced(s)
    const advice = r.power.advice.filter((a) => a.checkId === 'redundancy.n1:T').map((a) => a.text)
    expect(advice).toEqual([
      'loss of TA leaves Row 2 without power: add a B-side feed for 5 racks (442 kVA) from the side that survives, so that every rack is fed from A and B',
      'loss of TB leaves Row 2 without power: add a B-side feed for 5 racks (442 kVA) from the side that survives, so that every rack is fed from A and B',
    ])
    const n1 = l.find((x) => x.kind === 'redundancy.n1')!
    expect(n1.costUsd).toBeCloseTo(2 * ((5 * ROW_KVA) / 10 / 0.8) * 60 + 10 * 2500, 6)
    expect(n1.costUsd).toBeCloseTo(FEED_USD, 6)
    expect(n1.basis).toBe('884 kVA × 60 USD/kVA + 10 racks × 2,500 USD')
  })

  it('under 2N the dual-feed line buys the same feed: the N-1 line is in it, not priced twice', () => {
    const { report: r, lines: l } = priced(darkScene({ tier: '2N' }))
    expect(r.checks.find((c) => c.id === 'redundancy.dual:r2')!.status).toBe('fail')
    const dual = l.find((x) => x.kind === 'redundancy.dual')!
    expect(dual.costUsd).toBeCloseTo(FEED_USD, 6)
    expect(dual.basis).toBe('884 kVA × 60 USD/kVA + 10 racks × 2,500 USD')
    expect(dual.text).toBe('feed every rack of 1 row(s) (Row 2) from a B side too: a B-side feed for 10 racks (884 kVA)')
    const n1 = l.find((x) => x.kind === 'redundancy.n1')!
    expect(n1).toMatchObject({ costUsd: 0, includedIn: 'redundancy.dual' })
  })
})

describe('N-1: racks left dark at the end of a deep chain', () => {
  it('a row 20,000 boards below LA, on the side of LA alone: the same 884 kVA feed of LV board, priced and advised without a recursion through the chain', () => {
    // The scene format allows a chain of any depth (issue 13: walks over it are iterative). The
    // row hangs on D19999 below D0 … below LA; losing TA darkens it as it darkens Row 2 on LA.
    const depth = 20_000
    const chain: PowerNode[] = Array.from({ length: depth }, (_, k) => ({ id: `D${k}`, kind: 'board', parent: k === 0 ? 'LA' : `D${k - 1}` }))
    const scene = darkScene({ extraPower: chain })
    scene.variants[0]!.halls[0]!.rows[1]!.feed = `D${depth - 1}`
    const { report, lines } = priced(scene)
    const n1 = lines.find((l) => l.kind === 'redundancy.n1')!
    expect(n1.costUsd).toBeCloseTo(FEED_USD, 6)
    expect(n1.basis).toBe('884 kVA × 60 USD/kVA + 10 racks × 2,500 USD')
    expect(report.power.advice.find((a) => a.checkId === 'redundancy.n1:T')!.text).toBe(n1.text)
  }, 60_000)
})

describe('tier: the redundant unit where it brings the racks back', () => {
  it('N+1: one more unit like each group’s first, 114,424 USD as before, and with them no rack goes dark', () => {
    // T1 1,600 kVA × 45 USD/kVA = 72,000 USD; LV (unrated) at its load, 707.07 kVA × 60 USD/kVA
    // = 42,424.24 USD: 114,424.24 USD, the price before this change.
    const s = oneRowScene({ rackCount: 10 })
    s.variants[0]!.requiredTier = 'N+1'
    const { lines } = priced(s)
    const tier = lines.find((l) => l.kind === 'redundancy.tier')!
    expect(tier.costUsd).toBeCloseTo(1600 * 45 + ROW_KVA * 60, 6)
    expect(tier.costUsd).toBeCloseTo(114424.24, 1)
    expect(tier.basis).toBe('1,600 kVA × 45 USD/kVA + 707 kVA × 60 USD/kVA')
    expect(tier.text).toBe('make T1 redundant: add a 1,600 kVA transformer (TMG-1600) in an N+1 pair with a tie; make LV redundant: add a 707 kVA board in an N+1 pair with a tie')
    // Built as advised (ties share the lost member's load): every N-1 case keeps the row lit.
    const built = oneRowScene({ rackCount: 10, extraPower: [{ id: 'T2', kind: 'transformer', parent: 'GRID', modelId: 'tr1600', redundancy: { group: 'T', scheme: 'N+1' } }, { id: 'LV2', kind: 'board', parent: 'T2', redundancy: { group: 'L', scheme: 'N+1' } }] })
    const v = built.variants[0]!
    v.requiredTier = 'N+1'
    v.power[1]!.redundancy = { group: 'T', scheme: 'N+1' }
    v.power[2]!.redundancy = { group: 'L', scheme: 'N+1' }
    const r = solveVariant(built, v.id, fixtureCatalog)
    expect(r.checks.filter((c) => c.kind === 'redundancy.tier' && c.status === 'fail')).toEqual([])
    for (const g of r.power.groups) for (const c of g.contingencies) expect(c.deEnergisedRows).toEqual([])
  })

  it('2N: the B side of the board the racks hang on alone is their B-side feed, priced once in the dual-feed line', () => {
    // Before: the tier line bought a 707 kVA board twin (42,424 USD) and the dual line a 707 kVA
    // B side (42,424 USD + 25,000 USD): the same board twice, at two sizes. Now the tier line
    // buys the B-side transformer, 1,600 × 45 = 72,000 USD, and names the feed the dual line buys:
    // 78,030.30 USD.
    const s = oneRowScene({ rackCount: 10 })
    s.variants[0]!.requiredTier = '2N'
    const { report, lines } = priced(s)
    const tier = lines.find((l) => l.kind === 'redundancy.tier')!
    expect(tier.costUsd).toBe(1600 * 45)
    expect(tier.basis).toBe('1,600 kVA × 45 USD/kVA')
    const lvAdvice = report.power.advice.find((a) => a.checkId === 'redundancy.tier:LV')!.text
    expect(lvAdvice).toBe('make LV redundant (2N): its B side is a B-side feed for 10 racks (884 kVA) that carries them alone')
    const dual = lines.find((l) => l.kind === 'redundancy.dual')!
    expect(dual.costUsd).toBeCloseTo(FEED_USD, 6)
    expect(dual.text).toMatch(/a B-side feed for 10 racks \(884 kVA\)$/)
  })
})

describe('N-1 of an N+1 group short of its load: more members, as before', () => {
  it('two 1,600 kVA transformers in N+1 carrying 25 racks: one more, 72,000 USD, no B-side feed', () => {
    // 25 × 70.707 = 1,767.7 kVA of racks; T1 + T2 take in that and their own losses and
    // magnetising and leakage kvar: Σ load ≈ 1,821 kVA. One lost, the other must carry it within
    // 1.0 × 0.95 of its rating: need = 1,821 / 0.95 ≈ 1,917 kVA > 1,600 (the survivor) →
    // ⌈(1,917 − 1,600) / 1,600⌉ = 1 more 1,600 kVA unit × 45 USD/kVA = 72,000 USD.
    const s = oneRowScene({ rackCount: 25, extraPower: [{ id: 'T2', kind: 'transformer', parent: 'GRID', modelId: 'tr1600', redundancy: { group: 'T', scheme: 'N+1' } }] })
    const v = s.variants[0]!
    v.power[1]!.redundancy = { group: 'T', scheme: 'N+1' }
    const { report, lines } = priced(s)
    expect(report.checks.find((c) => c.id === 'redundancy.n1:T')!.status).toBe('fail')
    const load = report.nodes.filter((n) => n.id === 'T1' || n.id === 'T2').reduce((sum, n) => sum + n.loadKVA, 0)
    expect(load).toBeGreaterThan(25 * (70 / 0.99))
    expect(load).toBeCloseTo(1821, -1)
    const need = load / (1.0 * 0.95)
    expect(Math.ceil((need - 1600) / 1600)).toBe(1)
    const n1 = lines.find((l) => l.kind === 'redundancy.n1')!
    expect(n1.costUsd).toBe(1 * 1600 * 45)
    expect(n1.basis).toBe('1,600 kVA × 45 USD/kVA')
    expect(n1.text).toBe(`add 1 × 1,600 kVA transformer to group T so it carries ${Math.round(need).toLocaleString('en-US')} kVA with one member lost (N+1)`)
    expect(n1.sources.map((x) => x.name)).toEqual(['transformerUsdPerKVA'])
  })
})

describe('N-1: cooling a loss stops, that racks need, gets a second supply', () => {
  it('10 fans on LA alone: a 16 kVA B-side feed, 937.50 USD (was a 1,600 kVA transformer, 72,000 USD)', () => {
    // Both rows dual-fed; the fans hang on LA only. Losing TA stops them and the racks overheat.
    // Fans: 10 × 1 kW at PF 0.8 = 12.5 kVA; within the 80 % margin 12.5 / 0.8 = 15.625 kVA of LV
    // board × 60 USD/kVA = 937.50 USD.
    const s = darkScene({ row2FeedB: 'LB' })
    s.variants[0]!.halls[0]!.cooling = [fans(10, 'LA')]
    const { report, lines } = priced(s)
    const lossTA = report.power.groups.find((g) => g.id === 'T')!.contingencies.find((c) => c.lost.includes('TA'))!
    expect(lossTA.deEnergisedRows).toEqual([])
    expect(lossTA.deEnergisedCooling).toEqual(['fans'])
    expect(lossTA.coolingConsequences.some((q) => q.rowsOverLimit.length > 0)).toBe(true)
    const n1 = lines.find((l) => l.kind === 'redundancy.n1')!
    expect(n1.costUsd).toBeCloseTo(((10 * 1) / 0.8 / 0.8) * 60, 6)
    expect(n1.costUsd).toBeCloseTo(937.5, 6)
    expect(n1.basis).toBe('16 kVA × 60 USD/kVA')
    const advice = report.power.advice.filter((a) => a.checkId === 'redundancy.n1:T').map((a) => a.text)
    expect(advice).toEqual(['loss of TA stops cooling its racks need (fans): feed that cooling from the other side too, through a transfer switch (a B-side feed of 16 kVA)'])
    expect(n1.text).toBe(advice[0])
    // The priced supply keeps it running: fans with feedB LB lose nothing with TA.
    const fed = structuredClone(s)
    fed.variants[0]!.halls[0]!.cooling = [{ ...fans(10, 'LA'), feedB: 'LB' }]
    const after = solveVariant(fed, 'v', fixtureCatalog)
    expect(after.power.groups.find((g) => g.id === 'T')!.contingencies.every((c) => c.deEnergisedCooling.length === 0)).toBe(true)
  })
})
