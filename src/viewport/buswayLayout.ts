// Busways drawn where they run: a thin bar along each row a busway feeds (directly, or through the
// row's per-rack PDUs), above the enclosures. A-side runs sit over the front half of the row,
// B-side runs over the back half, so a dual-fed row shows both.
import type { Catalog } from '../model/catalog'
import { rowRackBoxes, type Box } from '../model/layout'
import type { Variant } from '../model/sceneSchema'
import { BUSWAY_BAR } from './displayConstants'
import type { BuswayItem } from './sceneLayout'

function runOver(racks: readonly Box[], side: 'A' | 'B'): Box | null {
  const first = racks[0]
  const last = racks[racks.length - 1]
  if (!first || !last) return null
  const r = first.rotationRad
  // The depth axis is the row's left normal (−sin θ, cos θ); the fronts face the other way.
  const offset = (side === 'A' ? -0.25 : 0.25) * first.depthM
  return {
    cx: (first.cx + last.cx) / 2 - Math.sin(r) * offset,
    cy: (first.cy + last.cy) / 2 + Math.cos(r) * offset,
    widthM: Math.hypot(last.cx - first.cx, last.cy - first.cy) + first.widthM,
    depthM: BUSWAY_BAR.depthM,
    heightM: BUSWAY_BAR.heightM,
    rotationRad: r,
    elevationM: first.elevationM + first.heightM + BUSWAY_BAR.clearanceM,
  }
}

export function buswayRuns(variant: Variant, catalog: Catalog): BuswayItem[] {
  const busways = new Set(variant.power.filter((n) => n.kind === 'busway').map((n) => n.id))
  if (busways.size === 0) return []
  const parentOf = new Map(variant.power.map((n) => [n.id, n.parent]))
  /** The busway a feed id is or hangs from (a PDU on a busway). */
  const buswayOf = (id: string | undefined): string | null => {
    if (id === undefined) return null
    if (busways.has(id)) return id
    const parent = parentOf.get(id)
    return parent && busways.has(parent) ? parent : null
  }
  const items: BuswayItem[] = []
  for (const hall of variant.halls) {
    for (const row of hall.rows) {
      const sides: ['A' | 'B', Set<string>][] = [
        ['A', new Set([row.feed, ...(row.rackFeeds ?? [])].map(buswayOf).filter((b): b is string => b !== null))],
        ['B', new Set([row.feedB, ...(row.rackFeedsB ?? [])].map(buswayOf).filter((b): b is string => b !== null))],
      ]
      let racks: Box[] | null = null
      for (const [side, ids] of sides) {
        for (const nodeId of ids) {
          racks ??= rowRackBoxes(hall, row, catalog)
          const box = runOver(racks, side)
          if (box) items.push({ box, nodeId })
        }
      }
    }
  }
  return items
}
