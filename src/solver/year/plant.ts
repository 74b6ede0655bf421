// Cooling plant of a hall, hour by hour: what it draws, what water it evaporates, and the air and
// coolant it delivers at a given outdoor dry and wet bulb.
//   (a) Wall fans + evaporative pads (mining): pads cool the intake toward the wet bulb,
//       T = DB − ε·(DB − WB), when it is warm enough to run them; in the cold the hall recirculates
//       exhaust air to hold a minimum supply. Fans run as needed: n = Q / (q_fan · derate), Q = P/(ρ·cp·ΔT).
//       Pad water evaporated = sensible cooling / latent heat: ṁ_w = ρ·Q·cp·(DB − T) / h_fg.
//   (b) CRAH + chillers with economiser: CRAHs hold a supply setpoint; below the economiser limit
//       the heat leaves without compressors, above it chillers take it at COP = η·T_evap/(T_cond − T_evap).
//   (c) Direct-to-chip liquid: CDUs pump; dry coolers reject at ambient + approach; a trim chiller
//       (if present) holds the setpoint when the dry coolers cannot.
//   (d) Immersion tanks: pumps in the tanks, heat out through dry coolers as in (c).
// Fan and pump power are taken proportional to the share of capacity used (units staged on/off).
import type { Catalog } from '../../model/catalog'
import type { CoolingUnit } from '../../model/catalogSchema'
import type { SolverParams } from '../../model/params'
import type { Hall } from '../../model/sceneSchema'
import { airDensityKgM3, AIR_CP_J_PER_KG_K, KELVIN_OFFSET } from '../constants'
import { dryCoolerCapacityKW } from '../cooling/liquid'

/** Latent heat of evaporation of water at ≈ 25 °C, J/kg (steam tables, 2442 kJ/kg). */
export const WATER_LATENT_HEAT_J_PER_KG = 2.442e6

interface UnitSet {
  count: number
  unit: CoolingUnit
}

export interface HallPlant {
  hallId: string
  airScheme: Hall['airScheme']
  heatAirKW: number
  heatLiquidKW: number
  fans: UnitSet[]
  padEffectiveness: number
  padKW: number
  crahs: UnitSet[]
  chillers: UnitSet[]
  cdus: UnitSet[]
  dryCoolers: UnitSet[]
  /** Aggregates, computed once so the 8,760 hours do no more than arithmetic. */
  fanCount: number
  perFanM3s: number
  perFanKW: number
  crahCapacityKW: number
  crahKW: number
  cduCapacityKW: number
  cduKW: number
  dryKW: number
  dryApproachK: number
  chillerCapacityKW: number
}

export function hallPlant(hall: Hall, heatAirKW: number, heatLiquidKW: number, catalog: Catalog, lost: ReadonlySet<string> = new Set()): HallPlant {
  const plant: HallPlant = {
    hallId: hall.id,
    airScheme: hall.airScheme,
    heatAirKW,
    heatLiquidKW,
    fans: [],
    padEffectiveness: 0,
    padKW: 0,
    crahs: [],
    chillers: [],
    cdus: [],
    dryCoolers: [],
    fanCount: 0,
    perFanM3s: 0,
    perFanKW: 0,
    crahCapacityKW: 0,
    crahKW: 0,
    cduCapacityKW: 0,
    cduKW: 0,
    dryKW: 0,
    dryApproachK: 0,
    chillerCapacityKW: 0,
  }
  for (const p of hall.cooling) {
    if (lost.has(p.id)) continue
    const unit = catalog.coolingUnits.get(p.modelId)
    if (!unit) continue
    const set = { count: p.count, unit }
    switch (unit.kind) {
      case 'exhaust-fan':
        plant.fans.push(set)
        break
      case 'evap-pad':
        plant.padEffectiveness = Math.max(plant.padEffectiveness, unit.effectiveness)
        plant.padKW += unit.powerKW * p.count
        break
      case 'crah':
        plant.crahs.push(set)
        break
      case 'chiller':
        plant.chillers.push(set)
        break
      case 'cdu':
      case 'immersion-tank':
        plant.cdus.push(set)
        break
      case 'dry-cooler':
        plant.dryCoolers.push(set)
        break
    }
  }
  plant.fanCount = plant.fans.reduce((s, f) => s + f.count, 0)
  plant.perFanM3s = plant.fanCount > 0 ? sum(plant.fans, (u) => ('airflowM3s' in u ? u.airflowM3s : 0)) / plant.fanCount : 0
  plant.perFanKW = plant.fanCount > 0 ? sum(plant.fans, (u) => u.powerKW) / plant.fanCount : 0
  plant.crahCapacityKW = sum(plant.crahs, (u) => ('coolingKW' in u ? u.coolingKW : 0))
  plant.crahKW = sum(plant.crahs, (u) => u.powerKW)
  plant.cduCapacityKW = sum(plant.cdus, (u) => ('coolingKW' in u ? u.coolingKW : 0))
  plant.cduKW = sum(plant.cdus, (u) => u.powerKW)
  plant.dryKW = sum(plant.dryCoolers, (u) => u.powerKW)
  plant.dryApproachK = Math.max(0, ...plant.dryCoolers.map((d) => (d.unit.kind === 'dry-cooler' ? d.unit.ratedFluidOutC - d.unit.ratedAirInC : 0)))
  plant.chillerCapacityKW = sum(plant.chillers, (u) => ('coolingKW' in u ? u.coolingKW : 0))
  return plant
}

function sum(sets: readonly UnitSet[], f: (u: CoolingUnit) => number): number {
  return sets.reduce((s, x) => s + f(x.unit) * x.count, 0)
}

/** Chiller COP from a Carnot fraction: η·T_evap/(T_cond − T_evap), clamped to what real machines do. */
export function chillerCop(supplyC: number, ambientC: number, params: SolverParams): number {
  const evapK = supplyC - params.chillerApproachK + KELVIN_OFFSET
  const condK = ambientC + params.chillerApproachK + KELVIN_OFFSET
  const cop = condK > evapK ? (params.chillerCarnotFraction * evapK) / (condK - evapK) : params.chillerMaxCop
  return Math.min(params.chillerMaxCop, Math.max(params.chillerMinCop, cop))
}

export interface PlantHour {
  coolingKW: number
  waterLph: number
  /** Supply air to the IT (before recirculation), °C. */
  supplyAirC: number
  /** Coolant supply to liquid devices, °C (NaN when the hall has no liquid heat). */
  coolantC: number
  /** Airflow needed above what the fans give: the inlet then runs hotter than the supply says. */
  airflowShort: boolean
  /** Liquid heat the plant cannot reject this hour, kW. */
  liquidShortKW: number
}

export function emptyPlantHour(): PlantHour {
  return { coolingKW: 0, waterLph: 0, supplyAirC: 0, coolantC: Number.NaN, airflowShort: false, liquidShortKW: 0 }
}

/** One hour of the plant; writes into `out` (the year loop reuses one record per hall). */
export function plantHour(p: HallPlant, dbC: number, wbC: number, pressurePa: number, params: SolverParams, out: PlantHour = emptyPlantHour()): PlantHour {
  let coolingKW = 0
  let waterLph = 0
  let supplyAirC: number
  let airflowShort = false
  if (p.crahs.length > 0 && p.airScheme !== 'wall-to-wall') {
    supplyAirC = params.crahSupplyAirC
    coolingKW += p.crahKW * Math.min(1, p.crahCapacityKW > 0 ? p.heatAirKW / p.crahCapacityKW : 1)
    // Economiser: outdoor air (or a dry cooler on the chilled-water loop) cold enough does the work.
    if (dbC > supplyAirC - params.economiserApproachK) coolingKW += p.heatAirKW / chillerCop(supplyAirC, dbC, params)
  } else {
    const padsOn = p.padEffectiveness > 0 && dbC > params.padOnAboveC
    supplyAirC = Math.max(params.winterMinSupplyC, padsOn ? dbC - p.padEffectiveness * (dbC - wbC) : dbC)
    const rho = airDensityKgM3(supplyAirC, pressurePa)
    const neededM3s = (p.heatAirKW * 1000) / (rho * AIR_CP_J_PER_KG_K * params.airDeltaTK)
    const perFanM3s = p.perFanM3s
    const installed = p.fanCount
    const fanKW = p.perFanKW
    const running = perFanM3s > 0 ? neededM3s / (perFanM3s * params.fanFlowDerate) : 0
    airflowShort = running > installed + 1e-9 && p.heatAirKW > 0
    coolingKW += Math.min(running, installed) * fanKW
    if (padsOn) {
      coolingKW += p.padKW
      const evaporatedKgS = (rho * Math.min(neededM3s, installed * perFanM3s * params.fanFlowDerate) * AIR_CP_J_PER_KG_K * (dbC - supplyAirC)) / WATER_LATENT_HEAT_J_PER_KG
      waterLph += evaporatedKgS * 3600
    }
  }
  let coolantC = Number.NaN
  let liquidShortKW = 0
  if (p.heatLiquidKW > 0) {
    const cduCapacity = p.cduCapacityKW
    coolingKW += p.cduKW * Math.min(1, cduCapacity > 0 ? p.heatLiquidKW / cduCapacity : 1)
    const approach = p.dryApproachK
    const hasChiller = p.chillers.length > 0
    const freeSupply = Math.max(params.liquidSupplySetpointC, dbC + approach)
    const returnC = freeSupply + params.liquidDeltaTK
    let dryCapacity = 0
    for (const d of p.dryCoolers) if (d.unit.kind === 'dry-cooler') dryCapacity += dryCoolerCapacityKW(d.unit.coolingKW * d.count, d.unit.ratedAirInC, dbC, returnC)
    const dryRejected = Math.min(p.heatLiquidKW, dryCapacity)
    coolingKW += p.dryKW * (dryCapacity > 0 ? dryRejected / dryCapacity : 0)
    let left = p.heatLiquidKW - dryRejected
    coolantC = freeSupply
    if (hasChiller && (freeSupply > params.liquidSupplySetpointC || left > 0)) {
      // Trim chiller: holds the setpoint and takes what the dry coolers leave.
      const chillerCapacity = p.chillerCapacityKW
      const trimmed = Math.min(chillerCapacity, Math.max(left, p.heatLiquidKW * 0.3))
      coolingKW += trimmed / chillerCop(params.liquidSupplySetpointC, dbC, params)
      left = Math.max(0, left - trimmed)
      coolantC = params.liquidSupplySetpointC
    }
    if (cduCapacity < p.heatLiquidKW) left = Math.max(left, p.heatLiquidKW - cduCapacity)
    liquidShortKW = left
  }
  out.coolingKW = coolingKW
  out.waterLph = waterLph
  out.supplyAirC = supplyAirC
  out.coolantC = coolantC
  out.airflowShort = airflowShort
  out.liquidShortKW = liquidShortKW
  return out
}
