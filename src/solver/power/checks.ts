// Power checks: every rated node against its rating with the continuous-load margin, and the
// grid connection in kVA and power factor.
import type { SolverParams } from '../../model/params'
import type { PowerNode, Site, Variant } from '../../model/sceneSchema'
import type { VariantLoads } from '../loads'
import type { Check, NodeResult } from '../report'
import { checkRatio, makeCheck } from '../checks'
import type { FlowResult } from './flow'

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

function utilisationCheck(node: NodeResult, params: SolverParams): Check | null {
  if (node.ratingKVA === null || node.kind === 'generator') return null
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

/** Each rack's circuit must carry the whole rack (a dual-fed rack's surviving cord does, after an N-1 loss). */
function circuitChecks(loads: VariantLoads, params: SolverParams): Check[] {
  const checks: Check[] = []
  for (const load of loads.rows) {
    const { circuitKVA } = load.row
    if (circuitKVA === undefined) continue
    const rackKVA = load.rackKW / load.device.powerFactor
    checks.push(
      makeCheck({
        id: `power.circuit:${load.row.id}`,
        domain: 'power',
        title: 'Rack circuit',
        subject: load.row.name ?? load.row.id,
        subjectId: load.row.id,
        value: rackKVA,
        limit: circuitKVA,
        unit: 'kVA',
        sense: 'max',
        warnRatio: params.continuousLoadFraction,
        note: load.supply.b ? 'each cord must carry the whole rack when the other side is lost' : undefined,
      }),
    )
  }
  return checks
}

/** Battery autonomy at the present load, taken as inversely proportional to load (no Peukert). */
function upsChecks(variant: Variant, flow: FlowResult, params: SolverParams): Check[] {
  const checks: Check[] = []
  for (const node of variant.power) {
    if (node.kind !== 'ups' || node.autonomyMin === undefined) continue
    const r = flow.byId.get(node.id)!
    if (r.ratingKVA === null) continue
    const autonomyMin = r.loadKVA > 0 ? Math.min(node.autonomyMin * (r.ratingKVA / r.loadKVA), 1e6) : 1e6
    checks.push(
      makeCheck({
        id: `power.autonomy:${node.id}`,
        domain: 'power',
        title: 'UPS autonomy at load',
        subject: r.name,
        subjectId: node.id,
        value: autonomyMin,
        limit: params.upsMinAutonomyMin,
        unit: 'min',
        sense: 'min',
        note: `${node.autonomyMin} min at rated load`,
      }),
    )
  }
  return checks
}

/** Generators must carry the node they back when the grid is lost. */
function generatorChecks(variant: Variant, flow: FlowResult): Check[] {
  const byBacked = new Map<string, PowerNode[]>()
  for (const n of variant.power) if (n.kind === 'generator' && n.backs) byBacked.set(n.backs, [...(byBacked.get(n.backs) ?? []), n])
  const checks: Check[] = []
  for (const [backed, gens] of byBacked) {
    const ratings = gens.map((g) => g.ratingKVA ?? 0)
    const total = ratings.reduce((s, r) => s + r, 0)
    const nPlus1 = gens.length > 1 && gens.every((g) => g.redundancy?.scheme === 'N+1')
    const capacity = nPlus1 ? total - Math.max(...ratings) : total
    const target = flow.byId.get(backed)!
    checks.push(
      makeCheck({
        id: `power.generator:${backed}`,
        domain: 'power',
        title: 'Generator backup',
        subject: target.name,
        subjectId: gens[0]!.id,
        value: target.loadKVA,
        limit: capacity,
        unit: 'kVA',
        sense: 'max',
        note: `${gens.length} generator(s)${nPlus1 ? ', N+1: the largest held in reserve' : ''} carry ${target.name} when the grid is lost`,
      }),
    )
  }
  return checks
}

export function powerChecks(flow: FlowResult, site: Site, params: SolverParams, variant: Variant, loads: VariantLoads): Check[] {
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
  checks.push(...circuitChecks(loads, params), ...upsChecks(variant, flow, params), ...generatorChecks(variant, flow))
  return checks
}
