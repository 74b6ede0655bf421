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
  /** Rows that can take racks, in order: `existing` racks of the device the row already holds (in
   *  the same rack), `capacity` the racks it can still take beside them. */
  rows: { hall: Hall; row: Row; existing: number; capacity: number }[]
  hallAreaM2: number
  asicRowAreaM2: Map<string, number>
  /** Racks all the rows can still take. */
  maxRacks: number
}

/** The rows of the base and how many racks of `device` in `enclosure` each can still take. A row
 *  that already holds the device in that rack keeps its racks: only the free length counts, so the
 *  search counts racks (and IT) added to the base, not the base's own. */
export function layoutOf(base: Variant, enclosure: Enclosure, catalog: Catalog, device?: Device): Layout {
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
      const full = Math.max(0, Math.floor((along - 2 * ROW_END_AISLE_M) / enclosure.widthM))
      const existing = device !== undefined && row.deviceId === device.id && row.enclosureId === enclosure.id ? row.rackCount : 0
      rows.push({ hall, row, existing, capacity: Math.max(0, full - existing) })
    }
  }
  return { rows, hallAreaM2, asicRowAreaM2, maxRacks: rows.reduce((s, r) => s + r.capacity, 0) }
}

/** Racks added to each row for `racks` in all: the first rows with room first. */
function allocate(layout: Layout, racks: number): Map<string, number> {
  const added = new Map<string, number>()
  let left = racks
  for (const { row, capacity } of layout.rows) {
    if (left <= 0) break
    const n = Math.min(capacity, left)
    if (n <= 0) continue
    left -= n
    added.set(row.id, n)
  }
  return added
}

/** The base variant with `racks` racks of `perRack` devices added: a row that already holds the
 *  device grows by them (its racks take the fill), any other row is converted to them. */
export function converted(base: Variant, layout: Layout, device: Device, enclosure: Enclosure, perRack: number, racks: number, tier: RedundancyScheme): Variant {
  const replaced = new Map<string, Row>()
  const added = allocate(layout, racks)
  for (const { hall, row, existing } of layout.rows) {
    const n = added.get(row.id)
    if (n === undefined) continue
    // A row converted loses its per-rack feeds with its racks; a row grown keeps them (the racks
    // added hang from the row's feed, loads.ts).
    const { rackFeeds, rackFeedsB, ...rest } = row
    const total = existing + n
    replaced.set(row.id, {
      ...rest,
      ...(existing > 0 && rackFeeds !== undefined ? { rackFeeds } : {}),
      ...(existing > 0 && rackFeedsB !== undefined ? { rackFeedsB } : {}),
      position: { x: Math.max(ROW_END_AISLE_M, (hall.lengthM - total * enclosure.widthM) / 2), y: row.position.y },
      enclosureId: enclosure.id,
      deviceId: device.id,
      devicesPerRack: perRack,
      rackCount: total,
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

/** Floor the racks of the rows converted or grown need with their aisles and support space (the
 *  racks added and those a grown row held), plus the rows kept as they are. */
export function floorNeedM2(layout: Layout, racks: number, perRackM2: number, support: number): number {
  const added = allocate(layout, racks)
  let gpuRacks = 0
  let kept = 0
  for (const r of layout.rows) {
    const n = added.get(r.row.id)
    if (n === undefined) kept += layout.asicRowAreaM2.get(r.row.id) ?? 0
    else gpuRacks += r.existing + n
  }
  return gpuRacks * perRackM2 * (1 + support) + kept
}
