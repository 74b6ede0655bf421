// The largest AI density a site carries as it stands: replace the base variant's ASIC rows, one
// row after another, with racks of a chosen GPU system, and find the largest rack count at which
// every check passes (power with N-1 at the required tier, cooling, network) and the floor holds
// (rack footprints with service aisles, plus support space for the tier).
// The search tries every fill of a rack (1 … as many devices as fit) and keeps the one that
// carries most devices; for each it bisects on the rack count (more racks never make the site
// pass where fewer failed: load only grows). One step past the maximum it reports what binds and
// what it would cost to lift it.
import type { Catalog } from '../../model/catalog'
import type { Device, Enclosure } from '../../model/catalogSchema'
import { resolveParams } from '../../model/params'
import type { Hall, RedundancyScheme, Row, Scene, Variant } from '../../model/sceneSchema'
import { solveVariant } from '../solve'
import type { CapacityResult, CapacityStep, PricedUpgrade } from '../economics/types'
import { resolveEconomicsInputs } from '../economics/economics'
import { priceUpgrades, reportPricing } from '../economics/upgradePrices'

/** Aisle left at each end of a converted row, m. Matches the generated halls (8 m ends). */
const ROW_END_AISLE_M = 4

export interface CapacityOptions {
  requiredTier?: RedundancyScheme
}

function enclosureFor(device: Device, catalog: Catalog): Enclosure | undefined {
  const all = [...catalog.enclosures.values()]
  if (device.rackUnits === undefined) return all.find((e) => e.kind === 'rack' && e.slotUnit === 'device')
  return all.find((e) => e.kind === 'rack' && e.slotUnit === 'U')
}

function fillOptions(device: Device, enclosure: Enclosure): number[] {
  const max = enclosure.slotUnit === 'U' ? Math.floor(enclosure.slots / (device.rackUnits ?? 1)) : enclosure.slots
  return Array.from({ length: Math.max(0, max) }, (_, i) => max - i)
}

interface Layout {
  /** Rows that can be converted, in order, with how many GPU racks each holds. */
  rows: { hall: Hall; row: Row; capacity: number }[]
  hallAreaM2: number
  asicRowAreaM2: Map<string, number>
}

function layoutOf(base: Variant, enclosure: Enclosure, catalog: Catalog): Layout {
  const rows: Layout['rows'] = []
  const asicRowAreaM2 = new Map<string, number>()
  let hallAreaM2 = 0
  for (const hall of base.halls) {
    hallAreaM2 += hall.lengthM * hall.widthM
    const pitch = hall.rows.length > 1 ? hall.widthM / hall.rows.length : hall.widthM
    for (const row of hall.rows) {
      const e = catalog.enclosures.get(row.enclosureId)
      asicRowAreaM2.set(row.id, (e?.widthM ?? 1) * row.rackCount * pitch)
      const along = Math.abs(Math.cos((row.rotationDeg * Math.PI) / 180)) > 0.5 ? hall.lengthM : hall.widthM
      rows.push({ hall, row, capacity: Math.max(0, Math.floor((along - 2 * ROW_END_AISLE_M) / enclosure.widthM)) })
    }
  }
  return { rows, hallAreaM2, asicRowAreaM2 }
}

/** The base variant with its first rows converted to `racks` GPU racks of `perRack` devices. */
function converted(base: Variant, layout: Layout, device: Device, enclosure: Enclosure, perRack: number, racks: number, tier: RedundancyScheme): Variant {
  const replaced = new Map<string, Row>()
  let left = racks
  for (const { hall, row, capacity } of layout.rows) {
    if (left <= 0) break
    const n = Math.min(capacity, left)
    left -= n
    const { rackFeeds: _a, rackFeedsB: _b, ...rest } = row
    replaced.set(row.id, {
      ...rest,
      position: { x: Math.max(ROW_END_AISLE_M, (hall.lengthM - n * enclosure.widthM) / 2), y: row.position.y },
      enclosureId: enclosure.id,
      deviceId: device.id,
      devicesPerRack: perRack,
      rackCount: n,
    })
  }
  return {
    ...base,
    id: `${base.id}+${device.id}`,
    name: `${base.name} + ${racks} × ${device.name}`,
    asBuilt: false,
    requiredTier: tier,
    workload: 'inference',
    halls: base.halls.map((h) => ({ ...h, rows: h.rows.map((r) => replaced.get(r.id) ?? r) })),
  }
}

function floorNeedM2(layout: Layout, racks: number, perRackM2: number, support: number): number {
  let gpuRows = 0
  let left = racks
  for (const r of layout.rows) {
    if (left <= 0) break
    left -= Math.min(r.capacity, left)
    gpuRows++
  }
  const keptAsic = layout.rows.slice(gpuRows).reduce((s, r) => s + (layout.asicRowAreaM2.get(r.row.id) ?? 0), 0)
  return racks * perRackM2 * (1 + support) + keptAsic
}

/** Cheapest first; lines another line pays for next, then those with no price. */
const costRank = (u: PricedUpgrade) => (u.costUsd === null ? Infinity : u.includedIn ? Number.MAX_VALUE : u.costUsd)

export function findCapacity(scene: Scene, baseVariantId: string, deviceId: string, catalog: Catalog, options: CapacityOptions = {}): CapacityResult {
  const base = scene.variants.find((v) => v.id === baseVariantId)
  const device = catalog.devices.get(deviceId)
  if (!base) throw new Error(`unknown variant "${baseVariantId}"`)
  if (!device || device.kind !== 'gpu') throw new Error(`"${deviceId}" is not a GPU system of the catalog`)
  const enclosure = enclosureFor(device, catalog)
  if (!enclosure) throw new Error(`no rack in the catalog holds a ${device.name}`)
  const tier = options.requiredTier ?? base.requiredTier ?? 'N'
  const params = resolveParams(scene.params, base.params)
  const layout = layoutOf(base, enclosure, catalog)
  const perRackM2 = enclosure.widthM * (enclosure.depthM + params.serviceAisleM)
  const support = params.supportSpaceFraction[tier]
  const maxByRows = layout.rows.reduce((s, r) => s + r.capacity, 0)

  const trial = (perRack: number, racks: number) => {
    const variant = converted(base, layout, device, enclosure, perRack, racks, tier)
    const report = solveVariant({ ...scene, variants: [variant] }, variant.id, catalog, { year: false })
    const floorOk = floorNeedM2(layout, racks, perRackM2, support) <= layout.hallAreaM2
    return { variant, report, ok: report.verdict !== 'fail' && floorOk, floorOk }
  }

  let best = { perRack: fillOptions(device, enclosure)[0] ?? 1, racks: 0 }
  const steps: CapacityStep[] = []
  // With no GPU rack the variant is the base at the tier, whatever the fill: solve it once.
  const baseOk = trial(fillOptions(device, enclosure)[0] ?? 1, 0).ok
  for (const perRack of fillOptions(device, enclosure)) {
    // Bisect the largest passing rack count in [0, maxByRows].
    let lo = 0
    let hi = maxByRows
    if (!baseOk) {
      lo = -1
      hi = -1
    }
    while (lo < hi) {
      const mid = Math.ceil((lo + hi + 1) / 2)
      const t = trial(perRack, mid)
      steps.push({ racks: mid, devices: mid * perRack, itKW: t.report.totals.itKW, verdict: t.ok ? t.report.verdict : 'fail' })
      if (t.ok) lo = mid
      else hi = mid - 1
    }
    const racks = Math.max(0, lo)
    if (racks * perRack > best.racks * best.perRack) best = { perRack, racks }
  }

  const at = trial(best.perRack, best.racks)
  // A site that fails at the tier with no GPU rack at all is blocked by that, not by the racks.
  const blockedAtZero = !at.ok
  const next = blockedAtZero ? at : best.racks < maxByRows ? trial(best.perRack, best.racks + 1) : null
  const inputs = resolveEconomicsInputs(scene, base, catalog)
  const judged = next ?? at
  const upgrades: PricedUpgrade[] = next ? priceUpgrades(reportPricing(judged.report, judged.variant, catalog, inputs)) : []
  const nextBinding = next?.report.binding && next.report.binding.status === 'fail' ? next.report.binding : null
  const floorLimitRacks = Math.floor(layout.hallAreaM2 / (perRackM2 * (1 + support)))
  const floorBinds = next !== null && !next.floorOk && !blockedAtZero
  if (floorBinds) {
    const m2 = floorNeedM2(layout, best.racks + 1, perRackM2, support) - layout.hallAreaM2
    upgrades.push({
      kind: 'floor',
      title: 'Floor space',
      subject: 'halls',
      checks: 1,
      text: 'more floor: extend the hall or build a second one',
      costUsd: m2 * inputs.hallUsdPerM2,
      basis: `${Math.ceil(m2).toLocaleString('en-US')} m² × ${inputs.hallUsdPerM2} USD/m²`,
      sources: [{ name: 'hallUsdPerM2', title: catalog.economics.inputSources.hallUsdPerM2?.title ?? 'models/economics.json', confidence: 'approx' }],
    })
  }
  return {
    deviceId: device.id,
    deviceName: device.name,
    enclosureId: enclosure.id,
    devicesPerRack: best.perRack,
    requiredTier: tier,
    maxRacks: best.racks,
    maxDevices: best.racks * best.perRack,
    maxItKW: best.racks > 0 ? at.report.rows.filter((r) => r.deviceId === device.id).reduce((s, r) => s + r.rowKW, 0) : 0,
    binding: floorBinds
      ? { checkId: 'floor', title: 'Floor space', subject: 'halls', value: floorNeedM2(layout, best.racks + 1, perRackM2, support), limit: layout.hallAreaM2, unit: 'm²' }
      : nextBinding
        ? { checkId: nextBinding.id, title: nextBinding.title, subject: nextBinding.subject, value: nextBinding.value, limit: nextBinding.limit, unit: nextBinding.unit }
        : next === null
          ? { checkId: 'rows', title: 'Room in the rows', subject: 'halls', value: best.racks + 1, limit: maxByRows, unit: 'racks' }
          : null,
    floorLimitRacks,
    upgrades: upgrades.sort((a, b) => costRank(a) - costRank(b)),
    steps: steps.sort((a, b) => a.racks - b.racks),
  }
}
