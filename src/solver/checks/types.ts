// The check registry's contract. A check kind is one module: its meta (what it is, its unit, sense
// and the source of its limit), `evaluate` over the solved physics, and optionally `advise`: the
// smallest change that fixes its failures, in equipment an engineer can order.
// `solve` builds the context once (power flow, redundancy, cooling plant, year) and runs the list.
import type { Catalog } from '../../model/catalog'
import type { Climate } from '../../model/catalogSchema'
import type { SolverParams } from '../../model/params'
import type { Hall, RedundancyScheme, Scene, Variant } from '../../model/sceneSchema'
import type { Check, CheckMeta } from '../check'
import type { RowLoad, VariantLoads } from '../loads'
import type { Advice, GroupResult } from '../report'
import type { ById, FlowResult } from '../power/flow'
import type { RowInlet } from '../cooling/inlet'
import type { Usable } from '../power/usable'
import type { YearResult } from '../year/year'
import type { CoolingConsequence } from '../cooling/contingency'
import type { PlantState } from '../cooling/plant/evaluate'
import type { HallPlant } from '../cooling/plant/plant'

/** The power side, solved once: base flow, redundancy groups with their N-1 cases, usable IT. */
export interface PowerState {
  flow: FlowResult
  groups: GroupResult[]
  /** Usable IT within the continuous-load margin, and at full rating. */
  usable: Usable
  usableAtRating: Usable
  /** Display names of the power nodes by id. */
  names: ById<string>
}

/** One hall's cooling on the design day, solved once. */
export interface HallState {
  hall: Hall
  rows: RowLoad[]
  /** The hall's cooling plant (cooling/plant): the one model the design day, year and contingencies evaluate. */
  plant: HallPlant
  /** The plant on the design day. */
  design: PlantState
  /** How the design-day supply air was reached, in words. */
  supplyBasis: string
  contingencies: CoolingConsequence[]
  /** Each air-cooled row's design-day inlet from the airflow field (cooling/inlet.ts), by row id. */
  inlets: ReadonlyMap<string, RowInlet>
  /** How the inlet figures were made, for the check notes. */
  inletBasis: string
}

export interface CheckContext {
  scene: Scene
  variant: Variant
  catalog: Catalog
  params: SolverParams
  climate: Climate
  requiredTier: RedundancyScheme
  loads: VariantLoads
  power: PowerState
  halls: HallState[]
  year: YearResult | null
}

export interface CheckModule {
  meta: CheckMeta
  /** Every check of this kind for the solved variant. */
  evaluate(ctx: CheckContext): Check[]
  /** Advice for this kind's failing checks (all of them at once, so identical failures share one line). */
  advise?(failing: readonly Check[], ctx: CheckContext): Advice[]
}
