// The solver entry: scene + variant + catalog → report. Pure: no DOM, no I/O, no hidden state.
// Expects a scene that passed parseScene; never throws on one and never returns NaN.
import type { Catalog } from '../model/catalog'
import { resolveParams } from '../model/params'
import type { Scene } from '../model/sceneSchema'
import { bindingCheck, worstStatus } from './checks'
import { variantLoads } from './loads'
import { solvePower } from './power/solvePower'
import { networkChecks } from './network'
import { simulateYear } from './year/year'
import { yearChecks } from './year/yearChecks'
import { computeEconomics, economicsBasis, resolveEconomicsInputs } from './economics/economics'
import { hallSupplyAir } from './cooling/climate'
import { hallAirSide } from './cooling/airflow'
import { rowCooling } from './cooling/rack'
import { hallLiquidSide } from './cooling/liquid'
import { coolingCases, poweredDownConsequence, type CoolingConsequence } from './cooling/contingency'
import { coolingContingencyChecks } from './cooling/contingencyChecks'
import type { Check, CheckStatus, HallResult, NodeResult, Report, RowResult } from './report'

export const SOLVER_VERSION = '2.0.0'

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now())

/** For every node, the worst check status on the path from it up to the grid. */
function powerPathStatus(nodes: readonly NodeResult[], checks: readonly Check[]): Map<string, CheckStatus> {
  const own = new Map<string, CheckStatus>()
  for (const c of checks) own.set(c.subjectId, worstStatus([own.get(c.subjectId) ?? 'ok', c.status]))
  const parent = new Map(nodes.map((n) => [n.id, n.parent]))
  const memo = new Map<string, CheckStatus>()
  const resolve = (id: string): CheckStatus => {
    const known = memo.get(id)
    if (known) return known
    const up = parent.get(id)
    const status = worstStatus([own.get(id) ?? 'ok', up ? resolve(up) : 'ok'])
    memo.set(id, status)
    return status
  }
  for (const n of nodes) resolve(n.id)
  return memo
}

export interface SolveOptions {
  /** Run the typical-year simulation (default true; the capacity search skips it). */
  year?: boolean
}

export function solveVariant(scene: Scene, variantId: string, catalog: Catalog, options: SolveOptions = {}): Report {
  const started = now()
  const variant = scene.variants.find((v) => v.id === variantId)
  if (!variant) throw new Error(`unknown variant "${variantId}" (known: ${scene.variants.map((v) => v.id).join(', ')})`)
  const climate = catalog.climates.get(scene.site.climateId)
  if (!climate) throw new Error(`unknown climate "${scene.site.climateId}"`)
  const params = resolveParams(scene.params, variant.params)

  const loads = variantLoads(variant, catalog, params)
  const rowsByHall = new Map(variant.halls.map((hall) => [hall, loads.rows.filter((r) => r.hall === hall)]))
  // Power contingencies that stop cooling are judged by what that does to the racks.
  const coolingImpact = (dead: readonly string[]): CoolingConsequence[] => {
    const set = new Set(dead)
    const out: CoolingConsequence[] = []
    for (const hall of variant.halls) {
      const c = poweredDownConsequence(hall, set, rowsByHall.get(hall)!, climate, catalog, params)
      if (c) out.push(c)
    }
    return out
  }
  const power = solvePower(variant, scene.site, catalog, params, loads, coolingImpact)
  const flow = power.flow
  const checks: Check[] = [...power.checks]

  const pathStatus = powerPathStatus(flow.nodes, checks)
  const rows: RowResult[] = []
  const halls: HallResult[] = []
  for (const hall of variant.halls) {
    const hallRows = rowsByHall.get(hall)!
    const air = hallSupplyAir(hall, climate, catalog, params)
    const heatAirKW = hallRows.reduce((s, r) => s + r.heatAirKW, 0)
    const airSide = hallAirSide(hall, heatAirKW, air, catalog, params)
    const liquid = hallLiquidSide(hall, hallRows, climate, catalog, params)
    checks.push(...airSide.checks, ...liquid.checks)
    const coolingContingencies = coolingCases(hall, hallRows, climate, catalog, params)
    checks.push(...coolingContingencyChecks(hall, coolingContingencies, params, variant.requiredTier ?? 'N'))
    for (const load of hallRows) {
      const cooling = rowCooling(load, air, params)
      checks.push(...cooling.checks)
      rows.push({
        id: load.row.id,
        hallId: hall.id,
        name: load.row.name ?? load.row.id,
        deviceId: load.device.id,
        deviceKind: load.device.kind,
        rackCount: load.row.rackCount,
        deviceCount: load.deviceCount,
        rackKW: load.rackKW,
        rowKW: load.rowKW,
        heatAirKW: load.heatAirKW,
        heatLiquidKW: load.heatLiquidKW,
        densityKWPerM: cooling.densityKWPerM,
        inletC: cooling.inletC,
        // A row also shows the worst state on the power path that feeds it.
        status: worstStatus([...cooling.checks.map((c) => c.status), pathStatus.get(load.row.feed) ?? 'ok']),
      })
    }
    halls.push({
      id: hall.id,
      name: hall.name,
      itKW: hallRows.reduce((s, r) => s + r.rowKW, 0),
      heatAirKW,
      heatLiquidKW: liquid.heatLiquidKW,
      airflowNeededM3s: airSide.airflowNeededM3s,
      airflowSuppliedM3s: airSide.airflowSuppliedM3s,
      airCapacityKW: airSide.airCapacityKW,
      liquidCapacityKW: liquid.liquidCapacityKW,
      coolingPowerKW: loads.cooling.filter((c) => c.hallId === hall.id).reduce((s, c) => s + c.kw, 0),
      supplyAirC: air.supplyC,
      airDensityKgM3: air.densityKgM3,
      coolingContingencies,
    })
  }

  checks.push(...networkChecks(scene, variant, loads, params))
  const lossKW = flow.nodes.reduce((s, n) => s + n.lossKW, 0)
  const year = options.year === false ? null : simulateYear(variant, loads.rows, lossKW, climate, catalog, params)
  if (year) checks.push(...yearChecks(year, variant, params))
  const itKW = loads.rows.reduce((s, r) => s + r.rowKW, 0)
  const coolingKW = loads.cooling.reduce((s, c) => s + c.kw, 0)
  const facilityKW = flow.root.loadKW
  const binding = bindingCheck(checks)
  return {
    scene: scene.name,
    variant: variant.id,
    variantName: variant.name,
    verdict: worstStatus(checks.map((c) => c.status)),
    binding,
    checks,
    totals: {
      itKW,
      coolingKW,
      lossKW,
      facilityKW,
      gridKVA: flow.root.loadKVA,
      gridPowerFactor: flow.root.powerFactor,
      heatAirKW: halls.reduce((s, h) => s + h.heatAirKW, 0),
      heatLiquidKW: halls.reduce((s, h) => s + h.heatLiquidKW, 0),
      pue: itKW > 0 ? facilityKW / itKW : 1,
      deviceCount: loads.rows.reduce((s, r) => s + r.deviceCount, 0),
      rackCount: loads.rows.reduce((s, r) => s + r.row.rackCount, 0),
    },
    nodes: flow.nodes,
    rows,
    halls,
    power: power.summarise(checks),
    year,
    economics: computeEconomics(economicsBasis(scene, variant, loads, facilityKW, catalog), resolveEconomicsInputs(scene, variant, catalog), catalog),
    params,
    climate: {
      id: climate.id,
      name: climate.name,
      designDryBulbC: climate.designSummerDryBulbC,
      designWetBulbC: climate.designSummerWetBulbC,
      altitudeM: climate.altitudeM,
    },
    meta: { solveMs: now() - started, solverVersion: SOLVER_VERSION },
  }
}
