// Economics results: per variant, in USD, over the horizon of the inputs.
import type { CheckKind } from '../check'

export interface CashFlowYear {
  year: number
  capexUsd: number
  revenueUsd: number
  opexUsd: number
  ebitdaUsd: number
  taxUsd: number
  /** Net cash flow of the year (capex negative). */
  netUsd: number
  cumulativeUsd: number
}

export interface TornadoBar {
  /** Input name, e.g. "tariffUsdPerMWh". */
  input: string
  label: string
  lowValue: number
  highValue: number
  unit: string
  npvAtLowUsd: number
  npvAtHighUsd: number
  /** |npvAtHigh − npvAtLow|: bars are sorted by it, largest first. */
  swingUsd: number
}

export interface CapexLine {
  item: string
  usd: number
  note: string
}

/** Where the energy figures come from: the typical year the solver simulates (fans and pumps
 *  staged, chillers only when needed) or, where the year was skipped, design-day power × 8,760 h. */
export type EnergyBasis = 'typical year' | 'design day'

export interface EnergyFigures {
  basis: EnergyBasis
  /** Facility energy of a year with the IT at its design load, MWh. */
  facilityMWhAtFullLoad: number
  /** Share of that the IT really draws (miner uptime and ban days, GPU load factor). */
  loadShare: number
  /** facilityMWhAtFullLoad × loadShare: the energy paid for, MWh a year. */
  mwhPerYear: number
  tariffUsdPerMWh: number
  /** Facility / IT energy on this basis: the annual PUE of the typical year, or the design day's;
   *  null without IT load (constants.ts pueOf). */
  pue: number | null
}

export interface EconomicsResult {
  currency: 'USD'
  horizonYears: number
  discountRatePct: number
  capexUsd: number
  capexLines: CapexLine[]
  /** Steady-state year (after lead time). */
  revenueUsdPerYear: number
  opexUsdPerYear: number
  /** energy.mwhPerYear × tariff. */
  energyUsdPerYear: number
  energyBasis: EnergyBasis
  energy: EnergyFigures
  ebitdaUsdPerYear: number
  /** Years until cumulative cash turns positive; null if never within the horizon. */
  paybackYears: number | null
  npvUsd: number
  /** null when cash flows never change sign (no IRR). */
  irrPct: number | null
  /** Hashprice (USD per PH/s per day) at which NPV = 0; null for a variant without miners. */
  breakEvenHashpriceUsdPerPHDay: number | null
  /** GPU-hour price at which NPV = 0; null for a variant without GPUs. */
  breakEvenGpuHourUsd: number | null
  cashFlows: CashFlowYear[]
  tornado: TornadoBar[]
  /** The inputs used, for the report (after scene and variant overrides). */
  inputs: Record<string, number | string>
  /** The verdict passes (ok or warn): the variant can be built and run as drawn. One that cannot
   *  keeps its figures, but no view ranks its NPV among the buildable variants. */
  buildable: boolean
  /** Why it cannot run as drawn: the binding check, and how many checks fail. */
  notBuildable: NotBuildable | null
  /** What making every failing check pass would cost; null when nothing fails. */
  costToPass: CostToPass | null
}

export interface NotBuildable {
  checkId: string
  kind: CheckKind
  title: string
  subject: string
  /** Failing checks in all. */
  failing: number
}

/** The money figures alone, before the verdict is attached. */
export type EconomicsFigures = Omit<EconomicsResult, 'buildable' | 'notBuildable' | 'costToPass'>

/** Where a unit cost comes from: an input or a priced unit of models/economics.json. */
export interface PriceSource {
  /** The input name ("transformerUsdPerKVA") or the catalog id of a priced unit. */
  name: string
  title: string
  confidence: 'verified' | 'secondary' | 'derived' | 'approx'
}

/** What making every failing check of one kind pass would take, priced (economics/upgradePrices.ts). */
export interface PricedUpgrade {
  /** The failing check kind, or 'floor' where the capacity search runs out of hall floor. */
  kind: CheckKind | 'floor'
  /** Title and subject of the check that leads the kind (the one furthest over). */
  title: string
  subject: string
  /** How many checks of the kind fail. */
  checks: number
  /** What to do: the advice of the check module where it gives one. */
  text: string
  /** Rough cost, USD; null where models/economics.json has no unit cost for this fix ("not priced"). */
  costUsd: number | null
  /** The arithmetic ("2,500 kVA × 45 USD/kVA"), or why it is not priced. */
  basis: string
  /** The unit costs used, each with its source. */
  sources: PriceSource[]
  /** Not bought with the fit-out but a site asset (the grid connection: 12–36 months to approve). */
  siteLimit?: boolean
  /** Paid for by the line of this kind (the same equipment fixes both). */
  includedIn?: CheckKind
}

/** What it would take to make a variant pass. */
export interface CostToPass {
  lines: PricedUpgrade[]
  /** Sum of the priced lines, USD. */
  pricedUsd: number
  /** Failing kinds with no price: the sum leaves them out. */
  unpriced: PricedUpgrade['kind'][]
}


export interface CapacityStep {
  racks: number
  devices: number
  itKW: number
  /** 'ok'/'warn' as the solve says; 'warn' also where it passes only with the cheap fixes. */
  verdict: 'ok' | 'warn' | 'fail'
  /** Passes only with the cheap fixes of the search (its checks fail without them). */
  unlocked?: boolean
}

/** The limit that stops the search: a check one rack past the answer, the floor, or the rows. */
export interface CapacityBinding {
  checkId: string
  kind: CheckKind | 'floor' | 'rows'
  title: string
  subject: string
  value: number | null
  limit: number | null
  unit: string
  /** A site asset rather than a purchase (the grid connection), or a fix with no price. */
  why?: 'site limit' | 'not priced' | 'not cheap'
}

/** A limit the search stepped past because its fix is cheap against the racks it lets in. */
export interface CapacityUnlock {
  /** The first rack count at which the limit fails. */
  atRacks: number
  /** The check that fails there, with its figures. */
  check: { title: string; subject: string; value: number | null; limit: number | null; unit: string }
  /** Its fix, priced for the racks of the answer. */
  upgrade: PricedUpgrade
}

/** How many racks of a device a site carries, and what stops the next. */
export interface CapacityAnswer {
  devicesPerRack: number
  /** Racks of the device added (0 when even the first one does not fit). */
  maxRacks: number
  maxDevices: number
  /** IT of the racks added, kW. */
  maxItKW: number
  /** IT of the whole site at that answer (the rows kept and the racks added), kW. */
  siteItKW: number
  /** Cheap fixes on the way, in the order the search met them. */
  unlocks: CapacityUnlock[]
  /** What stops the next rack. */
  binding: CapacityBinding | null
  /** What the next rack needs beyond the cheap fixes, priced for that rack. */
  upgrades: PricedUpgrade[]
}

/** One step of the path past a limit that is not cheap: pay for its upgrades, and the search
 *  (with every cheap fix after them) reaches `racks`, where the next limit binds. */
export interface CapacityStage {
  racks: number
  devices: number
  itKW: number
  /** The upgrades paid for at this step, priced for `racks`. */
  upgrades: PricedUpgrade[]
  costUsd: number
  /** Cheap fixes after them, priced for `racks`. */
  unlocks: CapacityUnlock[]
  /** What stops the search there. */
  binding: CapacityBinding | null
}

export interface CapacityResult extends CapacityAnswer {
  deviceId: string
  deviceName: string
  enclosureId: string
  requiredTier: 'N' | 'N+1' | '2N'
  /** A fix under this share of the capex of the racks it lets in is stepped past (models/economics.json). */
  cheapFixSharePct: number
  /** Floor: racks the hall's floor holds with service aisles and support space at the tier. */
  floorLimitRacks: number
  /** The way further: pay for the limit that stops the search, reach the next, and so on until a
   *  site limit (the grid connection), a fix with no price, the floor or the rows. */
  path: CapacityStage[]
  /** The search solves the design day only (the typical year is skipped for speed)… */
  basis: 'design day'
  /** …and then solves its answer with the year: checks that fail only there ("Title — subject"). */
  yearFailures: string[]
  /** Points the search tried for the chosen fill, for a chart. */
  steps: CapacityStep[]
}

