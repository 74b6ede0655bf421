// The largest AI density a site carries: replace the base variant's rows, one after another, with
// racks of a chosen GPU system (a row that already holds it grows into its free places; the racks,
// devices and IT reported are those added to the base), and find the largest rack count at which every check passes and the
// floor holds — stepping past the limits whose fix is cheap against the racks it lets in (a fibre,
// rack circuits, a board frame: under cheapFixSharePct of their capex, models/economics.json), so
// that the answer is the real limit (power, cooling, floor), with each cheap fix listed and priced.
// Where the next limit is not cheap, it says what the next rack needs and what paying for it gives.
//
// For each fill of a rack (1 … as many devices as fit) the search bisects on the rack count: more
// racks never make a check pass that failed with fewer (load only grows), so "every failing check
// is of a kind already stepped past" is monotone in the racks. At the next rack, the kinds that
// newly fail are stepped past together if their fixes, priced for the racks the search then
// reaches (with every later cheap fix), cost less than the share of the capex of the racks gained.
// A limit that is a site asset (the grid connection) or has no price always stops the search.
// The trials solve the design day (the typical year is skipped for speed); the answer is then
// solved once with the year, and a year check that fails there is reported with it.
import type { Catalog } from '../../model/catalog'
import type { Device, Enclosure } from '../../model/catalogSchema'
import { resolveParams } from '../../model/params'
import type { RedundancyScheme, Scene, Variant } from '../../model/sceneSchema'
import { bindingCheck, type Check, type CheckKind } from '../check'
import type { Report } from '../report'
import { solveVariant } from '../solve'
import { landedDevicePrice, resolveEconomicsInputs } from '../economics/economics'
import type { EconomicsInputs } from '../../model/economicsSchema'
import type { CapacityBinding, CapacityResult, CapacityStage, CapacityStep, CapacityUnlock, PricedUpgrade } from '../economics/types'
import { grouped } from '../economics/grouped'
import { converted, enclosureFor, fillOptions, floorNeedM2, layoutOf, type Layout } from './layout'

/** Stages of the way further that the result lists (the search itself goes to the end). */
const MAX_PATH_STAGES = 6

export interface CapacityOptions {
  requiredTier?: RedundancyScheme
}

interface Trial {
  racks: number
  report: Report
  floorOk: boolean
  floorNeedM2: number
  failing: ReadonlySet<CheckKind>
  /** The priced fixes of its failing checks: those the solve priced for its cost to pass (the
   *  trial variant keeps the base's economics, so they are priced at the search's inputs). */
  lines: readonly PricedUpgrade[]
}

/** Where the search of one fill stops, and what it stepped past on the way. */
interface Level {
  perRack: number
  /** Largest passing rack count; −1 when the site fails with no rack at all. */
  reach: number
  allowed: Set<CheckKind>
  unlocked: { atRacks: number; kinds: CheckKind[]; next: Trial }[]
  stop: Stop
}

type Stop =
  | { at: 'rows' }
  | { at: 'floor'; next: Trial }
  | { at: 'checks'; next: Trial; kinds: CheckKind[]; why: 'site limit' | 'not priced' }
  /** The fixes of `kinds` cost more than the share; `beyond` is where paying for them leads. */
  | { at: 'checks'; next: Trial; kinds: CheckKind[]; why: 'not cheap'; beyond: Level }

const kindsOf = (lines: readonly PricedUpgrade[], kinds: readonly CheckKind[]) => lines.filter((l) => kinds.includes(l.kind as CheckKind))
const costOf = (lines: readonly PricedUpgrade[]) => lines.reduce((s, l) => s + (l.costUsd ?? 0), 0)

class Search {
  private readonly trials = new Map<string, Trial>()
  private readonly perRackM2: number
  private readonly support: number

  constructor(
    private readonly scene: Scene,
    private readonly base: Variant,
    readonly layout: Layout,
    readonly device: Device,
    private readonly enclosure: Enclosure,
    private readonly tier: RedundancyScheme,
    private readonly catalog: Catalog,
    readonly inputs: EconomicsInputs,
  ) {
    const params = resolveParams(scene.params, base.params)
    this.perRackM2 = enclosure.widthM * (enclosure.depthM + params.serviceAisleM)
    this.support = params.supportSpaceFraction[tier]
  }

  get floorLimitRacks(): number {
    return Math.floor(this.layout.hallAreaM2 / (this.perRackM2 * (1 + this.support)))
  }

  trial(perRack: number, racks: number): Trial {
    // With no rack of the device the variant is the base at the tier, whatever the fill.
    const key = racks === 0 ? '0' : `${perRack}/${racks}`
    const known = this.trials.get(key)
    if (known) return known
    const variant = converted(this.base, this.layout, this.device, this.enclosure, perRack, racks, this.tier)
    const report = solveVariant({ ...this.scene, variants: [variant] }, variant.id, this.catalog, { year: false })
    const need = floorNeedM2(this.layout, racks, this.perRackM2, this.support)
    const t: Trial = {
      racks,
      report,
      floorOk: need <= this.layout.hallAreaM2,
      floorNeedM2: need,
      failing: new Set(report.checks.filter((c) => c.status === 'fail').map((c) => c.kind)),
      lines: report.economics.costToPass?.lines ?? [],
    }
    this.trials.set(key, t)
    return t
  }

  /** Trials made for a fill, by rack count. */
  trialsOf(perRack: number): Trial[] {
    return [...this.trials.entries()].filter(([k]) => k === '0' || k.startsWith(`${perRack}/`)).map(([, t]) => t)
  }

  passes(t: Trial, allowed: ReadonlySet<CheckKind>): boolean {
    if (!t.floorOk) return false
    for (const k of t.failing) if (!allowed.has(k)) return false
    return true
  }

  /** Largest rack count in [from, all rows] that passes, given that `from` does (or is −1). */
  reach(perRack: number, allowed: ReadonlySet<CheckKind>, from: number): number {
    let lo = from
    let hi = this.layout.maxRacks
    while (lo < hi) {
      const mid = Math.floor((lo + hi + 1) / 2)
      if (this.passes(this.trial(perRack, mid), allowed)) lo = mid
      else hi = mid - 1
    }
    return lo
  }

  rackCapexUsd(perRack: number, racks: number): number {
    const overrides = { ...this.scene.economics?.devicePricesUsd, ...this.base.economics?.devicePricesUsd }
    return racks * perRack * landedDevicePrice(this.device.id, overrides, this.inputs, this.catalog).landedUsd
  }

  /** Grow the racks of one fill from a passing `reach`, stepping past every cheap limit. */
  grow(perRack: number, allowed: Set<CheckKind>, reach: number): Level {
    const stopAt = (stop: Stop): Level => ({ perRack, reach, allowed, unlocked: [], stop })
    const nextRacks = reach + 1
    if (nextRacks > this.layout.maxRacks) return stopAt({ at: 'rows' })
    const next = this.trial(perRack, nextRacks)
    if (!next.floorOk) return stopAt({ at: 'floor', next })
    const kinds = [...next.failing].filter((k) => !allowed.has(k))
    const hard = kindsOf(next.lines, kinds).find((l) => l.siteLimit || l.costUsd === null)
    if (hard) return stopAt({ at: 'checks', next, kinds, why: hard.siteLimit ? 'site limit' : 'not priced' })
    // Where paying for these fixes leads, with every later cheap fix.
    const widened = new Set([...allowed, ...kinds])
    const beyond = this.grow(perRack, widened, this.reach(perRack, widened, nextRacks))
    const cost = costOf(kindsOf(this.trial(perRack, beyond.reach).lines, kinds))
    const gainedUsd = this.rackCapexUsd(perRack, beyond.reach - Math.max(reach, 0))
    if (cost > (this.inputs.cheapFixSharePct / 100) * gainedUsd) return stopAt({ at: 'checks', next, kinds, why: 'not cheap', beyond })
    return { ...beyond, unlocked: [{ atRacks: nextRacks, kinds, next }, ...beyond.unlocked] }
  }

  fill(perRack: number): Level {
    const allowed = new Set<CheckKind>()
    return this.grow(perRack, allowed, this.passes(this.trial(perRack, 0), allowed) ? this.reach(perRack, allowed, 0) : -1)
  }

  /** Checks that fail at the answer once the typical year is solved too ("Title — subject"). */
  yearFailures(perRack: number, racks: number): string[] {
    const variant = converted(this.base, this.layout, this.device, this.enclosure, perRack, racks, this.tier)
    const report = solveVariant({ ...this.scene, variants: [variant] }, variant.id, this.catalog)
    const known = this.trial(perRack, racks).failing
    return report.checks.filter((c) => c.status === 'fail' && !known.has(c.kind)).map((c) => `${c.title} — ${c.subject}`)
  }

  rowsBinding(racks: number): CapacityBinding {
    return { checkId: 'rows', kind: 'rows', title: 'Room in the rows', subject: 'halls', value: racks + 1, limit: this.layout.maxRacks, unit: 'racks' }
  }

  floorBinding(next: Trial): CapacityBinding {
    return { checkId: 'floor', kind: 'floor', title: 'Floor space', subject: 'halls', value: next.floorNeedM2, limit: this.layout.hallAreaM2, unit: 'm²' }
  }

  floorUpgrade(next: Trial): PricedUpgrade {
    const m2 = Math.max(0, next.floorNeedM2 - this.layout.hallAreaM2)
    const source = this.catalog.economics.inputSources.hallUsdPerM2
    return {
      kind: 'floor',
      title: 'Floor space',
      subject: 'halls',
      checks: 1,
      text: 'more floor: extend the hall or build a second one',
      costUsd: m2 * this.inputs.hallUsdPerM2,
      basis: `${grouped(Math.ceil(m2))} m² × ${grouped(this.inputs.hallUsdPerM2)} USD/m²`,
      sources: [{ name: 'hallUsdPerM2', title: source?.title ?? 'models/economics.json', confidence: source?.confidence ?? 'approx' }],
    }
  }
}

/** The failing check that stands for some kinds at a trial: the one that binds most. */
function checkBinding(t: Trial, kinds: readonly CheckKind[], why?: CapacityBinding['why']): CapacityBinding | null {
  const lead = bindingCheck(t.report.checks.filter((c) => c.status === 'fail' && kinds.includes(c.kind)))
  if (!lead) return null
  const b: CapacityBinding = { checkId: lead.id, kind: lead.kind, title: lead.title, subject: lead.subject, value: lead.value, limit: lead.limit, unit: lead.unit }
  if (why) b.why = why
  return b
}

const figures = (c: Check | null) => ({ title: c?.title ?? '', subject: c?.subject ?? '', value: c?.value ?? null, limit: c?.limit ?? null, unit: c?.unit ?? '' })

/** Cheapest first; lines another line pays for next, then those with no price. */
const costRank = (u: PricedUpgrade) => (u.costUsd === null ? Infinity : u.includedIn ? Number.MAX_VALUE : u.costUsd)
const byCost = (lines: PricedUpgrade[]) => lines.sort((a, b) => costRank(a) - costRank(b))

/** IT and devices of one device over a report's rows. */
const ofDevice = (report: Report, deviceId: string) =>
  report.rows.filter((r) => r.deviceId === deviceId).reduce((s, r) => ({ itKW: s.itKW + r.rowKW, devices: s.devices + r.deviceCount }), { itKW: 0, devices: 0 })

export function findCapacity(scene: Scene, baseVariantId: string, deviceId: string, catalog: Catalog, options: CapacityOptions = {}): CapacityResult {
  const base = scene.variants.find((v) => v.id === baseVariantId)
  const device = catalog.devices.get(deviceId)
  if (!base) throw new Error(`unknown variant "${baseVariantId}"`)
  if (!device || device.kind !== 'gpu') throw new Error(`"${deviceId}" is not a GPU system of the catalog`)
  const enclosure = enclosureFor(device, catalog)
  if (!enclosure) throw new Error(`no rack in the catalog holds a ${device.name}`)
  const tier = options.requiredTier ?? base.requiredTier ?? 'N'
  const inputs = resolveEconomicsInputs(scene, base, catalog)
  const search = new Search(scene, base, layoutOf(base, enclosure, catalog, device), device, enclosure, tier, catalog, inputs)

  // Keep the fill that carries most devices; at 0, the one whose next step would carry most.
  const devices = (a: Level) => Math.max(0, a.reach) * a.perRack
  const beyondDevices = (a: Level) => (a.stop.at === 'checks' && a.stop.why === 'not cheap' ? Math.max(0, a.stop.beyond.reach) * a.perRack : 0)
  let best: Level | null = null
  for (const perRack of fillOptions(device, enclosure)) {
    const a = search.fill(perRack)
    if (!best || devices(a) > devices(best) || (devices(a) === devices(best) && beyondDevices(a) > beyondDevices(best))) best = a
  }
  const answer: Level = best ?? { perRack: 1, reach: -1, allowed: new Set(), unlocked: [], stop: { at: 'rows' } }
  const { perRack, allowed } = answer
  const racks = Math.max(0, answer.reach)
  const at = search.trial(perRack, racks)
  const { binding, upgrades } = stopOf(search, answer)
  // What the racks add to the base: a base that already holds the device keeps its own racks, IT
  // and devices, which are not the answer's (trial 0 is the base at the tier).
  const inBase = ofDevice(search.trial(perRack, 0).report, device.id)
  const added = (t: Trial) => {
    const d = ofDevice(t.report, device.id)
    return { itKW: d.itKW - inBase.itKW, devices: d.devices - inBase.devices }
  }

  // The way further, stage by stage, while the stop is a limit whose fix has a price.
  const path: CapacityStage[] = []
  for (let level = answer; level.stop.at === 'checks' && level.stop.why === 'not cheap' && path.length < MAX_PATH_STAGES; ) {
    const { kinds, beyond } = level.stop
    const far = search.trial(perRack, Math.max(0, beyond.reach))
    const bought = byCost(kindsOf(far.lines, kinds))
    path.push({
      racks: Math.max(0, beyond.reach),
      devices: added(far).devices,
      itKW: added(far).itKW,
      upgrades: bought,
      costUsd: costOf(bought),
      unlocks: unlocksOf(beyond, far),
      binding: stopOf(search, beyond).binding,
    })
    level = beyond
  }

  const steps: CapacityStep[] = search
    .trialsOf(perRack)
    .map((t) => {
      const passes = search.passes(t, allowed)
      const unlocked = passes && t.failing.size > 0
      const step: CapacityStep = { racks: t.racks, devices: t.racks * perRack, itKW: t.report.totals.itKW, verdict: !passes ? 'fail' : unlocked ? 'warn' : t.report.verdict }
      if (unlocked) step.unlocked = true
      return step
    })
    .sort((a, b) => a.racks - b.racks)

  return {
    deviceId: device.id,
    deviceName: device.name,
    enclosureId: enclosure.id,
    requiredTier: tier,
    cheapFixSharePct: inputs.cheapFixSharePct,
    floorLimitRacks: search.floorLimitRacks,
    basis: 'design day',
    yearFailures: racks > 0 ? search.yearFailures(perRack, racks) : [],
    devicesPerRack: perRack,
    maxRacks: racks,
    maxDevices: racks > 0 ? added(at).devices : 0,
    maxItKW: racks > 0 ? added(at).itKW : 0,
    siteItKW: at.report.totals.itKW,
    unlocks: unlocksOf(answer, at),
    binding,
    upgrades,
    path,
    steps,
  }
}

/** The cheap fixes a search stepped past, each priced for the racks it reached (`at`). */
function unlocksOf(level: Level, at: Trial): CapacityUnlock[] {
  return level.unlocked.flatMap((u) =>
    u.kinds.flatMap((kind) => {
      const upgrade = at.lines.find((l) => l.kind === kind)
      if (!upgrade) return []
      const check = bindingCheck(u.next.report.checks.filter((c) => c.status === 'fail' && c.kind === kind))
      return [{ atRacks: u.atRacks, check: figures(check), upgrade }]
    }),
  )
}

/** What stops a search, and what the next rack needs beyond the cheap fixes. */
function stopOf(search: Search, level: Level): { binding: CapacityBinding | null; upgrades: PricedUpgrade[] } {
  const stop = level.stop
  if (stop.at === 'rows') return { binding: search.rowsBinding(Math.max(0, level.reach)), upgrades: [] }
  if (stop.at === 'floor') return { binding: search.floorBinding(stop.next), upgrades: [search.floorUpgrade(stop.next)] }
  const lines = kindsOf(stop.next.lines, stop.kinds)
  const hard = lines.filter((l) => l.siteLimit || l.costUsd === null).map((l) => l.kind as CheckKind)
  return { binding: checkBinding(stop.next, hard.length > 0 ? hard : stop.kinds, stop.why), upgrades: byCost(lines) }
}
