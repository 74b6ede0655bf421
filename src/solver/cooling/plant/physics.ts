// The physical relations of the cooling plant, each written once, named and sourced. Every caller
// (design day, typical year, contingencies, thermal field) imports them from here; the air
// relations Q = P/(ρ·cp·ΔT) and ρ = p/(R·T) live in ../../constants.ts.
import type { DryCooler } from '../../../model/catalogSchema'
import type { SolverParams } from '../../../model/params'
import { AIR_CP_J_PER_KG_K, KELVIN_OFFSET, WATER_LATENT_HEAT_J_PER_KG } from '../../constants'

/** Direct evaporative cooling: the pad takes outside air toward its wet bulb,
 *  T = DB − ε·(DB − WB), ε the pad's wet-bulb effectiveness (ASHRAE Handbook HVAC Systems and
 *  Equipment, evaporative air-cooling equipment). */
export function padSupplyC(dryBulbC: number, wetBulbC: number, effectiveness: number): number {
  return dryBulbC - effectiveness * (dryBulbC - wetBulbC)
}

/** Air a wall fan delivers against pad and hall pressure drop: its free-air flow × the derate
 *  (params.fanFlowDerate, approx). */
export function fanDeliveredM3s(freeAirM3s: number, params: SolverParams): number {
  return freeAirM3s * params.fanFlowDerate
}

/** Heat a dry cooler rejects per kelvin of entering temperature difference, kW/K: its rating over
 *  its rated entering difference, Q_rated / (T_fluid,in,rated − T_air,in,rated). */
export function dryCoolerKWPerK(unit: DryCooler): number {
  return unit.coolingKW / (unit.ratedFluidInC - unit.ratedAirInC)
}

/** Dry-cooler capacity at an entering fluid and air temperature, kW:
 *  Q = Q_rated · (T_fluid,in − T_air,in) / (T_fluid,in,rated − T_air,in,rated).
 *  EN 1048 rating conditions / Eurovent; at fixed fluid and air flows the capacity scales with the
 *  entering temperature difference (ε-NTU, engineering-data.md §11.2). At its rated temperatures it
 *  returns its rating exactly; with the air warmer than the fluid it rejects nothing. */
export function dryCoolerCapacityKW(unit: DryCooler, fluidInC: number, airInC: number): number {
  return unit.coolingKW * Math.max(0, (fluidInC - airInC) / (unit.ratedFluidInC - unit.ratedAirInC))
}

/** Supply temperature at which dry coolers reject exactly the loop's heat, °C. The rejection at a
 *  return T_r is K·(T_r − T_amb) (K = Σ Q_rated/ΔT_rated, dryCoolerKWPerK); it equals the heat Q at
 *  T_r = T_amb + Q/K, and the supply is that return less the loop's rise ΔT_loop:
 *  T_supply = T_amb + Q/K − ΔT_loop (engineering-data.md §11.2: the loop settles where rejection
 *  equals the heat). */
export function loopBalanceSupplyC(ambientC: number, heatKW: number, kWPerK: number, loopDeltaTK: number): number {
  return ambientC + heatKW / kWPerK - loopDeltaTK
}

/** Chiller COP from a Carnot fraction: η·T_evap/(T_cond − T_evap), evaporator below the supply and
 *  condenser above the ambient by params.chillerApproachK, clamped to what real machines do
 *  (params.chillerMinCop … chillerMaxCop). η = params.chillerCarnotFraction (approx 0.4–0.6). */
export function chillerCop(supplyC: number, ambientC: number, params: SolverParams): number {
  const evapK = supplyC - params.chillerApproachK + KELVIN_OFFSET
  const condK = ambientC + params.chillerApproachK + KELVIN_OFFSET
  const cop = condK > evapK ? (params.chillerCarnotFraction * evapK) / (condK - evapK) : params.chillerMaxCop
  return Math.min(params.chillerMaxCop, Math.max(params.chillerMinCop, cop))
}

/** Water a pad evaporates, kg/s: the sensible heat it takes from the air over the latent heat,
 *  ṁ_w = ρ·Q·cp·(DB − T_out) / h_fg (an adiabatic process: what the air loses in sensible heat
 *  goes into evaporating water). ρ·Q is the air mass flow, at any one density and its volume. */
export function evaporatedWaterKgS(airflowM3s: number, densityKgM3: number, dryBulbC: number, supplyC: number): number {
  return (densityKgM3 * airflowM3s * AIR_CP_J_PER_KG_K * Math.max(0, dryBulbC - supplyC)) / WATER_LATENT_HEAT_J_PER_KG
}
