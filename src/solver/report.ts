// The solver's output: input records in, result records out, keyed by id (pandapower style).
import type { SolverParams } from '../model/params'
import type { PowerNodeKind, RedundancyScheme } from '../model/sceneSchema'
import type { EconomicsResult } from './economics/types'
import type { YearResult } from './year/year'
import type { WeatherInUse } from './year/siteClimate'
import type { CoolingConsequence } from './cooling/contingency'

export type { Check, CheckStatus, CheckDomain, CheckKind, CheckMeta } from './check'
import type { Check, CheckStatus } from './check'

export interface NodeResult {
  id: string
  kind: PowerNodeKind
  name: string
  parent: string | null
  /** Active power flowing into the node from its parent (downstream load + own losses). */
  loadKW: number
  loadKVAR: number
  loadKVA: number
  /** Losses inside this node: active, and a transformer's own reactive power (magnetising +
   *  leakage; 0 for other kinds). Both are included in loadKW / loadKVAR. */
  lossKW: number
  lossKVAR: number
  ratingKVA: number | null
  /** loadKVA / ratingKVA, null for unrated nodes. */
  utilisation: number | null
  powerFactor: number
  /** Redundancy group and scheme (a node outside any group is its own group, scheme N). */
  group: string
  scheme: RedundancyScheme
  /** Worst loading of this node over every N-1 contingency that was run (null if none moved load onto it). */
  contingencyUtilisation: number | null
}

/** One N-1 case: a group member (or a 2N side) lost, the load re-routed, the chain re-solved. */
export interface ContingencyResult {
  id: string
  group: string
  /** Node ids taken out. */
  lost: string[]
  /** Nodes over their emergency rating after the loss, worst first. */
  overloaded: { nodeId: string; name: string; loadKVA: number; ratingKVA: number; utilisation: number }[]
  /** Rows left without supply. */
  deEnergisedRows: string[]
  /** Cooling placements left without supply: the coupled power → cooling failure. */
  deEnergisedCooling: string[]
  /** What losing that cooling does to the racks, per hall. */
  coolingConsequences: CoolingConsequence[]
  /** The most loaded rated node after the loss. */
  worst: { nodeId: string; name: string; utilisation: number } | null
  /** Present only where `worst` is a node overloaded that is not a survivor of the group (its own
   *  group's N-1 reports it): the highest loading leaving such nodes out (0 where none is left),
   *  what the group's N-1 check reads. A loading, not a node: nodes loaded alike tie. */
  worstOwnUtilisation?: number
  status: CheckStatus
}

export interface GroupResult {
  id: string
  scheme: RedundancyScheme
  members: string[]
  /** Serves IT load (on the critical path). */
  critical: boolean
  /** Meets the variant's required tier (scheme at least the tier, and no loss leaves racks dark
   *  or overheated; an overloaded survivor is counted as capacity, in usable IT). */
  meetsTier: boolean
  contingencies: ContingencyResult[]
  status: CheckStatus
}

/** The smallest change that fixes a failing power check, in equipment an engineer can order. */
export interface Advice {
  checkId: string
  subjectId: string
  text: string
}

export interface PowerSummary {
  requiredTier: RedundancyScheme
  /** IT load installed (on the design basis). */
  installedITKW: number
  /** IT load the chain can carry with every group at the required tier, within the continuous-load margin. */
  usableITKW: number
  /** The same at full rating (no continuous-load margin): above it the usable-IT check fails. */
  usableITAtRatingKW: number
  /** The node that limits the usable IT figure. */
  usableLimitedBy: string | null
  groups: GroupResult[]
  advice: Advice[]
}

export interface RowResult {
  id: string
  hallId: string
  name: string
  deviceId: string
  deviceKind: 'asic' | 'gpu'
  rackCount: number
  deviceCount: number
  rackKW: number
  rowKW: number
  heatAirKW: number
  heatLiquidKW: number
  /** Air-side heat per metre of row face. */
  densityKWPerM: number
  /** Design-day inlet air at the row: its hottest rack inlet from the airflow field, °C (the
   *  supply air for a row that puts no heat into the air). */
  inletC: number
  /** Every rack's design-day inlet along the row, °C: what the heat map's rack colours show. */
  rackInletC: number[]
  status: CheckStatus
}

export type { CoolingConsequence }

export interface HallResult {
  id: string
  name: string
  itKW: number
  heatAirKW: number
  heatLiquidKW: number
  airflowNeededM3s: number
  airflowSuppliedM3s: number
  airCapacityKW: number
  liquidCapacityKW: number
  /** Installed (nameplate) electrical input of the hall's cooling units: what the power chain carries. */
  coolingPowerKW: number
  /** Each cooling placement's nameplate electrical load (count × the unit's input), kW and kvar: the
   *  loads the power flow put on its feeds; coolingPowerKW is their sum. */
  coolingUnits: { id: string; kw: number; kvar: number }[]
  /** What the cooling plant draws on the design day at part load (≤ coolingPowerKW, except chillers
   *  whose draw follows their COP); the typical year's design hour draws the same. */
  plantPowerKW: number
  /** Supply air temperature on the design day (after pads, before recirculation). */
  supplyAirC: number
  airDensityKgM3: number
  /** Coolant supply on the design day, where the loop settles; null without liquid heat, without a
   *  liquid loop (no CDU or tank), or when nothing can reject the heat. */
  coolantSupplyC: number | null
  /** Lose-one cases of the hall's cooling: one unit, or a whole fan bank. */
  coolingContingencies: CoolingConsequence[]
}

export interface Totals {
  itKW: number
  /** Cooling equipment installed, at nameplate: the load the power chain must carry. */
  coolingKW: number
  lossKW: number
  /** Grid draw with every installed unit at nameplate (the electrical design basis). */
  facilityKW: number
  /** Facility power on the design day as the plant runs (staged fans and pumps, chillers only when
   *  needed): the typical year's design hour. */
  designDayFacilityKW: number
  gridKVA: number
  gridPowerFactor: number
  heatAirKW: number
  heatLiquidKW: number
  /** Design-day PUE: designDayFacilityKW / itKW (the year's annual PUE is in year.annualPue); null
   *  without IT load (constants.ts pueOf). */
  pue: number | null
  deviceCount: number
  rackCount: number
}

/** Which airflow model made a report's inlet figures (rows[].inletC, rackInletC, the inlet
 *  checks). Issue 12, point 6: one model at a time, and every report says which. */
export interface InletModel {
  id: 'plan-2d' | 'ffd-3d'
  name: string
}

/** The model the inlet checks read today: the 2-D depth-averaged plan field (src/solver/thermal,
 *  docs/thermal.md). The 3-D model (docs/airflow3d.md) replaces it once it meets ≤ 1 s per hall. */
export const INLET_MODEL_2D: InletModel = { id: 'plan-2d', name: '2-D plan field' }

export interface Report {
  scene: string
  variant: string
  variantName: string
  verdict: CheckStatus
  /** The failing check furthest over its limit or, if none fails, the tightest one. */
  binding: Check | null
  checks: Check[]
  totals: Totals
  nodes: NodeResult[]
  rows: RowResult[]
  halls: HallResult[]
  power: PowerSummary
  economics: EconomicsResult
  /** Hour-by-hour over a typical year; null when the solve skipped it (capacity search). */
  year: YearResult | null
  params: SolverParams
  /** `weather`: which weather the year and the design day ran on (an EPW file or the catalog climate). */
  climate: { id: string; name: string; designDryBulbC: number; designWetBulbC: number; altitudeM: number; weather: WeatherInUse }
  /** Which model made the inlet figures. */
  inletModel: InletModel
  meta: { solveMs: number; solverVersion: string }
}
