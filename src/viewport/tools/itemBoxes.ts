// The boxes of each row and cooling placement of the layout, by item id.
import type { Box } from '../../model/layout'
import type { SceneLayout } from '../sceneLayout'

export function boxesByItem(layout: SceneLayout): Map<string, Box[]> {
  const map = new Map<string, Box[]>()
  const add = (id: string, box: Box) => {
    const list = map.get(id)
    if (list) list.push(box)
    else map.set(id, [box])
  }
  for (const r of layout.racks) add(r.rowId, r.box)
  for (const c of layout.cooling) add(c.placementId, c.box)
  return map
}
