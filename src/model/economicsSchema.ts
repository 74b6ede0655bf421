// Economic inputs: defaults in models/economics.json (each with its source and date), which a
// scene or a variant may override under "economics". Money in USD.
import './zodConfig' // first: zod without its JIT, before any schema is built
import { z } from 'zod'
import { SourceSchema } from './catalogSchema'
import { count, quantity } from './bounds'

/** Prices: from nothing to a figure no line item of a data centre reaches. */
const usd = (unit: string, max: number) => quantity('a price', 0, max, unit)
const share = () => quantity('a share', 0, 1)
const percent = (max: number) => quantity('a percentage', 0, max, '%')

/** The numeric inputs a user can change; each is a named default with a source in the data file. */
export const EconomicsInputsSchema = z.object({
  tariffUsdPerMWh: usd('USD/MWh', 10_000),
  hashpriceUsdPerPHDay: usd('USD/PH/day', 10_000),
  /** Share of the year miners run (maintenance, curtailment). */
  minerUptime: share(),
  /** Days a year mining is banned at the site (Irkutsk: seasonal 15 Nov–15 Mar). */
  miningBanDaysPerYear: quantity('a number of days', 0, 366, 'days'),
  gpuUtilisation: share(),
  /** Multiplier on the global GPU-hour price for the market the site can sell into. */
  gpuPriceFactor: quantity('a price factor', 0, 10),
  /** GPU servers draw this share of their design power on average. */
  gpuLoadFactor: share(),
  importPremiumAsicPct: percent(500),
  importPremiumGpuPct: percent(500),
  leadTimeGpuMonths: quantity('a lead time', 0, 36, 'months'),
  /** Fit-out per MW of IT by device cooling kind (building works, piping, containment, fibre), excluding equipment priced separately. */
  retrofitAirUsdPerMW: usd('USD/MW', 1e9),
  retrofitLiquidUsdPerMW: usd('USD/MW', 1e9),
  retrofitImmersionUsdPerMW: usd('USD/MW', 1e9),
  /** Mining build-out per MW, for miners that are not yet built. */
  miningBuildUsdPerMW: usd('USD/MW', 1e9),
  transformerUsdPerKVA: usd('USD/kVA', 100_000),
  upsUsdPerKVA: usd('USD/kVA', 100_000),
  gensetUsdPerKVA: usd('USD/kVA', 100_000),
  buswayUsdPerKVA: usd('USD/kVA', 100_000),
  staffAsicUsdPerMWYear: usd('USD/MW/year', 1e8),
  staffGpuUsdPerMWYear: usd('USD/MW/year', 1e8),
  maintenanceAsicUsdPerMWYear: usd('USD/MW/year', 1e8),
  maintenanceGpuUsdPerMWYear: usd('USD/MW/year', 1e8),
  fibreUsdPerGbps: usd('USD/Gbit/s', 1e8),
  /** Securing more grid capacity (substation, line, or on-site generation), per MW. */
  gridUsdPerMW: usd('USD/MW', 1e9),
  /** New hall floor, per m². */
  hallUsdPerM2: usd('USD/m²', 100_000),
  containmentUsdPerRack: usd('USD/rack', 1e6),
  /** New rack circuit (whips, breakers, tap-off) per rack. */
  rackCircuitUsd: usd('USD/rack', 1e6),
  /** The capacity search steps past a limit whose fix costs less than this share of the capex of
   *  the GPU racks the fix lets in (fibre, rack circuits, a board frame), and reports the next. */
  cheapFixSharePct: percent(100),
  discountRatePct: quantity('a discount rate', -50, 200, '%'),
  horizonYears: count(30),
  taxPct: percent(100),
})
export type EconomicsInputs = z.infer<typeof EconomicsInputsSchema>

export const PricedItemSchema = z.object({
  usd: usd('USD', 1e9),
  /** GPU systems: price of one GPU-hour of this system's GPUs on the global market. */
  gpuHourUsd: usd('USD/GPU-hour', 1_000).optional(),
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
  .extend({ devicePricesUsd: z.record(z.string(), usd('USD per device', 1e9)).optional() })
  .strict()
export type EconomicsOverride = z.infer<typeof EconomicsOverrideSchema>
