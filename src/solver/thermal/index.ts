// The thermal field of a variant's halls (method at the top of thermalField.ts).
export { solveThermalField, DEFAULT_TOLERANCE_K, CLOSED_HALL_ACH } from './thermalField'
export { MAX_AIR_C, EDDY_DIFFUSIVITY_M2S } from './temperature'
export { ENCLOSURE_LEAKAGE } from './features'
export type { ThermalField, ThermalResult, ThermalOptions, HotSpot, ThermalIterations } from './types'
