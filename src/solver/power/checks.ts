// Power checks: every rated node against its rating with the continuous-load margin, and the
// grid connection in kVA and power factor.
import type { SolverParams } from '../../model/params'
import type { Site } from '../../model/sceneSchema'
import type { Check, NodeResult } from '../report'
import { checkRatio, makeCheck } from '../checks'
import type { FlowResult } from './flow'

const KIND_TITLE: Record<NodeResult['kind'], string> = {
  grid: 'Grid connection load',
  transformer: 'Transformer load',
  switchgear: 'Switchgear load',
  board: 'LV board load',
  busway: 'Busway load',
  ups: 'UPS load',
  generator: 'Generator load',
}

function utilisationCheck(node: NodeResult, params: SolverParams): Check | null {
  if (node.ratingKVA === null) return null
  const loadKVA = node.utilisation !== null ? node.utilisation * node.ratingKVA : node.loadKVA
  const pct = Math.round(params.continuousLoadFraction * 100)
  return makeCheck({
    id: `${node.kind === 'grid' ? 'grid' : 'power'}.load:${node.id}`,
    domain: node.kind === 'grid' ? 'grid' : 'power',
    title: KIND_TITLE[node.kind],
    subject: node.name,
    subjectId: node.id,
    value: loadKVA,
    limit: node.ratingKVA,
    unit: 'kVA',
    sense: 'max',
    warnRatio: params.continuousLoadFraction,
    note:
      loadKVA > node.ratingKVA
        ? `over its rating by ${(loadKVA - node.ratingKVA).toFixed(0)} kVA`
        : loadKVA > node.ratingKVA * params.continuousLoadFraction
          ? `above the ${pct} % continuous-load margin`
          : undefined,
  })
}

export function powerChecks(flow: FlowResult, site: Site, params: SolverParams): Check[] {
  const checks: Check[] = []
  for (const node of flow.nodes) {
    const check = utilisationCheck(node, params)
    if (check) checks.push(check)
  }
  const root = flow.root
  checks.push(
    makeCheck({
      id: `grid.pf:${root.id}`,
      domain: 'grid',
      title: 'Grid power factor',
      subject: root.name,
      subjectId: root.id,
      value: root.powerFactor,
      limit: site.grid.minPowerFactor,
      unit: 'PF',
      sense: 'min',
      // How much of the allowed reactive power per kW is used: tan φ / tan φ_min.
      ratio: checkRatio(Math.tan(Math.acos(root.powerFactor)), Math.tan(Math.acos(site.grid.minPowerFactor)), 'max'),
      note: root.powerFactor < site.grid.minPowerFactor ? 'needs reactive compensation' : undefined,
    }),
  )
  return checks
}
