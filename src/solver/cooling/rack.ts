// Per-row cooling checks: air-side heat density along the row face against what the hall's air
// scheme removes, and the design-day inlet air against the device's allowed inlet.
import type { SolverParams } from '../../model/params'
import type { Hall } from '../../model/sceneSchema'
import type { Check } from '../report'
import { makeCheck } from '../checks'
import { allowableInletC } from './ashrae'
import type { RowLoad } from '../loads'
import type { HallAir } from './climate'

export interface RowCooling {
  densityKWPerM: number
  inletC: number
  checks: Check[]
}

const SCHEME_NAME: Record<Hall['airScheme'], string> = {
  'wall-to-wall': 'wall-to-wall outside air',
  room: 'room air without containment',
  'contained-aisle': 'contained aisles',
  'rear-door': 'rear-door heat exchangers',
}

export function rowCooling(load: RowLoad, air: HallAir, params: SolverParams): RowCooling {
  const { row, hall, device } = load
  const subject = row.name ?? row.id
  const densityKWPerM = load.rowLengthM > 0 ? load.heatAirKW / load.rowLengthM : 0
  const densityLimit = params.densityLimitKWPerM[hall.airScheme]
  const inletC = air.supplyC + params.recirculationK
  const checks: Check[] = [
    makeCheck({
      id: `density:${row.id}`,
      domain: 'density',
      title: 'Air-side rack density',
      subject,
      subjectId: row.id,
      value: densityKWPerM,
      limit: densityLimit,
      unit: 'kW/m',
      sense: 'max',
      warnRatio: params.coolingWarnFraction,
      note: `${(load.heatAirKW / row.rackCount).toFixed(1)} kW to air per rack; ${SCHEME_NAME[hall.airScheme]}`,
    }),
  ]
  if (load.heatAirKW > 0) {
    const { recommendedMaxC, ashraeClass } = device.inlet
    const allowableMaxC = allowableInletC(device)
    const over = inletC > allowableMaxC
    const aboveRecommended = recommendedMaxC !== undefined && inletC > recommendedMaxC
    checks.push(
      makeCheck({
        id: `inlet:${row.id}`,
        domain: 'inlet',
        title: 'Inlet air, design day',
        subject,
        subjectId: row.id,
        value: inletC,
        limit: allowableMaxC,
        unit: '°C',
        sense: 'max',
        status: over ? 'fail' : aboveRecommended ? 'warn' : 'ok',
        note: `${air.basis} + ${params.recirculationK} K recirculation; ${device.name} allows ${allowableMaxC} °C${
          ashraeClass ? ` (ASHRAE ${ashraeClass}${recommendedMaxC !== undefined ? `, recommended ≤ ${recommendedMaxC} °C` : ''})` : ''
        }`,
      }),
    )
  }
  return { densityKWPerM, inletC, checks }
}
