// Load flow through the radial power chain, leaves to the grid: every node carries the load
// hung on it, its children's intake, and its own losses.
//   Transformer: P_loss = P0 + Pk·(S/Sr)² with S the apparent power it delivers
//                (engineering-data.md §5, standard transformer theory).
//   Other nodes: P_in = P_out / η (busway, UPS); switchgear and boards default to η = 1.
// Reactive power is summed as Q = P·tan(acos pf) per load; losses are treated as active power
// (a transformer's magnetising and leakage var are neglected in v1).
import type { Catalog } from '../../model/catalog'
import type { PowerNode, Site, Variant } from '../../model/sceneSchema'
import type { NodeResult } from '../report'
import { kvaFromKWKvar } from '../constants'

export interface FlowResult {
  nodes: NodeResult[]
  byId: Map<string, NodeResult>
  root: NodeResult
}

function nodeRatingKVA(node: PowerNode, site: Site, catalog: Catalog): number | null {
  if (node.kind === 'grid') return node.ratingKVA ?? site.grid.capacityMVA * 1000
  if (node.ratingKVA !== undefined) return node.ratingKVA
  if (node.kind === 'transformer' && node.modelId) return catalog.transformers.get(node.modelId)?.ratingKVA ?? null
  return null
}

function nodeLossKW(node: PowerNode, ratingKVA: number | null, outKW: number, outKVA: number, catalog: Catalog): number {
  if (node.kind === 'transformer') {
    const model = node.modelId ? catalog.transformers.get(node.modelId) : undefined
    if (!model || ratingKVA === null) return 0
    // A transformer rated differently from its catalog model scales its losses with the rating.
    const scale = ratingKVA / model.ratingKVA
    const k = outKVA / ratingKVA
    return model.noLoadLossKW * scale + model.loadLossKW * scale * k * k
  }
  const efficiency = node.efficiency ?? 1
  return outKW * (1 / efficiency - 1)
}

/** Children before parents, so one pass accumulates loads up the tree. */
function postOrder(nodes: readonly PowerNode[]): PowerNode[] {
  const children = new Map<string | null, PowerNode[]>()
  for (const n of nodes) {
    const list = children.get(n.parent) ?? []
    list.push(n)
    children.set(n.parent, list)
  }
  const out: PowerNode[] = []
  const stack: { node: PowerNode; expanded: boolean }[] = (children.get(null) ?? []).map((node) => ({ node, expanded: false }))
  while (stack.length > 0) {
    const top = stack.pop()!
    if (top.expanded) {
      out.push(top.node)
      continue
    }
    stack.push({ node: top.node, expanded: true })
    for (const child of children.get(top.node.id) ?? []) stack.push({ node: child, expanded: false })
  }
  return out
}

export function solveFlow(
  variant: Variant,
  site: Site,
  catalog: Catalog,
  directLoads: ReadonlyMap<string, { kw: number; kvar: number }>,
): FlowResult {
  const byId = new Map<string, NodeResult>()
  const intake = new Map<string, { kw: number; kvar: number }>()
  for (const node of postOrder(variant.power)) {
    const direct = directLoads.get(node.id) ?? { kw: 0, kvar: 0 }
    const fromChildren = intake.get(node.id) ?? { kw: 0, kvar: 0 }
    const outKW = direct.kw + fromChildren.kw
    const outKvar = direct.kvar + fromChildren.kvar
    const ratingKVA = nodeRatingKVA(node, site, catalog)
    const outKVA = kvaFromKWKvar(outKW, outKvar)
    const lossKW = nodeLossKW(node, ratingKVA, outKW, outKVA, catalog)
    const loadKW = outKW + lossKW
    const loadKVA = kvaFromKWKvar(loadKW, outKvar)
    const result: NodeResult = {
      id: node.id,
      kind: node.kind,
      name: node.name ?? node.id,
      parent: node.parent,
      loadKW,
      loadKVAR: outKvar,
      loadKVA,
      lossKW,
      ratingKVA,
      // A transformer's loading is the apparent power it delivers, k = S/Sr, as in its loss
      // formula (engineering-data.md §10.2); other nodes carry their whole intake.
      utilisation: ratingKVA ? (node.kind === 'transformer' ? outKVA : loadKVA) / ratingKVA : null,
      powerFactor: loadKVA > 0 ? loadKW / loadKVA : 1,
    }
    byId.set(node.id, result)
    if (node.parent !== null) {
      const up = intake.get(node.parent) ?? { kw: 0, kvar: 0 }
      up.kw += loadKW
      up.kvar += outKvar
      intake.set(node.parent, up)
    }
  }
  const nodes = variant.power.map((n) => byId.get(n.id)!)
  const root = nodes.find((n) => n.parent === null)!
  return { nodes, byId, root }
}
