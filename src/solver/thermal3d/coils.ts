// Rear-door heat exchangers (a water coil on a rack's exhaust face) in the 3-D airflow model.
// The rack heats its air by P/(ρ·cp·Q); the coil then takes
//   Q_coil = min(capacity, max(0, ε·ρ·cp·Q·(T_hot − T_water)))
// out of it into the chilled water (ε-NTU with the air the smaller capacity rate: ε is the coil's
// air-side effectiveness, (T_hot − T_leaving)/(T_hot − T_water)), so the air leaves at
//   T_leaving = T_in + (P − Q_coil)/(ρ·cp·Q) ≥ T_water.
// In the domain a rack is a fan-with-heat whose exhaust is T_in + heat/(ρ·cp·Q) (domain.ts); a coil
// makes its heat P − Q_coil, and Q_coil follows T_in: `settleCoils` iterates the steady temperature
// on the final flow with the coils' duties until they stop changing.
import type { FlowDomain } from './domain'
import { solveTemperatureSweeps, type AirProps, type TemperatureSystem } from './temperature'

/** Air-side effectiveness of a rear-door coil when the scene gives none: a finned coil with the
 *  air the smaller capacity rate at NTU ≈ 2 (cross-flow, ε ≈ 0.8; Incropera & DeWitt,
 *  Fundamentals of Heat and Mass Transfer, ε-NTU relations; approx — replace with the door's
 *  datasheet: leaving air at the rated duty and water temperature). */
export const REAR_DOOR_DEFAULT_EFFECTIVENESS = 0.8

export interface RearDoorCoil {
  /** Rated duty, W (the sum of the doors of a unit's racks). */
  capacityW: number
  waterC: number
  effectiveness: number
}

/** Heat the coil takes out of air arriving at `hotC`, W. */
export function coilDutyW(coil: RearDoorCoil, hotC: number, flowM3s: number, rhoCp: number): number {
  const possible = coil.effectiveness * rhoCp * flowM3s * (hotC - coil.waterC)
  return Math.min(coil.capacityW, Math.max(0, possible))
}

/** A unit with coils: the rack heat P (W) and the coil, by unit index. */
export interface UnitCoil {
  unit: number
  rackHeatW: number
  coil: RearDoorCoil
  dutyW: number
}

/** Set each coil unit's heat to P − Q_coil for air entering at `inletC` (one per unit). */
export function applyCoils(d: FlowDomain, coils: UnitCoil[], inletC: (unit: number) => number, rhoCp: number): number {
  let change = 0
  for (const c of coils) {
    const u = d.units[c.unit]!
    const hot = u.flowM3s > 0 ? inletC(c.unit) + c.rackHeatW / (rhoCp * u.flowM3s) : inletC(c.unit)
    const duty = coilDutyW(c.coil, hot, u.flowM3s, rhoCp)
    change = Math.max(change, Math.abs(duty - c.dutyW))
    c.dutyW = duty
    u.heatW = c.rackHeatW - duty
  }
  return change
}

/**
 * The steady temperature with the coils' duties following their inlets: sweeps on the assembled
 * system, the duties updated between batches, until no duty moves by more than `tolW` and the
 * field by more than `tolK`. Returns the batches and whether it settled.
 */
export function settleCoils(
  d: FlowDomain,
  coils: UnitCoil[],
  vel: Float64Array,
  t: Float64Array,
  air: AirProps,
  sys: TemperatureSystem,
  options: { batches: number; sweeps: number; tolK: number; tolW: number },
): { batches: number; settled: boolean; sweeps: number } {
  const rhoCp = air.densityKgM3 * air.cpJPerKgK
  let sweeps = 0
  for (let b = 1; b <= options.batches; b++) {
    const moved = applyCoils(d, coils, (u) => sys.unitInC[u]!, rhoCp)
    const r = solveTemperatureSweeps(d, vel, t, air, sys, options.sweeps, options.tolK)
    sweeps += r.sweeps
    if (b > 1 && moved <= options.tolW && r.changeK <= options.tolK) return { batches: b, settled: true, sweeps }
  }
  return { batches: options.batches, settled: false, sweeps }
}
