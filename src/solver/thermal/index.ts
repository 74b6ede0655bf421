// The thermal field of a hall (method at the top of hallField.ts).
export { hallRackInlets, DEFAULT_TOLERANCE_K, CLOSED_HALL_ACH } from './hallField'
export { solveThermalField, climateFieldAir } from './thermalField'
export { CHECK_CELL_M, FINE_CELL_M, checkCellM } from './grid'
export { MAX_AIR_C, EDDY_DIFFUSIVITY_M2S } from './temperature'
export { ENCLOSURE_LEAKAGE } from './features'
export type { FieldAir, HallThermal, ThermalField, ThermalGridKind, ThermalResult, ThermalOptions, HotSpot, ThermalIterations } from './types'
