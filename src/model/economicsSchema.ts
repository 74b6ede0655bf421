// Economic inputs: defaults in models/economics.json (each with its source and date), which a
// scene or a variant may override under "economics". Money in USD.
import { z } from 'zod'
import { SourceSchema } from './catalogSchema'

const finite = () => z.number().finite()
const nonNegative = () => finite().nonnegative().max(1e12)

/** The numeric inputs a user can change; each is a named default with a source in the data file. */
export const EconomicsInputsSchema = z.object({
  tariffUsdPerMWh: nonNegative(),
  hashpriceUsdPerPHDay: nonNegative(),
  /** Share of the year miners run (maintenance, curtailment). */
  minerUptime: finite().min(0).max(1),
  /** Days a year mining is banned at the site (Irkutsk: seasonal 15 Nov–15 Mar). */
  miningBanDaysPerYear: finite().min(0).max(366),
  gpuUtilisation: finite().min(0).max(1),
  /** Multiplier on the global GPU-hour price for the market the site can sell into. */
  gpuPriceFactor: finite().min(0).max(10),
  /** GPU servers draw this share of their design power on average. */
  gpuLoadFactor: finite().min(0).max(1),
  importPremiumAsicPct: finite().min(0).max(500),
  importPremiumGpuPct: finite().min(0).max(500),
  leadTimeGpuMonths: finite().min(0).max(36),
  /** Fit-out per MW of IT by device cooling kind (building works, piping, containment, fibre), excluding equipment priced separately. */
  retrofitAirUsdPerMW: nonNegative(),
  retrofitLiquidUsdPerMW: nonNegative(),
  retrofitImmersionUsdPerMW: nonNegative(),
  /** Mining build-out per MW, for miners that are not yet built. */
  miningBuildUsdPerMW: nonNegative(),
  transformerUsdPerKVA: nonNegative(),
  upsUsdPerKVA: nonNegative(),
  gensetUsdPerKVA: nonNegative(),
  buswayUsdPerKVA: nonNegative(),
  staffAsicUsdPerMWYear: nonNegative(),
  staffGpuUsdPerMWYear: nonNegative(),
  maintenanceAsicUsdPerMWYear: nonNegative(),
  maintenanceGpuUsdPerMWYear: nonNegative(),
  fibreUsdPerGbps: nonNegative(),
  /** Securing more grid capacity (substation, line, or on-site generation), per MW. */
  gridUsdPerMW: nonNegative(),
  /** New hall floor, per m². */
  hallUsdPerM2: nonNegative(),
  containmentUsdPerRack: nonNegative(),
  /** New rack circuit (whips, breakers, tap-off) per rack. */
  rackCircuitUsd: nonNegative(),
  /** The capacity search steps past a limit whose fix costs less than this share of the capex of
   *  the GPU racks the fix lets in (fibre, rack circuits, a board frame), and reports the next. */
  cheapFixSharePct: finite().min(0).max(100),
  discountRatePct: finite().min(-50).max(200),
  horizonYears: z.number().int().min(1).max(30),
  taxPct: finite().min(0).max(100),
})
export type EconomicsInputs = z.infer<typeof EconomicsInputsSchema>

export const PricedItemSchema = z.object({
  usd: nonNegative(),
  /** GPU systems: price of one GPU-hour of this system's GPUs on the global market. */
  gpuHourUsd: nonNegative().optional(),
  date: z.string().min(1),
  source: SourceSchema,
})

export const EconomicsDataSchema = z.object({
  date: z.string().min(1),
  inputs: EconomicsInputsSchema,
  /** Source of each input, by input name. */
  inputSources: z.record(z.string(), SourceSchema),
  /** Price per device (catalog id). */
  devices: z.record(z.string(), PricedItemSchema),
  /** Price per cooling unit (catalog id). */
  coolingUnits: z.record(z.string(), PricedItemSchema),
})
export type EconomicsData = z.infer<typeof EconomicsDataSchema>

/** What a scene or variant may override: any input, and device prices by id. */
export const EconomicsOverrideSchema = EconomicsInputsSchema.partial()
  .extend({ devicePricesUsd: z.record(z.string(), nonNegative()).optional() })
  .strict()
export type EconomicsOverride = z.infer<typeof EconomicsOverrideSchema>
