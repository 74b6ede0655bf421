// The geometry of a capacity search: which rack holds the device, how many fit in a rack, how many
// racks each row of the base variant takes, the variant with its first rows converted, and the floor
// that many racks need (rack footprints with service aisles, support space for the tier, and the
// rows of miners that stay).
import type { Catalog } from '../../model/catalog'
import type { Device, Enclosure } from '../../model/catalogSchema'
import type { Hall, RedundancyScheme, Row, Variant } from '../../model/sceneSchema'

/** Aisle left at each end of a converted row, m. Matches the generated halls (8 m ends). */
export const ROW_END_AISLE_M = 4

export function enclosureFor(device: Device, catalog: Catalog): Enclosure | undefined {
  const all = [...catalog.enclosures.values()]
  if (device.rackUnits === undefined) return all.find((e) => e.kind === 'rack' && e.slotUnit === 'device')
  return all.find((e) => e.kind === 'rack' && e.slotUnit === 'U')
}

/** Devices per rack to try, fullest first. */
export function fillOptions(device: Device, enclosure: Enclosure): number[] {
  const max = enclosure.slotUnit === 'U' ? Math.floor(enclosure.slots / (device.rackUnits ?? 1)) : enclosure.slots
  return Array.from({ length: Math.max(0, max) }, (_, i) => max - i)
}

export interface Layout {
  /** Rows that can be converted, in order, with how many GPU racks each holds. */
  rows: { hall: Hall; row: Row; capacity: number }[]
  hallAreaM2: number
  asicRowAreaM2: Map<string, number>
  /** Racks all the rows hold. */
  maxRacks: number
}

export function layoutOf(base: Variant, enclosure: Enclosure, catalog: Catalog): Layout {
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
  return { rows, hallAreaM2, asicRowAreaM2, maxRacks: rows.reduce((s, r) => s + r.capacity, 0) }
}

/** The base variant with its first rows converted to `racks` racks of `perRack` devices. */
export function converted(base: Variant, layout: Layout, device: Device, enclosure: Enclosure, perRack: number, racks: number, tier: RedundancyScheme): Variant {
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
    name: racks > 0 ? `${base.name} + ${racks} × ${device.name}` : base.name,
    asBuilt: false,
    requiredTier: tier,
    workload: 'inference',
    halls: base.halls.map((h) => ({ ...h, rows: h.rows.map((r) => replaced.get(r.id) ?? r) })),
  }
}

/** Floor the converted racks need with their aisles and support space, plus the rows kept. */
export function floorNeedM2(layout: Layout, racks: number, perRackM2: number, support: number): number {
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
