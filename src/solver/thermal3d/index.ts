// The 3-D fast-fluid-dynamics airflow model (docs/airflow3d.md). Not yet read by the design
// checks: they use the 2-D field (src/solver/thermal) until this one meets ≤ 1 s per hall.
export { solveAirflow3d, type Airflow3dResult } from './airflow3d'
export { hallAirflow3d, AIRFLOW3D_GRIDS, type Airflow3dGridKind, type Airflow3dOptions, type HallAirflow3d } from './hallAirflow'
export { airMetrics, RCI_DEFAULT_BANDS, type AirMetrics, type CaptureSummary } from './metrics'
export { solveFlow3d, type FlowOptions, type FlowResult, type FlowState } from './ffd'
