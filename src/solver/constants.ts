// Physical constants, each with its source (../shared/reference/engineering-data.md §3).

/** Power usage effectiveness, facility energy (or power) / IT energy (The Green Grid, "PUE: a
 *  comprehensive examination of the metric", WP #49, 2012); null without IT load, where it is
 *  undefined: a site with no racks is not "1.000", perfectly efficient. Every PUE of a report
 *  (design day, each hour and month of the year, the energy basis) is this one ratio. */
export function pueOf(facility: number, it: number): number | null {
  return it > 0 ? facility / it : null
}

/** Specific heat of dry air, 0–40 °C, J/(kg·K). Standard tables. */
export const AIR_CP_J_PER_KG_K = 1005
/** Specific gas constant of dry air, J/(kg·K). ISA / ISO 2533. */
export const AIR_R_J_PER_KG_K = 287.05
/** Sea-level standard pressure, Pa. ISA. */
export const SEA_LEVEL_PRESSURE_PA = 101_325
/** 0 °C in kelvin. */
export const KELVIN_OFFSET = 273.15

/** ISA troposphere: p(h) = 101 325 · (1 − 2.25577e-5·h)^5.25588, Pa. */
export function pressureAtAltitudePa(altitudeM: number): number {
  return SEA_LEVEL_PRESSURE_PA * Math.pow(1 - 2.25577e-5 * altitudeM, 5.25588)
}

/** Dry-air density ρ = p / (R·T), kg/m³. */
export function airDensityKgM3(temperatureC: number, pressurePa: number): number {
  return pressurePa / (AIR_R_J_PER_KG_K * (temperatureC + KELVIN_OFFSET))
}

/** Airflow that carries heat P at a temperature rise ΔT: Q = P / (ρ·cp·ΔT), m³/s. */
export function airflowForHeatM3s(heatKW: number, densityKgM3: number, deltaTK: number): number {
  return (heatKW * 1000) / (densityKgM3 * AIR_CP_J_PER_KG_K * deltaTK)
}

/** Heat an airflow carries at a temperature rise ΔT: P = Q·ρ·cp·ΔT, kW. */
export function heatForAirflowKW(airflowM3s: number, densityKgM3: number, deltaTK: number): number {
  return (airflowM3s * densityKgM3 * AIR_CP_J_PER_KG_K * deltaTK) / 1000
}

/** Reactive power of a load P at power factor pf: Q = P·tan(acos pf), kvar. */
export function kvarFromKW(kw: number, pf: number): number {
  return kw * Math.tan(Math.acos(pf))
}

/** Apparent power from active and reactive power, kVA. */
export function kvaFromKWKvar(kw: number, kvar: number): number {
  return Math.hypot(kw, kvar)
}

/** Specific heat of water at ≈ 20–25 °C, kJ/(kg·K). Standard tables (engineering-data.md §3). */
export const WATER_CP_KJ_PER_KG_K = 4.186
/** Latent heat of evaporation of water at ≈ 25 °C, J/kg. Steam tables, 2442 kJ/kg. */
export const WATER_LATENT_HEAT_J_PER_KG = 2.442e6
