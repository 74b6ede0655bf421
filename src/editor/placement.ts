// Where a new row or cooling placement goes, and what feeds it. The spot: the first free one of
// the hall, scanning from the front wall in grid steps, so that an added item lands on nothing and
// breaks no layout rule (model/clearance.ts: walls, aisles, the free face of the pads and fans).
// The feed: the node with the most room for the new load along its whole path to the grid, from
// the loads the solver reported (the caller passes them in; nothing is computed twice here).
import type { Catalog } from '../model/catalog'
import { overlapDepth, planItem, planItems, standsClear, type LayoutLimits } from '../model/clearance'
import type { CoolingPlacement, Hall, PowerNodeKind, Row, Vec2 } from '../model/sceneSchema'

/** Free space kept around a new item, metres (an aisle's worth), also beside and behind it. */
const PLACEMENT_MARGIN_M = 1.2

/** The first free spot for `item` in the hall, or null when there is none. */
export function findFreeSpot(hall: Hall, item: Row | CoolingPlacement, catalog: Catalog, limits: LayoutLimits, stepM = 0.5): Vec2 | null {
  const others = planItems(hall, catalog).filter((o) => o.footprint.id !== item.id)
  const probe = planItem({ ...item, position: { x: 0, y: 0 } }, catalog)
  if (!probe) return null
  const f0 = probe.footprint
  for (let y = 1; y + f0.depthM < hall.widthM; y += stepM) {
    for (let x = 1; x + f0.lengthM < hall.lengthM; x += stepM) {
      const at = { ...probe, footprint: { ...f0, corner: { x, y } } }
      // The candidate, grown by the margin on every side.
      const grown = { ...f0, corner: { x: x - PLACEMENT_MARGIN_M, y: y - PLACEMENT_MARGIN_M }, lengthM: f0.lengthM + 2 * PLACEMENT_MARGIN_M, depthM: f0.depthM + 2 * PLACEMENT_MARGIN_M }
      const spaced = others.every(({ footprint: o }) => o.topM <= grown.baseM || o.baseM >= grown.topM || overlapDepth(grown, o) <= 0)
      if (spaced && standsClear(at, others, hall, limits)) return { x, y }
    }
  }
  return null
}

/** A spot for a new row: the first hall (in the order given) with room for it, shortening the
 *  row (halving its rack count) when no hall has room for the whole of it. */
export function placeRow(halls: readonly Hall[], row: Row, catalog: Catalog, limits: LayoutLimits): { hall: Hall; row: Row } | null {
  for (let racks = row.rackCount; racks >= 1; racks = racks === 1 ? 0 : Math.max(1, Math.floor(racks / 2))) {
    const candidate = { ...row, rackCount: racks }
    for (const hall of halls) {
      const at = findFreeSpot(hall, candidate, catalog, limits)
      if (at) return { hall, row: { ...candidate, position: at } }
    }
  }
  return null
}

/** The figures of a power node the feed choice reads (the solver's NodeResult has them). */
export interface FeedNode {
  id: string
  kind: PowerNodeKind
  parent: string | null
  ratingKVA: number | null
  loadKVA: number
}

export interface FeedChoice {
  id: string
  /** kVA the path to the grid still carries within the continuous-load margin, before the new load. */
  roomKVA: number
  /** The new load fits in that room. */
  fits: boolean
}

/** Kinds a row or a cooling unit can hang from. */
const FEEDING_KINDS: readonly PowerNodeKind[] = ['board', 'busway', 'pdu']

/**
 * The feeding node with the most room for `needKVA`: the room of a node is the least, along its
 * path up to the grid, of rating × `margin` − load. Nodes in `prefer` (feeds already used in the
 * hall) win among those that fit. Null when the chain has no feeding node.
 */
export function feedWithRoom(nodes: readonly FeedNode[], needKVA: number, margin: number, prefer: ReadonlySet<string> = new Set()): FeedChoice | null {
  const byId = new Map(nodes.map((n) => [n.id, n]))
  const roomOf = (n: FeedNode): number => {
    let room = Infinity
    for (let p: FeedNode | undefined = n, guard = 0; p && guard < 64; p = p.parent ? byId.get(p.parent) : undefined, guard++) {
      if (p.ratingKVA !== null) room = Math.min(room, p.ratingKVA * margin - p.loadKVA)
    }
    return room
  }
  const choices = nodes
    .filter((n) => FEEDING_KINDS.includes(n.kind))
    .map((n) => ({ id: n.id, roomKVA: roomOf(n), preferred: prefer.has(n.id) }))
    .filter((c) => Number.isFinite(c.roomKVA))
  if (choices.length === 0) return null
  choices.sort((a, b) => {
    const fa = a.roomKVA >= needKVA
    const fb = b.roomKVA >= needKVA
    if (fa !== fb) return fa ? -1 : 1
    if (fa && a.preferred !== b.preferred) return a.preferred ? -1 : 1
    return b.roomKVA - a.roomKVA
  })
  const best = choices[0]!
  return { id: best.id, roomKVA: best.roomKVA, fits: best.roomKVA >= needKVA }
}
