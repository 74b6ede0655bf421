// The single-line diagram's graph, from the variant's structure alone (no report values): one box
// per power node, PDUs folded into one "n × PDU" box per parent, generators linked to the node they
// back, and the rows and cooling placements as leaf loads under their feed. The report's figures
// are painted onto the laid-out boxes later (sldValues.ts), so the layout survives a re-solve.
import type { Catalog } from '../../model/catalog'
import type { CoolingUnitKind } from '../../model/catalogSchema'
import type { PowerNodeKind, RedundancyScheme, Variant } from '../../model/sceneSchema'

export type SldBoxKind = PowerNodeKind | 'pdus' | 'loads'

/** One line of a load list: a row of racks or a cooling placement. */
export interface SldLoadItem {
  selectId: string
  kind: 'row' | 'cooling'
  name: string
}

export interface SldGroupTag {
  id: string
  scheme: RedundancyScheme
  side?: 'A' | 'B'
}

export interface SldBox {
  /** Diagram id, unique: the node id, or `pdus:<parent>`, `loads:<feed box>`. */
  id: string
  /** What a click selects in the store (node, row or cooling placement id). */
  selectId: string
  kind: SldBoxKind
  name: string
  /** Power node ids the box stands for (several for folded PDUs, none for loads). */
  nodeIds: string[]
  group: SldGroupTag | null
  /** Load lists: the rows and cooling placements on this feed. */
  items: SldLoadItem[]
  widthPx: number
  heightPx: number
}

export type SldLinkKind = 'feed' | 'feedB' | 'backup'

export interface SldLink {
  id: string
  source: string
  target: string
  kind: SldLinkKind
}

export interface SldGraph {
  boxes: SldBox[]
  links: SldLink[]
}

/** Box sizes in diagram pixels: equipment gets three text lines; a load list grows by its lines. */
export const SLD_BOX_SIZE: Record<'equipment' | 'load', { widthPx: number; heightPx: number }> = {
  equipment: { widthPx: 176, heightPx: 64 },
  load: { widthPx: 176, heightPx: 46 },
}
export const SLD_LOADS_HEAD_PX = 8
export const SLD_LOAD_LINE_PX = 19

const COOLING_LABEL: Record<CoolingUnitKind, string> = {
  'exhaust-fan': 'exhaust fan',
  'evap-pad': 'pad section',
  crah: 'CRAH',
  cdu: 'CDU',
  'dry-cooler': 'dry cooler',
  chiller: 'chiller',
  'immersion-tank': 'immersion tank',
}

const pdusId = (parent: string) => `pdus:${parent}`

export function buildSldGraph(variant: Variant, catalog: Catalog): SldGraph {
  const boxes: SldBox[] = []
  const links: SldLink[] = []
  const linkKeys = new Set<string>()
  const link = (source: string, target: string, kind: SldLinkKind) => {
    const key = `${source}>${target}`
    if (source === target || linkKeys.has(key)) return
    linkKeys.add(key)
    links.push({ id: `${kind}:${key}`, source, target, kind })
  }

  // PDUs are folded per parent when a parent has more than one.
  const pduCount = new Map<string, number>()
  for (const n of variant.power) if (n.kind === 'pdu' && n.parent) pduCount.set(n.parent, (pduCount.get(n.parent) ?? 0) + 1)
  const boxOfNode = new Map<string, string>()
  const folded = new Map<string, SldBox>()
  const known = new Set(variant.power.map((n) => n.id))

  for (const n of variant.power) {
    const group: SldGroupTag | null = n.redundancy
      ? { id: n.redundancy.group, scheme: n.redundancy.scheme, ...(n.redundancy.side ? { side: n.redundancy.side } : {}) }
      : null
    if (n.kind === 'pdu' && n.parent && (pduCount.get(n.parent) ?? 0) > 1) {
      const id = pdusId(n.parent)
      boxOfNode.set(n.id, id)
      const box = folded.get(id)
      if (box) {
        box.nodeIds.push(n.id)
        continue
      }
      const created: SldBox = { id, selectId: n.id, kind: 'pdus', name: 'PDU', nodeIds: [n.id], group, items: [], ...SLD_BOX_SIZE.equipment }
      folded.set(id, created)
      boxes.push(created)
      continue
    }
    boxOfNode.set(n.id, n.id)
    boxes.push({ id: n.id, selectId: n.id, kind: n.kind, name: n.name ?? n.id, nodeIds: [n.id], group, items: [], ...SLD_BOX_SIZE.equipment })
  }
  for (const box of folded.values()) box.name = `${box.nodeIds.length} × PDU`

  for (const n of variant.power) {
    const target = boxOfNode.get(n.id)
    if (!target) continue
    if (n.parent && known.has(n.parent)) link(boxOfNode.get(n.parent) ?? n.parent, target, 'feed')
    if (n.kind === 'generator' && n.backs && known.has(n.backs)) link(target, boxOfNode.get(n.backs) ?? n.backs, 'backup')
  }

  const feedBoxes = (ids: readonly string[] | undefined): string[] =>
    [...new Set((ids ?? []).map((id) => boxOfNode.get(id)).filter((id): id is string => id !== undefined))]

  // Leaf loads: one list box per A-side feed (a load schedule), so a board with five fan banks
  // takes one column, not five. B-side feeds link to the same list.
  const lists = new Map<string, SldBox>()
  const addLoad = (item: SldLoadItem, a: readonly string[], b: readonly string[]) => {
    const home = a[0] ?? b[0] ?? 'unfed'
    const id = `loads:${home}`
    let list = lists.get(id)
    if (!list) {
      list = { id, selectId: item.selectId, kind: 'loads', name: 'Loads', nodeIds: [], group: null, items: [], ...SLD_BOX_SIZE.load }
      lists.set(id, list)
      boxes.push(list)
    }
    list.items.push(item)
    for (const source of a) link(source, id, 'feed')
    for (const source of b) link(source, id, 'feedB')
  }
  for (const hall of variant.halls) {
    for (const row of hall.rows) {
      const a = row.rackFeeds?.length ? feedBoxes(row.rackFeeds) : feedBoxes([row.feed])
      const b = row.rackFeedsB?.length ? feedBoxes(row.rackFeedsB) : feedBoxes(row.feedB ? [row.feedB] : [])
      addLoad({ selectId: row.id, kind: 'row', name: row.name ?? row.id }, a, b)
    }
    for (const unit of hall.cooling) {
      const model = catalog.coolingUnits.get(unit.modelId)
      const name = model ? `${unit.count} × ${COOLING_LABEL[model.kind]}` : unit.id
      addLoad({ selectId: unit.id, kind: 'cooling', name }, feedBoxes([unit.feed]), [])
    }
  }
  for (const list of lists.values()) list.heightPx = SLD_LOADS_HEAD_PX + SLD_LOAD_LINE_PX * list.items.length + 4
  return { boxes, links }
}
