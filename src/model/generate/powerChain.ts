// Power chains for generated halls.
//   mining: N. Two 10 kV sections per hall (rows alternate), one 10/0.4 kV unit transformer and LV
//           board per row, optionally a PDU per shelf; an auxiliary transformer for fans and pumps.
//   ai-2n:  2N to the rack. Per row an A and a B path (unit transformer → UPS → busway), racks
//           dual-corded; 10 kV sections A and B, each with N+1 diesel generators; auxiliary
//           transformers A and B share the cooling plant.
// Both hang from the site's substation transformers, an N+1 group with a bus tie.
import type { Catalog } from '../catalog'
import type { CoolingPlacement, PowerNode, Row } from '../sceneSchema'

export type ChainDesign = 'mining' | 'ai-2n'

export interface ChainOptions {
  hall: number
  hallWidthM: number
  rowYs: number[]
  unitTransformerId: string
  substationTransformers: number
  /** One PDU node per shelf (mining); a hundred-MW campus then has thousands of nodes. */
  rackPdus: boolean
  /** Electrical load of the auxiliary (cooling) plant, kW. */
  auxKW: number
}

const AUX_TRANSFORMERS = ['tmg-1000-10-04', 'tmg-1600-10-04', 'tmg-2500-10-04']
/** Aux transformers are sized to run at most this loaded (pf ≈ 0.9), inside the continuous-load margin. */
const AUX_TARGET_LOADING = 0.75
/** AI design figures, engineering-data.md §5 (approx): double-conversion UPS 94–97 %. */
const UPS_EFFICIENCY = 0.96
const UPS_AUTONOMY_MIN = 6
/** A 4000 A busway at 400 V: √3 × 0.4 kV × 4000 A = 2771 kVA. */
const BUSWAY_KVA = 2771
const GENSET_KVA = 2500
/** Per shelf PDU on a 160 A three-phase circuit: √3 × 0.4 × 160 = 110.9 kVA. */
const SHELF_PDU_KVA = 110.9

function auxModel(catalog: Catalog, kw: number): string {
  return (
    AUX_TRANSFORMERS.find((id) => (catalog.transformers.get(id)?.ratingKVA ?? 0) * AUX_TARGET_LOADING >= kw / 0.9) ??
    AUX_TRANSFORMERS[AUX_TRANSFORMERS.length - 1]!
  )
}

function substationFor(o: ChainOptions, side: number): string {
  return `ST-${((2 * o.hall + side) % o.substationTransformers) + 1}`
}

export interface ChainResult {
  nodes: PowerNode[]
  /** Feeds for each row, by index. */
  feeds: Pick<Row, 'feed' | 'feedB' | 'rackFeeds' | 'circuitKVA'>[]
  /** The auxiliary boards cooling can hang from: [A] for mining, [A, B] for 2N. */
  auxBoards: string[]
}

export function miningChain(o: ChainOptions, catalog: Catalog, racksPerRow: number[]): ChainResult {
  const h = o.hall + 1
  const hallId = `hall-${h}`
  const sections = ['A', 'B'].map((letter, i) => ({
    id: `MV-${h}.${letter}`,
    kind: 'switchgear' as const,
    name: `10 kV switchgear ${h}.${letter}`,
    parent: substationFor(o, i),
    placement: { hallId, position: { x: -16, y: 4 + i * 8 }, rotationDeg: 90 },
  }))
  const nodes: PowerNode[] = [...sections]
  const feeds: ChainResult['feeds'] = []
  const unitKVA = catalog.transformers.get(o.unitTransformerId)?.ratingKVA ?? 2500
  o.rowYs.forEach((y, r) => {
    const id = `${h}.${r + 1}`
    nodes.push({ id: `T-${id}`, kind: 'transformer', name: `Unit transformer ${id}`, parent: sections[r % 2]!.id, modelId: o.unitTransformerId, placement: { hallId, position: { x: -7, y }, rotationDeg: 0 } })
    nodes.push({ id: `LV-${id}`, kind: 'board', name: `LV board ${id}`, parent: `T-${id}`, ratingKVA: unitKVA, placement: { hallId, position: { x: 0.5, y }, rotationDeg: 0 } })
    const racks = racksPerRow[r] ?? 0
    if (o.rackPdus) {
      const pdus = Array.from({ length: racks }, (_, i) => `PDU-${id}.${i + 1}`)
      pdus.forEach((pdu, i) => nodes.push({ id: pdu, kind: 'pdu', name: `PDU ${id}.${i + 1}`, parent: `LV-${id}`, ratingKVA: SHELF_PDU_KVA }))
      feeds.push({ feed: `LV-${id}`, rackFeeds: pdus, circuitKVA: SHELF_PDU_KVA })
    } else feeds.push({ feed: `LV-${id}`, circuitKVA: SHELF_PDU_KVA })
  })
  const aux = auxModel(catalog, o.auxKW)
  const auxY = o.hallWidthM - 2
  nodes.push({ id: `T-${h}.AUX`, kind: 'transformer', name: `Auxiliary transformer ${h}`, parent: sections[1]!.id, modelId: aux, placement: { hallId, position: { x: -7, y: auxY }, rotationDeg: 0 } })
  nodes.push({ id: `LV-${h}.AUX`, kind: 'board', name: `Auxiliary LV board ${h}`, parent: `T-${h}.AUX`, ratingKVA: catalog.transformers.get(aux)?.ratingKVA ?? 1000, placement: { hallId, position: { x: 0.5, y: auxY }, rotationDeg: 0 } })
  return { nodes, feeds, auxBoards: [`LV-${h}.AUX`] }
}

export function ai2nChain(o: ChainOptions, catalog: Catalog, rackCircuitKVA: number, sectionLoadKVA: number): ChainResult {
  const h = o.hall + 1
  const hallId = `hall-${h}`
  const sides = ['A', 'B'] as const
  const nodes: PowerNode[] = []
  sides.forEach((side, i) => {
    nodes.push({
      id: `MV-${h}.${side}`,
      kind: 'switchgear',
      name: `10 kV switchgear ${h}.${side}`,
      parent: substationFor(o, i),
      redundancy: { group: `MV-${h}`, scheme: '2N', side },
      placement: { hallId, position: { x: -16, y: 4 + i * 8 }, rotationDeg: 90 },
    })
    // N+1 diesel sets carry the whole section when the grid is lost.
    const sets = Math.ceil(sectionLoadKVA / GENSET_KVA) + 1
    for (let g = 0; g < sets; g++) {
      nodes.push({
        id: `G-${h}.${side}${g + 1}`,
        kind: 'generator',
        name: `Genset ${h}.${side}${g + 1}`,
        parent: null,
        backs: `MV-${h}.${side}`,
        ratingKVA: GENSET_KVA,
        redundancy: { group: `GEN-${h}.${side}`, scheme: 'N+1' },
        placement: { hallId, position: { x: -22 - i * 6, y: 20 + g * 3.2 }, rotationDeg: 0 },
      })
    }
  })
  const feeds: ChainResult['feeds'] = []
  o.rowYs.forEach((y, r) => {
    const id = `${h}.${r + 1}`
    sides.forEach((side, i) => {
      const dy = i * 1.6
      nodes.push({ id: `T-${id}${side}`, kind: 'transformer', name: `Unit transformer ${id}${side}`, parent: `MV-${h}.${side}`, modelId: o.unitTransformerId, redundancy: { group: `T-${id}`, scheme: '2N', side }, placement: { hallId, position: { x: -10 + i * 3, y: y - 0.6 + dy * 0 }, rotationDeg: 0 } })
      nodes.push({ id: `UPS-${id}${side}`, kind: 'ups', name: `UPS ${id}${side}`, parent: `T-${id}${side}`, ratingKVA: catalog.transformers.get(o.unitTransformerId)?.ratingKVA ?? 2500, efficiency: UPS_EFFICIENCY, autonomyMin: UPS_AUTONOMY_MIN, redundancy: { group: `UPS-${id}`, scheme: '2N', side }, placement: { hallId, position: { x: 0.3 + i * 1.4, y }, rotationDeg: 0 } })
      nodes.push({ id: `BW-${id}${side}`, kind: 'busway', name: `Busway ${id}${side}`, parent: `UPS-${id}${side}`, ratingKVA: BUSWAY_KVA, efficiency: 0.998, redundancy: { group: `BW-${id}`, scheme: '2N', side } })
    })
    feeds.push({ feed: `BW-${id}A`, feedB: `BW-${id}B`, circuitKVA: rackCircuitKVA })
  })
  // Each aux transformer carries the whole plant when the other side is lost (cooling on ATS).
  const aux = auxModel(catalog, o.auxKW)
  sides.forEach((side, i) => {
    const y = o.hallWidthM - 2 - i * 3
    nodes.push({ id: `T-${h}.AUX${side}`, kind: 'transformer', name: `Auxiliary transformer ${h}${side}`, parent: `MV-${h}.${side}`, modelId: aux, redundancy: { group: `T-${h}.AUX`, scheme: '2N', side }, placement: { hallId, position: { x: -7, y }, rotationDeg: 0 } })
    nodes.push({ id: `LV-${h}.AUX${side}`, kind: 'board', name: `Auxiliary LV board ${h}${side}`, parent: `T-${h}.AUX${side}`, ratingKVA: catalog.transformers.get(aux)?.ratingKVA ?? 1000, placement: { hallId, position: { x: 0.5, y }, rotationDeg: 0 } })
  })
  return { nodes, feeds, auxBoards: [`LV-${h}.AUXA`, `LV-${h}.AUXB`] }
}

/** Splits each cooling placement between the auxiliary boards (A/B), each half with a transfer switch to the
 *  other side, so that losing one side loses no cooling. */
export function spreadCooling(units: CoolingPlacement[], auxBoards: string[], unitWidthM: (modelId: string) => number): CoolingPlacement[] {
  if (auxBoards.length < 2) return units.map((u) => ({ ...u, feed: auxBoards[0]! }))
  const out: CoolingPlacement[] = []
  for (const u of units) {
    const first = Math.ceil(u.count / 2)
    const r = (u.rotationDeg * Math.PI) / 180
    const step = first * unitWidthM(u.modelId)
    out.push({ ...u, id: `${u.id}A`, count: first, feed: auxBoards[0]!, feedB: auxBoards[1]! })
    if (u.count - first > 0) {
      out.push({
        ...u,
        id: `${u.id}B`,
        count: u.count - first,
        position: { x: Math.round((u.position.x + Math.cos(r) * step) * 1000) / 1000, y: Math.round((u.position.y + Math.sin(r) * step) * 1000) / 1000 },
        feed: auxBoards[1]!,
        feedB: auxBoards[0]!,
      })
    }
  }
  return out
}
