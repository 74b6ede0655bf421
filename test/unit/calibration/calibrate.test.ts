// Calibration on data the model made with known parameters, plus seeded noise and gaps: the fit
// recovers them within stated bounds, the posterior σ covers the error, and the Guideline 14
// metrics improve from failing to passing.
import { describe, expect, it } from 'vitest'
import { parseMeasured } from '../../../src/model/weather/measured'
import { calibrate } from '../../../src/solver/calibration/calibrate'
import { catalog, chicagoScene, syntheticCsv } from './synthetic'

const scene = chicagoScene()
const targets = { powerNodes: new Set(scene.variants[0]!.power.map((n) => n.id)), rows: new Set(['row-1', 'row-2']) }
const SET = { itPowerFraction: 0.94, fanFlowDerate: 0.7, winterMinSupplyC: 15, padOnAboveC: 22 }
// The power factor and the pads' effectiveness stay the catalog's (antminer-s21 0.99, evap-pad-section 0.8).
const TRUTH = { ...SET, itPowerFactor: 0.99, padEffectiveness: 0.8 }
// January (recirculation, the winter minimum) and July (pads): every parameter shows.
const synthetic = syntheticCsv(scene, SET, [0, 6], 1, 20260601)

describe('calibration recovers known parameters', () => {
  const parsed = parseMeasured(synthetic.csv, targets)
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues))
  const data = parsed.data
  const result = calibrate(scene, 'asic', catalog, data, { fit: true, dataLabel: 'synthetic.csv', maxIterations: 12 })

  it('reads the 15-min data into hours and reports the holes as gaps', () => {
    expect(data.intervalMin).toBe(15)
    // Two three-day holes and the months between January and July.
    const grid = result.series.find((s) => s.name === 'GRID.kW')!
    expect(grid.gaps[0]).toMatchObject({ from: '2025-01-10T00:00', to: '2025-01-12T23:00', hours: 72 })
    expect(grid.missingHours).toBe(72 + (28 + 31 + 30 + 31 + 30) * 24 + 72)
  })

  it('fits every parameter within its stated bound of the truth, and within 4σ', () => {
    const bounds = { itPowerFraction: 0.005, fanFlowDerate: 0.05, winterMinSupplyC: 0.5, padOnAboveC: 1, itPowerFactor: 0.01, padEffectiveness: 0.03 }
    expect(result.fit!.params.map((p) => p.key).sort()).toEqual(Object.keys(TRUTH).sort())
    for (const p of result.fit!.params) {
      const key = p.key as keyof typeof TRUTH
      const truth = TRUTH[key]
      expect(Math.abs(p.value - truth), `${p.key} ${p.value} vs ${truth}`).toBeLessThan(bounds[key])
      expect(p.sigma).toBeGreaterThan(0)
      expect(Math.abs(p.value - truth), `${p.key}: error vs σ ${p.sigma}`).toBeLessThan(4 * p.sigma + bounds[key] / 5)
    }
    expect(result.fit!.costAfter).toBeLessThan(result.fit!.costBefore)
  })

  it('leaves the transformer losses alone: LV-IT is not metered, so nothing tells them from the device power', () => {
    expect(result.fit!.notFitted).toEqual([{ key: 'transformerLossFactor', why: expect.stringMatching(/kW out of every board it feeds: their difference is the loss/) }])
  })

  it('the prior fails Guideline 14 somewhere and the fit passes everywhere it can be judged', () => {
    const grid = result.series.find((s) => s.name === 'GRID.kW')!
    // 6 % less IT power than the model assumes: hourly NMBE ≈ −6 %… fails the monthly 5 %.
    expect(grid.before.monthly!.pass).toBe(false)
    for (const s of result.series) {
      for (const m of [s.after!.hourly, s.after!.monthly]) {
        if (m) expect(m.pass, `${s.name} ${m.resolution} NMBE ${m.nmbePct} CV ${m.cvrmsePct}`).toBe(true)
      }
      expect(Math.abs(s.after!.hourly!.nmbePct)).toBeLessThanOrEqual(Math.abs(s.before.hourly!.nmbePct) + 0.5)
    }
  })

  it('writes a calibrated variant: the fitted values as params overrides and a note of the data', () => {
    const v = result.calibratedVariant!
    expect(v.id).toBe('asic-calibrated')
    expect(v.params!.itPowerFraction).toBeCloseTo(TRUTH.itPowerFraction, 2)
    expect(v.description).toMatch(/synthetic\.csv .*2025-01-01T00:00 to 2025-07-31T23:00/)
    expect(v.halls).toBe(scene.variants[0]!.halls)
  })
})
