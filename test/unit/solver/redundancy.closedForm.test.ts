// The N+1 closed form (power/nPlusOne.ts) against the reference: the whole chain re-solved for
// every case (power/redundancy.ts with resolveEveryCase). Random N+1 groups of transformers (with
// and without a catalog model, re-rated), UPS modules and boards, rated and unrated, under one or
// two parents below a substation transformer, with rows on members, below members and beside them.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { resolveParams } from '../../../src/model/params'
import { parseScene } from '../../../src/model/parse'
import type { PowerNode, Row, Scene } from '../../../src/model/sceneSchema'
import { attachLoads, variantLoads } from '../../../src/solver/loads'
import { loadArrays, solveFlow } from '../../../src/solver/power/flow'
import { analyseRedundancy } from '../../../src/solver/power/redundancy'
import { fixtureCatalog } from '../fixtures/catalog'

const member = fc.record({
  kind: fc.constantFrom('transformer', 'transformer-unmodelled', 'ups', 'board', 'board-unrated'),
  ratingKVA: fc.constantFrom(400, 1250, 1600, 2500),
  efficiency: fc.constantFrom(0.9, 0.95, 1),
  underSecond: fc.boolean(),
  row: fc.constantFrom('none', 'on', 'below'),
  racks: fc.integer({ min: 1, max: 30 }),
})

const groupScene = fc.record({ members: fc.array(member, { minLength: 2, maxLength: 7 }), besideRacks: fc.integer({ min: 0, max: 20 }), limit: fc.constantFrom(0.8, 1, 1.2) }).map(({ members, besideRacks, limit }) => {
  const power: PowerNode[] = [
    { id: 'GRID', kind: 'grid', parent: null },
    { id: 'ST', kind: 'transformer', parent: 'GRID', modelId: 'tr2500', ratingKVA: 40_000 },
    { id: 'SW1', kind: 'switchgear', parent: 'ST', ratingKVA: 30_000 },
    { id: 'SW2', kind: 'switchgear', parent: 'ST' },
    { id: 'AUX', kind: 'board', parent: 'SW1', ratingKVA: 2000 },
  ]
  const rows: Row[] = []
  const row = (id: string, feed: string, rackCount: number): Row => ({ id, position: { x: 0, y: 0 }, rotationDeg: 0, enclosureId: 'shelf', rackCount, deviceId: 'miner', devicesPerRack: 20, feed })
  if (besideRacks > 0) rows.push(row('beside', 'AUX', besideRacks))
  members.forEach((m, i) => {
    const id = `M${i}`
    const parent = m.underSecond ? 'SW2' : 'SW1'
    const redundancy = { group: 'G', scheme: 'N+1' as const }
    if (m.kind === 'transformer') power.push({ id, kind: 'transformer', parent, modelId: i % 2 ? 'tr1600' : 'tr2500', ratingKVA: m.ratingKVA, redundancy })
    else if (m.kind === 'transformer-unmodelled') power.push({ id, kind: 'transformer', parent, ratingKVA: m.ratingKVA, redundancy })
    else if (m.kind === 'ups') power.push({ id, kind: 'ups', parent, ratingKVA: m.ratingKVA, efficiency: m.efficiency, redundancy })
    else if (m.kind === 'board') power.push({ id, kind: 'board', parent, ratingKVA: m.ratingKVA, redundancy })
    else power.push({ id, kind: 'board', parent, redundancy })
    if (m.row === 'on') rows.push(row(`r${i}`, id, m.racks))
    if (m.row === 'below') {
      power.push({ id: `B${i}`, kind: 'board', parent: id, ratingKVA: 800 })
      rows.push(row(`r${i}`, `B${i}`, m.racks))
    }
  })
  const scene: Scene = {
    version: 1,
    name: 'closed form',
    site: { name: 's', climateId: 'flat20', grid: { capacityMVA: 60, voltageKV: 110, minPowerFactor: 0.9 } },
    params: { emergencyOverloadFactor: limit },
    variants: [{ id: 'v', name: 'V', halls: [{ id: 'h', name: 'H', origin: { x: 0, y: 0 }, lengthM: 60, widthM: 40, heightM: 6, airScheme: 'wall-to-wall', rows, cooling: [] }], power }],
  }
  return scene
})

function analyse(scene: Scene, resolveEveryCase: boolean) {
  const variant = scene.variants[0]!
  const params = resolveParams(scene.params)
  const loads = variantLoads(variant, fixtureCatalog, params)
  const attached = attachLoads(loads)
  const base = solveFlow(variant, scene.site, fixtureCatalog, attached.byNode)
  const { kw, kvar } = loadArrays(base.chain, attached.byNode)
  const groups = analyseRedundancy({ variant, params, loads, base, attached, baseKW: kw, baseKvar: kvar, requiredTier: 'N+1', resolveEveryCase })
  // Nodes loaded alike to the last bits may come in either order (the two ways round differently):
  // overloads are compared as sets, the worst node by its loading.
  for (const g of groups) {
    for (const c of g.contingencies) {
      c.overloaded.sort((a, b) => a.nodeId.localeCompare(b.nodeId))
      if (c.worst) c.worst.nodeId = c.worst.name = '(worst)'
    }
  }
  return { groups, worst: base.nodes.map((n) => n.contingencyUtilisation) }
}

/** Equal up to rounding: every number within 1e-9 relative. */
function close(a: unknown, b: unknown, path = ''): string[] {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)) ? [] : [`${path}: ${a} ≠ ${b}`]
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b ? [] : [`${path}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`]
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  return [...keys].flatMap((k) => close((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`))
}

describe('N+1 in closed form = the chain re-solved for every case', () => {
  it('gives the same cases, worst nodes, overloads and worst loadings', () => {
    fc.assert(
      fc.property(groupScene, (scene) => {
        const parsed = parseScene(scene, fixtureCatalog)
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues))
        const fast = analyse(scene, false)
        const reference = analyse(scene, true)
        expect(close(fast, reference)).toEqual([])
      }),
      { numRuns: 300 },
    )
  })
})
