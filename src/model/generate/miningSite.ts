// Generates real-scale mining sites as valid scenes: the default Siberian hall (scenes/) and the
// 100 MW campus of the benchmark (`halltwin generate campus --miners 30000`).
// Sizing follows ../shared/reference/example-site.md: 20 S21 per 2 m shelf bay (≈ 70 kW), one
// 10/0.4 kV 2500 kVA unit transformer per row, wall fans on one long wall, pads on the other.
import type { Catalog } from '../catalog'
import type { CoolingPlacement, Hall, PowerNode, Row, Scene, Variant } from '../sceneSchema'
import { SCENE_VERSION } from '../sceneSchema'

/** What fills a hall's rows in one variant. */
export interface HallFill {
  enclosureId: string
  deviceId: string
  devicesPerRack: number
  racksPerRow: number
  /** Liquid plant added to the hall (GPU liquid variants). */
  cdus?: { modelId: string; count: number }
  dryCoolers?: { modelId: string; count: number }
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
}

const HALL_GAP_M = 40
const FAN_ID = 'exhaust-fan-50in'
const PAD_ID = 'evap-pad-section'
const AUX_TRANSFORMERS = ['tmg-1000-10-04', 'tmg-1600-10-04', 'tmg-2500-10-04']
/** Aux transformers are sized to run at most this loaded, leaving the continuous-load margin. */
const AUX_TARGET_LOADING = 0.75

function hallNodes(h: number, opts: SiteOptions, catalog: Catalog, auxKW: number, rowYs: number[]): PowerNode[] {
  const hallId = `hall-${h + 1}`
  // Two 10 kV sections per hall, each on its own substation transformer; rows alternate between them.
  const sections = ['A', 'B'].map((letter, i) => ({
    id: `MV-${h + 1}.${letter}`,
    kind: 'switchgear' as const,
    name: `10 kV switchgear ${h + 1}.${letter}`,
    parent: `ST-${((2 * h + i) % opts.substationTransformers) + 1}`,
    placement: { hallId, position: { x: -16, y: 4 + i * 8 }, rotationDeg: 90 },
  }))
  const nodes: PowerNode[] = [...sections]
  rowYs.forEach((y, r) => {
    const t = `T-${h + 1}.${r + 1}`
    nodes.push({
      id: t,
      kind: 'transformer',
      name: `Unit transformer ${h + 1}.${r + 1}`,
      parent: sections[r % 2]!.id,
      modelId: opts.unitTransformerId,
      placement: { hallId, position: { x: -7, y }, rotationDeg: 0 },
    })
    nodes.push({
      id: `LV-${h + 1}.${r + 1}`,
      kind: 'board',
      name: `LV board ${h + 1}.${r + 1}`,
      parent: t,
      ratingKVA: catalog.transformers.get(opts.unitTransformerId)?.ratingKVA ?? 2500,
      placement: { hallId, position: { x: 0.5, y }, rotationDeg: 0 },
    })
  })
  // Aux transformer sized so fans, pads and liquid plant stay inside the continuous-load margin (pf ≈ 0.9).
  const auxModel =
    AUX_TRANSFORMERS.find((id) => (catalog.transformers.get(id)?.ratingKVA ?? 0) * AUX_TARGET_LOADING >= auxKW / 0.9) ??
    AUX_TRANSFORMERS[AUX_TRANSFORMERS.length - 1]!
  const auxY = opts.hallWidthM - 2
  nodes.push({
    id: `T-${h + 1}.AUX`,
    kind: 'transformer',
    name: `Auxiliary transformer ${h + 1}`,
    parent: sections[1]!.id,
    modelId: auxModel,
    placement: { hallId, position: { x: -7, y: auxY }, rotationDeg: 0 },
  })
  nodes.push({
    id: `LV-${h + 1}.AUX`,
    kind: 'board',
    name: `Auxiliary LV board ${h + 1}`,
    parent: `T-${h + 1}.AUX`,
    ratingKVA: catalog.transformers.get(auxModel)?.ratingKVA ?? 1000,
    placement: { hallId, position: { x: 0.5, y: auxY }, rotationDeg: 0 },
  })
  return nodes
}

function rowYs(opts: SiteOptions, depthM: number): number[] {
  // Rows spread evenly between a 4 m intake aisle and a 4 m exhaust aisle.
  const first = 4
  const last = opts.hallWidthM - 4 - depthM
  const pitch = opts.rowsPerHall > 1 ? (last - first) / (opts.rowsPerHall - 1) : 0
  return Array.from({ length: opts.rowsPerHall }, (_, r) => Math.round((first + r * pitch) * 100) / 100)
}

function coolingFor(h: number, opts: SiteOptions, fill: HallFill, catalog: Catalog): CoolingPlacement[] {
  const aux = `LV-${h + 1}.AUX`
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
      placement: { position: { x: -26, y: 4 + s * 10 }, rotationDeg: 90 },
    })
  }
  const halls: Hall[] = []
  for (let h = 0; h < opts.halls; h++) {
    const hallId = `hall-${h + 1}`
    const rows: Row[] = ys.map((y, r) => ({
      id: `row-${h + 1}.${r + 1}`,
      name: `Row ${h + 1}.${r + 1}`,
      position: { x: Math.round(((opts.hallLengthM - fill.racksPerRow * rackW) / 2) * 100) / 100, y },
      rotationDeg: 0,
      enclosureId: fill.enclosureId,
      rackCount: fill.racksPerRow,
      deviceId: fill.deviceId,
      devicesPerRack: fill.devicesPerRack,
      feed: `LV-${h + 1}.${r + 1}`,
    }))
    const cooling = coolingFor(h, opts, fill, catalog)
    power.push(...hallNodes(h, opts, catalog, auxLoadKW(cooling, catalog), ys))
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

export function sceneShell(name: string, description: string, variants: Variant[], gridMVA: number): Scene {
  return {
    version: SCENE_VERSION,
    name,
    description,
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
