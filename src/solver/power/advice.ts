// Upgrade advice: for each failing power check, the smallest change that fixes it, in equipment
// an engineer can order. Sized to bring the check inside the continuous-load margin, not just
// under 100 %, so that the fix does not leave a warning behind.
import type { Catalog } from '../../model/catalog'
import type { SolverParams } from '../../model/params'
import type { PowerNode, PowerNodeKind, Variant } from '../../model/sceneSchema'
import type { Advice, GroupResult, NodeResult } from '../report'
import type { Check } from '../check'
import type { CoolingLoad, RowLoad } from '../loads'
import type { FlowResult } from './flow'
import { grouped } from '../economics/grouped'

/** Standard LV frame sizes (IEC 60947 / 61439 practice), A at 400 V three-phase. */
const LV_FRAME_A = [630, 800, 1000, 1250, 1600, 2000, 2500, 3200, 4000, 5000, 6300]
/** Common rack-circuit sizes, A at 400 V three-phase. */
const CIRCUIT_A = [16, 32, 63, 125, 250]
const kvaAt400V = (amps: number) => (Math.sqrt(3) * 400 * amps) / 1000

const fmt = (kva: number) => `${grouped(Math.round(kva))} kVA`
export const fmtKVA = fmt
export const fmtKW = (kw: number) => (Math.abs(kw) >= 1000 ? `${(kw / 1000).toFixed(2)} MW` : `${grouped(Math.round(kw))} kW`)
export const mva = (kva: number) => `${(kva / 1000).toFixed(1)} MVA`

/** How an overloaded transformer is fixed, for its advice and its price (economics/upgradePrices.ts)
 *  alike: the smallest catalog model of the same voltages that carries `neededKVA`, else more units
 *  like the one installed beside it. The installed unit counts at its rating as the power flow
 *  takes it (a rating set in the scene over the catalog model's); null without a catalog model. */
export function transformerFix(node: Pick<PowerNode, 'modelId' | 'ratingKVA'>, neededKVA: number, catalog: Catalog): TransformerFix | null {
  const model = node.modelId ? catalog.transformers.get(node.modelId) : undefined
  if (!model) return null
  const installedKVA = node.ratingKVA ?? model.ratingKVA
  const ratio = `${model.primaryKV}/${model.secondaryKV} kV`
  const bigger = [...catalog.transformers.values()]
    .filter((t) => t.primaryKV === model.primaryKV && t.secondaryKV === model.secondaryKV && t.ratingKVA >= neededKVA)
    .sort((a, b) => a.ratingKVA - b.ratingKVA)[0]
  if (bigger) return { kind: 'replace', installedKVA, ratio, name: bigger.name, newKVA: bigger.ratingKVA }
  const added = Math.ceil(neededKVA / installedKVA) - 1
  return { kind: 'add', installedKVA, ratio, units: added, newKVA: added * installedKVA }
}

export type TransformerFix =
  /** One new transformer of `newKVA` in place of the installed one. */
  | { kind: 'replace'; installedKVA: number; ratio: string; name: string; newKVA: number }
  /** `units` more like the installed one beside it, `newKVA` in all. */
  | { kind: 'add'; installedKVA: number; ratio: string; units: number; newKVA: number }

export function transformerAdvice(node: PowerNode, loadKVA: number, neededKVA: number, catalog: Catalog): string {
  const name = node.name ?? node.id
  const fix = transformerFix(node, neededKVA, catalog)
  if (!fix) return `raise ${name} to ≥ ${fmt(neededKVA)}`
  if (fix.kind === 'replace') return `replace ${name} (${fmt(fix.installedKVA)}) with a ${fix.name} (${fmt(fix.newKVA)} ${fix.ratio})`
  return `add ${fix.units} × ${fmt(fix.installedKVA)} ${fix.ratio} transformer(s) beside ${name} and split its ${fmt(loadKVA)} between them`
}

export function frameAdvice(node: PowerNode, neededKVA: number): string {
  const name = node.name ?? node.id
  const amps = LV_FRAME_A.find((a) => kvaAt400V(a) >= neededKVA)
  if (node.kind === 'ups') return `add UPS capacity at ${name}: ≥ ${fmt(neededKVA)} in all`
  if (amps) return `upgrade ${name} to a ${amps} A frame (${fmt(kvaAt400V(amps))} at 400 V)`
  return `split ${name}: ${fmt(neededKVA)} is more than one ${LV_FRAME_A[LV_FRAME_A.length - 1]} A board carries`
}

/** The firm capacity, as IT at full rating, that the node limiting usable IT must add for the IT
 *  installed to sit within the continuous-load margin, kW: (installed − usable within the margin)
 *  / params.continuousLoadFraction. Raising that node's firm kVA × power factor by Δ raises its IT
 *  capacity within the margin, and so the usable IT it limits, by Δ × the fraction (power/usable.ts:
 *  capacity = firm × fraction × pf − non-IT); the usable-IT advice and its price both take this
 *  figure, so that the fix leaves no warning behind. Never below 0. */
export function usableRaiseKW(installedKW: number, usableKW: number, params: SolverParams): number {
  return Math.max(0, installedKW - usableKW) / params.continuousLoadFraction
}

/** The grid connection a site needs: what it draws within the continuous-load margin. Every view
 *  of a grid shortfall (grid.load, usable IT limited by the grid, their prices) gives this one
 *  figure: with it the grid carries the load within the margin, and the usable IT within the
 *  margin (capacity × margin × PF − the non-IT load) is the IT installed. */
export function gridNeededKVA(drawKVA: number, params: SolverParams): number {
  return drawKVA / params.continuousLoadFraction
}

/** The words of that figure, rounded up to 0.1 MVA (a "≥" never below what is needed). */
export function gridConnectionAdvice(neededKVA: number, todayKVA: number): string {
  return `apply for a grid connection of ≥ ${(Math.ceil(neededKVA / 100 - 1e-9) / 10).toFixed(1)} MVA (today ${mva(todayKVA)})`
}

/** The rating a node overloaded in an N-1 case needs: its worst contingency load within the
 *  emergency limit and under the warning band (params.emergencyOverloadFactor ×
 *  params.contingencyWarnFraction), so that the fix leaves no warning behind. The N-1 advice and
 *  its price (economics/upgradePrices.ts) both size from this. */
export function n1NeededKVA(contingencyLoadKVA: number, params: SolverParams): number {
  return contingencyLoadKVA / (params.emergencyOverloadFactor * params.contingencyWarnFraction)
}

/** The fix for a node an N-1 case overloads: a larger one (transformers from the catalog), named. */
export function n1NodeAdvice(node: PowerNode, loadKVA: number, ratingKVA: number, lost: string, rows: readonly string[], params: SolverParams, catalog: Catalog): string {
  const name = node.name ?? node.id
  const needed = n1NeededKVA(loadKVA, params)
  const excess = fmt(loadKVA - ratingKVA * params.emergencyOverloadFactor * params.contingencyWarnFraction)
  const fix = node.kind === 'transformer' ? transformerAdvice(node, loadKVA, needed, catalog) : frameAdvice(node, needed)
  const shed = rows.length > 0 ? `, or take ≥ ${excess} off its rows (${rows.length <= 3 ? rows.join(', ') : `${rows.slice(0, 2).join(', ')} and ${rows.length - 2} more`})` : ''
  return `${name} carries ${fmt(loadKVA)} of its ${fmt(ratingKVA)} with ${lost} lost: ${fix}${shed}`
}

/** What an N+1 group needs to carry its load with one member lost, in the warning band of the
 *  N-1 check: `need` = Σ load / (emergency factor × warn fraction); with one lost the rest
 *  (Σ − largest) carry it, so `add` more of the largest size do when Σ + add·largest − largest ≥
 *  need (add ≤ 0: the survivors have room). The advice and its price both read this. */
export function nPlusOneShortfall(members: readonly Pick<NodeResult, 'ratingKVA' | 'loadKVA'>[], params: SolverParams): { add: number; largestKVA: number; needKVA: number } {
  const ratings = members.map((m) => m.ratingKVA ?? 0)
  const largest = ratings.reduce((a, b) => Math.max(a, b), 0)
  const total = ratings.reduce((s, r) => s + r, 0)
  const load = members.reduce((s, m) => s + m.loadKVA, 0)
  const need = load / (params.emergencyOverloadFactor * params.contingencyWarnFraction)
  return { add: largest > 0 ? Math.ceil((need - (total - largest)) / largest) : Infinity, largestKVA: largest, needKVA: need }
}

/** Capacity advice for an N+1 group whose own members do not carry its load with one lost: how
 *  many more of its largest member; null where the survivors have room already (then what a loss
 *  overloads is some other node: advise that node). */
export function groupAdvice(group: GroupResult, flow: FlowResult, params: SolverParams): string | null {
  if (group.scheme !== 'N+1') return null
  const members = group.members.map((id) => flow.byId.get(id)!)
  const { add, largestKVA, needKVA } = nPlusOneShortfall(members, params)
  const what = members[0]!.kind
  if (!(largestKVA > 0)) return `rate the members of group ${group.id}: it must carry ${fmt(needKVA)} with one member lost (${group.scheme})`
  if (add <= 0) return null
  return `add ${add} × ${fmt(largestKVA)} ${what} to group ${group.id} so it carries ${fmt(needKVA)} with one member lost (${group.scheme})`
}

/** The racks an N-1 case leaves dark and the B-side feed that brings them back. A rack is dark
 *  when every feed it hangs on is dead (power/loads.ts hangLoads): its A feed is the lost node or
 *  below it, and it has no B feed or one below the lost node too. A second unit beside the lost
 *  one gives such racks no second path; a feed from the side that survives does. That feed is a
 *  twin of the node the racks hang on (its kind: a board, a busway, a PDU), sized for the racks'
 *  load alone within the continuous-load margin (params.continuousLoadFraction), and a B-side
 *  circuit per rack. The N-1 advice and its price (economics/upgradePrices.ts) both read this. */
export interface BSideFeed {
  /** Rows with a rack left dark, in scene order, and how many of their racks. */
  rows: { id: string; name: string; racks: number }[]
  /** Racks left dark, in all. */
  racks: number
  /** Their apparent load, kVA: what the B side must carry alone. */
  loadKVA: number
  /** The B-side feed, kVA (loadKVA within the continuous-load margin), by the kind of the node
   *  the racks hang on today. */
  byKind: Map<PowerNodeKind, number>
  /** Σ byKind, kVA. */
  neededKVA: number
}

/** The dark racks of one N-1 case (`lost` taken out, everything below them dead); `skip` leaves
 *  out racks already counted (keys `row#pair`, filled as racks are counted). */
export function bSideFeed(rows: readonly RowLoad[], power: readonly PowerNode[], lost: readonly string[], params: SolverParams, skip?: Set<string>): BSideFeed {
  const parentOf = new Map(power.map((n) => [n.id, n.parent]))
  const lostSet = new Set(lost)
  const deadMemo = new Map<string, boolean>()
  // Up the parents until a lost node, a node already known or the top, then the answer for every
  // node passed: a loop, not a recursion, as deep as the chain may be.
  const dead = (id: string): boolean => {
    const passed: string[] = []
    let at: string | null | undefined = id
    let d = false
    while (at != null) {
      const known = deadMemo.get(at)
      if (known !== undefined) {
        d = known
        break
      }
      passed.push(at)
      if (lostSet.has(at)) {
        d = true
        break
      }
      at = parentOf.get(at)
    }
    for (const p of passed) deadMemo.set(p, d)
    return d
  }
  return feedFor(rows, power, params, (a, b) => dead(a) && (b === null || dead(b)), skip)
}

/** The B side racks without one need (the dual-feed requirement of 2N): the same remedy, for
 *  every rack that hangs on an A side alone (on one of `onFeeds`, where given). */
export function singleFedRacks(rows: readonly RowLoad[], power: readonly PowerNode[], params: SolverParams, onFeeds?: ReadonlySet<string>): BSideFeed {
  return feedFor(rows, power, params, (a, b) => singleFed(b) && (onFeeds === undefined || onFeeds.has(a)))
}

const singleFed = (b: string | null) => b === null

/** The nodes some rack hangs on alone (no B feed). */
export function singleFedNodes(rows: readonly RowLoad[]): Set<string> {
  const out = new Set<string>()
  for (const load of rows) for (const { a, b } of load.supply.pairs) if (singleFed(b)) out.add(a)
  return out
}

function feedFor(rows: readonly RowLoad[], power: readonly PowerNode[], params: SolverParams, needs: (a: string, b: string | null) => boolean, skip?: Set<string>): BSideFeed {
  const kindOf = new Map(power.map((n) => [n.id, n.kind]))
  const out: BSideFeed = { rows: [], racks: 0, loadKVA: 0, byKind: new Map(), neededKVA: 0 }
  for (const load of rows) {
    // kVA per rack as the flow takes it: rackKW with the row's kvar share (loads.ts).
    const rackKVA = Math.hypot(load.rackKW, load.kvar / load.row.rackCount)
    let racks = 0
    load.supply.pairs.forEach(({ a, b, racks: n }, k) => {
      if (!needs(a, b)) return
      const key = `${load.row.id}#${k}`
      if (skip?.has(key)) return
      skip?.add(key)
      racks += n
      const kva = rackKVA * n
      const needed = kva / params.continuousLoadFraction
      const kind = kindOf.get(a) ?? 'board'
      out.byKind.set(kind, (out.byKind.get(kind) ?? 0) + needed)
      out.loadKVA += kva
      out.neededKVA += needed
    })
    if (racks > 0) {
      out.rows.push({ id: load.row.id, name: load.row.name ?? load.row.id, racks })
      out.racks += racks
    }
  }
  return out
}

/** The cooling an N-1 case stops (`stopped`, placements with no live supply) and the second
 *  supply that keeps it running: a feed from the side that survives through a transfer switch
 *  (the placement's feedB), a twin of the node it hangs on, sized for its nameplate load within
 *  the continuous-load margin. `skip` leaves out placements already counted (filled as counted).
 *  The N-1 advice and its price both read this. */
export function coolingBSideFeed(cooling: readonly CoolingLoad[], power: readonly PowerNode[], stopped: readonly string[], params: SolverParams, skip?: Set<string>): { units: string[]; byKind: Map<PowerNodeKind, number>; neededKVA: number } {
  const kindOf = new Map(power.map((n) => [n.id, n.kind]))
  const ids = new Set(stopped)
  const out = { units: [] as string[], byKind: new Map<PowerNodeKind, number>(), neededKVA: 0 }
  for (const unit of cooling) {
    if (!ids.has(unit.id) || skip?.has(unit.id)) continue
    skip?.add(unit.id)
    const needed = Math.hypot(unit.kw, unit.kvar) / params.continuousLoadFraction
    const kind = kindOf.get(unit.feed) ?? 'board'
    out.byKind.set(kind, (out.byKind.get(kind) ?? 0) + needed)
    out.neededKVA += needed
    out.units.push(unit.id)
  }
  return out
}

/** The words of that remedy: what it buys, as its price line says it. */
export function bSideFeedText(feed: Pick<BSideFeed, 'racks' | 'neededKVA'>): string {
  return `a B-side feed for ${grouped(feed.racks)} rack${feed.racks === 1 ? '' : 's'} (${fmt(feed.neededKVA)})`
}

/** Rack-circuit advice: the next standard circuit that carries the rack within the margin. */
export function circuitAdvice(subject: string, rackKVA: number, params: SolverParams): string {
  const amps = CIRCUIT_A.find((a) => kvaAt400V(a) * params.continuousLoadFraction >= rackKVA)
  return amps
    ? `rack circuits of ${subject} need ${amps} A three-phase (${fmt(kvaAt400V(amps))})`
    : `rack circuits of ${subject} carry ${fmt(rackKVA)}: feed each rack from a busway tap-off or two circuits`
}

/** Tier failures that share a cause (same node kind and rating) get one line of advice. */
export function tierAdvice(failing: readonly Check[], groups: readonly GroupResult[], flow: FlowResult, catalog: Catalog, tier: string, variant: Variant, rows: readonly RowLoad[], params: SolverParams): Advice[] {
  const byMember = new Map(groups.map((g) => [g.members[0]!, g]))
  const nodes = new Map(variant.power.map((n) => [n.id, n]))
  const pending = new Map<string, Check[]>()
  // Under 2N, members racks hang on alone are told apart: their B side is those racks' feed.
  const alone = tier === '2N' ? singleFedNodes(rows) : new Set<string>()
  for (const c of failing) {
    const key = `${tierKey(byMember.get(c.subjectId), flow)}${alone.has(c.subjectId) ? '/alone' : ''}`
    pending.set(key, [...(pending.get(key) ?? []), c])
  }
  return [...pending.values()].map((list) => tierGroupAdvice(list, byMember, flow, catalog, tier, nodes, rows, params))
}

/** Under 2N, the B side of a group that racks hang on alone (single-fed, so the dual-feed check
 *  fails on their rows) is the B-side feed of those racks: one more unit beside it, without that
 *  feed, gives them no second path, and the feed is what the dual-feed line names and prices.
 *  The racks of the failing groups' members, or none below 2N. */
export function tierBSideFeed(failing: readonly Check[], tier: string, rows: readonly RowLoad[], power: readonly PowerNode[], params: SolverParams): BSideFeed {
  const members = new Set(tier === '2N' ? failing.map((c) => c.subjectId) : [])
  return singleFedRacks(rows, power, params, members)
}

/** UPS backing failing on several rows: one line for all. */
export function upsAdvice(list: readonly Check[], params: SolverParams): Advice[] {
  if (list.length === 0) return []
  const first = list[0]!
  const n = list.length
  return [{ checkId: first.id, subjectId: first.subjectId, text: `put the racks of ${n} row(s) (${names(list)}) behind double-conversion UPS with ≥ ${params.upsMinAutonomyMin} min of battery` }]
}

/** Dual feeds failing on several rows: one line for all, naming the B-side feed their single-fed
 *  racks need (singleFedRacks: what economics prices). */
export function dualFeedAdvice(list: readonly Check[], rows: readonly RowLoad[], power: readonly PowerNode[], params: SolverParams): Advice[] {
  if (list.length === 0) return []
  const first = list[0]!
  const ids = new Set(list.map((c) => c.subjectId))
  const feed = singleFedRacks(rows.filter((r) => ids.has(r.row.id)), power, params)
  return [{ checkId: first.id, subjectId: first.subjectId, text: `feed every rack of ${list.length} row(s) (${names(list)}) from a B side too: ${bSideFeedText(feed)}` }]
}

/** Nodes that fail the tier for the same reason get one piece of advice: same kind, same rating. */
function tierKey(group: GroupResult | undefined, flow: FlowResult): string {
  const first = group ? flow.byId.get(group.members[0]!) : undefined
  return first ? `${first.kind}/${first.ratingKVA ?? 'unrated'}` : 'unknown'
}

function names(list: readonly Check[]): string {
  const subjects = list.map((c) => c.subject)
  return subjects.length <= 3 ? subjects.join(', ') : `${subjects.slice(0, 2).join(', ')} … ${subjects[subjects.length - 1]}`
}

function tierGroupAdvice(
  list: readonly Check[],
  byMember: ReadonlyMap<string, GroupResult>,
  flow: FlowResult,
  catalog: Catalog,
  tier: string,
  nodes: ReadonlyMap<string, PowerNode>,
  rows: readonly RowLoad[],
  params: SolverParams,
): Advice {
  const first = list[0]!
  const n = list.length
  const base = { checkId: first.id, subjectId: first.subjectId }
  const group = byMember.get(first.subjectId)
  const node = group ? flow.byId.get(group.members[0]!) : undefined
  const model = node ? nodes.get(node.id)?.modelId : undefined
  const modelName = model ? catalog.transformers.get(model)?.name : undefined
  const size = node?.ratingKVA ? fmt(node.ratingKVA) : fmt(node?.loadKVA ?? 0)
  const what =
    node?.kind === 'transformer'
      ? `${size} transformer${modelName ? ` (${modelName})` : ''}`
      : node?.kind === 'switchgear'
        ? 'switchgear section with a bus coupler'
        : `${size} ${node?.kind ?? 'unit'}`
  const subject = n === 1 ? first.subject : `${n} × ${node?.kind ?? 'node'} (${names(list)})`
  const feed = tierBSideFeed(list, tier, rows, [...nodes.values()], params)
  if (feed.racks > 0) {
    return { ...base, text: `make ${subject} redundant (2N): its B side is ${bSideFeedText(feed)} that carries them alone` }
  }
  if (node?.kind === 'switchgear') {
    return { ...base, text: `make ${subject} redundant: a second incomer and a bus coupler ${n === 1 ? '' : 'for each '}(${tier})` }
  }
  const scheme = tier === '2N' ? 'as a B side, so that each side carries all (2N)' : 'in an N+1 pair with a tie'
  return { ...base, text: `make ${subject} redundant: add ${n === 1 ? `a ${what}` : `${n} × ${what}, one for each,`} ${scheme}` }
}
