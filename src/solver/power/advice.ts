// Upgrade advice: for each failing power check, the smallest change that fixes it, in equipment
// an engineer can order. Sized to bring the check inside the continuous-load margin, not just
// under 100 %, so that the fix does not leave a warning behind.
import type { Catalog } from '../../model/catalog'
import type { SolverParams } from '../../model/params'
import type { PowerNode, Variant } from '../../model/sceneSchema'
import type { Advice, GroupResult, NodeResult } from '../report'
import type { Check } from '../check'
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

export function transformerAdvice(node: PowerNode, loadKVA: number, neededKVA: number, catalog: Catalog): string {
  const model = node.modelId ? catalog.transformers.get(node.modelId) : undefined
  const name = node.name ?? node.id
  if (!model) return `raise ${name} to ≥ ${fmt(neededKVA)}`
  const bigger = [...catalog.transformers.values()]
    .filter((t) => t.primaryKV === model.primaryKV && t.secondaryKV === model.secondaryKV && t.ratingKVA >= neededKVA)
    .sort((a, b) => a.ratingKVA - b.ratingKVA)[0]
  const ratio = `${model.primaryKV}/${model.secondaryKV} kV`
  if (bigger) return `replace ${name} (${fmt(model.ratingKVA)}) with a ${bigger.name} (${fmt(bigger.ratingKVA)} ${ratio})`
  const total = Math.ceil(neededKVA / model.ratingKVA)
  return `add ${total - 1} × ${fmt(model.ratingKVA)} ${ratio} transformer(s) beside ${name} and split its ${fmt(loadKVA)} between them`
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

/** Rack-circuit advice: the next standard circuit that carries the rack within the margin. */
export function circuitAdvice(subject: string, rackKVA: number, params: SolverParams): string {
  const amps = CIRCUIT_A.find((a) => kvaAt400V(a) * params.continuousLoadFraction >= rackKVA)
  return amps
    ? `rack circuits of ${subject} need ${amps} A three-phase (${fmt(kvaAt400V(amps))})`
    : `rack circuits of ${subject} carry ${fmt(rackKVA)}: feed each rack from a busway tap-off or two circuits`
}

/** Tier failures that share a cause (same node kind and rating) get one line of advice. */
export function tierAdvice(failing: readonly Check[], groups: readonly GroupResult[], flow: FlowResult, catalog: Catalog, tier: string, variant: Variant): Advice[] {
  const byMember = new Map(groups.map((g) => [g.members[0]!, g]))
  const nodes = new Map(variant.power.map((n) => [n.id, n]))
  const pending = new Map<string, Check[]>()
  for (const c of failing) {
    const key = tierKey(byMember.get(c.subjectId), flow)
    pending.set(key, [...(pending.get(key) ?? []), c])
  }
  return [...pending.values()].map((list) => tierGroupAdvice(list, byMember, flow, catalog, tier, nodes))
}

/** Row requirements (UPS backing, dual feeds) failing on several rows: one line for all. */
export function rowsAdvice(kind: 'redundancy.ups' | 'redundancy.dual', list: readonly Check[], params: SolverParams): Advice[] {
  if (list.length === 0) return []
  const first = list[0]!
  const n = list.length
  const base = { checkId: first.id, subjectId: first.subjectId }
  if (kind === 'redundancy.ups') {
    return [{ ...base, text: `put the racks of ${n} row(s) (${names(list)}) behind double-conversion UPS with ≥ ${params.upsMinAutonomyMin} min of battery` }]
  }
  return [{ ...base, text: `add a B-side feed to every rack of ${n} row(s) (${names(list)})` }]
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
  if (node?.kind === 'switchgear') {
    return { ...base, text: `make ${subject} redundant: a second incomer and a bus coupler ${n === 1 ? '' : 'for each '}(${tier})` }
  }
  const scheme = tier === '2N' ? 'as a B side, so that each side carries all (2N)' : 'in an N+1 pair with a tie'
  return { ...base, text: `make ${subject} redundant: add ${n === 1 ? `a ${what}` : `${n} × ${what}, one for each,`} ${scheme}` }
}
