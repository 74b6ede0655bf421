// The solver entry: scene + variant + catalog → report. Pure: no DOM, no I/O, no hidden state.
// Expects a scene that passed parseScene; never throws on one and never returns NaN.
// The physics runs once (power flow and redundancy, each hall's cooling, the typical year) into a
// context; every check is a module of the registry (checks/index.ts) evaluated over it.
import type { Catalog } from '../model/catalog'
import { resolveParams } from '../model/params'
import type { Scene } from '../model/sceneSchema'
import { bindingCheck, STATUS_RANK, worstOf, type Check, type CheckStatus } from './check'
import { variantLoads } from './loads'
import { solvePower } from './power/solvePower'
import type { FlowResult } from './power/flow'
import { lossAtKW } from './year/losses'
import { simulateYear } from './year/year'
import { siteClimate } from './year/siteClimate'
import { economicsBasis } from './economics/economics'
import { variantEconomics } from './economics/variantEconomics'
import { rowDensityKWPerM } from './cooling/rack'
import { hallInlets } from './cooling/inlet'
import type { FieldInlets } from './thermal/hallField'
import { coolingCases, poweredDownConsequence, type CoolingConsequence, type HallCooling } from './cooling/contingency'
import { designPlant, designWeather, supplyBasis } from './cooling/plant/evaluate'
import { hallPlant } from './cooling/plant/plant'
import { adviseChecks, runChecks } from './checks'
import type { CheckContext, HallState } from './checks/types'
import { INLET_MODEL_2D, type HallResult, type NodeResult, type Report, type RowResult } from './report'
import { pueOf } from './constants'

export const SOLVER_VERSION = '3.0.0'

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now())

const STATUSES: readonly CheckStatus[] = ['ok', 'warn', 'fail']

/** For every node (by id), the worst check status on the path from it up to the grid. */
function powerPathStatus(flow: FlowResult, checks: readonly Check[]): (nodeId: string) => CheckStatus | undefined {
  // By the chain's node indices (thousands of nodes and checks on a campus): statuses as their
  // ranks (STATUS_RANK, so the larger is the worse, as worstOf has it), index loops (an
  // unoptimised for…of makes an iterator result per step).
  const { index, parent } = flow.chain
  const n = flow.nodes.length
  const own = new Uint8Array(n)
  for (let k = 0; k < checks.length; k++) {
    const c = checks[k]!
    const i = index.get(c.subjectId)
    if (i !== undefined && STATUS_RANK[c.status] > own[i]!) own[i] = STATUS_RANK[c.status]
  }
  // −1: not yet known. Iterative: walk up to the first node already known, then fill the path
  // back down.
  const status = new Int8Array(n).fill(-1)
  const path = new Int32Array(n)
  for (let k = 0; k < n; k++) {
    let length = 0
    let cur = k
    while (cur >= 0 && status[cur]! < 0) {
      path[length++] = cur
      cur = parent[cur]!
    }
    let above = cur >= 0 ? status[cur]! : 0
    for (let j = length - 1; j >= 0; j--) {
      const i = path[j]!
      if (own[i]! > above) above = own[i]!
      status[i] = above
    }
  }
  return (nodeId) => {
    const i = index.get(nodeId)
    return i === undefined ? undefined : STATUSES[status[i]!]
  }
}

export interface SolveOptions {
  /** Run the typical-year simulation (default true; the capacity search skips it). */
  year?: boolean
}

export function solveVariant(scene: Scene, variantId: string, catalog: Catalog, options: SolveOptions = {}): Report {
  const started = now()
  const variant = scene.variants.find((v) => v.id === variantId)
  if (!variant) throw new Error(`unknown variant "${variantId}" (known: ${scene.variants.map((v) => v.id).join(', ')})`)
  // The site's weather: an EPW file's hours when the scene embeds one, else the catalog climate.
  const site = siteClimate(scene.site, catalog)
  const climate = site.climate
  const params = resolveParams(scene.params, variant.params)
  const requiredTier = variant.requiredTier ?? 'N'

  const loads = variantLoads(variant, catalog, params)
  const rowsByHall = new Map(variant.halls.map((hall) => [hall, loads.rows.filter((r) => r.hall === hall)]))
  // One cooling plant per hall, evaluated on the design day; the contingencies (cooling and
  // power), the checks and the typical year all read this one plant.
  const cooling: (HallCooling & { field: FieldInlets | null })[] = variant.halls.map((hall) => {
    const rows = rowsByHall.get(hall)!
    const plant = hallPlant(hall, rows, catalog)
    const intact = designPlant(plant, climate, params)
    const solved = hallInlets(hall, rows, intact.supplyAirC, climate, catalog, params)
    return { hall, rows, plant, intact, field: solved?.field ?? null, inlets: new Map((solved?.rows ?? []).map((i) => [i.rowId, i])) }
  })
  // Power contingencies that stop cooling are judged by what that does to the racks.
  const coolingImpact = (dead: readonly string[]): CoolingConsequence[] => {
    const set = new Set(dead)
    const out: CoolingConsequence[] = []
    for (const h of cooling) {
      const c = poweredDownConsequence(h, set, climate, params)
      if (c) out.push(c)
    }
    return out
  }
  const power = solvePower(variant, scene.site, catalog, params, loads, coolingImpact)
  const flow = power.flow

  const halls: HallState[] = cooling.map((h) => {
    const design = h.intact
    const basis = supplyBasis(design.supplyMode, h.plant, designWeather(climate), params)
    const field = h.field
    return {
      hall: h.hall,
      rows: rowsByHall.get(h.hall)!,
      plant: h.plant,
      design,
      supplyBasis: basis,
      contingencies: coolingCases(h, climate, params),
      inlets: h.inlets,
      inletBasis: field
        ? `${basis}; hottest rack inlet from the airflow field (${field.nx} × ${field.ny} cells of ${field.cellXM.toFixed(2)} m, energy balance ${field.balanceErrorPct.toFixed(2)} %)`
        : `${basis}; no airflow field: more racks than its cells`,
    }
  })

  // Index loops over the nodes and checks below (thousands on a campus): a cold process runs a
  // loop of its own faster than a callback per element.
  let lossKW = 0
  for (let k = 0; k < flow.nodes.length; k++) lossKW += flow.nodes[k]!.lossKW
  const itKW = loads.rows.reduce((s, r) => s + r.rowKW, 0)
  // The flow's losses at its load (IT + installed cooling), split into the transformers' no-load
  // losses, the same every hour, and the load losses, which the year scales with the load served.
  const losses = { fixedKW: flow.losses.fixedLossKW, variableKWAtDesign: flow.losses.variableLossKW, designLoadKW: flow.root.loadKW - lossKW }
  const year = options.year === false ? null : simulateYear(cooling.map((h) => h.plant), cooling.map((h) => [...h.inlets.values()]), itKW, losses, climate, params)
  const ctx: CheckContext = { scene, variant, catalog, params, climate, requiredTier, loads, power, halls, year }
  const checks = runChecks(ctx)

  const pathStatus = powerPathStatus(flow, checks)
  const rowStatus = new Map<string, CheckStatus>()
  // The verdict: the worst status of every check (worstStatus over them), in the same pass.
  let verdict: CheckStatus = 'ok'
  for (let k = 0; k < checks.length; k++) {
    const c = checks[k]!
    verdict = worstOf(verdict, c.status)
    if (c.domain === 'density' || c.domain === 'inlet') rowStatus.set(c.subjectId, worstOf(rowStatus.get(c.subjectId) ?? 'ok', c.status))
  }
  const rows: RowResult[] = halls.flatMap((h) =>
    h.rows.map((load) => ({
      id: load.row.id,
      hallId: h.hall.id,
      name: load.row.name ?? load.row.id,
      deviceId: load.device.id,
      deviceKind: load.device.kind,
      rackCount: load.row.rackCount,
      deviceCount: load.deviceCount,
      rackKW: load.rackKW,
      rowKW: load.rowKW,
      heatAirKW: load.heatAirKW,
      heatLiquidKW: load.heatLiquidKW,
      densityKWPerM: rowDensityKWPerM(load),
      inletC: h.inlets.get(load.row.id)?.inletC ?? h.design.supplyAirC,
      rackInletC: h.inlets.get(load.row.id)?.rackInletC ?? [],
      // A row also shows the worst state on the power path that feeds it.
      status: worstOf(rowStatus.get(load.row.id) ?? 'ok', pathStatus(load.row.feed) ?? 'ok'),
    })),
  )
  const hallResults: HallResult[] = halls.map((h) => {
    const units = loads.cooling.filter((c) => c.hallId === h.hall.id)
    return {
      id: h.hall.id,
      name: h.hall.name,
      itKW: h.rows.reduce((s, r) => s + r.rowKW, 0),
      heatAirKW: h.design.heatAirKW,
      heatLiquidKW: h.design.heatLiquidKW,
      airflowNeededM3s: h.design.airflowNeededM3s,
      airflowSuppliedM3s: h.design.airflowSuppliedM3s,
      airCapacityKW: h.design.airCapacityKW,
      liquidCapacityKW: h.design.cduCapacityKW,
      coolingPowerKW: units.reduce((s, c) => s + c.kw, 0),
      coolingUnits: units.map((c) => ({ id: c.id, kw: c.kw, kvar: c.kvar })),
      plantPowerKW: h.design.coolingPowerKW,
      supplyAirC: h.design.supplyAirC,
      airDensityKgM3: h.design.airDensityKgM3,
      coolantSupplyC: h.design.coolantSupplyC,
      coolingContingencies: h.contingencies,
    }
  })

  const coolingKW = loads.cooling.reduce((s, c) => s + c.kw, 0)
  const facilityKW = flow.root.loadKW
  // The design day as the plant runs it (fans and pumps staged to the load, chillers only when
  // needed), the same figure as the typical year's design hour; facilityKW above is the electrical
  // design basis (every installed unit at nameplate), what the power chain must carry.
  const designDayLoadKW = itKW + halls.reduce((s, h) => s + h.design.coolingPowerKW, 0)
  const designDayFacilityKW = designDayLoadKW + lossAtKW(losses, designDayLoadKW)
  const binding = bindingCheck(checks)
  const advice = adviseChecks(checks, ctx)
  return {
    scene: scene.name,
    variant: variant.id,
    variantName: variant.name,
    verdict,
    binding,
    checks,
    totals: {
      itKW,
      coolingKW,
      lossKW,
      facilityKW,
      gridKVA: flow.root.loadKVA,
      gridPowerFactor: flow.root.powerFactor,
      heatAirKW: hallResults.reduce((s, h) => s + h.heatAirKW, 0),
      heatLiquidKW: hallResults.reduce((s, h) => s + h.heatLiquidKW, 0),
      designDayFacilityKW,
      pue: pueOf(designDayFacilityKW, itKW),
      deviceCount: loads.rows.reduce((s, r) => s + r.deviceCount, 0),
      rackCount: loads.rows.reduce((s, r) => s + r.row.rackCount, 0),
    },
    nodes: flow.nodes,
    rows,
    halls: hallResults,
    power: {
      requiredTier,
      installedITKW: itKW,
      usableITKW: power.usable.usableITKW,
      usableITAtRatingKW: power.usableAtRating.usableITKW,
      usableLimitedBy: power.usableAtRating.limitedBy,
      groups: power.groups,
      advice,
    },
    year,
    economics: variantEconomics(scene, variant, catalog, economicsBasis(scene, variant, loads, designDayFacilityKW, catalog, year), { checks, binding, advice, rows, nodes: flow.nodes, halls: hallResults, groups: power.groups, params, designDryBulbC: climate.designSummerDryBulbC, usableITKW: power.usable.usableITKW }),
    params,
    climate: {
      id: climate.id,
      name: climate.name,
      designDryBulbC: climate.designSummerDryBulbC,
      designWetBulbC: climate.designSummerWetBulbC,
      altitudeM: climate.altitudeM,
      weather: site.weather,
    },
    // The inlets above come from the 2-D plan field (h.inlets): say so (issue 12, point 6).
    inletModel: INLET_MODEL_2D,
    meta: { solveMs: now() - started, solverVersion: SOLVER_VERSION },
  }
}
