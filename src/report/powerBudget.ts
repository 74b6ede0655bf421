// Power budget by level of the chain: grid, substation transformers, MV switchgear, unit
// transformers, UPS, LV boards, busways, PDUs — load summed against rating summed, with the worst
// single node's utilisation. Generators are backup and left out. A node's load is the one its load
// check judges (a transformer's delivered power, nodeLoad.ts), so a level's worst % is the checks'.
import type { NodeResult, Report } from '../solver/report'
import type { PowerNodeKind } from '../model/sceneSchema'
import { judgedLoadKVA, judgedLoads } from './nodeLoad'

export interface BudgetLevel {
  label: string
  count: number
  loadKVA: number
  ratingKVA: number
  /** The most loaded node of the level (load / rating). */
  worstUtilisation: number
  worstName: string
}

const ORDER: (PowerNodeKind | 'substation')[] = ['grid', 'substation', 'switchgear', 'feeder', 'transformer', 'ups', 'board', 'busway', 'pdu']
const LABEL: Record<PowerNodeKind | 'substation', string> = {
  grid: 'Grid connection',
  substation: 'Substation transformers',
  switchgear: 'MV switchgear',
  feeder: 'Feeders',
  transformer: 'Unit transformers',
  ups: 'UPS',
  board: 'LV boards',
  busway: 'Busways',
  pdu: 'PDUs',
  generator: 'Generators',
}

/** A transformer with another transformer below it steps down for the site: a substation one. */
function levelOf(node: NodeResult, hasTransformerBelow: ReadonlySet<string>): PowerNodeKind | 'substation' {
  return node.kind === 'transformer' && hasTransformerBelow.has(node.id) ? 'substation' : node.kind
}

export function powerBudget(report: Report): BudgetLevel[] {
  const byId = new Map(report.nodes.map((n) => [n.id, n]))
  const hasTransformerBelow = new Set<string>()
  for (const n of report.nodes) {
    if (n.kind !== 'transformer') continue
    let p = n.parent ? byId.get(n.parent) : undefined
    const seen = new Set<string>()
    while (p && !seen.has(p.id)) {
      seen.add(p.id)
      if (p.kind === 'transformer') hasTransformerBelow.add(p.id)
      p = p.parent ? byId.get(p.parent) : undefined
    }
  }
  const loads = judgedLoads(report.checks)
  const levels = new Map<string, BudgetLevel>()
  for (const n of report.nodes) {
    if (n.kind === 'generator' || n.ratingKVA === null || n.ratingKVA <= 0) continue
    const key = levelOf(n, hasTransformerBelow)
    const level = levels.get(key) ?? { label: LABEL[key], count: 0, loadKVA: 0, ratingKVA: 0, worstUtilisation: 0, worstName: '' }
    level.count++
    const load = judgedLoadKVA(n, loads)
    level.loadKVA += load
    level.ratingKVA += n.ratingKVA
    const u = load / n.ratingKVA
    if (u >= level.worstUtilisation) {
      level.worstUtilisation = u
      level.worstName = n.name
    }
    levels.set(key, level)
  }
  return ORDER.flatMap((k) => levels.get(k) ?? [])
}
