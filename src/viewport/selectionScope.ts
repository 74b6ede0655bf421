// Which things light up when something is selected: a row itself; a hall with all it holds;
// a power node with everything downstream of it (the racks and fans it feeds).
import type { Variant } from '../model/sceneSchema'

/** Ids of rows, cooling placements, power nodes and halls in the selection; null = no selection. */
export function selectionScope(variant: Variant | null, selectedId: string | null): ReadonlySet<string> | null {
  if (!variant || selectedId === null) return null
  const scope = new Set<string>([selectedId])
  const hall = variant.halls.find((h) => h.id === selectedId)
  if (hall) {
    for (const row of hall.rows) scope.add(row.id)
    for (const unit of hall.cooling) scope.add(unit.id)
    return scope
  }
  if (!variant.power.some((n) => n.id === selectedId)) return scope
  // Power node: walk the tree downwards, then take the rows and units those nodes feed.
  const children = new Map<string, string[]>()
  for (const node of variant.power) {
    if (node.parent === null) continue
    const list = children.get(node.parent) ?? []
    list.push(node.id)
    children.set(node.parent, list)
  }
  const stack = [selectedId]
  while (stack.length > 0) {
    const id = stack.pop() as string
    for (const child of children.get(id) ?? []) {
      if (!scope.has(child)) {
        scope.add(child)
        stack.push(child)
      }
    }
  }
  for (const h of variant.halls) {
    for (const row of h.rows) {
      const feeds = [row.feed, row.feedB, ...(row.rackFeeds ?? []), ...(row.rackFeedsB ?? [])]
      if (feeds.some((f) => f !== undefined && scope.has(f))) scope.add(row.id)
    }
    for (const unit of h.cooling) if (scope.has(unit.feed)) scope.add(unit.id)
  }
  return scope
}
