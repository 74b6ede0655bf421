// The example scenes: the default Siberian hall with its conversion variants, and the campus.
import type { Catalog } from '../catalog'
import type { PowerNode, Scene, Variant } from '../sceneSchema'
import { buildVariant, sceneShell, SIBERIA_HALL, type HallFill, type SiteOptions } from './miningSite'

const S21_SHELVES: HallFill = { enclosureId: 'mining-shelf-5x4', deviceId: 'antminer-s21', devicesPerRack: 20, racksPerRow: 27 }
const H100_RACKS: HallFill = { enclosureId: 'rack-42u-600', deviceId: 'dgx-h100', devicesPerRack: 4, racksPerRow: 45 }
/** NVL72 racks on a 2N chain; each side's rack feed is two 125 A three-phase whips: 2 × √3 × 0.4 × 125 = 173.2 kVA. */
const GB200_RACKS: HallFill = {
  enclosureId: 'rack-nvl72',
  deviceId: 'gb200-nvl72',
  devicesPerRack: 1,
  racksPerRow: 14,
  design: 'ai-2n',
  rackCircuitKVA: 173.2,
}
const GB200_PLANT: Pick<HallFill, 'cdus' | 'dryCoolers'> = {
  cdus: { modelId: 'cdu-1350kw', count: 15 },
  dryCoolers: { modelId: 'dry-cooler-1000kw', count: 14 },
}

/**
 * The H100 variant with a rear-door heat exchanger on every rack: 50 kW doors (engineering-data.md
 * §6: 30–75 kW per rack, approx), chilled water at 20 °C — above the dew point of the pad-cooled
 * air (≈ 17.6 °C at 20.2 °C dry bulb, 18.5 °C wet bulb), each taking its rated duty
 * (solver/cooling/rearDoor.ts); 16 CDUs in the hall for the door loops, 14 dry coolers (free cooling) and 19 × 1 MW
 * air-cooled chillers outside on four new 2500 kVA transformers off the 10 kV switchgear.
 */
function withRearDoors(v: Variant): Variant {
  const chillerBanks = [5, 5, 5, 4]
  const dryBanks = [4, 4, 3, 3]
  const power: PowerNode[] = [...v.power]
  const hall = v.halls[0]!
  const cooling = [...hall.cooling, { id: 'cdus-1', modelId: 'cdu-1350kw', count: 16, position: { x: 69.5, y: 6 }, rotationDeg: 90, feed: 'LV-1.AUX' }]
  chillerBanks.forEach((count, k) => {
    power.push(
      { id: `T-CH.${k + 1}`, kind: 'transformer', name: `Chiller transformer ${k + 1}`, parent: k % 2 === 0 ? 'MV-1.A' : 'MV-1.B', modelId: 'tmg-2500-10-04', placement: { position: { x: -7 - 8 * k, y: 54 }, rotationDeg: 0 } },
      { id: `LV-CH.${k + 1}`, kind: 'board', name: `Chiller LV board ${k + 1}`, parent: `T-CH.${k + 1}`, ratingKVA: 2500, placement: { position: { x: -7 - 8 * k, y: 58 }, rotationDeg: 0 } },
    )
    cooling.push({ id: `chillers-${k + 1}`, modelId: 'chiller-1000kw', count, position: { x: 0, y: 52 + 3.5 * k }, rotationDeg: 0, outdoor: true, feed: `LV-CH.${k + 1}` })
    // Dry coolers ahead of the chillers: free cooling of the door water whenever the air allows.
    cooling.push({ id: `drycoolers-${k + 1}`, modelId: 'dry-cooler-1000kw', count: dryBanks[k]!, position: { x: 78 + 5.4 * k, y: 0 }, rotationDeg: 90, outdoor: true, feed: `LV-CH.${k + 1}` })
  })
  return {
    ...v,
    id: 'gpu-h100-rear-door',
    name: 'DGX H100, rear doors',
    description:
      'The DGX H100 rows with a rear-door heat exchanger on every rack (rated 50 kW on chilled water at 20 °C): ' +
      'each rack hands its heat to water before the next row breathes its exhaust. 16 CDUs in the hall; ' +
      '14 dry coolers and 19 × 1 MW air-cooled chillers outside on four new 10/0.4 kV transformers.',
    halls: [
      {
        ...hall,
        airScheme: 'rear-door',
        rows: hall.rows.map((r) => ({ ...r, rearDoor: { capacityKW: 50, waterSupplyC: 20 } })),
        cooling,
      },
      ...v.halls.slice(1),
    ],
    power,
  }
}

/** Camera bookmarks and the investor tour of the Irkutsk hall (site metres, z up). */
const SIBERIA_BOOKMARKS: Scene['bookmarks'] = [
  { id: 'overview', name: 'Site overview', position: { x: 120, y: -90, z: 85 }, target: { x: 30, y: 24, z: 0 } },
  { id: 'intake', name: 'Intake wall and rows', position: { x: 36, y: -28, z: 14 }, target: { x: 36, y: 20, z: 2 } },
  { id: 'power', name: 'Substation and unit transformers', position: { x: -55, y: -20, z: 30 }, target: { x: -15, y: 24, z: 0 } },
  { id: 'rows', name: 'Between the rows', position: { x: 6, y: 10, z: 5 }, target: { x: 50, y: 30, z: 1.5 } },
  { id: 'plant', name: 'Liquid plant', position: { x: 110, y: -25, z: 28 }, target: { x: 78, y: 24, z: 0 } },
]

const SIBERIA_TOUR: Scene['tours'] = [
  {
    id: 'investor',
    name: 'Mining hall to AI in two minutes',
    steps: [
      { bookmarkId: 'overview', moveS: 0, holdS: 8, variantId: 'asic-baseline', caption: 'Irkutsk mining hall today: {itMW} MW of Antminer S21, PUE {pue}, verdict {verdict}.' },
      { bookmarkId: 'intake', moveS: 4, holdS: 8, caption: 'Outside air through evaporative pads, 168 wall fans: built for 3.5 kW miners, {binding}.' },
      { bookmarkId: 'power', moveS: 4, holdS: 8, caption: 'The asset: a 30 MVA grid connection and 2 × 25 MVA substation. Usable IT at this tier: {usableMW} MW.' },
      { bookmarkId: 'rows', moveS: 4, holdS: 8, variantId: 'gpu-h100-air', caption: 'Air-cooled H100 in the same hall: {verdict} — {binding}.' },
      { bookmarkId: 'plant', moveS: 5, holdS: 10, variantId: 'gpu-gb200-liquid', caption: 'GB200 NVL72 with CDUs, dry coolers and a 2N chain: {verdict}, {itMW} MW IT, PUE {pue}, NPV {npv}.' },
      { bookmarkId: 'overview', moveS: 5, holdS: 8, caption: 'What binds now: {binding}.' },
    ],
  },
]

/** ~20 MW air-cooled S21 hall at Irkutsk, and what its AI conversions look like. */
export function siberiaScene(catalog: Catalog): Scene {
  const o = SIBERIA_HALL
  const scene = sceneShell(
    'Irkutsk 20 MW mining hall',
    'One 72 × 48 × 8 m hall of ~5,900 Antminer S21 on open shelving, outside air through evaporative pads on ' +
      'the south wall and 168 exhaust fans (4 tiers) on the north wall; 11 × 2500 kVA 10/0.4 kV unit transformers on two ' +
      '25 MVA 110/10 kV substation transformers. Variants: the mining baseline and four AI conversions.',
    [
      {
        ...buildVariant('asic-baseline', 'ASIC baseline', 'The hall as built: 297 shelves of 20 Antminer S21.', S21_SHELVES, o, catalog),
        asBuilt: true,
        workload: 'mining',
      },
      {
        ...buildVariant(
          'gpu-h100-air',
          'DGX H100, air',
          'Every row replaced by 600 mm racks of 4 × DGX H100 (≈ 41 kW per rack) on the mining power chain as built, ' +
            'cooled by the existing wall-to-wall air; the AI tenant requires N+1 power.',
          H100_RACKS,
          o,
          catalog,
        ),
        requiredTier: 'N+1',
        workload: 'inference',
        fibreGbps: 200,
      },
      {
        ...withRearDoors(buildVariant('gpu-h100-air', 'DGX H100, air', '', H100_RACKS, o, catalog)),
        requiredTier: 'N+1',
        workload: 'inference',
        fibreGbps: 200,
      },
      {
        ...buildVariant(
          'gpu-gb200-liquid',
          'GB200 NVL72, liquid',
          'GB200 NVL72 racks (≈ 132 kW, 85 % to liquid) with CDUs in the hall and dry coolers outside, on a new 2N ' +
            'chain: per row an A and a B unit transformer, UPS and busway, dual-corded racks, N+1 gensets per side.',
          { ...GB200_RACKS, ...GB200_PLANT },
          o,
          catalog,
        ),
        requiredTier: '2N',
        workload: 'inference',
        // 154 NVL72 racks need ≈ 100 Gbit/s of uplink for inference: new fibre is part of the conversion.
        fibreGbps: 200,
      },
      {
        ...buildVariant(
          'gpu-gb200-no-plant',
          'GB200, no liquid plant',
          'The same NVL72 racks and 2N chain without a liquid loop.',
          GB200_RACKS,
          o,
          catalog,
        ),
        requiredTier: '2N',
        workload: 'inference',
        fibreGbps: 200,
      },
    ],
    30,
    // Seasonal mining ban 15 Nov–15 Mar in parts of Irkutsk oblast (engineering-data.md §8).
    { miningBanDaysPerYear: 120 },
  )
  return { ...scene, bookmarks: SIBERIA_BOOKMARKS, tours: SIBERIA_TOUR }
}

export const MINERS_PER_SHELF = 20
/** 2 m shelves in a 72 m hall with 8 m end aisles: (72 − 16) / 2 = 28. */
const MAX_SHELVES_PER_ROW = 28

/** "105 MW", "2.1 MW", "350 kW": a campus of a hundred miners is not "0 MW". */
function approxPowerText(mw: number): string {
  if (mw < 1) return `${Math.round(mw * 1000)} kW`
  return `${mw >= 10 ? mw.toFixed(0) : mw.toFixed(1)} MW`
}

/** A campus of identical S21 halls with at least `miners` miners (rounded up to whole shelves). */
export function campusScene(catalog: Catalog, miners: number): Scene {
  const shelves = Math.max(1, Math.ceil(miners / MINERS_PER_SHELF))
  const perHall = SIBERIA_HALL.rowsPerHall * MAX_SHELVES_PER_ROW
  const halls = Math.max(1, Math.ceil(shelves / perHall))
  const rows = halls * SIBERIA_HALL.rowsPerHall
  const opts: SiteOptions = { ...SIBERIA_HALL, halls, substationTransformers: Math.max(2, halls * 2), rackPdus: true }
  const variant = buildVariant(
    'asic-baseline',
    'ASIC baseline',
    `${shelves * MINERS_PER_SHELF} Antminer S21 in ${halls} hall${halls === 1 ? '' : 's'}.`,
    { ...S21_SHELVES, racksPerRow: Math.ceil(shelves / rows) },
    opts,
    catalog,
  )
  // Spread the shelves over the rows so the campus holds exactly `shelves` shelves.
  let index = 0
  const dropped = new Set<string>()
  for (const hall of variant.halls) {
    for (const row of hall.rows) {
      row.rackCount = Math.floor(shelves / rows) + (index < shelves % rows ? 1 : 0)
      for (const pdu of row.rackFeeds?.slice(row.rackCount) ?? []) dropped.add(pdu)
      if (row.rackFeeds) row.rackFeeds = row.rackFeeds.slice(0, row.rackCount)
      index++
    }
    hall.rows = hall.rows.filter((r) => r.rackCount > 0)
  }
  variant.power = variant.power.filter((n) => !dropped.has(n.id))
  const itMW = (shelves * MINERS_PER_SHELF * 3.5) / 1000
  const scene = sceneShell(
    `Generated campus: ${shelves * MINERS_PER_SHELF} miners`,
    `Benchmark campus: ${halls} hall${halls === 1 ? '' : 's'} like the Irkutsk hall, ≈ ${approxPowerText(itMW)} of S21.`,
    [{ ...variant, asBuilt: true, workload: 'mining' }],
    Math.ceil((itMW * 1.4) / 10) * 10,
  )
  // Stratum traffic, ≤ 1 Mbit/s per miner (engineering-data.md §9): 30,000 miners want ≈ 30 Gbit/s.
  scene.site.fibreGbps = Math.max(10, Math.ceil((shelves * MINERS_PER_SHELF) / 1000 / 0.8 / 10) * 10)
  return scene
}
