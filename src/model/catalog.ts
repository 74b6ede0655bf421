// The catalog as loaded from models/*.json, validated once, with lookups by id.
import asicDevices from '../../models/devices-asic.json'
import gpuDevices from '../../models/devices-gpu.json'
import enclosures from '../../models/enclosures.json'
import coolingUnits from '../../models/cooling-units.json'
import transformers from '../../models/transformers.json'
import climates from '../../models/climates.json'
import economics from '../../models/economics.json'
import { EconomicsDataSchema, type EconomicsData } from './economicsSchema'
import {
  CatalogSchema,
  type CatalogData,
  type Climate,
  type CoolingUnit,
  type Device,
  type Enclosure,
  type Transformer,
} from './catalogSchema'
import { formatIssues } from './issues'

export interface Catalog {
  readonly data: CatalogData
  readonly devices: ReadonlyMap<string, Device>
  readonly enclosures: ReadonlyMap<string, Enclosure>
  readonly coolingUnits: ReadonlyMap<string, CoolingUnit>
  readonly transformers: ReadonlyMap<string, Transformer>
  readonly climates: ReadonlyMap<string, Climate>
  /** Prices and economic defaults (models/economics.json). */
  readonly economics: EconomicsData
}

function byId<T extends { id: string }>(items: readonly T[], what: string): Map<string, T> {
  const map = new Map<string, T>()
  for (const item of items) {
    if (map.has(item.id)) throw new Error(`catalog: duplicate ${what} id "${item.id}"`)
    map.set(item.id, item)
  }
  return map
}

function parseEconomics(raw: unknown): EconomicsData {
  const parsed = EconomicsDataSchema.safeParse(raw)
  if (!parsed.success) {
    throw new Error(`economics data is invalid:\n${formatIssues(parsed.error.issues, raw).map((i) => `${i.path}: ${i.message}`).join('\n')}`)
  }
  return parsed.data
}

/** Builds a catalog from raw data; throws on invalid data (the catalog ships with the app).
 *  Economics default to models/economics.json. */
export function makeCatalog(raw: unknown, economicsRaw: unknown = economics): Catalog {
  const parsed = CatalogSchema.safeParse(raw)
  if (!parsed.success) {
    throw new Error(`catalog is invalid:\n${formatIssues(parsed.error.issues, raw).map((i) => `${i.path}: ${i.message}`).join('\n')}`)
  }
  const data = parsed.data
  return {
    data,
    devices: byId(data.devices, 'device'),
    enclosures: byId(data.enclosures, 'enclosure'),
    coolingUnits: byId(data.coolingUnits, 'cooling unit'),
    transformers: byId(data.transformers, 'transformer'),
    climates: byId(data.climates, 'climate'),
    economics: parseEconomics(economicsRaw),
  }
}

let builtIn: Catalog | undefined

/** The catalog shipped in models/. */
export function builtInCatalog(): Catalog {
  builtIn ??= makeCatalog({
    devices: [...asicDevices, ...gpuDevices],
    enclosures,
    coolingUnits,
    transformers,
    climates,
  })
  return builtIn
}
