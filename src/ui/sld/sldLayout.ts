// Lays the single-line diagram out with ELK (layered, top to bottom, orthogonal wires) in ELK's
// own Web Worker, so a campus never blocks the page. Every element has fixed ports where its wire
// meets its symbol: one on the axis of a transformer or UPS, one per feeder along a busbar, an A
// and a B inlet on a dual-fed row. ELK keeps the graph's node order inside each layer (the A side
// left, shared loads in the middle, the B side right, see sldGraph.ts), so the sides do not cross.
import type { ElkExtendedEdge, ElkNode, ElkPort } from 'elkjs/lib/elk-api'
import type { SldBox, SldGraph, SldLink } from './sldGraph'
import { BUS_KINDS, LOAD_KINDS } from './sldGraph'

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

/** Where the wire runs through an equipment symbol, from the box's left edge. */
export const AXIS_X = 26
/** A busbar's bar: top and thickness; feeders leave from the bottom of the box through a breaker. */
export const BUS_BAR_Y = 31
export const BUS_BAR_PX = 6
/** The vertical bus of a board that carries its loads inside its box. */
export const STACK_BUS_X = 18
/** Inlets of a dual-fed load, either side of its centre. */
export const LOAD_INLET_DX = 9

export const LAYOUT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.crossingMinimization.forceNodeModelOrder': 'true',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
  'elk.layered.spacing.nodeNodeBetweenLayers': '34',
  'elk.spacing.nodeNode': '26',
  'elk.layered.spacing.edgeNodeBetweenLayers': '14',
  'elk.spacing.edgeEdge': '10',
  'elk.padding': '[top=20,left=20,bottom=20,right=20]',
}

/** The subset of the ELK API the layout uses (the worker-backed one in the app, the bundled one in tests). */
export interface ElkLike {
  layout: (graph: ElkNode) => Promise<ElkNode>
}

type Inlet = 'n' | 'nB' | 'nG'

function inletOf(box: SldBox, link: SldLink, dual: boolean): Inlet {
  if (link.kind === 'backup') return BUS_KINDS.has(box.kind) ? 'nG' : 'n'
  if (LOAD_KINDS.has(box.kind) && dual && link.kind === 'feedB') return 'nB'
  return 'n'
}

/** Port positions of a box, relative to its top-left corner. */
export function portsOf(box: SldBox, outCount: number, dual: boolean): Map<string, Point> {
  const ports = new Map<string, Point>()
  const w = box.widthPx
  const h = box.heightPx
  if (BUS_KINDS.has(box.kind) && box.stack.length > 0) {
    ports.set('n', { x: STACK_BUS_X, y: 0 })
  } else if (BUS_KINDS.has(box.kind)) {
    ports.set('n', { x: w / 2, y: 0 })
    // Generators come in at the outer end: left on the A side, right elsewhere.
    ports.set('nG', { x: box.side === 'A' ? 14 : w - 14, y: 0 })
    for (let i = 0; i < outCount; i++) ports.set(`s${i}`, { x: ((i + 0.5) * w) / outCount, y: h })
  } else if (LOAD_KINDS.has(box.kind)) {
    ports.set('n', { x: dual ? w / 2 - LOAD_INLET_DX : w / 2, y: 0 })
    if (dual) ports.set('nB', { x: w / 2 + LOAD_INLET_DX, y: 0 })
  } else {
    ports.set('n', { x: AXIS_X, y: 0 })
    ports.set('s0', { x: AXIS_X, y: h })
  }
  return ports
}

export interface PortPlan {
  /** Link id → source and target port ids. */
  ends: Map<string, { source: string; target: string }>
  /** Box id → port id → position. */
  ports: Map<string, Map<string, Point>>
}

/** Which port each link uses: a busbar's feeders leave left to right in the order of what they feed. */
export function planPorts(graph: SldGraph): PortPlan {
  const rank = new Map(graph.boxes.map((b) => [b.id, b.rank]))
  const outgoing = new Map<string, SldLink[]>()
  const dual = new Set<string>()
  for (const l of graph.links) {
    outgoing.set(l.source, [...(outgoing.get(l.source) ?? []), l])
    if (l.kind === 'feedB') dual.add(l.target)
  }
  const ports = new Map<string, Map<string, Point>>()
  const sourcePort = new Map<string, string>()
  for (const box of graph.boxes) {
    const links = [...(outgoing.get(box.id) ?? [])].sort((a, b) => (rank.get(a.target) ?? 0) - (rank.get(b.target) ?? 0))
    const bus = BUS_KINDS.has(box.kind)
    links.forEach((l, i) => sourcePort.set(l.id, `${box.id}:s${bus ? i : 0}`))
    ports.set(box.id, portsOf(box, bus ? links.length : 1, dual.has(box.id)))
  }
  const byId = new Map(graph.boxes.map((b) => [b.id, b]))
  const ends = new Map<string, { source: string; target: string }>()
  for (const l of graph.links) {
    const target = byId.get(l.target)
    if (!target) continue
    ends.set(l.id, { source: sourcePort.get(l.id) ?? `${l.source}:s0`, target: `${l.target}:${inletOf(target, l, dual.has(l.target))}` })
  }
  return { ends, ports }
}

export async function layoutGraph(graph: SldGraph, elk: ElkLike): Promise<SldLayout> {
  const plan = planPorts(graph)
  const root: ElkNode = {
    id: 'root',
    layoutOptions: LAYOUT_OPTIONS,
    children: graph.boxes.map((b) => ({
      id: b.id,
      width: b.widthPx,
      height: b.heightPx,
      layoutOptions: { 'elk.portConstraints': 'FIXED_POS' },
      ports: [...(plan.ports.get(b.id) ?? new Map<string, Point>())].map(
        ([name, p]): ElkPort => ({ id: `${b.id}:${name}`, x: p.x, y: p.y, width: 0, height: 0 }),
      ),
    })),
    edges: graph.links.flatMap((l): ElkExtendedEdge[] => {
      const end = plan.ends.get(l.id)
      return end ? [{ id: l.id, sources: [end.source], targets: [end.target] }] : []
    }),
  }
  const out = await elk.layout(root)
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
