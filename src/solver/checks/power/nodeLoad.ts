// Every rated node of the chain against its rating, with the continuous-load margin; the grid
// connection is its own kind (grid.load) so that its advice and its price differ.
import type { Check, CheckMeta } from '../../check'
import { makeCheck } from '../../check'
import type { NodeResult } from '../../report'
import type { SolverParams } from '../../../model/params'
import type { CheckContext, CheckModule } from '../types'
import { frameAdvice, gridConnectionAdvice, gridNeededKVA, mva, transformerAdvice } from '../../power/advice'

const KIND_TITLE: Record<NodeResult['kind'], string> = {
  grid: 'Grid connection load',
  transformer: 'Transformer load',
  switchgear: 'Switchgear load',
  feeder: 'Feeder load',
  board: 'LV board load',
  busway: 'Busway load',
  pdu: 'PDU load',
  ups: 'UPS load',
  generator: 'Generator load',
}

function nodeCheck(meta: CheckMeta, node: NodeResult, params: SolverParams): Check {
  const rating = node.ratingKVA!
  // Utilisation is taken at the node's output (a transformer's own losses are not its load).
  const loadKVA = node.utilisation !== null ? node.utilisation * rating : node.loadKVA
  return makeCheck(meta, {
    title: KIND_TITLE[node.kind],
    subject: node.name,
    subjectId: node.id,
    value: loadKVA,
    limit: rating,
    warnRatio: params.continuousLoadFraction,
    note:
      loadKVA > rating
        ? `over its rating by ${(loadKVA - rating).toFixed(0)} kVA`
        : loadKVA > rating * params.continuousLoadFraction
          ? `above the ${Math.round(params.continuousLoadFraction * 100)} % continuous-load margin`
          : undefined,
  })
}

/** A check of every rated node: the grid connection (`grid`) or every other but the generators. */
function ratedChecks(ctx: CheckContext, grid: boolean, meta: CheckMeta): Check[] {
  const nodes = ctx.power.flow.nodes
  const out: Check[] = []
  // An index loop, no intermediate list: a campus has a rated PDU per rack pair.
  for (let k = 0; k < nodes.length; k++) {
    const n = nodes[k]!
    if (n.ratingKVA !== null && n.kind !== 'generator' && (n.kind === 'grid') === grid) out.push(nodeCheck(meta, n, ctx.params))
  }
  return out
}

export const gridLoad: CheckModule = {
  meta: {
    kind: 'grid.load',
    domain: 'grid',
    title: 'Grid connection load',
    unit: 'kVA',
    sense: 'max',
    description: 'Apparent power drawn at the point of connection (IT + cooling + losses) against the connection capacity.',
    limitSource: 'site.grid.capacityMVA; warns above params.continuousLoadFraction',
  },
  evaluate: (ctx) => ratedChecks(ctx, true, gridLoad.meta),
  advise: (failing, ctx) =>
    failing.map((c) => ({
      checkId: c.id,
      subjectId: c.subjectId,
      text: `grid connection draws ${mva(c.value!)}: ${gridConnectionAdvice(gridNeededKVA(c.value!, ctx.params), c.limit!)}`,
    })),
}

export const nodeLoad: CheckModule = {
  meta: {
    kind: 'power.load',
    domain: 'power',
    title: 'Power node load',
    unit: 'kVA',
    sense: 'max',
    description: 'Apparent power through each rated node (transformer, switchgear, board, busway, UPS) against its rating.',
    limitSource: 'the node’s ratingKVA (or its transformer model); warns above params.continuousLoadFraction',
  },
  evaluate: (ctx) => ratedChecks(ctx, false, nodeLoad.meta),
  advise: (failing, ctx) => {
    const nodes = new Map(ctx.variant.power.map((n) => [n.id, n]))
    return failing.flatMap((c) => {
      const node = nodes.get(c.subjectId)
      if (!node) return []
      const needed = c.value! / ctx.params.continuousLoadFraction
      const text = node.kind === 'transformer' ? transformerAdvice(node, c.value!, needed, ctx.catalog) : frameAdvice(node, needed)
      return [{ checkId: c.id, subjectId: c.subjectId, text }]
    })
  },
}
