// The thermal field against hand arithmetic: a long thin hall, one shelf across it, outside air in
// at the west wall and one fan out at the east wall. Downstream of the shelf the air is mixed, so
// it must sit at the analytic mixed temperature T_out = T_in + P/(ṁ·cp).
import { describe, expect, it } from 'vitest'
import { solveThermalField } from '../../../src/solver/thermal'
import { fixtureCatalog } from '../fixtures/catalog'
import { channelScene } from '../fixtures/thermalScenes'

/** Mean temperature of grid column i. */
function columnMeanC(f: ReturnType<typeof solveThermalField>['halls'][number], i: number): number {
  let s = 0
  for (let j = 0; j < f.ny; j++) s += f.tempC[j * f.nx + i]!
  return s / f.ny
}

describe('1-D channel against the analytic mixed temperature', () => {
  const field = solveThermalField(channelScene(), 'v', fixtureCatalog, { grid: 'fine' }).halls[0]!

  // ρ = 101 325 / (287.05 × 293.15) = 1.20412 kg/m³; fan 10 m³/s × derate 0.85 = 8.5 m³/s
  // ṁ = 1.20412 × 8.5 = 10.235 kg/s; P = 20 × 3500 W = 70 000 W
  // ΔT = 70 000 / (10.235 × 1005) = 6.805 K → T_out = 20 + 6.805 = 26.805 °C
  const rho = 101_325 / (287.05 * 293.15)
  const mdot = rho * 10 * 0.85
  const tOut = 20 + 70_000 / (mdot * 1005)

  it('the hand arithmetic', () => {
    expect(rho).toBeCloseTo(1.20412, 5)
    expect(tOut).toBeCloseTo(26.805, 3)
  })

  it('air upstream of the shelf is intake air', () => {
    expect(columnMeanC(field, 10)).toBeCloseTo(20, 3)
    expect(field.intakeC).toBeCloseTo(20, 9)
  })

  it('mixed air downstream of the shelf is at T_in + P/(ṁ·cp) within 1 %', () => {
    const i = Math.round(50 / field.cellXM) // 50 m: 20 m downstream of the shelf
    expect(Math.abs(columnMeanC(field, i) - tOut) / (tOut - 20)).toBeLessThan(0.01)
  })

  it('the shelf heats its own air by P/(ρ·cp·Q_shelf)', () => {
    // Q = 20 × 0.18 = 3.6 m³/s: ΔT = 70 000 / (1.20412 × 1005 × 3.6) = 16.07 K
    const rise = field.rackOutletC.row![0]! - field.rackInletC.row![0]!
    expect(rise).toBeCloseTo(70_000 / (rho * 1005 * 3.6), 6)
  })

  it('heat out = heat in within 0.5 %', () => {
    expect(field.heatInKW).toBeCloseTo(70, 9)
    expect(Math.abs(field.heatOutKW - field.heatInKW) / field.heatInKW).toBeLessThan(0.005)
  })

  it('a grid of at least 200 cells along the channel', () => {
    expect(field.nx).toBeGreaterThanOrEqual(200)
  })
})
