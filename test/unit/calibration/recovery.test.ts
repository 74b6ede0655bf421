// The fit recovers the power factor, the pads' effectiveness and the transformer losses from data
// the model made with known values (plus seeded noise, three-day holes and blank cells): July at
// 15 min (pad season), with the IT board metered too, so transformer in − boards out is the loss.
// Stated bounds: PF ±0.01, ε ±0.03, losses ±0.1 × catalog (and each within 4σ of its own
// uncertainty); the device power, fan derate and pad threshold as in calibrate.test.ts.
import { describe, expect, it } from 'vitest'
import { parseMeasured } from '../../../src/model/weather/measured'
import { calibrate, measuredTargets, type CalibrationKey } from '../../../src/solver/calibration/calibrate'
import { solveVariant } from '../../../src/solver'
import { catalog, chicagoScene, FIXTURE_METERS, syntheticCsv } from './synthetic'

const scene = chicagoScene()
const TRUTH = { itPowerFraction: 0.94, itPowerFactor: 0.95, padEffectiveness: 0.7, transformerLossFactor: 1.3, fanFlowDerate: 0.7, padOnAboveC: 22 }
const BOUND: Partial<Record<CalibrationKey, number>> = { itPowerFactor: 0.01, padEffectiveness: 0.03, transformerLossFactor: 0.1, itPowerFraction: 0.005, fanFlowDerate: 0.05, padOnAboveC: 1 }
const synthetic = syntheticCsv(scene, TRUTH, [6], 1, 20260602, [...FIXTURE_METERS, { id: 'LV-IT', unit: 'kW', noise: 10 }])

describe('calibration recovers the power factor, pad effectiveness and transformer losses', () => {
  const parsed = parseMeasured(synthetic.csv, measuredTargets(scene.variants[0]!))
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues))
  const result = calibrate(scene, 'asic', catalog, parsed.data, { fit: true, dataLabel: 'july.csv', maxIterations: 12 })
  const fitted = new Map(result.fit!.params.map((p) => [p.key, p]))

  it('fits each within its stated bound and within 4σ, and the data pins it (σ well under the prior’s)', () => {
    for (const [key, truth] of Object.entries(TRUTH) as [CalibrationKey, number][]) {
      const p = fitted.get(key)
      expect(p, `${key} not fitted: ${JSON.stringify(result.fit!.notFitted)}`).toBeDefined()
      const error = Math.abs(p!.value - truth)
      expect(error, `${key} ${p!.value} vs ${truth}`).toBeLessThan(BOUND[key]!)
      expect(p!.sigma).toBeGreaterThan(0)
      expect(error, `${key}: error vs σ ${p!.sigma}`).toBeLessThan(4 * p!.sigma + BOUND[key]! / 5)
      expect(p!.determined, key).toBe(true)
      expect(p!.atBound, key).toBe(false)
    }
  })

  it('says which meters informed each: kVA the power factor, inlet and water the pads, the chain the losses', () => {
    expect(fitted.get('itPowerFactor')!.informedBy).toContain('T-1.kVA')
    expect(fitted.get('padEffectiveness')!.informedBy).toEqual(expect.arrayContaining(['row-2.inletC', 'site.waterM3']))
    expect(fitted.get('transformerLossFactor')!.informedBy).toContain('GRID.kW')
    // The IT board does not see the transformer's losses.
    expect(fitted.get('transformerLossFactor')!.informedBy).not.toContain('LV-IT.kW')
    expect(fitted.get('padEffectiveness')!.priorSource).toMatch(/evap-pad-section ε 0\.8/)
  })

  it('improves every series: |NMBE| and CV(RMSE) fall, and every hourly metric passes', () => {
    for (const s of result.series) {
      const g = s.improvement!.hourly!
      expect(g.nmbePct, s.name).toBeGreaterThanOrEqual(-0.1)
      expect(g.cvrmsePct, s.name).toBeGreaterThanOrEqual(-0.1)
      expect(s.after!.hourly!.pass, s.name).toBe(true)
    }
    // 6 % less device power than the prior: the grid meter's hourly NMBE ≈ −6 % → ≈ 0.
    const grid = result.series.find((s) => s.name === 'GRID.kW')!
    expect(grid.before.hourly!.nmbePct).toBeLessThan(-5)
    expect(grid.improvement!.hourly!.nmbePct).toBeGreaterThan(5)
  })

  it('writes the new params into the calibrated variant with a note of the data, and it solves', () => {
    const v = result.calibratedVariant!
    expect(v.params!.itPowerFactor).toBeCloseTo(0.95, 2)
    expect(v.params!.padEffectiveness).toBeCloseTo(0.7, 1)
    expect(v.params!.transformerLossFactor).toBeCloseTo(1.3, 0)
    expect(v.description).toMatch(/july\.csv \(2025-07-01T00:00 to 2025-07-31T23:00, .* readings every 15 min/)
    expect(v.description).toMatch(/itPowerFactor 0\.95\d\d ± [\d.e-]+ \(prior 0\.99 ± 0\.05; from [^)]*T-1\.kVA/)
    const report = solveVariant({ ...scene, variants: [...scene.variants, v] }, v.id, catalog)
    expect(report.params.transformerLossFactor).toBe(v.params!.transformerLossFactor)
    expect(report.nodes.find((n) => n.id === 'LV-IT')!.powerFactor).toBeCloseTo(v.params!.itPowerFactor!, 9)
    expect(Number.isFinite(report.economics!.energyUsdPerYear)).toBe(true)
  })
})
