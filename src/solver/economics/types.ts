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
  /** Facility / IT energy on this basis: the annual PUE of the typical year, or the design day's. */
  pue: number
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

export interface CapacityStep {
  racks: number
  devices: number
  itKW: number
  verdict: 'ok' | 'warn' | 'fail'
}

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

/** @deprecated shape of the capacity card's list; a PricedUpgrade carries the same and more. */
export type UpgradeOption = PricedUpgrade

export interface CapacityResult {
  deviceId: string
  deviceName: string
  enclosureId: string
  devicesPerRack: number
  requiredTier: 'N' | 'N+1' | '2N'
  /** Largest number of racks with every check passing (0 if even one fails). */
  maxRacks: number
  maxDevices: number
  maxItKW: number
  /** What stops the next rack: the binding check one step past the maximum. */
  binding: { checkId: string; title: string; subject: string; value: number | null; limit: number | null; unit: string } | null
  /** Floor: racks the hall's floor holds with service aisles and support space at the tier. */
  floorLimitRacks: number
  /** The cheapest upgrade that unlocks the next step, and the rest that would also be needed. */
  upgrades: UpgradeOption[]
  /** Points the search tried, for a chart. */
  steps: CapacityStep[]
}
