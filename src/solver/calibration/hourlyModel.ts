// The model's value of each measured series, hour by hour, under given weather: the year model's
// physics (solver/year/year.ts) evaluated at the measured hours instead of the typical year's.
// Per hour: each hall's plant at that dry and wet bulb (cooling/plant/evaluate.ts plantAt, carried from hour to hour) gives
// its cooling power, water and supply air; a row's inlet is that supply plus its rise from the
// design-day airflow field (cooling/inlet.ts, computed once per model: the field's shape is held
// while the weather moves the supply air, as the year does); the power chain is the design flow
// (power/flow.ts runFlow) with each hall's cooling units drawing the plant's power that hour in
// proportion to their installed power, and the IT at its design load. The params reach every
// figure they reach in the solver: the device power and power factor (loads.ts), the transformer
// losses (the chain is compiled with them), the pads and the setpoints (the plant).
import type { Catalog } from '../../model/catalog'
import type { SolverParams } from '../../model/params'
import type { Scene, Variant } from '../../model/sceneSchema'
import type { MeasuredUnit } from '../../model/weather/measured'
import { SITE_ID } from '../../model/weather/measured'
import { pressureAtAltitudePa } from '../constants'
import { hallInlets } from '../cooling/inlet'
import { designPlant, emptyPlantState, plantAtNextHour, type Weather } from '../cooling/plant/evaluate'
import { hallPlant, type HallPlant } from '../cooling/plant/plant'
import { attachLoads, variantLoads, type VariantLoads } from '../loads'
import { compileChain, loadArrays, runFlow, type Chain } from '../power/flow'
import type { SiteClimate } from '../year/siteClimate'

export interface SeriesKey {
  id: string
  unit: MeasuredUnit
}

export interface HourlyWeather {
  dryBulbC: Float64Array
  wetBulbC: Float64Array
}

export interface HourlyModel {
  scene: Scene
  variant: Variant
  catalog: Catalog
  site: SiteClimate
  chain: Chain
  pressurePa: number
  /** Row id → inlet rise over the plant's supply air, K (design-day field). */
  riseK: ReadonlyMap<string, number>
}

/** Everything that does not change with the fitted parameters: the power chain and the inlet rises
 *  (the airflow field, solved once at `params`). */
export function prepareHourlyModel(scene: Scene, variant: Variant, catalog: Catalog, site: SiteClimate, params: SolverParams): HourlyModel {
  const loads = variantLoads(variant, catalog, params)
  const riseK = new Map<string, number>()
  for (const hall of variant.halls) {
    const rows = loads.rows.filter((r) => r.hall === hall)
    const intact = designPlant(hallPlant(hall, rows, catalog), site.climate, params)
    for (const r of hallInlets(hall, rows, intact.supplyAirC, site.climate, catalog, params)?.rows ?? []) riseK.set(r.rowId, r.riseK)
  }
  return { scene, variant, catalog, site, chain: compileChain(variant, scene.site, catalog), pressurePa: pressureAtAltitudePa(site.climate.altitudeM), riseK }
}

interface PowerParts {
  itKW: Float64Array
  itKvar: Float64Array
  /** Per hall: its cooling units' direct loads at full installed power, and that power. */
  cooling: { kw: Float64Array; kvar: Float64Array; installedKW: number }[]
}

function powerParts(model: HourlyModel, chain: Chain, loads: VariantLoads): PowerParts {
  const it = loadArrays(chain, attachLoads({ rows: loads.rows, cooling: [] }).byNode)
  const cooling = model.variant.halls.map((hall) => {
    const units = loads.cooling.filter((c) => c.hallId === hall.id)
    const arr = loadArrays(chain, attachLoads({ rows: [], cooling: units }).byNode)
    return { kw: arr.kw, kvar: arr.kvar, installedKW: units.reduce((s, u) => s + u.kw, 0) }
  })
  return { itKW: it.kw, itKvar: it.kvar, cooling }
}

/** The model's hourly values of `series` under `weather` with `params`: one array per series. */
export function modelSeries(model: HourlyModel, params: SolverParams, weather: HourlyWeather, series: readonly SeriesKey[]): Float64Array[] {
  const n = weather.dryBulbC.length
  const loads = variantLoads(model.variant, model.catalog, params)
  const plants: HallPlant[] = model.variant.halls.map((hall) => hallPlant(hall, loads.rows.filter((r) => r.hall === hall), model.catalog))
  const hallOfRow = new Map(loads.rows.map((r) => [r.row.id, model.variant.halls.indexOf(r.hall)]))
  const needsFlow = series.some((s) => s.unit === 'kW' || s.unit === 'kVA')
  // The chain as prepared, unless the transformer losses are set (compiled with them: a few nodes).
  const chain = params.transformerLossFactor === undefined ? model.chain : compileChain(model.variant, model.scene.site, model.catalog, params)
  const parts = needsFlow ? powerParts(model, chain, loads) : null
  const nodes = chain.nodes.length
  const kw = new Float64Array(nodes)
  const kvar = new Float64Array(nodes)
  const out = series.map(() => new Float64Array(n))
  const scratch = plants.map(() => emptyPlantState())
  const hour: Weather = { dryBulbC: 0, wetBulbC: 0 }
  const nodeIndex = series.map((s) => (s.id === SITE_ID ? chain.rootIndex : (chain.index.get(s.id) ?? -1)))
  for (let h = 0; h < n; h++) {
    hour.dryBulbC = weather.dryBulbC[h]!
    hour.wetBulbC = weather.wetBulbC[h]!
    let waterLph = 0
    // Each plant carried from the hour before (its own record, no unit lost, one pressure and one
    // set of params for the run): what the supply air alone sets is not computed again while the
    // supply holds (evaluate.ts plantAtNextHour, the body plantAt runs).
    for (let i = 0; i < plants.length; i++) waterLph += plantAtNextHour(plants[i]!, hour, model.pressurePa, params, scratch[i]!).waterLph
    let flow: ReturnType<typeof runFlow> | null = null
    if (parts) {
      kw.set(parts.itKW)
      kvar.set(parts.itKvar)
      parts.cooling.forEach((c, i) => {
        const share = c.installedKW > 0 ? scratch[i]!.coolingPowerKW / c.installedKW : 0
        for (let k = 0; k < nodes; k++) {
          kw[k]! += share * c.kw[k]!
          kvar[k]! += share * c.kvar[k]!
        }
      })
      flow = runFlow(chain, kw, kvar)
    }
    for (let s = 0; s < series.length; s++) {
      const key = series[s]!
      let v = NaN
      if (key.unit === 'waterM3') v = waterLph / 1000
      else if (key.unit === 'inletC') {
        const hall = hallOfRow.get(key.id)
        if (hall !== undefined) v = scratch[hall]!.supplyAirC + (model.riseK.get(key.id) ?? 0)
      } else if (flow && nodeIndex[s]! >= 0) {
        const i = nodeIndex[s]!
        v = key.unit === 'kW' ? flow.loadKW[i]! : Math.hypot(flow.loadKW[i]!, flow.loadKvar[i]!)
      }
      out[s]![h] = v
    }
  }
  return out
}
