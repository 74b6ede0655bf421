// Lays the single-line diagram out with ELK (layered, top to bottom, orthogonal links) in ELK's
// own Web Worker, so a campus of hundreds of boxes never blocks the page. One layout per variant
// object: a variant switch back and forth, or a re-solve, reuses it.
import ELK from 'elkjs/lib/elk-api.js'
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api'
import elkWorkerUrl from 'elkjs/lib/elk-worker.min.js?url'
import type { Catalog } from '../../model/catalog'
import type { Variant } from '../../model/sceneSchema'
import { buildSldGraph, type SldBox, type SldLink } from './sldGraph'

export interface Point {
  x: number
  y: number
}

export interface PlacedBox extends SldBox {
  x: number
  y: number
}

export interface PlacedLink extends SldLink {
  points: Point[]
}

export interface SldLayout {
  boxes: PlacedBox[]
  links: PlacedLink[]
  widthPx: number
  heightPx: number
}

const LAYOUT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
  'elk.layered.spacing.nodeNodeBetweenLayers': '46',
  'elk.spacing.nodeNode': '18',
  'elk.layered.spacing.edgeNodeBetweenLayers': '16',
  'elk.spacing.edgeEdge': '8',
  'elk.padding': '[top=24,left=24,bottom=24,right=24]',
}

let elk: InstanceType<typeof ELK> | null = null
const cache = new WeakMap<Variant, Promise<SldLayout>>()

function engine(): InstanceType<typeof ELK> {
  elk ??= new ELK({ workerUrl: elkWorkerUrl })
  return elk
}

async function run(variant: Variant, catalog: Catalog): Promise<SldLayout> {
  const graph = buildSldGraph(variant, catalog)
  const root: ElkNode = {
    id: 'root',
    layoutOptions: LAYOUT_OPTIONS,
    children: graph.boxes.map((b) => ({ id: b.id, width: b.widthPx, height: b.heightPx })),
    edges: graph.links.map((l): ElkExtendedEdge => ({ id: l.id, sources: [l.source], targets: [l.target] })),
  }
  const out = await engine().layout(root)
  const at = new Map((out.children ?? []).map((c) => [c.id, c]))
  const routed = new Map((out.edges ?? []).map((e) => [e.id, e]))
  const boxes = graph.boxes.map((b) => ({ ...b, x: at.get(b.id)?.x ?? 0, y: at.get(b.id)?.y ?? 0 }))
  const links = graph.links.map((l) => {
    const section = routed.get(l.id)?.sections?.[0]
    const points = section ? [section.startPoint, ...(section.bendPoints ?? []), section.endPoint] : []
    return { ...l, points }
  })
  return { boxes, links, widthPx: out.width ?? 0, heightPx: out.height ?? 0 }
}

/** The layout of a variant's single-line diagram, computed once per variant object. */
export function layoutSld(variant: Variant, catalog: Catalog): Promise<SldLayout> {
  let pending = cache.get(variant)
  if (!pending) {
    pending = run(variant, catalog)
    pending.catch(() => cache.delete(variant)) // a failed layout may be retried
    cache.set(variant, pending)
  }
  return pending
}
