// Labels on the key equipment for the presentation: substation, unit transformers, fan wall, pads,
// CDUs, dry coolers, gensets, UPS and the rows — one label per group, over its centre. Same
// projector/overlay approach as the hall labels (labels.ts), on a bus of its own.
import type { Catalog } from '../../model/catalog'
import type { Variant } from '../../model/sceneSchema'
import type { Box } from '../../model/layout'
import type { SceneLayout } from '../sceneLayout'
import type { LabelAnchor, LabelPositions } from '../labels'

const num = (n: number) => n.toLocaleString('en-US')

function anchorOver(boxes: readonly Box[], lift = 1.5): [number, number, number] {
  let x = 0
  let y = 0
  let top = 0
  for (const b of boxes) {
    x += b.cx
    y += b.cy
    top = Math.max(top, b.elevationM + b.heightM)
  }
  return [x / boxes.length, top + lift, -(y / boxes.length)]
}

export function equipmentAnchors(layout: SceneLayout, variant: Variant, catalog: Catalog): LabelAnchor[] {
  const anchors: LabelAnchor[] = []
  const nodes = new Map(variant.power.map((n) => [n.id, n]))
  const hasTransformerBelow = new Set<string>()
  for (const n of variant.power) {
    if (n.kind !== 'transformer') continue
    for (let p = n.parent ? nodes.get(n.parent) : undefined, guard = 0; p && guard < 64; p = p.parent ? nodes.get(p.parent) : undefined, guard++) {
      if (p.kind === 'transformer') hasTransformerBelow.add(p.id)
    }
  }
  const add = (id: string, title: string, detail: string, boxes: Box[], lift?: number) => {
    if (boxes.length > 0) anchors.push({ id, title, detail, position: anchorOver(boxes, lift) })
  }
  const rating = (ids: string[]) => {
    const n = nodes.get(ids[0] ?? '')
    const kva = n?.modelId ? catalog.transformers.get(n.modelId)?.ratingKVA : n?.ratingKVA
    return kva ? `${ids.length} × ${kva >= 10_000 ? `${num(kva / 1000)} MVA` : `${num(kva)} kVA`}` : `${ids.length}`
  }
  const substation = layout.power.filter((p) => p.kind === 'grid' || (p.kind === 'transformer' && hasTransformerBelow.has(p.nodeId)))
  const subTransformers = substation.filter((p) => p.kind === 'transformer').map((p) => p.nodeId)
  add('eq-substation', 'Substation', `${rating(subTransformers)} transformers`, substation.map((p) => p.box), 2)
  const units = layout.power.filter((p) => p.kind === 'transformer' && !hasTransformerBelow.has(p.nodeId))
  add('eq-units', 'Unit transformers', rating(units.map((p) => p.nodeId)), units.map((p) => p.box))
  const gens = layout.power.filter((p) => p.kind === 'generator')
  add('eq-gensets', 'Gensets', `${gens.length} diesel sets`, gens.map((p) => p.box))
  const ups = layout.power.filter((p) => p.kind === 'ups')
  add('eq-ups', 'UPS', `${ups.length} units`, ups.map((p) => p.box))
  const kinds: [string, string, string][] = [
    ['exhaust-fan', 'Fan wall', 'exhaust fans'],
    ['evap-pad', 'Evaporative pads', 'pad sections'],
    ['cdu', 'CDUs', 'coolant distribution units'],
    ['dry-cooler', 'Dry coolers', 'units outdoors'],
    ['crah', 'CRAHs', 'units'],
    ['chiller', 'Chillers', 'units'],
  ]
  for (const [kind, title, what] of kinds) {
    const items = layout.cooling.filter((c) => c.kind === kind)
    add(`eq-${kind}`, title, `${num(items.length)} ${what}`, items.map((c) => c.box))
  }
  for (const kind of ['asic', 'gpu'] as const) {
    const racks = layout.racks.filter((r) => r.deviceKind === kind)
    add(`eq-racks-${kind}`, kind === 'asic' ? 'ASIC miners' : 'GPU racks', `${num(racks.length)} ${kind === 'asic' ? 'shelves' : 'racks'}`, racks.map((r) => r.box), 1)
  }
  return anchors
}

type Listener = (anchors: readonly LabelAnchor[], positions: LabelPositions) => void
const listeners = new Set<Listener>()

export const equipmentLabelBus = {
  publish(anchors: readonly LabelAnchor[], positions: LabelPositions): void {
    for (const l of listeners) l(anchors, positions)
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener)
    return () => listeners.delete(listener)
  },
}
