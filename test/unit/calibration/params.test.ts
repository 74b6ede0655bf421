// The calibration's catalog overrides as solver parameters: each reaches the one figure it names,
// checked by hand arithmetic on the Chicago fixture (240 Antminer S21 at 3,500 W = 840 kW on LV-IT,
// one ТМГ-1600 with P0 2.15 kW, Pk 16.5 kW; pads ε 0.8 in the catalog; EPW design day 32.2 °C dry
// bulb, 24.3 °C wet bulb), and absent they change nothing.
import { describe, expect, it } from 'vitest'
import type { SolverParamsOverride } from '../../../src/model/params'
import { SolverParamsOverrideSchema } from '../../../src/model/params'
import type { Scene } from '../../../src/model/sceneSchema'
import { solveVariant } from '../../../src/solver'
import { calibrationPriors } from '../../../src/solver/calibration/calibrate'
import { resolveParams } from '../../../src/model/params'
import { catalog, chicagoScene } from './synthetic'

const scene = chicagoScene()
const base = scene.variants[0]!

function withParams(params: SolverParamsOverride): Scene {
  return { ...scene, variants: [...scene.variants, { ...base, id: 'over', params }] }
}
const solve = (params: SolverParamsOverride) => solveVariant(withParams(params), 'over', catalog)
const node = (r: ReturnType<typeof solve>, id: string) => r.nodes.find((n) => n.id === id)!

describe('calibration overrides as solver params', () => {
  const before = solveVariant(scene, base.id, catalog)

  it('absent, the report lists none of them (reports stay as they were)', () => {
    expect(Object.keys(before.params)).not.toContain('itPowerFactor')
    expect(Object.keys(before.params)).not.toContain('padEffectiveness')
    expect(Object.keys(before.params)).not.toContain('transformerLossFactor')
    // And the catalog figures are what the report used: LV-IT at the S21's PF 0.99.
    expect(node(before, 'LV-IT').powerFactor).toBeCloseTo(0.99, 12)
  })

  it('itPowerFactor replaces the devices’ power factor: Q = P·tan(acos pf)', () => {
    const r = solve({ itPowerFactor: 0.95 })
    // 840 kW × tan(acos 0.95) = 840 × 0.328684 = 276.09 kvar on the IT board (a board adds no var).
    expect(node(r, 'LV-IT').loadKW).toBeCloseTo(840, 9)
    expect(node(r, 'LV-IT').loadKVAR).toBeCloseTo(276.09, 1)
    expect(r.params.itPowerFactor).toBe(0.95)
  })

  it('transformerLossFactor scales P0 and Pk: the transformer loses 1.3 × as much at the same load', () => {
    const r = solve({ transformerLossFactor: 1.3 })
    // Its loading k = S_out/Sr is what it delivers, which its own losses do not change:
    // before 2.15 + 16.5·k² = 6.9055 kW; after 1.3 × that = 8.9772 kW.
    expect(node(before, 'T-1').lossKW).toBeCloseTo(6.9055, 3)
    expect(node(r, 'T-1').lossKW).toBeCloseTo(1.3 * node(before, 'T-1').lossKW, 9)
    // The reactive losses are the passport's (i0, uk): unchanged.
    expect(node(r, 'T-1').lossKVAR).toBeCloseTo(node(before, 'T-1').lossKVAR, 9)
    // The grid takes the 2.07 kW more.
    expect(node(r, 'GRID').loadKW - node(before, 'GRID').loadKW).toBeCloseTo(0.3 * 6.9055, 3)
  })

  it('padEffectiveness replaces the pads’ ε: design supply = DB − ε·(DB − WB)', () => {
    // Catalog ε 0.8: 32.2 − 0.8 × 7.9 = 25.88 °C; ε 0.7: 32.2 − 0.7 × 7.9 = 26.67 °C.
    expect(before.halls[0]!.supplyAirC).toBeCloseTo(25.88, 9)
    const r = solve({ padEffectiveness: 0.7 })
    expect(r.halls[0]!.supplyAirC).toBeCloseTo(26.67, 9)
  })

  it('the economics run on them: a lossier transformer costs more energy', () => {
    const r = solve({ transformerLossFactor: 1.3, itPowerFactor: 0.95, padEffectiveness: 0.7 })
    expect(r.economics!.energyUsdPerYear).toBeGreaterThan(before.economics!.energyUsdPerYear)
    expect(Number.isFinite(r.economics!.capexUsd)).toBe(true)
  })

  it('out of bounds: the error names the field, the range and the unit-less quantity', () => {
    const bad = SolverParamsOverrideSchema.safeParse({ itPowerFactor: 1.2, padEffectiveness: 0, transformerLossFactor: 9 })
    expect(bad.success).toBe(false)
    const messages = bad.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`).sort()
    expect(messages).toEqual([
      'itPowerFactor: expected a power factor between 0.5 and 1',
      'padEffectiveness: expected an effectiveness between 0.1 and 1',
      'transformerLossFactor: expected a loss factor between 0.1 and 5',
    ])
  })

  it('priors: the catalog figure, σ from its source’s confidence', () => {
    const priors = calibrationPriors(base, catalog, resolveParams(scene.params, base.params))
    // S21 PF 0.99 from "Bitmain APW12 PSU: PF >= 0.99" (approx) → σ 0.05.
    expect(priors.get('itPowerFactor')).toMatchObject({ value: expect.closeTo(0.99, 12), sigma: 0.05, source: expect.stringMatching(/antminer-s21 PF 0\.99 .*APW12.*approx/) })
    // Pad ε 0.8, a rule of thumb (approx) → σ 0.1.
    expect(priors.get('padEffectiveness')).toMatchObject({ value: 0.8, sigma: 0.1 })
    // ТМГ-1600 P0 and Pk: the best source giving them is the maker's catalogue table (secondary) → σ 0.15.
    expect(priors.get('transformerLossFactor')).toMatchObject({ value: 1, sigma: 0.15, source: expect.stringMatching(/tmg-1600-10-04 P0 2\.15 kW, Pk 16\.5 kW \(“ТМГ 10\/0\.4 kV catalogue table.*”, secondary\)/) })
  })
})
