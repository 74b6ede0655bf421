// The load of a power node as its rating judges it: the value of the node's own load check
// (power.load, grid.load). A transformer's rating applies to the power it delivers, so that figure
// leaves out its own losses, which the node's loadKVA (the power it draws from its parent) holds:
// T-1.1 of the rear-door variant draws 1,912 kVA and delivers 1,873 kVA, and the check, its 75 %
// and the verdict are about the 1,873. Every view that writes a node's load next to its loading
// or its rating takes this figure, so that the two agree with each other and with the checks.
import type { Check } from '../solver/check'
import type { NodeResult, Report } from '../solver/report'

const LOAD_KINDS: ReadonlySet<string> = new Set(['power.load', 'grid.load'])

export type NodeLoads = ReadonlyMap<string, number>

/** Node id → the kVA its load check judged; nodes without one (unrated) are absent. */
export function judgedLoads(checks: readonly Check[]): NodeLoads {
  const loads = new Map<string, number>()
  for (const c of checks) if (LOAD_KINDS.has(c.kind) && c.value !== null) loads.set(c.subjectId, c.value)
  return loads
}

/** The node's load as its rating judges it, else (unrated) what it draws. */
export function judgedLoadKVA(node: NodeResult, loads: NodeLoads): number {
  return loads.get(node.id) ?? node.loadKVA
}

/** The same for one node of a report. */
export function nodeLoadKVA(report: Pick<Report, 'checks'>, node: NodeResult): number {
  return report.checks.find((c) => LOAD_KINDS.has(c.kind) && c.subjectId === node.id && c.value !== null)?.value ?? node.loadKVA
}
