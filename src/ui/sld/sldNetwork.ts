// The variant's power chain as a plain network for the single-line diagram: one element per power
// node, row and cooling placement, the feeds between them (A side, B side, generator backup), the
// side (A/B) each element stands on, its voltage level read from the scene and catalog, and two
// structural signatures used to fold repeated identical branches. Structure only: the report's
// figures are painted on later (sldValues.ts).
import type { Catalog } from '../../model/catalog'
import type { CoolingUnitKind } from '../../model/catalogSchema'
import type { PowerNodeKind, RedundancyScheme, Variant } from '../../model/sceneSchema'

export type SldElementKind = PowerNodeKind | 'row' | 'cooling'
export type Side = 'A' | 'B'
/** feed: normal supply (A side); feedB: the second (B) supply of a dual-corded load, both in
 *  service; alt: the standby supply of a load behind an automatic transfer switch; backup: a
 *  generator backs the target. */
export type SldLinkKind = 'feed' | 'feedB' | 'alt' | 'backup'

export interface NetElement {
  id: string
  kind: SldElementKind
  name: string
  /** Own side (redundancy side) or the side every supply of it stands on; null: both or none. */
  side: Side | null
  group: { id: string; scheme: RedundancyScheme } | null
  /** Voltage level, as read from the grid connection and the transformers' catalog ratio. */
  kvLabel: string | null
  /** What it is in a few words: the transformer model, "14 × GB200 NVL72", "21 × exhaust fan". */
  detail: string | null
  /** Everything that makes two elements interchangeable, except their side and ids. */
  shape: string
  /** Model order: the scene's order. */
  order: number
}

export interface NetLink {
  source: string
  target: string
  kind: SldLinkKind
}

export interface Network {
  elements: Map<string, NetElement>
  /** Outgoing links per element, in scene order (backup links are listed under the generator). */
  out: Map<string, NetLink[]>
  /** Incoming links per element. */
  in: Map<string, NetLink[]>
  /** Generators per element they back. */
  backers: Map<string, string[]>
  /** Structural signature with sides: equal signatures are identical branches on the same side. */
  sig: Map<string, string>
  /** The same without sides: the A and B copies of a branch share it (one expand toggles both). */
  shapeSig: Map<string, string>
  roots: string[]
}

const COOLING_LABEL: Record<CoolingUnitKind, string> = {
  'exhaust-fan': 'exhaust fan',
  'evap-pad': 'pad section',
  crah: 'CRAH',
  cdu: 'CDU',
  'dry-cooler': 'dry cooler',
  chiller: 'chiller',
  'immersion-tank': 'immersion tank',
}

const kvText = (kv: number) => `${Number(kv.toPrecision(3))}`

export function buildNetwork(variant: Variant, catalog: Catalog, gridKV: number | null): Network {
  const elements = new Map<string, NetElement>()
  const out = new Map<string, NetLink[]>()
  const inn = new Map<string, NetLink[]>()
  const backers = new Map<string, string[]>()
  const seen = new Set<string>()
  const link = (source: string, target: string, kind: SldLinkKind) => {
    const key = `${source}>${target}>${kind}`
    if (source === target || seen.has(key) || !elements.has(source) || !elements.has(target)) return
    seen.add(key)
    const l = { source, target, kind }
    out.set(source, [...(out.get(source) ?? []), l])
    inn.set(target, [...(inn.get(target) ?? []), l])
  }
  let order = 0
  const add = (e: Omit<NetElement, 'order'>) => {
    if (!elements.has(e.id)) elements.set(e.id, { ...e, order: order++ })
  }

  // Voltage levels: the grid's, a transformer's secondary below it, inherited down the tree.
  const byId = new Map(variant.power.map((n) => [n.id, n]))
  const kvOut = new Map<string, number | null>()
  // A bus is named by the nominal voltage of the transformers it feeds (10 kV), not by the
  // no-load secondary of the one above it (10.5 kV).
  const primaryBelow = new Map<string, number>()
  for (const n of variant.power) {
    const model = n.kind === 'transformer' && n.modelId ? catalog.transformers.get(n.modelId) : undefined
    if (model && n.parent && !primaryBelow.has(n.parent)) primaryBelow.set(n.parent, model.primaryKV)
  }
  const levelBelow = (id: string, depth = 0): number | null => {
    if (kvOut.has(id)) return kvOut.get(id) ?? null
    const n = byId.get(id)
    if (!n || depth > variant.power.length) return null
    const model = n.kind === 'transformer' && n.modelId ? catalog.transformers.get(n.modelId) : undefined
    const kv = n.kind === 'grid' ? gridKV : model ? model.secondaryKV : primaryBelow.has(id) ? (primaryBelow.get(id) ?? null) : n.parent ? levelBelow(n.parent, depth + 1) : n.backs ? levelBelow(n.backs, depth + 1) : null
    kvOut.set(id, kv)
    return kv
  }

  for (const n of variant.power) {
    const model = n.kind === 'transformer' && n.modelId ? catalog.transformers.get(n.modelId) : undefined
    const kv = levelBelow(n.id)
    const kvLabel = model ? `${kvText(model.primaryKV)}/${kvText(model.secondaryKV)} kV` : kv !== null ? `${kvText(kv)} kV` : null
    const shape = ['p', n.kind, n.modelId ?? '', n.ratingKVA ?? '', n.efficiency ?? '', n.autonomyMin ?? '', n.redundancy?.scheme ?? ''].join('|')
    add({
      id: n.id,
      kind: n.kind,
      name: n.name ?? n.id,
      side: n.redundancy?.side ?? null,
      group: n.redundancy ? { id: n.redundancy.group, scheme: n.redundancy.scheme } : null,
      kvLabel,
      detail: model ? model.name.split(',')[0] ?? null : null,
      shape,
    })
  }
  for (const hall of variant.halls) {
    for (const row of hall.rows) {
      const device = catalog.devices.get(row.deviceId)
      // "NVIDIA GB200 NVL72 (whole rack)": the drawing keeps the name, not the remark.
      const deviceName = device ? device.name.replace(/\s*\([^)]*\)\s*$/, '') : row.deviceId
      const detail = `${row.rackCount} × ${deviceName}${row.devicesPerRack > 1 ? ` ×${row.devicesPerRack}` : ''}`
      const shape = ['r', row.enclosureId, row.rackCount, row.deviceId, row.devicesPerRack, row.circuitKVA ?? ''].join('|')
      add({ id: row.id, kind: 'row', name: row.name ?? row.id, side: null, group: null, kvLabel: null, detail, shape })
    }
    for (const unit of hall.cooling) {
      const model = catalog.coolingUnits.get(unit.modelId)
      const detail = model ? `${unit.count} × ${COOLING_LABEL[model.kind]}` : unit.modelId
      add({ id: unit.id, kind: 'cooling', name: unit.id, side: null, group: null, kvLabel: null, detail, shape: ['c', unit.modelId, unit.count].join('|') })
    }
  }

  for (const n of variant.power) {
    if (n.parent) link(n.parent, n.id, 'feed')
    if (n.kind === 'generator' && n.backs && elements.has(n.backs)) {
      link(n.id, n.backs, 'backup')
      backers.set(n.backs, [...(backers.get(n.backs) ?? []), n.id])
    }
  }
  for (const hall of variant.halls) {
    for (const row of hall.rows) {
      for (const f of row.rackFeeds?.length ? row.rackFeeds : [row.feed]) link(f, row.id, 'feed')
      for (const f of row.rackFeedsB?.length ? row.rackFeedsB : row.feedB ? [row.feedB] : []) link(f, row.id, 'feedB')
    }
    for (const unit of hall.cooling) {
      link(unit.feed, unit.id, 'feed')
      if (unit.feedB) link(unit.feedB, unit.id, 'alt')
    }
  }

  // Sides: an element without its own side takes the side all its supplies share.
  const sideOf = new Map<string, Side | null>()
  const resolveSide = (id: string, depth = 0): Side | null => {
    if (sideOf.has(id)) return sideOf.get(id) ?? null
    const e = elements.get(id)
    if (!e || depth > elements.size) return null
    let side = e.side
    if (!side) {
      const supplies = (inn.get(id) ?? []).filter((l) => l.kind === 'feed' || l.kind === 'feedB').map((l) => resolveSide(l.source, depth + 1))
      const backs = (out.get(id) ?? []).filter((l) => l.kind === 'backup').map((l) => resolveSide(l.target, depth + 1))
      const all = [...supplies, ...backs]
      side = all.length > 0 && all.every((s) => s === all[0]) ? (all[0] ?? null) : null
    }
    sideOf.set(id, side)
    return side
  }
  for (const id of elements.keys()) resolveSide(id)
  for (const [id, e] of elements) e.side = sideOf.get(id) ?? null

  // Signatures, bottom up (children: fed elements and backing generators).
  const sig = new Map<string, string>()
  const shapeSig = new Map<string, string>()
  const signature = (id: string, withSide: boolean, memo: Map<string, string>, stack: Set<string>): string => {
    const known = memo.get(id)
    if (known !== undefined) return known
    const e = elements.get(id)
    if (!e || stack.has(id)) return '?'
    stack.add(id)
    const kids = [
      // Without sides, a B cord is a feed like the A one: the A and B copies of a branch match.
      ...(out.get(id) ?? [])
        .filter((l) => l.kind !== 'backup')
        .map((l) => `${withSide || l.kind !== 'feedB' ? l.kind : 'feed'}:${signature(l.target, withSide, memo, stack)}`),
      ...(backers.get(id) ?? []).map((g) => `backup:${signature(g, withSide, memo, stack)}`),
    ].sort()
    stack.delete(id)
    const s = `${e.shape}${withSide ? `@${e.side ?? '-'}` : ''}(${kids.join(',')})`
    memo.set(id, s)
    return s
  }
  for (const id of elements.keys()) {
    signature(id, true, sig, new Set())
    signature(id, false, shapeSig, new Set())
  }

  const roots = [...elements.values()]
    .filter((e) => (inn.get(e.id) ?? []).every((l) => l.kind === 'backup') && !(e.kind === 'generator' && (out.get(e.id) ?? []).length > 0))
    .sort((a, b) => (a.kind === 'grid' ? -1 : 0) - (b.kind === 'grid' ? -1 : 0) || a.order - b.order)
    .map((e) => e.id)
  return { elements, out, in: inn, backers, sig, shapeSig, roots }
}

/** The element and every supply above it up to the grid (both sides), with the generators that back them. */
export function pathToGrid(net: Network, id: string): Set<string> {
  const keep = new Set<string>()
  const stack = [id]
  while (stack.length > 0) {
    const cur = stack.pop()
    if (cur === undefined || keep.has(cur) || !net.elements.has(cur)) continue
    keep.add(cur)
    for (const l of net.in.get(cur) ?? []) if (l.kind !== 'backup') stack.push(l.source)
  }
  for (const cur of [...keep]) for (const g of net.backers.get(cur) ?? []) keep.add(g)
  return keep
}
