import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { builtInCatalog } from '../../../src/model/catalog'
import { parseSceneText } from '../../../src/model/parse'
import { solveVariant, type Report } from '../../../src/solver'
import { npv } from '../../../src/solver/economics/finance'
import { economicsBasis, npvVarying, resolveEconomicsInputs } from '../../../src/solver/economics/economics'
import { variantLoads } from '../../../src/solver/loads'
import { resolveParams } from '../../../src/model/params'
import { memoized } from '../fixtures/memoized'

const catalog = builtInCatalog()
const parsed = parseSceneText(readFileSync('scenes/siberia-20mw.json', 'utf8'), catalog)
if (!parsed.ok) throw new Error('scene')
const scene = parsed.scene
const x = catalog.economics.inputs
/** The GB200 variant solved once for the four tests that read its report (solveVariant is pure). */
const solvedGb200 = memoized<void, Report>(() => solveVariant(scene, 'gpu-gb200-liquid', catalog))

describe('economics of the example variants', () => {
  it('the as-built ASIC baseline: no capex, hashprice revenue less the ban days', () => {
    const e = solveVariant(scene, 'asic-baseline', catalog).economics
    expect(e.capexUsd).toBe(0)
    // 5940 × 200 TH/s = 1188 PH/s × 40 USD/PH/day × (365 − 120) days × 0.97 uptime = 11,293,128 USD
    expect(e.revenueUsdPerYear).toBeCloseTo(1188 * x.hashpriceUsdPerPHDay * 245 * x.minerUptime, 3)
    expect(e.revenueUsdPerYear).toBeCloseTo(11_293_128, 0)
  })

  it('GB200 capex: racks with the import premium, fit-out per MW, UPS per kVA', () => {
    const r = solvedGb200()
    const line = (item: string) => r.economics.capexLines.find((l) => l.item.startsWith(item))!.usd
    // 154 racks × 3,000,000 × 1.35 = 623,700,000
    expect(line('NVIDIA GB200')).toBeCloseTo(154 * 3_000_000 * 1.35, 0)
    // 20.328 MW × 2,500,000 = 50.82 M
    expect(line('Fit-out, liquid')).toBeCloseTo((r.totals.itKW / 1000) * x.retrofitLiquidUsdPerMW, 0)
    // 22 UPS × 2500 kVA × 250 = 13,750,000
    expect(line('UPS')).toBeCloseTo(22 * 2500 * 250, 0)
    // 154 × 72 GPUs × 5 USD × 8760 h × 0.7 = 340,001,280
    expect(r.economics.revenueUsdPerYear).toBeCloseTo(154 * 72 * 5 * 8760 * 0.7, 0)
  })

  it('the cash flow adds up: NPV of the yearly nets, cumulative = running sum', () => {
    const e = solvedGb200().economics
    expect(e.npvUsd).toBeCloseTo(npv(e.cashFlows.map((c) => c.netUsd), e.discountRatePct), 3)
    let sum = 0
    for (const c of e.cashFlows) {
      sum += c.netUsd
      expect(c.cumulativeUsd).toBeCloseTo(sum, 3)
    }
    // Year 1 loses the 4-month GPU lead time: revenue × 8/12.
    expect(e.cashFlows[1]!.revenueUsd).toBeCloseTo((e.revenueUsdPerYear * 8) / 12, 3)
  })

  it('at the break-even GPU-hour price the NPV is zero', () => {
    const e = solvedGb200().economics
    const factor = e.breakEvenGpuHourUsd! / 5
    const at = structuredClone(scene)
    at.variants.find((v) => v.id === 'gpu-gb200-liquid')!.economics = { gpuPriceFactor: factor }
    expect(Math.abs(solveVariant(at, 'gpu-gb200-liquid', catalog).economics.npvUsd)).toBeLessThan(1)
  })

  it('the tornado is sorted by swing and led by the GPU-hour price for an AI variant', () => {
    const t = solvedGb200().economics.tornado
    expect(t[0]!.input).toBe('gpuPriceFactor')
    for (let i = 1; i < t.length; i++) expect(t[i - 1]!.swingUsd).toBeGreaterThanOrEqual(t[i]!.swingUsd)
  })

  it('a higher import premium never raises NPV', () => {
    for (const id of ['gpu-h100-air', 'gpu-gb200-liquid']) {
      // The scene with only its economics replaced (a copy of the rest would be the same data),
      // solved without the typical year (the energy then comes from the design day, as in the
      // capacity search).
      const solvedAt = (premium: number) => solveVariant({ ...scene, economics: { ...scene.economics, importPremiumGpuPct: premium } }, id, catalog, { year: false })
      // The premium is capex: the physics is the same at every premium, and the NPV is the
      // economics' of that one basis. Its NPV at a premium is the report's to the last bit at both
      // ends of the range, and never higher at a higher premium anywhere between.
      const variant = scene.variants.find((v) => v.id === id)!
      const report = solvedAt(0)
      const basis = economicsBasis(scene, variant, variantLoads(variant, catalog, resolveParams(scene.params, variant.params)), report.totals.designDayFacilityKW, catalog)
      const at = npvVarying(basis, resolveEconomicsInputs(scene, variant, catalog), catalog, 'importPremiumGpuPct')
      expect(at(0)).toBe(report.economics.npvUsd)
      expect(at(200)).toBe(solvedAt(200).economics.npvUsd)
      fc.assert(
        fc.property(fc.double({ min: 0, max: 200, noNaN: true }), fc.double({ min: 0, max: 200, noNaN: true }), (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a]
          expect(at(hi)).toBeLessThanOrEqual(at(lo) + 1e-6)
        }),
        { numRuns: 200 },
      )
    }
  })
})

describe('economics data', () => {
  it('every device and cooling unit of the catalog has a price with a source', () => {
    for (const id of catalog.devices.keys()) expect(catalog.economics.devices[id], id).toBeDefined()
    for (const id of catalog.coolingUnits.keys()) expect(catalog.economics.coolingUnits[id], id).toBeDefined()
    for (const key of Object.keys(x)) expect(catalog.economics.inputSources[key], key).toBeDefined()
  })
})
