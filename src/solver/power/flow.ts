// Load flow through the radial power chain, leaves to the grid: every node carries the load
// hung on it, its children's intake, and its own losses.
//   Transformer: P_loss = P0 + Pk·k² and Q_loss = Q0 + Qk·k², k = S/Sr with S the apparent power
//                it delivers (power/transformer.ts; engineering-data.md §5 and §11.1).
//   Other nodes: P_in = P_out / η (busway, UPS); switchgear and boards default to η = 1; no var.
// Reactive power is summed as Q = P·tan(acos pf) per load, plus every transformer's own Q.
// The chain is compiled once per solve into flat arrays (children before parents), so that the
// N-1 cases re-solve it without allocating per node.
// Divisions are safe by construction: a rating below MIN_RATING_KVA is taken as that floor and an
// efficiency below MIN_EFFICIENCY as that floor (the scene schema bounds both well above; the
// floors keep every figure finite should a smaller one get through).
import type { Catalog } from '../../model/catalog'
import type { SolverParams } from '../../model/params'
import type { PowerNode, Site, Variant } from '../../model/sceneSchema'
import type { NodeResult } from '../report'
import type { NodeLoads } from '../loads'
import { transformerLoss, transformerLossCoefficients } from './transformer'
import { splitLosses, type LossSplit } from './losses'

/** Smallest rating the flow divides by, kVA (1 VA). */
export const MIN_RATING_KVA = 1e-3
/** Smallest efficiency the flow divides by (a node that passes on 1 % of what it takes in). */
export const MIN_EFFICIENCY = 0.01

export interface Chain {
  nodes: readonly PowerNode[]
  index: ReadonlyMap<string, number>
  /** Node indices, children before parents. */
  order: Int32Array
  /** Where each node stands in `order`. */
  position: Int32Array
  /** Parent index, −1 for roots (the grid and generators). */
  parent: Int32Array
  /** Rating in kVA, NaN when unrated. */
  rating: Float64Array
  /** Transformers: P0 and Pk (kW), Q0 and Qk (kvar) at the node's rating; NaN for other kinds. */
  p0: Float64Array
  pk: Float64Array
  q0: Float64Array
  qk: Float64Array
  /** P_in / P_out − 1 for non-transformers. */
  lossFactor: Float64Array
  rootIndex: number
}

function nodeRatingKVA(node: PowerNode, site: Site, catalog: Catalog): number | null {
  if (node.kind === 'grid') return node.ratingKVA ?? site.grid.capacityMVA * 1000
  if (node.ratingKVA !== undefined) return node.ratingKVA
  if (node.kind === 'transformer' && node.modelId) return catalog.transformers.get(node.modelId)?.ratingKVA ?? null
  return null
}

/** `params.transformerLossFactor` (a calibrated value) scales the transformers' active losses. */
export function compileChain(variant: Variant, site: Site, catalog: Catalog, params?: Pick<SolverParams, 'transformerLossFactor'>): Chain {
  const nodes = variant.power
  const n = nodes.length
  // Maps filled in index loops (not from arrays of pairs): a campus has a node per rack pair.
  const index = new Map<string, number>()
  for (let i = 0; i < n; i++) index.set(nodes[i]!.id, i)
  const parent = new Int32Array(n)
  const rating = new Float64Array(n)
  const p0 = new Float64Array(n).fill(NaN)
  const pk = new Float64Array(n).fill(NaN)
  const q0 = new Float64Array(n).fill(NaN)
  const qk = new Float64Array(n).fill(NaN)
  const lossFactor = new Float64Array(n)
  const firstChild = new Int32Array(n).fill(-1)
  const nextSibling = new Int32Array(n).fill(-1)
  let rootIndex = 0
  for (let i = 0; i < n; i++) {
    const node = nodes[i]!
    parent[i] = node.parent === null ? -1 : (index.get(node.parent) ?? -1)
    if (node.kind === 'grid') rootIndex = i
    const given = nodeRatingKVA(node, site, catalog)
    const r = given === null ? null : Math.max(given, MIN_RATING_KVA)
    rating[i] = r ?? NaN
    const model = node.kind === 'transformer' && node.modelId ? catalog.transformers.get(node.modelId) : undefined
    if (model && r !== null) {
      const c = transformerLossCoefficients(model, r, params?.transformerLossFactor)
      p0[i] = c.p0KW
      pk[i] = c.pkKW
      q0[i] = c.q0Kvar
      qk[i] = c.qkKvar
    } else if (node.kind !== 'transformer' && node.kind !== 'generator') {
      lossFactor[i] = 1 / Math.max(node.efficiency ?? 1, MIN_EFFICIENCY) - 1
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    const p = parent[i]!
    if (p >= 0) {
      nextSibling[i] = firstChild[p]!
      firstChild[p] = i
    }
  }
  // Iterative post-order from every root.
  const order = new Int32Array(n)
  let written = 0
  const stack = new Int32Array(n)
  const expanded = new Uint8Array(n)
  for (let r = 0; r < n; r++) {
    if (parent[r] !== -1) continue
    let top = 0
    stack[top++] = r
    while (top > 0) {
      const i = stack[top - 1]!
      if (expanded[i]) {
        order[written++] = i
        top--
        continue
      }
      expanded[i] = 1
      for (let c = firstChild[i]!; c !== -1; c = nextSibling[c]!) stack[top++] = c
    }
  }
  const position = new Int32Array(n).fill(-1)
  for (let k = 0; k < written; k++) position[order[k]!] = k
  return { nodes, index, order: order.subarray(0, written), position, parent, rating, p0, pk, q0, qk, lossFactor, rootIndex }
}

/** Raw flow: per node, active/reactive intake, losses and the apparent power it delivers. */
export interface FlowArrays {
  loadKW: Float64Array
  loadKvar: Float64Array
  lossKW: Float64Array
  /** A transformer's own reactive power (magnetising + leakage); 0 for other kinds. */
  lossKvar: Float64Array
  outKVA: Float64Array
}

/** Loads by node id → arrays by node index. */
export function loadArrays(chain: Chain, loads: NodeLoads): { kw: Float64Array; kvar: Float64Array } {
  const kw = new Float64Array(chain.nodes.length)
  const kvar = new Float64Array(chain.nodes.length)
  // forEach, not for…of: a cold process runs this before it is optimised, where each step of an
  // interpreted for…of over a Map allocates an iterator result and an [id, load] pair.
  const { index } = chain
  loads.forEach((l, id) => {
    const i = index.get(id)
    if (i === undefined) return
    kw[i] = kw[i]! + l.kw
    kvar[i] = kvar[i]! + l.kvar
  })
  return { kw, kvar }
}

/** Node i's own losses when it delivers outKW at apparent power sOut: [kW, kvar] into `into`.
 *  A transformer P0 + Pk·k², Q0 + Qk·k² (power/transformer.ts); other nodes P_out·(1/η − 1). */
export function nodeLossInto(chain: Chain, i: number, outKW: number, sOut: number, into: Float64Array): void {
  const p0 = chain.p0[i]!
  if (p0 === p0) {
    const k = sOut / chain.rating[i]!
    into[0] = transformerLoss(p0, chain.pk[i]!, k * k)
    into[1] = transformerLoss(chain.q0[i]!, chain.qk[i]!, k * k)
  } else {
    into[0] = outKW * chain.lossFactor[i]!
    into[1] = 0
  }
}

/** One pass up the tree. `removed` nodes carry and lose nothing. */
export function runFlow(
  chain: Chain,
  directKW: Float64Array,
  directKvar: Float64Array,
  removed: Uint8Array | null = null,
): FlowArrays {
  const n = chain.nodes.length
  const loadKW = new Float64Array(n)
  const loadKvar = new Float64Array(n)
  const lossKW = new Float64Array(n)
  const lossKvar = new Float64Array(n)
  const outKVA = new Float64Array(n)
  const scratch = new Float64Array(2)
  // Intake from children accumulates in loadKW/loadKvar until the node itself is processed.
  for (let k = 0; k < chain.order.length; k++) {
    const i = chain.order[k]!
    if (removed?.[i]) {
      loadKW[i] = 0
      loadKvar[i] = 0
      continue
    }
    const outKW = directKW[i]! + loadKW[i]!
    const outKvar = directKvar[i]! + loadKvar[i]!
    const sOut = Math.hypot(outKW, outKvar)
    nodeLossInto(chain, i, outKW, sOut, scratch)
    const loss = scratch[0]!
    const lossQ = scratch[1]!
    loadKW[i] = outKW + loss
    loadKvar[i] = outKvar + lossQ
    lossKW[i] = loss
    lossKvar[i] = lossQ
    outKVA[i] = sOut
    const p = chain.parent[i]!
    if (p >= 0) {
      loadKW[p] = loadKW[p]! + outKW + loss
      loadKvar[p] = loadKvar[p]! + outKvar + lossQ
    }
  }
  return { loadKW, loadKvar, lossKW, lossKvar, outKVA }
}

/** Where a node's rating applies: a transformer's delivered power (as in its loss formula,
 *  k = S/Sr, engineering-data.md §10.2), other nodes' whole intake. kW and kvar there, into
 *  `into` [kW, kvar] (no record per node). */
export function ratedFlowInto(chain: Chain, flow: FlowArrays, i: number, into: Float64Array): void {
  if (chain.nodes[i]!.kind === 'transformer') {
    into[0] = flow.loadKW[i]! - flow.lossKW[i]!
    into[1] = flow.loadKvar[i]! - flow.lossKvar[i]!
  } else {
    into[0] = flow.loadKW[i]!
    into[1] = flow.loadKvar[i]!
  }
}

/** Utilisation of node i: its apparent power where the rating applies (ratedFlowInto) over the
 *  rating; NaN when unrated. */
export function utilisationAt(chain: Chain, flow: FlowArrays, i: number): number {
  const rating = chain.rating[i]!
  if (!(rating > 0)) return NaN
  const s = chain.nodes[i]!.kind === 'transformer' ? flow.outKVA[i]! : Math.hypot(flow.loadKW[i]!, flow.loadKvar[i]!)
  return s / rating
}

/** Look-up by node id (the chain's index: no second map of the nodes). */
export interface ById<T> {
  get(id: string): T | undefined
}

export interface FlowResult {
  chain: Chain
  arrays: FlowArrays
  /** By node index, as the chain numbers them. */
  nodes: NodeResult[]
  byId: ById<NodeResult>
  root: NodeResult
  /** Design-day losses split into no-load and load parts (power/losses.ts), for the typical year. */
  losses: LossSplit
}

/** The base case as result records. `direct`: the loads as arrays (loadArrays), when the caller
 *  has them already (then `directLoads` may be null). */
export function solveFlow(
  variant: Variant,
  site: Site,
  catalog: Catalog,
  directLoads: NodeLoads | null,
  chain = compileChain(variant, site, catalog),
  direct = loadArrays(chain, directLoads ?? new Map()),
): FlowResult {
  const { kw, kvar } = direct
  const arrays = runFlow(chain, kw, kvar)
  // A loop in this function, not a callback per node: a cold process optimises the loop while
  // it runs (a node per rack pair on a campus).
  const nodes: NodeResult[] = []
  for (let i = 0; i < chain.nodes.length; i++) {
    const node = chain.nodes[i]!
    const loadKW = arrays.loadKW[i]!
    const loadKVA = Math.hypot(loadKW, arrays.loadKvar[i]!)
    const rating = chain.rating[i]!
    const utilisation = utilisationAt(chain, arrays, i)
    nodes.push({
      id: node.id,
      kind: node.kind,
      name: node.name ?? node.id,
      parent: node.parent,
      loadKW,
      loadKVAR: arrays.loadKvar[i]!,
      loadKVA,
      lossKW: arrays.lossKW[i]!,
      lossKVAR: arrays.lossKvar[i]!,
      ratingKVA: rating === rating ? rating : null,
      utilisation: utilisation === utilisation ? utilisation : null,
      powerFactor: loadKVA > 0 ? loadKW / loadKVA : 1,
      group: node.redundancy?.group ?? node.id,
      scheme: node.redundancy?.scheme ?? 'N',
      contingencyUtilisation: null,
    })
  }
  const byId: ById<NodeResult> = {
    get: (id) => {
      const i = chain.index.get(id)
      return i === undefined ? undefined : nodes[i]
    },
  }
  return { chain, arrays, nodes, byId, root: nodes[chain.rootIndex]!, losses: splitLosses(chain, arrays) }
}
