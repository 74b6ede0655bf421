// The check registry: every kind of check the solver runs, in one list (ESLint's lib/rules
// index). `solve` evaluates them in this order; docs and the CLI's check list come from the metas.
// Adding a check is one module here plus what it reads from the context.
import type { Advice } from '../report'
import type { Check, CheckKind, CheckMeta } from '../check'
import type { CheckContext, CheckModule } from './types'
import { gridLoad, nodeLoad } from './power/nodeLoad'
import { gridPowerFactor } from './power/gridPowerFactor'
import { rackCircuit } from './power/rackCircuit'
import { upsAutonomy } from './power/upsAutonomy'
import { generatorBackup } from './power/generatorBackup'
import { contingency } from './power/contingency'
import { tier } from './power/tier'
import { dualFeed, upsBacking } from './power/upsBacking'
import { usableIT } from './power/usableIT'
import { airflow, airHeat } from './cooling/airSide'
import { cduCapacity, coolantSupply, heatRejection } from './cooling/liquid'
import { rowDensity, rowInlet } from './cooling/rows'
import { rowsSeries } from './cooling/series'
import { coolingN1 } from './cooling/contingency'
import { yearCoolant, yearInlet } from './year/year'
import { uplink } from './network/uplink'
import { layoutOverlap } from './layout/overlap'
import { layoutOutside } from './layout/outside'
import { layoutAisle } from './layout/aisle'
import { layoutAirway } from './layout/airway'

export const CHECKS: readonly CheckModule[] = [
  gridLoad,
  gridPowerFactor,
  nodeLoad,
  rackCircuit,
  upsAutonomy,
  generatorBackup,
  contingency,
  usableIT,
  tier,
  upsBacking,
  dualFeed,
  airflow,
  airHeat,
  cduCapacity,
  heatRejection,
  coolantSupply,
  coolingN1,
  rowDensity,
  rowInlet,
  rowsSeries,
  yearInlet,
  yearCoolant,
  uplink,
  layoutOverlap,
  layoutOutside,
  layoutAisle,
  layoutAirway,
]

const BY_KIND = new Map<CheckKind, CheckModule>(CHECKS.map((m) => [m.meta.kind, m]))

/** The meta of every check kind, for docs and `halltwin checks`. */
export const CHECK_METAS: readonly CheckMeta[] = CHECKS.map((m) => m.meta)

export function checkModule(kind: CheckKind): CheckModule | undefined {
  return BY_KIND.get(kind)
}

export function runChecks(ctx: CheckContext): Check[] {
  return CHECKS.flatMap((m) => m.evaluate(ctx))
}

/** Advice for every failing check, each kind's module advising on its own failures together. */
export function adviseChecks(checks: readonly Check[], ctx: CheckContext): Advice[] {
  const failing = new Map<CheckKind, Check[]>()
  // An index loop: a report's thousands of checks, an unoptimised for…of makes an iterator
  // result per step.
  for (let k = 0; k < checks.length; k++) {
    const c = checks[k]!
    if (c.status === 'fail') failing.set(c.kind, [...(failing.get(c.kind) ?? []), c])
  }
  const out: Advice[] = []
  for (const [kind, list] of failing) out.push(...(BY_KIND.get(kind)?.advise?.(list, ctx) ?? []))
  return out
}
