// Rear-door heat exchangers: one rule for the heat a rack's door coil takes out of the rack's
// exhaust air into the chilled water, used by the plant model (loads.ts: the water load, the air
// heat left in the hall) and by the 3-D airflow model (thermal3d/coils.ts: the air the door sees).
//
// A door takes its rated duty (the scene's capacityKW: the maker rates it at the rack's airflow
// and the water temperature it is sold for), at most the rack's air heat, and never cools the air
// below the water: the air leaves at T_in + (P − Q)/(ρ·cp·V̇) ≥ T_water, so
//   Q = min(capacity, P, P + ρ·cp·V̇·(T_in − T_water)).
// The plant model books Q = min(capacity, P): it assumes air reaches the racks no colder than the
// door water (the design case: doors run on 14–20 °C water, above the dew point, and halls supply
// air at 18–27 °C). The 3-D model knows each rack's inlet and applies the water limit too; on a
// design day with the air above the water both give the same duty.

/** The air side a door sees, for its water limit: inlet °C, the rack's ρ·cp·V̇ in kW/K. */
export interface DoorAir {
  inletC: number
  capacityRateKWPerK: number
}

/** Heat one rack's rear door takes out of the rack's `rackAirKW`, kW. */
export function rearDoorDutyKW(door: { capacityKW: number; waterSupplyC: number }, rackAirKW: number, air?: DoorAir): number {
  const rated = Math.min(door.capacityKW, Math.max(0, rackAirKW))
  if (!air) return rated
  const aboveWater = rackAirKW + air.capacityRateKWPerK * (air.inletC - door.waterSupplyC)
  return Math.max(0, Math.min(rated, aboveWater))
}
