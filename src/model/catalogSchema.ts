// The equipment catalog: the schema every entry in models/*.json must satisfy.
// Every entry names the public source of its figures (see ../shared/reference/ and models/README.md).
import './zodConfig' // first: zod without its JIT, before any schema is built
import { z } from 'zod'

const finite = () => z.number().finite()
const positive = () => finite().positive()
const nonNegative = () => finite().nonnegative()
const share = () => finite().min(0).max(1)

export const SourceSchema = z.object({
  title: z.string().min(1),
  url: z.string().optional(),
  /** verified = read in the named source; approx = rule of thumb or memory, to be replaced. */
  confidence: z.enum(['verified', 'secondary', 'derived', 'approx']),
  note: z.string().optional(),
})
export type Source = z.infer<typeof SourceSchema>

const SizeMmSchema = z.object({
  lengthMm: positive(), // depth front-to-back
  widthMm: positive(),
  heightMm: positive(),
})

export const DeviceKindSchema = z.enum(['asic', 'gpu'])
/** How a device sheds its heat: air (fans), hydro (cold plates on a water loop), immersion (dielectric bath), dlc (direct-to-chip liquid + residual air). */
export const DeviceCoolingSchema = z.enum(['air', 'hydro', 'immersion', 'dlc'])
export const AshraeAirClassSchema = z.enum(['A1', 'A2', 'A3', 'A4', 'H1'])

export const DeviceSchema = z.object({
  id: z.string().min(1),
  kind: DeviceKindSchema,
  name: z.string().min(1),
  vendor: z.string().min(1),
  /** Wall (AC input) power at nominal settings, the design basis of the solver. */
  powerW: positive(),
  /** Highest draw measured in operation, where known (the 'measured' design basis). */
  measuredMaxW: positive().optional(),
  powerFactor: finite().gt(0).max(1),
  cooling: DeviceCoolingSchema,
  /** Share of the device's heat that leaves in liquid; the rest goes to room air. */
  heatToLiquidShare: share(),
  /** Air the device's own fans move at full load (0 for a fanless liquid device). */
  airflowM3s: nonNegative(),
  size: SizeMmSchema,
  rackUnits: finite().int().positive().optional(),
  weightKg: positive().optional(),
  /** Inlet air: ASHRAE class for IT gear; the vendor's own allowable maximum otherwise. */
  inlet: z.object({
    ashraeClass: AshraeAirClassSchema.optional(),
    allowableMaxC: finite(),
    recommendedMaxC: finite().optional(),
  }),
  /** Liquid-cooled devices: highest coolant supply temperature allowed (ASHRAE W-class). */
  coolantMaxSupplyC: finite().optional(),
  hashrateTHs: positive().optional(),
  gpuCount: finite().int().positive().optional(),
  /** Network uplink the device needs, for the fibre check. */
  uplinkMbps: nonNegative().optional(),
  /** Free text: sanctions / availability notes. */
  availability: z.string().optional(),
  sources: z.array(SourceSchema).min(1),
})
export type Device = z.infer<typeof DeviceSchema>

export const EnclosureSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(['shelf', 'rack', 'tank']),
  name: z.string().min(1),
  widthM: positive(),
  depthM: positive(),
  heightM: positive(),
  /** How many devices it holds (shelf positions, or rack units for a 19-inch rack). */
  slots: finite().int().positive(),
  slotUnit: z.enum(['device', 'U']),
  sources: z.array(SourceSchema).min(1),
})
export type Enclosure = z.infer<typeof EnclosureSchema>

export const CoolingUnitKindSchema = z.enum([
  'exhaust-fan', // mining wall fan: moves outside air through the hall
  'evap-pad', // evaporative pad wall section on the intake side
  'crah', // computer-room air handler (chilled water) or CRAC
  'cdu', // coolant distribution unit: liquid loop to the racks
  'dry-cooler', // rejects liquid-loop heat to outside air
  'chiller',
  'immersion-tank',
])
export type CoolingUnitKind = z.infer<typeof CoolingUnitKindSchema>

/** What every cooling unit has, whatever its kind. */
const CoolingUnitBaseSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  vendor: z.string().optional(),
  /** Electrical input of the unit's fans, pumps or compressors at its rating. */
  powerKW: nonNegative(),
  powerFactor: finite().gt(0).max(1),
  size: z.object({ widthM: positive(), depthM: positive(), heightM: positive() }),
  sources: z.array(SourceSchema).min(1),
})

// One schema per kind, each with exactly the figures the plant model (solver/cooling/plant) reads,
// all required: a missing figure is a catalog error, never a silent zero. Strict, so a figure
// that belongs to another kind (or an old field name) is an error too.
const ExhaustFanSchema = CoolingUnitBaseSchema.extend({
  kind: z.literal('exhaust-fan'),
  /** Free-air flow at nameplate; params.fanFlowDerate takes it to the flow against pads and hall. */
  airflowM3s: positive(),
}).strict()

const EvapPadSchema = CoolingUnitBaseSchema.extend({
  kind: z.literal('evap-pad'),
  /** Wet-bulb effectiveness ε: T_out = DB − ε·(DB − WB). */
  effectiveness: share(),
}).strict()

const CrahSchema = CoolingUnitBaseSchema.extend({
  kind: z.literal('crah'),
  /** Supply air the unit moves. */
  airflowM3s: positive(),
  /** Coil capacity at its rating. */
  coolingKW: positive(),
}).strict()

const CduSchema = CoolingUnitBaseSchema.extend({
  kind: z.literal('cdu'),
  /** Heat the CDU takes from the technology loop at its rating. */
  coolingKW: positive(),
}).strict()

const ImmersionTankSchema = CoolingUnitBaseSchema.extend({
  kind: z.literal('immersion-tank'),
  /** Heat the tank's heat exchanger passes to the facility loop at its rating. */
  coolingKW: positive(),
}).strict()

/** A dry cooler is rated at stated entering fluid, leaving fluid and entering air temperatures
 *  (EN 1048 test conditions, Eurovent certified ratings; engineering-data.md §11.2). */
const DryCoolerSchema = CoolingUnitBaseSchema.extend({
  kind: z.literal('dry-cooler'),
  /** Heat rejected at the rated temperatures. */
  coolingKW: positive(),
  /** Fluid entering (the loop's return) at the rating, °C. */
  ratedFluidInC: finite(),
  /** Fluid leaving (the loop's supply) at the rating, °C. */
  ratedFluidOutC: finite(),
  /** Air entering (ambient dry bulb) at the rating, °C. */
  ratedAirInC: finite(),
  /** Air the unit's fans move at full speed. */
  airflowM3s: positive(),
})
  .strict()
  .refine((u) => u.ratedFluidInC > u.ratedFluidOutC, { message: 'expected the rated entering fluid to be warmer than the leaving fluid', path: ['ratedFluidInC'] })
  .refine((u) => u.ratedFluidOutC > u.ratedAirInC, { message: 'expected the rated leaving fluid to be warmer than the entering air', path: ['ratedFluidOutC'] })

const ChillerSchema = CoolingUnitBaseSchema.extend({
  kind: z.literal('chiller'),
  /** Cooling capacity at its rating; its COP follows the named solver parameters (Carnot fraction). */
  coolingKW: positive(),
}).strict()

export const CoolingUnitSchema = z.discriminatedUnion('kind', [
  ExhaustFanSchema,
  EvapPadSchema,
  CrahSchema,
  CduSchema,
  ImmersionTankSchema,
  DryCoolerSchema,
  ChillerSchema,
])
export type CoolingUnit = z.infer<typeof CoolingUnitSchema>
/** The catalog entry of one kind of cooling unit. */
export type CoolingUnitOf<K extends CoolingUnitKind> = Extract<CoolingUnit, { kind: K }>
export type DryCooler = CoolingUnitOf<'dry-cooler'>
/** Compile-time check: the union covers every kind of the enum and no other. */
type SameKinds = [CoolingUnitKind] extends [CoolingUnit['kind']] ? ([CoolingUnit['kind']] extends [CoolingUnitKind] ? true : false) : false
export const COOLING_KINDS_COVERED: SameKinds = true

export const TransformerSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  ratingKVA: positive(),
  primaryKV: positive(),
  secondaryKV: positive(),
  /** No-load (iron) losses P0 and full-load (copper) losses Pk: P_loss = P0 + Pk·(S/Sr)². */
  noLoadLossKW: nonNegative(),
  loadLossKW: nonNegative(),
  /** Short-circuit impedance uk, % of the rated voltage (passport value; 6 % for 1600–2500 kVA 10/0.4 kV). */
  impedancePct: positive().max(30),
  /** No-load (magnetising) current i0, % of the rated current (passport value; 0.3–1 % for oil units). */
  noLoadCurrentPct: nonNegative().max(10),
  size: z.object({ widthM: positive(), depthM: positive(), heightM: positive() }),
  sources: z.array(SourceSchema).min(1),
})
  // The leakage reactance ux = √(uk² − ur²) needs uk above its resistive part ur = 100·Pk/Sr.
  .refine((t) => t.impedancePct > (100 * t.loadLossKW) / t.ratingKVA, {
    path: ['impedancePct'],
    message: 'impedancePct (uk) must exceed its resistive part 100·loadLossKW/ratingKVA',
  })
export type Transformer = z.infer<typeof TransformerSchema>

export const ClimateSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  country: z.string().min(1),
  latitude: finite().min(-90).max(90),
  longitude: finite().min(-180).max(180),
  altitudeM: finite().min(-500).max(6000),
  annualMeanC: finite(),
  monthlyMeanC: z.array(finite()).length(12),
  /** Summer design dry-bulb (cooling design, e.g. ASHRAE 0.4 % or SP 131 0.98). */
  designSummerDryBulbC: finite(),
  /** Mean coincident wet-bulb at the design dry-bulb. */
  designSummerWetBulbC: finite(),
  /** Winter design: coldest five-day period 0.92 (SP 131) or 99.6 % (ASHRAE). */
  designWinterC: finite(),
  sources: z.array(SourceSchema).min(1),
})
export type Climate = z.infer<typeof ClimateSchema>

export const CatalogSchema = z.object({
  devices: z.array(DeviceSchema),
  enclosures: z.array(EnclosureSchema),
  coolingUnits: z.array(CoolingUnitSchema),
  transformers: z.array(TransformerSchema),
  climates: z.array(ClimateSchema),
})
export type CatalogData = z.infer<typeof CatalogSchema>
