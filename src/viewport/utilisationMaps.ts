// Per-thing utilisation for the "by utilisation" colour mode: each power node's load / rating, and
// for racks and cooling units the utilisation of what feeds them (a rack on its own PDU: that PDU;
// a dual-fed row: the more loaded of its two feeds).
import type { Variant } from '../model/sceneSchema'
import type { Report } from '../solver/report'

export interface UtilisationMaps {
  /** Power node id → utilisation (null: unrated). */
  nodes: ReadonlyMap<string, number | null>
  /** Row id → utilisation of its feed(s). */
  rowFeed: ReadonlyMap<string, number | null>
  /** Row id → per rack, the utilisation of its own PDU(s), when the row has rackFeeds. */
  rackFeed: ReadonlyMap<string, readonly (number | null)[]>
  /** Cooling placement id → utilisation of its feed. */
  coolingFeed: ReadonlyMap<string, number | null>
  /** report.params.continuousLoadFraction (the ok band's upper end). */
  margin: number
}

function worst(values: readonly (number | null | undefined)[]): number | null {
  let best: number | null = null
  for (const v of values) if (typeof v === 'number' && Number.isFinite(v)) best = best === null ? v : Math.max(best, v)
  return best
}

export function buildUtilisationMaps(variant: Variant | null, report: Report | null): UtilisationMaps {
  const nodes = new Map<string, number | null>()
  const rowFeed = new Map<string, number | null>()
  const rackFeed = new Map<string, (number | null)[]>()
  const coolingFeed = new Map<string, number | null>()
  const margin = report?.params.continuousLoadFraction ?? 0.8
  if (!variant || !report) return { nodes, rowFeed, rackFeed, coolingFeed, margin }
  for (const n of report.nodes) nodes.set(n.id, n.utilisation)
  const at = (id: string | undefined) => (id === undefined ? null : (nodes.get(id) ?? null))
  for (const hall of variant.halls) {
    for (const row of hall.rows) {
      rowFeed.set(row.id, worst([at(row.feed), at(row.feedB)]))
      if (row.rackFeeds?.length) {
        rackFeed.set(
          row.id,
          Array.from({ length: row.rackCount }, (_, i) => worst([at(row.rackFeeds?.[i]), at(row.rackFeedsB?.[i])])),
        )
      }
    }
    for (const unit of hall.cooling) coolingFeed.set(unit.id, at(unit.feed))
  }
  return { nodes, rowFeed, rackFeed, coolingFeed, margin }
}
