// Every margin, limit and default the solver assumes, with its source. A scene (or one of its
// variants) may override any of them under "params"; the report lists the values it used.
import './zodConfig' // first: zod without its JIT, before any schema is built
import { z } from 'zod'
import { quantity } from './bounds'

const density = () => quantity('a density limit', 1, 1_000, 'kW/m')

export const DensityLimitsSchema = z.object({
  /** Mining hall, outside air wall to wall through open shelves: 70 kW per 2 m bay runs in practice
   *  (../shared/reference/example-site.md, 20 S21 per bay) → 35 kW/m; limit set a little above. approx */
  'wall-to-wall': density(),
  /** Room air, no containment: 5–10 kW per 600 mm rack (engineering-data.md §6, approx) → 10/0.6. */
  room: density(),
  /** Aisle containment: 15–30 kW per 600 mm rack (engineering-data.md §6, approx) → 30/0.6. */
  'contained-aisle': density(),
  /** Rear-door heat exchangers: 30–75 kW per 600 mm rack (engineering-data.md §6, approx) → 75/0.6. */
  'rear-door': density(),
})

const supportShare = () => quantity('a share of white space', 0, 5)

export const SolverParamsSchema = z.object({
  /** Continuous-load margin: a node loaded above this share of its rating warns (NEC 80 % rule, approx). */
  continuousLoadFraction: quantity('a share', 0.1, 1),
  /** After an N-1 loss, survivors may carry up to this share of their rating. 1.0 = no emergency
   *  overload; IEC 60076-7 / GOST 14209 allow more for oil transformers in cold ambient. approx */
  emergencyOverloadFactor: quantity('an overload factor', 0.5, 2),
  /** After an N-1 loss, a survivor loaded above this share of its emergency limit warns. approx */
  contingencyWarnFraction: quantity('a share', 0.1, 1),
  /** IT load basis: the device's nameplate (wall maximum) or its measured maximum where the catalog has one. */
  itDesignBasis: z.enum(['nameplate', 'measured']),
  /** Share of that basis power the devices draw in operation (a device power derate); 1 = the basis
   *  itself. Calibration fits it to metered power (docs/calibration.md). */
  itPowerFraction: quantity('a share of the device power', 0.1, 2),
  /** Shortest UPS battery autonomy that lets generators start and take over, minutes. approx */
  upsMinAutonomyMin: quantity('an autonomy', 0.1, 240, 'min'),
  /** AI training: share of the devices' uplink that crosses the WAN (the rest stays on the site's fabric). approx */
  trainingUplinkShare: quantity('a share', 0, 1),
  /** Floor per AI rack beyond its own depth: half a 1.2 m cold aisle + half a 1.2 m hot aisle. approx */
  serviceAisleM: quantity('an aisle depth', 0, 10, 'm'),
  /** Electrical and mechanical support space as a share of white space, by tier (ASHRAE: +50 % for N,
   *  +75–100 % for N+1, +100–150 % for 2N; DESIGN.md). */
  supportSpaceFraction: z.object({ N: supportShare(), 'N+1': supportShare(), '2N': supportShare() }),
  /** Chillers: evaporator below supply and condenser above ambient, K. approx */
  chillerApproachK: quantity('an approach', 0, 30, 'K'),
  /** Chillers reach this share of the Carnot COP. approx (real machines 0.4–0.6) */
  chillerCarnotFraction: quantity('a share of Carnot', 0.1, 1),
  chillerMinCop: quantity('a COP', 0.5, 50),
  chillerMaxCop: quantity('a COP', 0.5, 50),
  /** Economiser (free cooling) runs while outdoor air is this far below the supply setpoint, K. approx */
  economiserApproachK: quantity('an approach', 0, 30, 'K'),
  /** Evaporative pads run above this outdoor dry bulb, °C. approx */
  padOnAboveC: quantity('a temperature', -50, 60, '°C'),
  /** In the cold, mining halls mix exhaust air back to hold at least this supply, °C. approx */
  winterMinSupplyC: quantity('a temperature', -50, 40, '°C'),
  /** Hours a year device inlet may exceed its allowable limit before the year check fails. */
  allowedExcursionHours: quantity('a number of hours', 0, 8760, 'h'),
  /** Heat capacity of the IT and racks that delays an overheat, kJ/K per kW of IT. approx */
  itThermalMassKJPerKPerKW: quantity('a heat capacity', 0, 1_000, 'kJ/K per kW'),
  /** Water in a liquid loop per kW of liquid heat, litres. approx (DLC loops ≈ 1–2 L/kW) */
  liquidLoopLitresPerKW: quantity('a loop volume', 0, 100, 'L/kW'),
  /** Time a cooling loss must leave before racks pass their limit (for a standby to start or a crew to
   *  act), min. A loss that leaves racks over their limit fails however long that takes (the rest
   *  cannot carry the load: checks/cooling/contingency.ts); its time is shown against this where it
   *  falls short of it. approx */
  coolingRideThroughMin: quantity('a ride-through time', 0, 1_440, 'min'),
  /** A cooling capacity used above this share warns. Engineering judgement. */
  coolingWarnFraction: quantity('a share', 0.1, 1),
  /** Design air temperature rise across the hall's IT (intake to exhaust). S19 Pro farm measured
   *  23.1 → 38.8 °C = 15.7 K (engineering-data.md §1). */
  airDeltaTK: quantity('an air temperature rise', 1, 60, 'K'),
  /** Share of nameplate free-air flow a wall fan delivers against pad and hall pressure drop. approx */
  fanFlowDerate: quantity('a derate', 0.1, 1),
  /** Rack (row) air-side heat density limit by air scheme, kW per metre of row face. */
  densityLimitKWPerM: DensityLimitsSchema,
  /** Supply air a CRAH holds in a room or contained-aisle hall: ASHRAE recommended 18–27 °C
   *  (engineering-data.md §4); 22 °C is a common setpoint. approx */
  crahSupplyAirC: quantity('a supply air temperature', 5, 40, '°C'),
  /** Liquid loop: supply setpoint the CDUs hold when the dry coolers can reach it. approx */
  liquidSupplySetpointC: quantity('a supply temperature', 5, 70, '°C'),
  /** Liquid loop: return − supply temperature rise. approx (typical DLC design 10 K) */
  liquidDeltaTK: quantity('a temperature rise', 1, 40, 'K'),
  /** Narrowest aisle between two parallel rows: the working space in front of equipment (NEC
   *  110.26 asks 0.9–1.2 m; TIA-942 recommends 1.2 m cold aisles, the common data-centre minimum). */
  minAisleM: quantity('an aisle width', 0, 10, 'm'),
  /** Free face kept in front of the evaporative pads and the exhaust fans. approx: a little more
   *  than one 50-inch (1.27 m) fan diameter; fans are rated with a free inlet (AMCA 210, type A),
   *  and walls or obstructions close to the inlet cut their flow (system effect, AMCA 201). */
  intakeClearanceM: quantity('a clearance', 0, 10, 'm'),
  // Calibration overrides (docs/calibration.md): absent, the catalog figure rules; present, it
  // replaces that figure everywhere the solver reads it. Optional so that a scene without them
  // reports exactly what it did before they existed.
  /** Power factor of every IT device (rows), replacing the devices' catalog powerFactor (reactive
   *  power Q = P·tan(acos pf), solver/loads.ts). Catalog: e.g. Antminer S21 0.99 (APW12 PSU,
   *  engineering-data.md §1, approx). Fitted to measured kVA. */
  itPowerFactor: quantity('a power factor', 0.5, 1).optional(),
  /** Wet-bulb effectiveness ε of every evaporative pad, T = DB − ε·(DB − WB), replacing the pads'
   *  catalog effectiveness (cooling/plant/evaluate.ts padEffectivenessOf). Catalog: 0.8 for 150 mm
   *  cellulose pads (models/cooling-units.json, approx). Fitted to inlet °C in pad season. */
  padEffectiveness: quantity('an effectiveness', 0.1, 1).optional(),
  /** Measured / catalog transformer losses: multiplies every transformer's no-load and load losses
   *  P0 and Pk (power/transformer.ts). 1 = the catalog's passport values; IEC 60076-1 allows a unit
   *  +10 % on its total losses, +15 % on each part. Fitted to transformer vs board kW. */
  transformerLossFactor: quantity('a loss factor', 0.1, 5).optional(),
})
export type SolverParams = z.infer<typeof SolverParamsSchema>

export const SolverParamsOverrideSchema = SolverParamsSchema.extend({
  densityLimitKWPerM: DensityLimitsSchema.partial(),
  supportSpaceFraction: SolverParamsSchema.shape.supportSpaceFraction.partial(),
})
  .partial()
  .strict()
export type SolverParamsOverride = z.infer<typeof SolverParamsOverrideSchema>

export const DEFAULT_PARAMS: SolverParams = {
  continuousLoadFraction: 0.8,
  emergencyOverloadFactor: 1.0,
  contingencyWarnFraction: 0.95,
  itDesignBasis: 'nameplate',
  itPowerFraction: 1,
  upsMinAutonomyMin: 5,
  trainingUplinkShare: 0.25,
  serviceAisleM: 1.2,
  chillerApproachK: 5,
  chillerCarnotFraction: 0.5,
  chillerMinCop: 2,
  chillerMaxCop: 12,
  economiserApproachK: 4,
  padOnAboveC: 18,
  winterMinSupplyC: 12,
  allowedExcursionHours: 0,
  itThermalMassKJPerKPerKW: 20,
  liquidLoopLitresPerKW: 1.5,
  coolingRideThroughMin: 10,
  supportSpaceFraction: { N: 0.5, 'N+1': 0.875, '2N': 1.25 },
  coolingWarnFraction: 0.9,
  airDeltaTK: 15,
  fanFlowDerate: 0.85,
  densityLimitKWPerM: {
    'wall-to-wall': 40,
    room: 10 / 0.6,
    'contained-aisle': 30 / 0.6,
    'rear-door': 75 / 0.6,
  },
  crahSupplyAirC: 22,
  liquidSupplySetpointC: 32,
  liquidDeltaTK: 10,
  minAisleM: 1.2,
  intakeClearanceM: 1.5,
}

/** What each parameter means, for the report and the UI. */
export const PARAM_DOCS: Record<keyof SolverParams, string> = {
  continuousLoadFraction: 'Share of a power node’s rating above which its load warns (continuous-load margin)',
  emergencyOverloadFactor: 'Share of its rating a survivor may carry after an N-1 loss',
  contingencyWarnFraction: 'Share of the emergency limit above which a survivor warns after an N-1 loss',
  itDesignBasis: 'IT load basis: nameplate or measured maximum',
  itPowerFraction: 'Share of the basis device power drawn in operation (device power derate)',
  upsMinAutonomyMin: 'Shortest UPS autonomy at load, minutes',
  trainingUplinkShare: 'Share of a training cluster’s uplink that crosses the WAN',
  chillerApproachK: 'Chiller evaporator/condenser approach, K',
  chillerCarnotFraction: 'Chiller COP as a share of Carnot',
  chillerMinCop: 'Lowest chiller COP',
  chillerMaxCop: 'Highest chiller COP',
  economiserApproachK: 'Free cooling while outdoor air is this far below the supply setpoint, K',
  padOnAboveC: 'Evaporative pads run above this outdoor dry bulb, °C',
  winterMinSupplyC: 'Lowest supply air held by recirculation in the cold, °C',
  allowedExcursionHours: 'Hours a year inlet may exceed its allowable limit',
  itThermalMassKJPerKPerKW: 'Heat capacity of IT and racks, kJ/K per kW',
  coolingRideThroughMin: 'Time a cooling loss must leave before racks pass their limit, min (a loss the rest cannot carry fails however long it takes)',
  liquidLoopLitresPerKW: 'Liquid loop water per kW of liquid heat, L',
  serviceAisleM: 'Floor depth per AI rack beyond its own (service aisles), m',
  supportSpaceFraction: 'Support space as a share of white space, by tier',
  coolingWarnFraction: 'Share of a cooling capacity above which its use warns',
  airDeltaTK: 'Design air temperature rise across the IT, K',
  fanFlowDerate: 'Share of a wall fan’s free-air flow delivered against pads and hall',
  densityLimitKWPerM: 'Air-side heat a row can shed per metre of row face, by air scheme, kW/m',
  crahSupplyAirC: 'Supply air temperature a CRAH holds, °C',
  liquidSupplySetpointC: 'Liquid loop supply setpoint, °C',
  liquidDeltaTK: 'Liquid loop return − supply rise, K',
  minAisleM: 'Narrowest aisle between two parallel rows, m',
  intakeClearanceM: 'Free face kept in front of intake pads and exhaust fans, m',
  itPowerFactor: 'Power factor of the IT devices (absent: each device’s catalog value)',
  padEffectiveness: 'Wet-bulb effectiveness of the evaporative pads (absent: the catalog’s)',
  transformerLossFactor: 'Transformer losses P0 and Pk as a multiple of the catalog’s (absent: 1)',
}

/** Defaults, then the scene's overrides, then the variant's. */
export function resolveParams(...overrides: (SolverParamsOverride | undefined)[]): SolverParams {
  let params: SolverParams = DEFAULT_PARAMS
  for (const o of overrides) {
    if (!o) continue
    params = {
      ...params,
      ...o,
      densityLimitKWPerM: { ...params.densityLimitKWPerM, ...o.densityLimitKWPerM },
      supportSpaceFraction: { ...params.supportSpaceFraction, ...o.supportSpaceFraction },
    } as SolverParams
  }
  return params
}
