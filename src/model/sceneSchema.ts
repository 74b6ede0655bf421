// Scene file format v1 (scenes/*.json). The types of the whole app come from this schema,
// so the file format and the code cannot drift apart. Documented in docs/scene-format.md.
import './zodConfig' // first: zod without its JIT, before any schema is built
import { z } from 'zod'
import { count, quantity, quantityOrZero } from './bounds'
import { SolverParamsOverrideSchema } from './params'
import { EconomicsOverrideSchema } from './economicsSchema'
import { SiteWeatherSchema } from './weather/siteWeather'

export const SCENE_VERSION = 1

/** Site and hall coordinates, metres: 100 km either way of the origin holds any campus. */
const coordinate = () => quantity('a coordinate', -100_000, 100_000, 'm')
const angle = () => quantity('an angle', -360, 360, '°')
/** Fibre uplink: 0 is "no fibre"; the network check divides by anything else. */
const fibre = () => quantityOrZero('a fibre uplink', 0.001, 1_000_000, 'Gbit/s')
const id = () => z.string().min(1).max(120)

export const Vec2Schema = z.object({ x: coordinate(), y: coordinate() })
export type Vec2 = z.infer<typeof Vec2Schema>

export const GridConnectionSchema = z.object({
  capacityMVA: quantity('a grid capacity', 0.01, 10_000, 'MVA'),
  voltageKV: quantity('a voltage', 0.1, 1_200, 'kV'),
  /** Lowest power factor the grid operator allows at the point of connection. */
  minPowerFactor: quantity('a power factor', 0.5, 1),
})

export const SiteSchema = z.object({
  name: z.string().min(1).max(200),
  /** A climate record id from models/climates.json. */
  climateId: id(),
  /** Hourly weather from an EPW file instead of the catalog climate (model/weather/siteWeather.ts). */
  weather: SiteWeatherSchema.optional(),
  grid: GridConnectionSchema,
  tariffUsdPerMWh: quantity('a tariff', 0, 10_000, 'USD/MWh').optional(),
  fibreGbps: fibre().optional(),
})
export type Site = z.infer<typeof SiteSchema>

export const RedundancySchemeSchema = z.enum(['N', 'N+1', '2N'])
export type RedundancyScheme = z.infer<typeof RedundancySchemeSchema>

export const PowerNodeKindSchema = z.enum([
  'grid',
  'transformer',
  'switchgear', // MV or LV switchgear section
  'feeder', // a cable feeder with its own rating
  'board', // LV distribution board
  'busway',
  'pdu', // rack power distribution (one per rack when rows use rackFeeds)
  'ups',
  'generator',
])
export type PowerNodeKind = z.infer<typeof PowerNodeKindSchema>

export const PowerNodeSchema = z.object({
  id: id(),
  kind: PowerNodeKindSchema,
  name: z.string().max(200).optional(),
  /** The node that feeds this one; null only for the grid connection. */
  parent: id().nullable(),
  /** Transformers: a transformers catalog id (rating and losses come from it). */
  modelId: id().optional(),
  /** Rating of the node; for a transformer it overrides the catalog rating. */
  ratingKVA: quantity('a rating', 0.1, 1_000_000, 'kVA').optional(),
  /** Efficiency of non-transformer nodes (busway, UPS); 1 when absent. */
  efficiency: quantity('an efficiency', 0.5, 1).optional(),
  /** Redundancy group: members of one group back each other up (tied buses, transfer switches).
   *  N: no spare; N+1: any one member may be lost; 2N: a whole side (A or B) may be lost. */
  redundancy: z
    .object({ group: id(), scheme: RedundancySchemeSchema, side: z.enum(['A', 'B']).optional() })
    .optional(),
  /** UPS: battery autonomy at rated load, minutes. */
  autonomyMin: quantity('a battery autonomy', 0.1, 1_440, 'min').optional(),
  /** Generator: the node it carries when the grid is lost (through a transfer switch). A
   *  generator has no parent: it feeds nothing in normal operation. */
  backs: id().optional(),
  /** Where it stands: in a hall (hall-local metres) or on the site plan (site metres). */
  placement: z.object({ hallId: id().optional(), position: Vec2Schema, rotationDeg: angle().optional() }).optional(),
})
export type PowerNode = z.infer<typeof PowerNodeSchema>

/** A straight row of identical enclosures (racks, shelves or tanks), all filled alike. */
export const RowSchema = z.object({
  id: id(),
  name: z.string().max(200).optional(),
  /** Hall-local position of the row's first enclosure corner, metres. */
  position: Vec2Schema,
  /** Rotation about the vertical axis; 0 = the row runs along +x with fronts facing −y. */
  rotationDeg: angle(),
  enclosureId: id(),
  rackCount: count(1_000),
  deviceId: id(),
  devicesPerRack: count(1_000),
  /** Power node (LV board, busway) that feeds the row: its A side. */
  feed: id(),
  /** Dual-fed racks: the B-side node. Normally each side carries half; lose one, the other carries all. */
  feedB: id().optional(),
  /** Racks fed one by one: rack i from rackFeeds[i] (PDUs below `feed`), and rackFeedsB[i] on the B side. */
  rackFeeds: z.array(id()).optional(),
  rackFeedsB: z.array(id()).optional(),
  /** Rating of each rack's circuit (per side), kVA: e.g. 3-phase 32 A at 400 V = 22.2 kVA. */
  circuitKVA: quantity('a circuit rating', 0.1, 10_000, 'kVA').optional(),
  /** A rear-door heat exchanger on every rack of the row: a water coil on the exhaust face. */
  rearDoor: z
    .object({
      /** Rated cooling of one rack's door, kW, at the rack's airflow and this water: the most it takes
       *  out of the rack's exhaust air (solver/cooling/rearDoor.ts). */
      capacityKW: quantity('a coil capacity', 0.1, 1_000, 'kW'),
      /** Chilled water supplied to the coil, °C (above the room's dew point: no condensate). */
      waterSupplyC: quantity('a water supply temperature', 5, 40, '°C'),
    })
    .optional(),
})
export type Row = z.infer<typeof RowSchema>
export type RearDoor = NonNullable<Row['rearDoor']>

export const CoolingPlacementSchema = z.object({
  id: id(),
  modelId: id(),
  /** Several identical units side by side (a fan bank, a pad wall). */
  count: count(1_000),
  position: Vec2Schema,
  rotationDeg: angle(),
  /** Height of the units' base above the floor (stacked fan tiers), metres. */
  elevationM: quantity('an elevation', 0, 100, 'm').optional(),
  /** Units stand outside the hall (dry coolers): still belongs to this hall's cooling. */
  outdoor: z.boolean().optional(),
  feed: id(),
  /** Second supply through an automatic transfer switch: the units run on it when `feed` is lost. */
  feedB: id().optional(),
})
export type CoolingPlacement = z.infer<typeof CoolingPlacementSchema>

/** How air moves through the hall: it sets the rack-density limit and the inlet model. */
export const AirSchemeSchema = z.enum(['wall-to-wall', 'room', 'contained-aisle', 'rear-door'])
export type AirScheme = z.infer<typeof AirSchemeSchema>

export const AisleContainmentSchema = z.object({
  /** The two rows either side of the aisle: their rears face it (hot) or their fronts (cold). */
  rows: z.tuple([id(), id()]),
  aisle: z.enum(['hot', 'cold']),
  /** Panels and roof (default true); false: only the ceiling duct over an open aisle. */
  enclosed: z.boolean().optional(),
})
export type AisleContainment = z.infer<typeof AisleContainmentSchema>

export const HallSchema = z.object({
  id: id(),
  name: z.string().min(1).max(200),
  /** Site position of the hall's corner (x east, y north), metres. */
  origin: Vec2Schema,
  lengthM: quantity('a hall length', 1, 5_000, 'm'),
  widthM: quantity('a hall width', 1, 5_000, 'm'),
  heightM: quantity('a hall height', 1, 100, 'm'),
  airScheme: AirSchemeSchema,
  rows: z.array(RowSchema),
  cooling: z.array(CoolingPlacementSchema),
  /** Contained aisles: the aisle between two rows closed by panels at the row ends and a roof at
   *  the racks' top, ducted to outside pressure (a hot aisle to the exhaust fans, a cold aisle
   *  from the intake); `enclosed: false` leaves only the duct, a grille in the ceiling over the aisle. */
  containment: z.array(AisleContainmentSchema).optional(),
})
export type Hall = z.infer<typeof HallSchema>

export const VariantSchema = z.object({
  id: id(),
  name: z.string().min(1).max(200),
  description: z.string().max(2000).optional(),
  /** Redundancy the power path to the IT must meet (mining: N; AI hosting: N+1 or 2N). */
  requiredTier: RedundancySchemeSchema.optional(),
  /** The site as it stands: its equipment is sunk cost, not capex of this variant. */
  asBuilt: z.boolean().optional(),
  /** Fibre uplink of this variant when it adds to the site's (a conversion that lays new fibre). */
  fibreGbps: fibre().optional(),
  /** What the IT does, for the uplink it needs: mining, AI inference or AI training. */
  workload: z.enum(['mining', 'inference', 'training']).optional(),
  economics: EconomicsOverrideSchema.optional(),
  halls: z.array(HallSchema).min(1),
  power: z.array(PowerNodeSchema).min(1),
  params: SolverParamsOverrideSchema.optional(),
})
export type Variant = z.infer<typeof VariantSchema>

/** A saved camera: where it stands and what it looks at, in site coordinates (x east, y north, z up). */
export const BookmarkSchema = z.object({
  id: id(),
  name: z.string().min(1).max(200),
  position: z.object({ x: coordinate(), y: coordinate(), z: coordinate() }),
  target: z.object({ x: coordinate(), y: coordinate(), z: coordinate() }),
  fovDeg: quantity('a field of view', 5, 120, '°').optional(),
})
export type Bookmark = z.infer<typeof BookmarkSchema>

/** One step of a tour: fly to a bookmark, optionally switch variant, hold with a caption. Captions
 *  may name live figures in braces: {itMW} {facilityMW} {pue} {verdict} {binding} {usableMW} {npv}. */
export const TourStepSchema = z.object({
  bookmarkId: id(),
  /** Camera flight to the bookmark, seconds. */
  moveS: quantity('a flight time', 0, 120, 's'),
  /** Time spent at the bookmark, seconds. */
  holdS: quantity('a hold time', 0, 600, 's'),
  caption: z.string().max(500),
  variantId: id().optional(),
})
export type TourStep = z.infer<typeof TourStepSchema>

export const TourSchema = z.object({
  id: id(),
  name: z.string().min(1).max(200),
  steps: z.array(TourStepSchema).min(1),
})
export type Tour = z.infer<typeof TourSchema>

export const SceneSchema = z.object({
  version: z.literal(SCENE_VERSION),
  name: z.string().min(1).max(200),
  description: z.string().max(5000).optional(),
  site: SiteSchema,
  params: SolverParamsOverrideSchema.optional(),
  /** Economic inputs for every variant (defaults in models/economics.json). */
  economics: EconomicsOverrideSchema.optional(),
  variants: z.array(VariantSchema).min(1),
  bookmarks: z.array(BookmarkSchema).optional(),
  tours: z.array(TourSchema).optional(),
})
export type Scene = z.infer<typeof SceneSchema>
