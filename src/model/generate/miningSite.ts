// Generates real-scale mining sites as valid scenes: the default Siberian hall (scenes/) and the
// 100 MW campus of the benchmark (`halltwin generate campus --miners 30000`).
// Sizing follows ../shared/reference/example-site.md: 20 S21 per 2 m shelf bay (≈ 70 kW), one
// 10/0.4 kV 2500 kVA unit transformer per row, wall fans on one long wall, pads on the other.
import type { Catalog } from '../catalog'
import type { CoolingPlacement, Hall, PowerNode, Row, Scene, Variant } from '../sceneSchema'
import { SCENE_VERSION } from '../sceneSchema'
import { ai2nChain, miningChain, spreadCooling, type ChainDesign } from './powerChain'

/** What fills a hall's rows in one variant. */
export interface HallFill {
  enclosureId: string
  deviceId: string
  devicesPerRack: number
  racksPerRow: number
  /** Liquid plant added to the hall (GPU liquid variants). */
  cdus?: { modelId: string; count: number }
  dryCoolers?: { modelId: string; count: number }
  /** Power design: the mining chain as built (N), or a 2N AI chain. Default mining. */
  design?: ChainDesign
  /** Rating of each rack's circuit per side, kVA (2N design). */
  rackCircuitKVA?: number
}

export interface SiteOptions {
  halls: number
  rowsPerHall: number
  hallLengthM: number
  hallWidthM: number
  hallHeightM: number
  /** Exhaust fans per tier on the exhaust wall, and tiers stacked. */
  fansPerTier: number
  fanTiers: number
  padSections: number
  unitTransformerId: string
  substationTransformerId: string
  substationTransformers: number
  /** One PDU node per shelf in the mining chain. */
  rackPdus?: boolean
}

const HALL_GAP_M = 40
const FAN_ID = 'exhaust-fan-50in'
const PAD_ID = 'evap-pad-section'

function rowYs(opts: SiteOptions, depthM: number): number[] {
  // Rows spread evenly between a 4 m intake aisle and a 4 m exhaust aisle.
  const first = 4
  const last = opts.hallWidthM - 4 - depthM
  const pitch = opts.rowsPerHall > 1 ? (last - first) / (opts.rowsPerHall - 1) : 0
  return Array.from({ length: opts.rowsPerHall }, (_, r) => Math.round((first + r * pitch) * 100) / 100)
}

function coolingFor(h: number, opts: SiteOptions, fill: HallFill, catalog: Catalog): CoolingPlacement[] {
  const aux = 'AUX' // placeholder: the power chain assigns the real auxiliary boards
  const fan = catalog.coolingUnits.get(FAN_ID)
  const pad = catalog.coolingUnits.get(PAD_ID)
  const fanW = fan?.size.widthM ?? 1.38
  const fanH = fan?.size.heightM ?? 1.38
  const fanDepth = fan?.size.depthM ?? 0.45
  const padW = pad?.size.widthM ?? 2
  const units: CoolingPlacement[] = []
  const fanX = (opts.hallLengthM - opts.fansPerTier * fanW) / 2
  for (let tier = 0; tier < opts.fanTiers; tier++) {
    units.push({
      id: `fans-${h + 1}.${tier + 1}`,
      modelId: FAN_ID,
      count: opts.fansPerTier,
      position: { x: fanX, y: opts.hallWidthM - fanDepth },
      rotationDeg: 0,
      elevationM: 0.4 + tier * (fanH + 0.2),
      feed: aux,
    })
  }
  units.push({
    id: `pads-${h + 1}`,
    modelId: PAD_ID,
    count: opts.padSections,
    position: { x: (opts.hallLengthM - opts.padSections * padW) / 2, y: 0 },
    rotationDeg: 0,
    elevationM: 0.5,
    feed: aux,
  })
  if (fill.cdus) {
    const cdu = catalog.coolingUnits.get(fill.cdus.modelId)
    units.push({
      id: `cdus-${h + 1}`,
      modelId: fill.cdus.modelId,
      count: fill.cdus.count,
      position: { x: opts.hallLengthM - 2.5, y: (opts.hallWidthM - fill.cdus.count * (cdu?.size.widthM ?? 1.2)) / 2 },
      rotationDeg: 90,
      feed: aux,
    })
  }
  if (fill.dryCoolers) {
    // Outdoors along the east wall, in as many columns as it takes to stay within the hall's width.
    const dc = catalog.coolingUnits.get(fill.dryCoolers.modelId)
    const lengthM = dc?.size.widthM ?? 12
    const perColumn = Math.max(1, Math.floor(opts.hallWidthM / lengthM))
    const columns = Math.ceil(fill.dryCoolers.count / perColumn)
    for (let c = 0; c < columns; c++) {
      const count = Math.min(perColumn, fill.dryCoolers.count - c * perColumn)
      units.push({
        id: `drycoolers-${h + 1}.${c + 1}`,
        modelId: fill.dryCoolers.modelId,
        count,
        position: { x: opts.hallLengthM + 6 + c * ((dc?.size.depthM ?? 2.4) + 3), y: 0 },
        rotationDeg: 90,
        outdoor: true,
        feed: aux,
      })
    }
  }
  return units
}

function auxLoadKW(units: CoolingPlacement[], catalog: Catalog): number {
  return units.reduce((s, u) => s + (catalog.coolingUnits.get(u.modelId)?.powerKW ?? 0) * u.count, 0)
}

export function buildVariant(
  id: string,
  name: string,
  description: string,
  fill: HallFill,
  opts: SiteOptions,
  catalog: Catalog,
): Variant {
  const enclosure = catalog.enclosures.get(fill.enclosureId)
  const rackW = enclosure?.widthM ?? 1
  const ys = rowYs(opts, enclosure?.depthM ?? 1)
  const power: PowerNode[] = [
    { id: 'GRID', kind: 'grid', name: 'Grid connection 110 kV', parent: null, placement: { position: { x: -40, y: 10 } } },
  ]
  for (let s = 0; s < opts.substationTransformers; s++) {
    power.push({
      id: `ST-${s + 1}`,
      kind: 'transformer',
      name: `Substation transformer ${s + 1} (110/10 kV)`,
      parent: 'GRID',
      modelId: opts.substationTransformerId,
      // Mining: two transformers with a 10 kV bus tie, any one may be lost (N+1). 2N design: each
      // feeds one side, A or B, and nothing is tied.
      redundancy:
        fill.design === 'ai-2n' ? { group: 'ST', scheme: '2N', side: s % 2 === 0 ? 'A' : 'B' } : { group: 'ST', scheme: 'N+1' },
      placement: { position: { x: -26, y: 4 + s * 10 }, rotationDeg: 90 },
    })
  }
  const halls: Hall[] = []
  const device = catalog.devices.get(fill.deviceId)
  const rowKW = (fill.racksPerRow * fill.devicesPerRack * (device?.powerW ?? 0)) / 1000
  for (let h = 0; h < opts.halls; h++) {
    const hallId = `hall-${h + 1}`
    const unsided = coolingFor(h, opts, fill, catalog)
    const chainOpts = {
      hall: h,
      hallWidthM: opts.hallWidthM,
      rowYs: ys,
      unitTransformerId: opts.unitTransformerId,
      substationTransformers: opts.substationTransformers,
      rackPdus: opts.rackPdus ?? false,
      auxKW: auxLoadKW(unsided, catalog),
    }
    // 2N: each 10 kV section (and its gensets) carries half the hall; pf ≈ 0.97 with UPS losses.
    const sectionKVA = (ys.length * rowKW) / 2 / 0.97 + chainOpts.auxKW / 2 / 0.9
    const chain =
      fill.design === 'ai-2n'
        ? ai2nChain(chainOpts, catalog, fill.rackCircuitKVA ?? 0, sectionKVA)
        : miningChain(chainOpts, catalog, ys.map(() => fill.racksPerRow))
    const cooling = spreadCooling(unsided, chain.auxBoards, (id) => catalog.coolingUnits.get(id)?.size.widthM ?? 1)
    power.push(...chain.nodes)
    const rows: Row[] = ys.map((y, r) => {
      const feeds = chain.feeds[r]!
      const rowDef: Row = {
        id: `row-${h + 1}.${r + 1}`,
        name: `Row ${h + 1}.${r + 1}`,
        position: { x: Math.round(((opts.hallLengthM - fill.racksPerRow * rackW) / 2) * 100) / 100, y },
        rotationDeg: 0,
        enclosureId: fill.enclosureId,
        rackCount: fill.racksPerRow,
        deviceId: fill.deviceId,
        devicesPerRack: fill.devicesPerRack,
        feed: feeds.feed,
      }
      if (feeds.feedB) rowDef.feedB = feeds.feedB
      if (feeds.rackFeeds) rowDef.rackFeeds = feeds.rackFeeds
      if (feeds.circuitKVA) rowDef.circuitKVA = feeds.circuitKVA
      return rowDef
    })
    halls.push({
      id: hallId,
      name: opts.halls > 1 ? `Hall ${h + 1}` : 'Main hall',
      origin: { x: 0, y: h * (opts.hallWidthM + HALL_GAP_M) },
      lengthM: opts.hallLengthM,
      widthM: opts.hallWidthM,
      heightM: opts.hallHeightM,
      airScheme: 'wall-to-wall',
      rows,
      cooling,
    })
  }
  return { id, name, description, halls, power }
}

export const SIBERIA_HALL: SiteOptions = {
  halls: 1,
  rowsPerHall: 11,
  hallLengthM: 72,
  hallWidthM: 48,
  hallHeightM: 8,
  fansPerTier: 42,
  fanTiers: 4,
  padSections: 34,
  unitTransformerId: 'tmg-2500-10-04',
  substationTransformerId: 'tdn-25000-110-10',
  substationTransformers: 2,
}

export function sceneShell(name: string, description: string, variants: Variant[], gridMVA: number, economics?: Scene['economics']): Scene {
  return {
    version: SCENE_VERSION,
    name,
    description,
    ...(economics ? { economics } : {}),
    site: {
      name,
      climateId: 'irkutsk',
      grid: { capacityMVA: gridMVA, voltageKV: 110, minPowerFactor: 0.9 },
      tariffUsdPerMWh: 40,
      fibreGbps: 10,
    },
    variants,
  }
}
