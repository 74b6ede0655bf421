// One cooling plant per hall: its units (from the hall's placements and the catalog), the heat its
// rows put into air and liquid, and the limits its devices set. Built once per solve; the design
// day, the typical year and the contingencies all evaluate this one record (evaluate.ts). The
// aggregates are summed here so an hour of the year is arithmetic only.
import type { Catalog } from '../../../model/catalog'
import type { CoolingUnit } from '../../../model/catalogSchema'
import type { Hall } from '../../../model/sceneSchema'
import type { RowLoad } from '../../loads'
import { allowableInletC } from '../ashrae'
import { breathesHallAir } from '../rack'
import { dryCoolerKWPerK } from './physics'

export interface PlantPlacement {
  id: string
  unit: CoolingUnit
  count: number
}

/** Sums over the units of a plant. */
export interface PlantUnits {
  /** Air handlers present in a hall that is not wall-to-wall: they hold the supply setpoint. */
  crahMode: boolean
  /** Best pad effectiveness of the hall (0 without pads) and the pads' pump power, kW. */
  padEffectiveness: number
  padPowerKW: number
  /** Exhaust fans: free-air flow (before the derate), m³/s, and power at full speed, kW. */
  fanFreeAirM3s: number
  fanPowerKW: number
  /** Air handlers: supply airflow, m³/s; coil capacity, kW; fan power, kW. */
  crahAirflowM3s: number
  crahCoolingKW: number
  crahPowerKW: number
  /** CDUs and immersion tanks: heat they take, kW; pump power, kW. */
  cduCoolingKW: number
  cduPowerKW: number
  /** Dry coolers: rejection per kelvin of entering difference, kW/K; fan power, kW. */
  dryKWPerK: number
  dryPowerKW: number
  /** Chillers: cooling capacity, kW. */
  chillerCoolingKW: number
}

export interface HallPlant extends PlantUnits {
  hallId: string
  airScheme: Hall['airScheme']
  placements: PlantPlacement[]
  heatAirKW: number
  heatLiquidKW: number
  /** Strictest allowable inlet of the hall's devices that breathe hall air (rear door or not;
   *  clamped to their ASHRAE class), °C. */
  allowableInletC: number | null
  /** Strictest recommended inlet, °C. */
  recommendedInletC: number | null
  /** Strictest coolant supply limit of the hall's liquid side (devices and rear doors,
   *  strictestCoolantLimit), °C. */
  coolantMaxC: number | null
}

/** Units lost in a contingency: placement id → how many of its units (its count or more: all). */
export type LostUnits = ReadonlyMap<string, number>

function minOrNull(values: readonly number[]): number | null {
  return values.length > 0 ? Math.min(...values) : null
}

export function sumUnits(placements: readonly PlantPlacement[], airScheme: Hall['airScheme']): PlantUnits {
  const u: PlantUnits = {
    crahMode: false,
    padEffectiveness: 0,
    padPowerKW: 0,
    fanFreeAirM3s: 0,
    fanPowerKW: 0,
    crahAirflowM3s: 0,
    crahCoolingKW: 0,
    crahPowerKW: 0,
    cduCoolingKW: 0,
    cduPowerKW: 0,
    dryKWPerK: 0,
    dryPowerKW: 0,
    chillerCoolingKW: 0,
  }
  let crahs = 0
  for (const { unit, count } of placements) {
    if (count <= 0) continue
    const powerKW = unit.powerKW * count
    switch (unit.kind) {
      case 'exhaust-fan':
        u.fanFreeAirM3s += unit.airflowM3s * count
        u.fanPowerKW += powerKW
        break
      case 'evap-pad':
        u.padEffectiveness = Math.max(u.padEffectiveness, unit.effectiveness)
        u.padPowerKW += powerKW
        break
      case 'crah':
        crahs += count
        u.crahAirflowM3s += unit.airflowM3s * count
        u.crahCoolingKW += unit.coolingKW * count
        u.crahPowerKW += powerKW
        break
      case 'cdu':
      case 'immersion-tank':
        u.cduCoolingKW += unit.coolingKW * count
        u.cduPowerKW += powerKW
        break
      case 'dry-cooler':
        u.dryKWPerK += dryCoolerKWPerK(unit) * count
        u.dryPowerKW += powerKW
        break
      case 'chiller':
        // A chiller's draw follows its COP at the hour (physics.ts chillerCop), not its nameplate.
        u.chillerCoolingKW += unit.coolingKW * count
        break
    }
  }
  u.crahMode = crahs > 0 && airScheme !== 'wall-to-wall'
  return u
}

/** A hall's cooling placements resolved in the catalog. */
export function plantPlacements(hall: Hall, catalog: Catalog): PlantPlacement[] {
  const placements: PlantPlacement[] = []
  for (const p of hall.cooling) {
    const unit = catalog.coolingUnits.get(p.modelId)
    if (unit) placements.push({ id: p.id, unit, count: p.count })
  }
  return placements
}

/** A coolant supply limit and what sets it: a device's own (its ASHRAE W class) or a row's rear
 *  doors' rated water. */
export interface CoolantLimit {
  maxC: number
  /** The device (kind 'device') or the row with the doors (kind 'door'). */
  kind: 'device' | 'door'
  name: string
}

/** The coolant supply limits a row's liquid side sets: its devices' own (ASHRAE W class) where
 *  they put heat into liquid themselves, and its rear doors' rated water — the coils need their
 *  water at the supply temperature they were rated for (warmer, a door takes less and the rest is
 *  hall air). Empty where neither states one. */
export function rowCoolantLimits(r: RowLoad): CoolantLimit[] {
  return [
    ...(r.device.coolantMaxSupplyC !== undefined && r.heatLiquidKW > r.rearDoorKW ? [{ maxC: r.device.coolantMaxSupplyC, kind: 'device' as const, name: r.device.name }] : []),
    ...(r.row.rearDoor ? [{ maxC: r.row.rearDoor.waterSupplyC, kind: 'door' as const, name: r.row.name ?? r.row.id }] : []),
  ]
}

/** The limits of rowCoolantLimits, °C. */
export function rowCoolantLimitsC(r: RowLoad): number[] {
  return rowCoolantLimits(r).map((l) => l.maxC)
}

/** The strictest coolant limit of a hall's rows that put heat into liquid (the first of equal
 *  ones), or null: the plant's coolantMaxC, and what the coolant checks name as its source. */
export function strictestCoolantLimit(rows: readonly RowLoad[]): CoolantLimit | null {
  let strictest: CoolantLimit | null = null
  for (const r of rows) {
    if (r.heatLiquidKW <= 0) continue
    for (const l of rowCoolantLimits(r)) if (strictest === null || l.maxC < strictest.maxC) strictest = l
  }
  return strictest
}

/** The plant of a hall: its placements resolved in the catalog, its rows' heat and limits. */
export function hallPlant(hall: Hall, rows: readonly RowLoad[], catalog: Catalog): HallPlant {
  const placements = plantPlacements(hall, catalog)
  const air = rows.filter((r) => r.heatAirKW > 0)
  const liquid = rows.filter((r) => r.heatLiquidKW > 0)
  // The inlet limits are those of every device that breathes hall air, behind a rear door or not.
  const breathing = rows.filter(breathesHallAir)
  return {
    hallId: hall.id,
    airScheme: hall.airScheme,
    placements,
    ...sumUnits(placements, hall.airScheme),
    heatAirKW: air.reduce((s, r) => s + r.heatAirKW, 0),
    heatLiquidKW: liquid.reduce((s, r) => s + r.heatLiquidKW, 0),
    allowableInletC: minOrNull(breathing.map((r) => allowableInletC(r.device))),
    recommendedInletC: minOrNull(breathing.flatMap((r) => (r.device.inlet.recommendedMaxC !== undefined ? [r.device.inlet.recommendedMaxC] : []))),
    coolantMaxC: strictestCoolantLimit(rows)?.maxC ?? null,
  }
}

/** The same plant with some units lost (a contingency); the heat and limits are unchanged. */
export function withoutUnits(plant: HallPlant, lost: LostUnits): HallPlant {
  const placements = plant.placements.map((p) => ({ ...p, count: Math.max(0, p.count - (lost.get(p.id) ?? 0)) }))
  return { ...plant, placements, ...sumUnits(placements, plant.airScheme) }
}
