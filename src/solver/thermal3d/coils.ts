// Rear-door heat exchangers (a water coil on a rack's exhaust face) in the 3-D airflow model. The
// duty is the plant model's rule (cooling/rearDoor.ts): the door's rated duty, at most the rack's
// heat, never cooling the air below the water — here with each rack's own inlet from the field.
// In the domain a rack is a fan-with-heat whose exhaust is T_in + heat/(ρ·cp·Q) (domain.ts); a coil
// makes its heat P − Q_coil, and Q_coil follows T_in: `settleCoils` iterates the steady temperature
// on the final flow with the coils' duties until they stop changing.
import { rearDoorDutyKW } from '../cooling/rearDoor'
import type { FlowDomain } from './domain'
import { solveTemperatureSweeps, type AirProps, type TemperatureSystem } from './temperature'

export interface RearDoorCoil {
  /** Rated duty, W (the sum of the doors of a unit's racks). */
  capacityW: number
  waterC: number
}

/** Heat the coil takes out of a rack's `rackHeatW` for air entering at `inletC`, W. */
export function coilDutyW(coil: RearDoorCoil, rackHeatW: number, inletC: number, flowM3s: number, rhoCp: number): number {
  const door = { capacityKW: coil.capacityW / 1000, waterSupplyC: coil.waterC }
  return 1000 * rearDoorDutyKW(door, rackHeatW / 1000, { inletC, capacityRateKWPerK: (rhoCp * flowM3s) / 1000 })
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
    const duty = coilDutyW(c.coil, c.rackHeatW, inletC(c.unit), u.flowM3s, rhoCp)
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
