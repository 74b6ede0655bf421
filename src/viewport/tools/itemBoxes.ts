// The boxes of each row and cooling placement of the layout (what the editor moves), and with
// `power` also of each power node and busway (what a hover names), by item id.
import type { Box } from '../../model/layout'
import type { SceneLayout } from '../sceneLayout'

export function boxesByItem(layout: SceneLayout, options: { power?: boolean } = {}): Map<string, Box[]> {
  const map = new Map<string, Box[]>()
  const add = (id: string, box: Box) => {
    const list = map.get(id)
    if (list) list.push(box)
    else map.set(id, [box])
  }
  for (const r of layout.racks) add(r.rowId, r.box)
  for (const c of layout.cooling) add(c.placementId, c.box)
  if (options.power) {
    for (const p of layout.power) add(p.nodeId, p.box)
    for (const b of layout.busways) add(b.nodeId, b.box)
  }
  return map
}
