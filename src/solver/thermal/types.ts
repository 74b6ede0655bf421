// Result records of the thermal field (see hallField.ts for the method).
// Plain data: typed arrays and numbers only, so a field crosses the worker boundary by structured
// clone and a test can read it without any helper.

/** A local maximum of the air temperature, in site coordinates. */
export interface HotSpot {
  x: number
  y: number
  tempC: number
}

/** How far the iterative solves got. */
export interface ThermalIterations {
  /** Conjugate-gradient iterations of the airflow (potential) solve. */
  flow: number
  /** Gauss–Seidel sweeps of the temperature solve (the pure-advection predictor included). */
  temperature: number
}

/** Which grid a field was solved on: 'check' (the design checks' grid, about 0.6 m: grid.ts
 *  checkCellM) or 'fine' (the heat map's, 0.3 m). */
export type ThermalGridKind = 'check' | 'fine'

/** Design-day air the field starts from. The cooling-plant model passes its own; the app's
 *  solveThermalField takes it from cooling/climate.ts. */
export interface FieldAir {
  /** Outside air as it comes in through the intake openings (pads, or the open wall opposite the
   *  fans), °C. */
  intakeC: number
  /** Air the hall's air handlers (CRAH) blow out, °C; a hall without handlers does not use it. */
  supplyC: number
  /** Air density for heat ↔ temperature rise (Q = P/(ρ·cp·ΔT)), kg/m³. */
  densityKgM3: number
}

/** The steady design-day air-temperature field of one hall on a plan grid. */
export interface HallThermal {
  hallId: string
  grid: ThermalGridKind
  /** Cells along the hall's length (x) and width (y). */
  nx: number
  ny: number
  /** Cell size along x and y, metres (the grid fits the hall exactly). */
  cellXM: number
  cellYM: number
  /** Site position of the hall corner the grid starts at, metres. */
  originX: number
  originY: number
  /** Depth-averaged air temperature per cell, °C, row-major: cell (i, j) at j·nx + i, j northwards. */
  tempC: Float32Array
  minC: number
  maxC: number
  /** The air the field was given (FieldAir). */
  intakeC: number
  supplyC: number
  densityKgM3: number
  /** Each rack's inlet and outlet air by row id, in rack order along the row, °C. */
  rackInletC: Record<string, number[]>
  rackOutletC: Record<string, number[]>
  /** The hottest places of the hall, at least HOT_SPOT_SEPARATION_M apart, hottest first. */
  hotSpots: HotSpot[]
  /** Air-side heat the racks put into the hall, kW. */
  heatInKW: number
  /** Heat the air carries out through exhausts and openings plus what air handlers remove, kW. */
  heatOutKW: number
  /** (heat out − heat in) / heat in, % (0 when no heat goes in). */
  balanceErrorPct: number
  /** Airflow through the intake openings and supplied by air handlers, m³/s. */
  airflowInM3s: number
  /** Air the racks' own fans move, m³/s. */
  rackAirflowM3s: number
  iterations: ThermalIterations
  /** Both solves reached their tolerance. */
  converged: boolean
  /** Some cells hit MAX_AIR_C: the hall cannot shed its heat (too little or no airflow out). */
  saturated: boolean
  /** How the solve went, for a reader: the intake, the outlets and anything clamped. */
  notes: string[]
  solveMs: number
}

/** The field of one hall as the app shows it (the same record). */
export type ThermalField = HallThermal

/** The thermal fields of every hall of one variant. */
export interface ThermalResult {
  variantId: string
  halls: ThermalField[]
  solveMs: number
}

export interface ThermalOptions {
  /** Which grid (default: 'check' for hallRackInlets, 'fine' for the app's solveThermalField). */
  grid?: ThermalGridKind
  /** Target cell edge, metres; overrides `grid`'s. */
  cellM?: number
  /** Most cells per hall; a larger hall gets larger cells (default 160 000). */
  maxCells?: number
  /** Stop the temperature sweeps when no cell changes by more than this, K. */
  toleranceK?: number
  /** Most temperature sweeps. */
  maxSweeps?: number
}
