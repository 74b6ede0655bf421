// Rack inlet air from the hall's airflow field (thermal/hallField.ts, check grid): the one source
// of inlet figures for the design-day checks, the cooling contingencies and the typical year, and
// the same numbers the heat map shows.
//   Each row's recirculation rise = its hottest rack inlet − the plant's design supply air. The
//   field is linear in its inlet temperatures (a warmer intake shifts every cell by as much; the
//   airflow does not depend on temperature in the plan model), so at any other hour or with units
//   lost the row's inlet is supply_h + rise (+ what the lost movers leave unremoved).
import type { Catalog } from '../../model/catalog'
import type { Climate } from '../../model/catalogSchema'
import type { SolverParams } from '../../model/params'
import type { Hall } from '../../model/sceneSchema'
import type { RowLoad } from '../loads'
import { hallFieldInlets, type FieldInlets } from '../thermal/hallField'
import { CHECK_MAX_CELLS } from '../thermal/grid'
import { climateFieldAir } from '../thermal/thermalField'
import { allowableInletC } from './ashrae'
import { breathesHallAir } from './rack'

/** One row's inlet on the design day and the limits its devices set. */
export interface RowInlet {
  rowId: string
  /** Every rack's inlet along the row, °C (design day). */
  rackInletC: number[]
  /** The row's hottest rack inlet, °C. */
  inletC: number
  /** Hottest inlet − the plant's design supply air, K. */
  riseK: number
  /** The devices' allowable inlet (never looser than their ASHRAE class) and recommended maximum, °C. */
  allowableC: number
  recommendedC: number | null
}

export interface HallInlets {
  field: FieldInlets
  rows: RowInlet[]
}

/** Most racks a hall's field takes: each rack needs cells of its own, and the check grid has at
 *  most CHECK_MAX_CELLS (the scene format allows 1,000 racks a row; only the solver called without
 *  the parser sees more). Beyond it the field is not solved and the inlet is the supply air. */
export const FIELD_MAX_RACKS = CHECK_MAX_CELLS

/** The field of one hall from the plant's design-day air, and the inlet of each row that breathes hall air. */
export function hallInlets(hall: Hall, rows: readonly RowLoad[], supplyAirC: number, climate: Climate, catalog: Catalog, params: SolverParams): HallInlets | null {
  const racks = rows.reduce((s, r) => s + r.row.rackCount, 0)
  if (racks > FIELD_MAX_RACKS) return null
  const field = hallFieldInlets(hall, rows, climateFieldAir(hall, climate, catalog, params), catalog, params)
  const out: RowInlet[] = []
  for (const r of rows) {
    // Every row whose devices breathe hall air, also behind a rear door (rack.ts breathesHallAir).
    if (!breathesHallAir(r)) continue
    // A row whose racks move no air of their own has no inlet cells: its air is the hall's supply.
    const racks = field.rackInletC[r.row.id]?.filter((t) => Number.isFinite(t)) ?? []
    const inletC = racks.length > 0 ? Math.max(...racks) : supplyAirC
    out.push({
      rowId: r.row.id,
      rackInletC: racks,
      inletC,
      riseK: inletC - supplyAirC,
      allowableC: allowableInletC(r.device),
      recommendedC: r.device.inlet.recommendedMaxC ?? null,
    })
  }
  return { field, rows: out }
}
