// What it costs to make failing checks pass: one priced line per failing check kind, with the
// advice the check modules give (report.power.advice) as its words and the unit costs of
// models/economics.json (each named, with its source) as its arithmetic. One place for the
// capacity search (what the next rack needs) and the economics (cost to make a variant pass).
// Each fix is sized so that the check passes without a warning, as the power advice is.
// Rough figures to rank and budget, not a quotation. Keyed by check.kind, never by id text.
import type { Catalog } from '../../model/catalog'
import type { CoolingUnit } from '../../model/catalogSchema'
import type { EconomicsInputs } from '../../model/economicsSchema'
import type { SolverParams } from '../../model/params'
import type { PowerNodeKind, Variant } from '../../model/sceneSchema'
import { sortChecks, type Check, type CheckKind } from '../check'
import { checkModule } from '../checks'
import type { Advice, GroupResult, HallResult, NodeResult, Report, RowResult } from '../report'
import type { CostToPass, PriceSource, PricedUpgrade } from './types'
import { grouped } from './grouped'
import { loseOneCase } from '../cooling/contingency'
import { hallPlant } from '../cooling/plant/plant'
import { coolantLimitC, dryAtLimitKW } from '../cooling/plant/evaluate'
import { variantLoads, type CoolingLoad, type RowLoad, type VariantLoads } from '../loads'
import { dryCoolerKWPerK } from '../cooling/plant/physics'
import { bSideFeed, bSideFeedText, transformerFix, coolingBSideFeed, gridNeededKVA, n1NeededKVA, nPlusOneShortfall, singleFedNodes, singleFedRacks, usableRaiseKW, type BSideFeed } from '../power/advice'

/** Fibre is bought in whole 10 Gbit/s ports or wavelengths (approx: 10GbE is the common step). */
export const FIBRE_STEP_GBPS = 10

/** What a price needs: the failing checks and the solved figures they are about. */
export interface PricingContext {
  failing: readonly Check[]
  advice: readonly Advice[]
  rows: readonly RowResult[]
  nodes: readonly NodeResult[]
  halls: readonly HallResult[]
  /** The redundancy groups and their N-1 cases (report.power.groups). */
  groups: readonly GroupResult[]
  params: SolverParams
  /** The climate's summer design dry bulb the report was solved for, °C. */
  designDryBulbC: number
  /** Usable IT within the continuous-load margin (report.power.usableITKW), kW. */
  usableITKW: number
  variant: Variant
  catalog: Catalog
  inputs: EconomicsInputs
}

/** What a cooling unit of the catalog takes (kW) or moves (m³/s); 0 for kinds that do not. */
const coolingKWOf = (u: CoolingUnit): number => ('coolingKW' in u ? u.coolingKW : 0)
const airflowOf = (u: CoolingUnit): number => ('airflowM3s' in u ? u.airflowM3s : 0)

type Priced = Pick<PricedUpgrade, 'text' | 'costUsd' | 'basis' | 'sources'> & Partial<Pick<PricedUpgrade, 'siteLimit' | 'includedIn'>>
type Pricer = (checks: readonly Check[], p: Pricing) => Priced

const num = (v: number, digits = 0) => grouped(v, digits)
const usdText = (v: number) => `${num(v)} USD`
const racksText = (n: number) => `${num(n)} rack${n === 1 ? '' : 's'}`

/** Lookups over the context, made once per call of priceUpgrades. */
class Pricing {
  readonly rows: ReadonlyMap<string, RowResult>
  readonly nodes: ReadonlyMap<string, NodeResult>
  readonly halls: ReadonlyMap<string, HallResult>
  readonly groups: ReadonlyMap<string, GroupResult>
  readonly failingKinds: ReadonlySet<CheckKind>
  constructor(readonly ctx: PricingContext) {
    this.rows = new Map(ctx.rows.map((r) => [r.id, r]))
    this.nodes = new Map(ctx.nodes.map((n) => [n.id, n]))
    this.halls = new Map(ctx.halls.map((h) => [h.id, h]))
    this.groups = new Map(ctx.groups.map((g) => [g.id, g]))
    this.failingKinds = new Set(ctx.failing.map((c) => c.kind))
  }

  private loads: VariantLoads | null = null
  /** The variant's loads as the solver makes them, once (on first use). */
  private variantLoads(): VariantLoads {
    return (this.loads ??= variantLoads(this.ctx.variant, this.ctx.catalog, this.ctx.params))
  }
  /** The rows as the solver loads them. */
  rowLoads(): RowLoad[] {
    return this.variantLoads().rows
  }
  /** The cooling placements as the solver loads them. */
  coolingLoads(): CoolingLoad[] {
    return this.variantLoads().cooling
  }
  /** The rows of one hall as the solver loads them. */
  hallLoads(hallId: string): RowLoad[] {
    return this.rowLoads().filter((r) => r.hall.id === hallId)
  }

  /** A unit cost of the economics inputs, with its source. */
  input(name: keyof EconomicsInputs): { usd: number; source: PriceSource } {
    const s = this.ctx.catalog.economics.inputSources[name]
    return { usd: this.ctx.inputs[name] as number, source: { name, title: s?.title ?? 'models/economics.json', confidence: s?.confidence ?? 'approx' } }
  }

  /** The priced catalog unit of a cooling kind with the most capacity (the one a retrofit buys). */
  coolingUnit(kind: CoolingUnit['kind']): { unit: CoolingUnit; usd: number; source: PriceSource } | null {
    const prices = this.ctx.catalog.economics.coolingUnits
    const size = (u: CoolingUnit) => coolingKWOf(u) || airflowOf(u)
    const unit = [...this.ctx.catalog.coolingUnits.values()].filter((u) => u.kind === kind && prices[u.id]).sort((a, b) => size(b) - size(a))[0]
    if (!unit) return null
    const p = prices[unit.id]!
    return { unit, usd: p.usd, source: { name: unit.id, title: p.source.title, confidence: p.source.confidence } }
  }

  /** Power factor of the IT on some rows, kW-weighted from the catalog (1 where unknown), or
   *  params.itPowerFactor where set (a calibrated value, as in solver/loads.ts). */
  rowKVA(rowIds: Iterable<string>): number {
    let kva = 0
    for (const id of rowIds) {
      const r = this.rows.get(id)
      if (r) kva += r.rowKW / (this.ctx.params.itPowerFactor ?? this.ctx.catalog.devices.get(r.deviceId)?.powerFactor ?? 1)
    }
    return kva
  }

  racks(rowIds: Iterable<string>): number {
    let n = 0
    for (const id of rowIds) n += this.rows.get(id)?.rackCount ?? 0
    return n
  }

  adviceFor(checks: readonly Check[]): string | null {
    const ids = new Set(checks.map((c) => c.id))
    const texts = [...new Set(this.ctx.advice.filter((a) => ids.has(a.checkId)).map((a) => a.text))]
    if (texts.length === 0) return null
    return texts.length <= 2 ? texts.join('; ') : `${texts.slice(0, 2).join('; ')}; and ${texts.length - 2} more like it`
  }
}

/** The unit cost of more capacity at a power node of this kind, per kVA. */
function perKVAFor(kind: PowerNodeKind): keyof EconomicsInputs | null {
  switch (kind) {
    case 'transformer':
      return 'transformerUsdPerKVA'
    case 'ups':
      return 'upsUsdPerKVA'
    case 'generator':
      return 'gensetUsdPerKVA'
    case 'grid':
      return null
    default:
      // Switchgear, feeders, boards, busways and PDUs: LV switchgear and busway per kVA.
      return 'buswayUsdPerKVA'
  }
}

/** Sums kVA by unit cost: "2,500 kVA × 45 USD/kVA + 1,109 kVA × 60 USD/kVA", and rack circuits
 *  ("+ 10 racks × 2,500 USD"). */
class KvaBill {
  private readonly byInput = new Map<keyof EconomicsInputs, number>()
  private racks = 0
  add(input: keyof EconomicsInputs, kva: number) {
    this.byInput.set(input, (this.byInput.get(input) ?? 0) + kva)
  }
  /** A B-side feed (power/advice.ts bSideFeed, coolingBSideFeed): its kVA at the unit cost of
   *  each kind of node, and a circuit per rack. */
  addBSide(feed: Pick<BSideFeed, 'byKind'> & { racks?: number }) {
    for (const [kind, kva] of feed.byKind) this.add(perKVAFor(kind) ?? 'buswayUsdPerKVA', kva)
    this.racks += feed.racks ?? 0
  }
  get empty(): boolean {
    return this.byInput.size === 0 && this.racks === 0
  }
  priced(p: Pricing, text: string): Priced {
    let cost = 0
    const parts: string[] = []
    const sources: PriceSource[] = []
    for (const [input, kva] of this.byInput) {
      const u = p.input(input)
      cost += kva * u.usd
      parts.push(`${num(kva)} kVA × ${num(u.usd)} USD/kVA`)
      sources.push(u.source)
    }
    if (this.racks > 0) {
      const u = p.input('rackCircuitUsd')
      cost += this.racks * u.usd
      parts.push(`${racksText(this.racks)} × ${usdText(u.usd)}`)
      sources.push(u.source)
    }
    return { text, costUsd: cost, basis: parts.join(' + '), sources }
  }
}

/** "the Liquid heat vs CDU capacity line": a line named by its check kind's title. */
const lineOf = (kind: CheckKind) => `the “${checkModule(kind)?.meta.title ?? kind}” line`

/** A line whose equipment another line already buys. */
const included = (text: string, cover: CheckKind, why: string): Priced => ({ text, costUsd: 0, basis: `in ${lineOf(cover)}: ${why}`, sources: [], includedIn: cover })

const notPriced = (text: string, why: string): Priced => ({ text, costUsd: null, basis: why, sources: [] })

/** Whole units of a cooling kind for `kw` (or m³/s for fans), priced. */
function coolingUnits(p: Pricing, kind: CoolingUnit['kind'], need: number, perUnit: (u: CoolingUnit) => number): { n: number; usd: number; basis: string; source: PriceSource; unit: CoolingUnit } | null {
  const u = p.coolingUnit(kind)
  if (!u || perUnit(u.unit) <= 0) return null
  const n = Math.max(1, Math.ceil(need / perUnit(u.unit) - 1e-9))
  return { n, usd: n * u.usd, basis: `${n} × ${u.unit.name} × ${usdText(u.usd)}`, source: u.source, unit: u.unit }
}

/** Chilled supply air for `kw` of air-side heat: chillers and CRAH coils. */
function chilledAir(p: Pricing, kw: number, text: string): Priced {
  const chillers = coolingUnits(p, 'chiller', kw, coolingKWOf)
  const crahs = coolingUnits(p, 'crah', kw, coolingKWOf)
  if (!chillers || !crahs) return notPriced(text, 'no priced chiller or CRAH in the catalog')
  return { text, costUsd: chillers.usd + crahs.usd, basis: `${chillers.basis} + ${crahs.basis}`, sources: [chillers.source, crahs.source] }
}

/** Trim chillers on a liquid loop for `kw` of liquid heat. */
function trimChillers(p: Pricing, kw: number, text: string): Priced {
  const chillers = coolingUnits(p, 'chiller', kw, coolingKWOf)
  if (!chillers) return notPriced(text, 'no priced chiller in the catalog')
  return { text, costUsd: chillers.usd, basis: chillers.basis, sources: [chillers.source] }
}

const sumOver = (checks: readonly Check[], f: (c: Check) => number) => checks.reduce((s, c) => s + Math.max(0, f(c)), 0)
const words = (p: Pricing, checks: readonly Check[], fallback: string) => p.adviceFor(checks) ?? fallback

/** One more unit like the group's first member, for each group short of its tier; under 2N, a
 *  group that racks hang on alone has the B-side feed of those racks for its B side, which the
 *  dual-feed line buys (power/advice.ts tierBSideFeed, as the advice names it). */
const redundancy: Pricer = (checks, p) => {
  const bill = new KvaBill()
  const tier = p.ctx.variant.requiredTier ?? 'N'
  let inDualLine = 0
  // The members racks hang on alone, under 2N with the dual-feed line failing: for each, what
  // tierBSideFeed names is that line's feed (no racks: not in it).
  const alone = tier === '2N' && p.failingKinds.has('redundancy.dual') ? singleFedNodes(p.rowLoads()) : new Set<string>()
  for (const c of checks) {
    if (alone.has(c.subjectId)) {
      inDualLine++
      continue
    }
    const node = p.nodes.get(c.subjectId)
    const input = node ? perKVAFor(node.kind) : null
    if (node && input) bill.add(input, node.ratingKVA ?? node.loadKVA)
  }
  const text = words(p, checks, `a redundant unit for each of ${checks.length} group(s)`)
  if (bill.empty && inDualLine > 0) return included(text, 'redundancy.dual', 'the B-side feeds of the same racks')
  return bill.priced(p, text)
}

/** N-1: the racks a loss leaves dark, a B-side feed from the side that survives, sized for their
 *  load alone (power/advice.ts bSideFeed, as the advice names it: one more unit beside the lost
 *  one would give them no second path), each rack once, and none of a row whose B side the
 *  dual-feed line buys; the cooling a loss stops that racks need, likewise a second supply
 *  (coolingBSideFeed); the members an N-1 case overloads, each raised to what its worst case
 *  needs (power/advice.ts n1NeededKVA, as the advice sizes it); a group that fails otherwise one
 *  more unit like its first member. A member whose load check fails already is in that line. */
const n1: Pricer = (checks, p) => {
  const bill = new KvaBill()
  const { params, variant, failing } = p.ctx
  const overLoad = new Set(failing.filter((f) => f.kind === 'power.load').map((f) => f.subjectId))
  const dualLine = new Set(failing.filter((f) => f.kind === 'redundancy.dual').map((f) => f.subjectId))
  const ownRows = p.rowLoads().filter((r) => !dualLine.has(r.row.id))
  const counted = new Set<string>()
  const countedCooling = new Set<string>()
  const dark = { racks: 0, neededKVA: 0 }
  let inDualLine = false
  const ownerOf = (id: string) => {
    const n = variant.power.find((x) => x.id === id)
    return n ? (n.redundancy?.group ?? n.id) : id
  }
  for (const c of checks) {
    const owner = ownerOf(c.subjectId)
    let fedB = false
    for (const k of p.groups.get(owner)?.contingencies ?? []) {
      if (k.coolingConsequences.some((q) => q.rowsOverLimit.length > 0)) {
        fedB = true
        bill.addBSide(coolingBSideFeed(p.coolingLoads(), variant.power, k.deEnergisedCooling, params, countedCooling))
      }
      if (k.deEnergisedRows.length === 0) continue
      fedB = true
      if (k.deEnergisedRows.some((r) => dualLine.has(r))) inDualLine = true
      const feed = bSideFeed(ownRows, variant.power, k.lost, params, counted)
      bill.addBSide(feed)
      dark.racks += feed.racks
      dark.neededKVA += feed.neededKVA
    }
    const inGroup = variant.power.filter((n) => n.kind !== 'grid' && (n.redundancy?.group ?? n.id) === owner)
    const members = inGroup.map((n) => p.nodes.get(n.id)!)
    // An N+1 group short of its own load: the members its advice adds (power/advice.ts).
    const short = inGroup[0]?.redundancy?.scheme === 'N+1' ? nPlusOneShortfall(members, params) : null
    const input = perKVAFor(members[0]!.kind)
    if (short && short.add > 0 && Number.isFinite(short.add) && input) {
      bill.add(input, short.add * short.largestKVA)
      continue
    }
    const over = members.filter((m) => m.ratingKVA !== null && (m.contingencyUtilisation ?? 0) > params.emergencyOverloadFactor)
    if (over.length === 0) {
      if (fedB) continue
      const node = p.nodes.get(c.subjectId)
      const input = node ? perKVAFor(node.kind) : null
      if (node && input) bill.add(input, node.ratingKVA ?? node.loadKVA)
      continue
    }
    for (const m of over) {
      if (overLoad.has(m.id)) continue
      const rating = m.ratingKVA!
      const needed = n1NeededKVA(m.contingencyUtilisation! * rating, params)
      if (m.kind === 'transformer') bill.add('transformerUsdPerKVA', transformerKVA(p, m.id, needed))
      else if (m.kind === 'ups') bill.add('upsUsdPerKVA', Math.max(0, needed - rating))
      else bill.add(perKVAFor(m.kind) ?? 'buswayUsdPerKVA', needed)
    }
  }
  const text = words(p, checks, dark.racks > 0 ? `${bSideFeedText(dark)} for the racks N-1 losses leave dark` : `raise the nodes ${checks.length} N-1 case(s) overload`)
  if (bill.empty && inDualLine) return included(text, 'redundancy.dual', 'the B-side feeds of the same racks')
  return bill.priced(p, text)
}

/** A grid connection of `neededKVA` in place of today's, priced per MW of the increase at the
 *  connection's power factor. */
function gridPriced(p: Pricing, neededKVA: number, text: string): Priced {
  const grid = p.ctx.nodes.find((n) => n.kind === 'grid')
  const mw = (Math.max(0, neededKVA - (grid?.ratingKVA ?? 0)) * (grid?.powerFactor ?? 1)) / 1000
  const u = p.input('gridUsdPerMW')
  return { text, costUsd: mw * u.usd, basis: `${num(mw, 1)} MW × ${num(u.usd)} USD/MW`, sources: [u.source], siteLimit: true }
}

const PRICERS: Partial<Record<CheckKind, Pricer>> = {
  'grid.load': (checks, p) => {
    const c = checks[0]!
    const neededKVA = gridNeededKVA(c.value ?? 0, p.ctx.params)
    return gridPriced(p, neededKVA, words(p, checks, `grid connection ≥ ${num(neededKVA / 1000, 1)} MVA`))
  },
  'power.load': (checks, p) => {
    const bill = new KvaBill()
    for (const c of checks) {
      const node = p.nodes.get(c.subjectId)
      if (!node) continue
      const neededKVA = (c.value ?? 0) / p.ctx.params.continuousLoadFraction
      if (node.kind === 'transformer') bill.add('transformerUsdPerKVA', transformerKVA(p, c.subjectId, neededKVA))
      else if (node.kind === 'ups') bill.add('upsUsdPerKVA', Math.max(0, neededKVA - (node.ratingKVA ?? 0)))
      else bill.add(perKVAFor(node.kind) ?? 'buswayUsdPerKVA', neededKVA)
    }
    return bill.priced(p, words(p, checks, `raise the rating of ${checks.length} node(s)`))
  },
  'power.circuit': (checks, p) => {
    const racks = p.racks(checks.map((c) => c.subjectId))
    const u = p.input('rackCircuitUsd')
    return { text: words(p, checks, `larger circuits for ${racks} rack(s)`), costUsd: racks * u.usd, basis: `${racksText(racks)} × ${usdText(u.usd)}`, sources: [u.source] }
  },
  'power.generator': (checks, p) => {
    const bill = new KvaBill()
    bill.add('gensetUsdPerKVA', sumOver(checks, (c) => (c.value ?? 0) - (c.limit ?? 0)))
    return bill.priced(p, words(p, checks, 'more generator capacity'))
  },
  'power.autonomy': (checks, p) => notPriced(words(p, checks, 'more battery'), 'no battery unit cost in models/economics.json'),
  'grid.pf': (checks, p) => notPriced(words(p, checks, 'reactive compensation'), 'no compensation unit cost in models/economics.json'),
  'power.usable-it': (checks, p) => {
    const text = words(p, checks, 'more firm capacity')
    const c = checks[0]!
    const limiter = p.nodes.get(c.subjectId)
    if (limiter?.kind === 'grid' && limiter.ratingKVA !== null) {
      // The grid connection limits it: the larger connection the grid line buys, or that same
      // connection priced here (power/advice.ts gridNeededKVA: one figure for both).
      if (p.failingKinds.has('grid.load')) return included(text, 'grid.load', 'the larger connection carries the IT')
      return gridPriced(p, gridNeededKVA((limiter.utilisation ?? 0) * limiter.ratingKVA, p.ctx.params), text)
    }
    // The node that limits the usable IT is itself overloaded: its replacement restores both.
    if (p.ctx.failing.some((f) => f.kind === 'power.load' && f.subjectId === c.subjectId)) return included(text, 'power.load', 'the larger node carries the IT')
    const cover = (['redundancy.tier', 'redundancy.n1'] as const).find((k) => p.failingKinds.has(k))
    if (cover) return included(text, cover, 'the redundant units restore the usable IT')
    const node = p.nodes.get(c.subjectId)
    const short = usableRaiseKW(c.value ?? 0, p.ctx.usableITKW, p.ctx.params)
    const bill = new KvaBill()
    bill.add((node && perKVAFor(node.kind)) ?? 'transformerUsdPerKVA', short / itPowerFactor(p))
    return bill.priced(p, text)
  },
  'redundancy.tier': redundancy,
  'redundancy.n1': n1,
  'redundancy.ups': (checks, p) => {
    const bill = new KvaBill()
    bill.add('upsUsdPerKVA', p.rowKVA(checks.map((c) => c.subjectId)))
    return bill.priced(p, words(p, checks, `UPS for ${checks.length} row(s)`))
  },
  'redundancy.dual': (checks, p) => {
    // Every single-fed rack of these rows: a B-side feed, as the advice names it (power/advice.ts
    // singleFedRacks), sized for its racks' load alone within the margin, a circuit per rack.
    const ids = new Set(checks.map((c) => c.subjectId))
    const feed = singleFedRacks(p.rowLoads().filter((r) => ids.has(r.row.id)), p.ctx.variant.power, p.ctx.params)
    const bill = new KvaBill()
    bill.addBSide(feed)
    return bill.priced(p, words(p, checks, `${bSideFeedText(feed)} in ${checks.length} row(s)`))
  },

  'cooling.airflow': (checks, p) => {
    const over = sumOver(checks, (c) => (c.value ?? 0) / p.ctx.params.coolingWarnFraction - (c.limit ?? 0))
    const text = `more exhaust fans: ${num(over, 1)} m³/s`
    const fans = coolingUnits(p, 'exhaust-fan', over, (u) => airflowOf(u) * p.ctx.params.fanFlowDerate)
    return fans ? { text: `${fans.n} more ${fans.unit.name} (${num(over, 1)} m³/s)`, costUsd: fans.usd, basis: fans.basis, sources: [fans.source] } : notPriced(text, 'no priced fan in the catalog')
  },
  'cooling.air-heat': (checks, p) => {
    const kw = sumOver(checks, (c) => (c.value ?? 0) / p.ctx.params.coolingWarnFraction - (c.limit ?? 0))
    return chilledAir(p, kw, `air handlers and chillers for ${num(kw / 1000, 2)} MW more air-side heat`)
  },
  'cooling.n1': (checks, p) => {
    // A standby for the units whose loss fails a case (a whole fan bank where the case loses a
    // bank): per model, as many as its largest failing case loses — one standby set covers any
    // one loss of that model. Not the dearest unit of the hall, which may never fail a case.
    const prices = p.ctx.catalog.economics.coolingUnits
    const need = new Map<string, number>()
    for (const c of checks) {
      const hall = p.ctx.variant.halls.find((h) => h.id === c.subjectId)
      const failing = (p.halls.get(c.subjectId)?.coolingContingencies ?? []).filter((x) => x.rowsOverLimit.length > 0)
      for (const x of hall?.cooling ?? []) {
        const unit = p.ctx.catalog.coolingUnits.get(x.modelId)
        const lose = unit ? loseOneCase(unit.kind, x.id, x.count) : null
        if (lose && failing.some((f) => f.lost === lose.label)) need.set(x.modelId, Math.max(need.get(x.modelId) ?? 0, lose.units))
      }
    }
    const text = `a standby for each unit whose loss fails a case in ${checks.length} hall(s)`
    if (need.size === 0) return notPriced(text, 'no lose-one case of a hall unit fails (the failure is a power contingency’s)')
    const unpriced = [...need.keys()].filter((id) => !prices[id])
    if (unpriced.length > 0) return notPriced(text, `no unit cost for ${unpriced.join(', ')} in models/economics.json`)
    let usd = 0
    const parts: string[] = []
    const sources: PriceSource[] = []
    for (const [id, n] of need) {
      const price = prices[id]!
      usd += n * price.usd
      parts.push(`${n} × ${p.ctx.catalog.coolingUnits.get(id)?.name ?? id} × ${usdText(price.usd)}`)
      sources.push({ name: id, title: price.source.title, confidence: price.source.confidence })
    }
    return { text, costUsd: usd, basis: parts.join(' + '), sources }
  },
  'density.row': (checks, p) => {
    const contained = p.ctx.params.densityLimitKWPerM['contained-aisle']
    const beyond = checks.filter((c) => (c.value ?? 0) > contained)
    if (beyond.length > 0) {
      return notPriced(`${beyond.length} row(s) above the ${num(contained)} kW/m that containment removes: rear-door or liquid cooling`, 'no rear-door unit cost in models/economics.json')
    }
    const racks = p.racks(checks.map((c) => c.subjectId))
    const u = p.input('containmentUsdPerRack')
    return { text: `contain the aisles of ${checks.length} row(s) (${racks} racks)`, costUsd: racks * u.usd, basis: `${racksText(racks)} × ${usdText(u.usd)}`, sources: [u.source] }
  },
  'inlet.design-day': (checks, p) => {
    const kw = checks.reduce((s, c) => s + (p.rows.get(c.subjectId)?.heatAirKW ?? 0), 0)
    return chilledAir(p, kw, `chilled supply air for ${checks.length} row(s): ${num(kw / 1000, 2)} MW of air-side heat`)
  },
  'year.inlet': (checks, p) => {
    const text = `chilled supply air for the hottest hours of ${checks.length} hall(s)`
    if (p.failingKinds.has('inlet.design-day')) return included(text, 'inlet.design-day', 'the same chillers')
    const kw = checks.reduce((s, c) => s + (p.halls.get(c.subjectId)?.heatAirKW ?? 0), 0)
    return chilledAir(p, kw, text)
  },
  'liquid.cdu': (checks, p) => {
    const kw = sumOver(checks, (c) => (c.value ?? 0) / p.ctx.params.coolingWarnFraction - (c.limit ?? 0))
    const cdus = coolingUnits(p, 'cdu', kw, coolingKWOf)
    const text = `CDUs for ${num(kw / 1000, 2)} MW more liquid heat`
    return cdus ? { text, costUsd: cdus.usd, basis: cdus.basis, sources: [cdus.source] } : notPriced(text, 'no priced CDU in the catalog')
  },
  'liquid.rejection': (checks, p) => {
    const kw = sumOver(checks, (c) => (c.value ?? 0) / p.ctx.params.coolingWarnFraction - (c.limit ?? 0))
    // A dry cooler rejects on the design day what the plant credits it holding the coolant limit
    // (plant/evaluate.ts dryAtLimitKW), not its rating: in the hottest of these halls.
    const perKelvin = p.ctx.variant.halls
      .filter((h) => checks.some((c) => c.subjectId === h.id))
      .map((h) => dryAtLimitKW(1, coolantLimitC(hallPlant(h, p.hallLoads(h.id), p.ctx.catalog), p.ctx.params), p.ctx.designDryBulbC, p.ctx.params))
    const kelvin = perKelvin.length > 0 ? Math.min(...perKelvin) : 0
    const mw = num(kw / 1000, 2)
    if (kelvin <= 0) return trimChillers(p, kw, `trim chillers for ${mw} MW more liquid heat: dry coolers reject nothing in ${num(p.ctx.designDryBulbC, 1)} °C air at the coolant limit`)
    const perUnit = (u: CoolingUnit) => (u.kind === 'dry-cooler' ? dryCoolerKWPerK(u) * kelvin : 0)
    const dry = coolingUnits(p, 'dry-cooler', kw, perUnit)
    const text = `dry coolers for ${mw} MW more liquid heat (${num(dry ? perUnit(dry.unit) : 0)} kW each in ${num(p.ctx.designDryBulbC, 1)} °C air at the coolant limit)`
    return dry ? { text, costUsd: dry.usd, basis: dry.basis, sources: [dry.source] } : notPriced(text, 'no priced dry cooler in the catalog')
  },
  'liquid.supply': (checks, p) => {
    const kw = checks.reduce((s, c) => s + (p.halls.get(c.subjectId)?.heatLiquidKW ?? 0), 0)
    return trimChillers(p, kw, `trim chillers to hold the coolant supply of ${checks.length} hall(s) at its limit (devices, rear doors)`)
  },
  'year.coolant': (checks, p) => {
    const text = `trim chillers for the hours the coolant runs too warm in ${checks.length} hall(s)`
    const cover = (['liquid.cdu', 'liquid.rejection', 'liquid.supply'] as const).find((k) => p.failingKinds.has(k))
    if (cover) return included('a liquid plant that takes the heat all year', cover, 'the same plant')
    const kw = checks.reduce((s, c) => s + (p.halls.get(c.subjectId)?.heatLiquidKW ?? 0), 0)
    return trimChillers(p, kw, text)
  },
  'network.uplink': (checks, p) => {
    const c = checks[0]!
    const needGbps = Math.ceil((c.value ?? 0) / p.ctx.params.continuousLoadFraction / FIBRE_STEP_GBPS - 1e-9) * FIBRE_STEP_GBPS
    const newGbps = Math.max(0, needGbps - (c.limit ?? 0))
    const u = p.input('fibreUsdPerGbps')
    return {
      text: `fibre ${num(c.limit ?? 0)} → ${num(needGbps)} Gbit/s`,
      costUsd: newGbps * u.usd,
      basis: `${num(newGbps)} Gbit/s × ${num(u.usd)} USD/(Gbit/s)`,
      sources: [u.source],
    }
  },
}

function itPowerFactor(p: Pricing): number {
  const kw = p.ctx.rows.reduce((s, r) => s + r.rowKW, 0)
  const kva = p.rowKVA(p.ctx.rows.map((r) => r.id))
  return kva > 0 ? kw / kva : 1
}

/** The transformer capacity that fixes an overloaded one, as its advice names it (power/advice.ts
 *  transformerFix): a larger catalog model, else more units like the installed one. */
function transformerKVA(p: Pricing, nodeId: string, neededKVA: number): number {
  const node = p.ctx.variant.power.find((n) => n.id === nodeId)
  return (node && transformerFix(node, neededKVA, p.ctx.catalog)?.newKVA) ?? neededKVA
}

/** One priced line per failing check kind, in the order the checks bind. */
export function priceUpgrades(ctx: PricingContext): PricedUpgrade[] {
  const p = new Pricing(ctx)
  const byKind = new Map<CheckKind, Check[]>()
  for (const c of sortChecks(ctx.failing)) byKind.set(c.kind, [...(byKind.get(c.kind) ?? []), c])
  const out: PricedUpgrade[] = []
  for (const [kind, checks] of byKind) {
    const lead = checks[0]!
    const pricer = PRICERS[kind]
    const priced = pricer ? pricer(checks, p) : notPriced(p.adviceFor(checks) ?? lead.note ?? `${lead.title}: over its limit`, 'no unit cost for this kind of fix')
    out.push({
      kind,
      title: lead.title,
      subject: checks.length === 1 ? lead.subject : `${lead.subject} and ${checks.length - 1} more`,
      checks: checks.length,
      ...priced,
    })
  }
  return out
}

/** The priced lines added up; kinds without a price are named, never counted as $0. */
export function costToPass(lines: readonly PricedUpgrade[]): CostToPass {
  return {
    lines: [...lines],
    pricedUsd: lines.reduce((s, l) => s + (l.costUsd ?? 0), 0),
    unpriced: lines.filter((l) => l.costUsd === null).map((l) => l.kind),
  }
}

/** The pricing context of a solved report: its failing checks, advice and results. */
export function reportPricing(report: Report, variant: Variant, catalog: Catalog, inputs: EconomicsInputs): PricingContext {
  return {
    failing: report.checks.filter((c) => c.status === 'fail'),
    advice: report.power.advice,
    rows: report.rows,
    nodes: report.nodes,
    halls: report.halls,
    groups: report.power.groups,
    params: report.params,
    designDryBulbC: report.climate.designDryBulbC,
    usableITKW: report.power.usableITKW,
    variant,
    catalog,
    inputs,
  }
}
