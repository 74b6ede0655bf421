// The report's figures for each box of the diagram: load, rating, utilisation, worst N-1 loading.
// Folded PDUs show their total load and their most loaded member.
import type { Catalog } from '../../model/catalog'
import type { Variant } from '../../model/sceneSchema'
import type { CheckStatus, NodeResult, Report } from '../../solver/report'
import type { SldBox } from './sldGraph'

export interface BoxValues {
  loadKW: number | null
  loadKVA: number | null
  /** Rating of the box (of each member for folded PDUs). */
  ratingKVA: number | null
  utilisation: number | null
  contingencyUtilisation: number | null
  /** Rows: the row's own status. */
  status: CheckStatus | null
}

const EMPTY: BoxValues = { loadKW: null, loadKVA: null, ratingKVA: null, utilisation: null, contingencyUtilisation: null, status: null }

const maxOrNull = (values: readonly (number | null | undefined)[]): number | null => {
  let best: number | null = null
  for (const v of values) if (typeof v === 'number' && Number.isFinite(v)) best = best === null ? v : Math.max(best, v)
  return best
}

function nodeValues(results: readonly NodeResult[]): BoxValues {
  if (results.length === 0) return EMPTY
  const ratings = new Set(results.map((r) => r.ratingKVA))
  return {
    loadKW: results.reduce((sum, r) => sum + r.loadKW, 0),
    loadKVA: results.reduce((sum, r) => sum + r.loadKVA, 0),
    ratingKVA: ratings.size === 1 ? (results[0]?.ratingKVA ?? null) : null,
    utilisation: maxOrNull(results.map((r) => r.utilisation)),
    // Older reports have no contingency field: treat as "none ran".
    contingencyUtilisation: maxOrNull(results.map((r) => r.contingencyUtilisation)),
    status: null,
  }
}

export interface ItemValues {
  loadKW: number | null
  status: CheckStatus | null
}

export interface SldValues {
  /** Power boxes by diagram id. */
  boxes: Map<string, BoxValues>
  /** Load-list lines by row or cooling placement id. */
  items: Map<string, ItemValues>
}

export function sldValues(boxes: readonly SldBox[], variant: Variant, report: Report | null, catalog: Catalog): SldValues {
  const out: SldValues = { boxes: new Map(), items: new Map() }
  const nodes = new Map((report?.nodes ?? []).map((n) => [n.id, n]))
  const rows = new Map((report?.rows ?? []).map((r) => [r.id, r]))
  const cooling = new Map(variant.halls.flatMap((h) => h.cooling).map((c) => [c.id, c]))
  for (const box of boxes) {
    if (box.kind !== 'loads') {
      out.boxes.set(box.id, nodeValues(box.nodeIds.map((id) => nodes.get(id)).filter((n): n is NodeResult => n !== undefined)))
      continue
    }
    for (const item of box.items) {
      if (item.kind === 'row') {
        const row = rows.get(item.selectId)
        out.items.set(item.selectId, { loadKW: row?.rowKW ?? null, status: row?.status ?? null })
      } else {
        const unit = cooling.get(item.selectId)
        const model = unit ? catalog.coolingUnits.get(unit.modelId) : undefined
        out.items.set(item.selectId, { loadKW: unit && model ? unit.count * model.powerKW : null, status: null })
      }
    }
  }
  return out
}
