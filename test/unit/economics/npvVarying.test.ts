import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { builtInCatalog } from '../../../src/model/catalog'
import { parseSceneText } from '../../../src/model/parse'
import { resolveParams } from '../../../src/model/params'
import { variantLoads } from '../../../src/solver/loads'
import { computeEconomics, economicsBasis, evaluate, npvVarying, resolveEconomicsInputs, type EconomicsBasis } from '../../../src/solver/economics/economics'
import { solveForZero } from '../../../src/solver/economics/finance'
import { TORNADO_INPUTS, type NumericInput } from '../../../src/solver/economics/tornado'
import type { EconomicsInputs } from '../../../src/model/economicsSchema'

const catalog = builtInCatalog()
const parsed = parseSceneText(readFileSync('scenes/siberia-20mw.json', 'utf8'), catalog)
if (!parsed.ok) throw new Error('scene')
const scene = parsed.scene

/** The variant's basis on the design day (facility = IT × 1.3: any figure does, both paths read the same). */
function basisOf(id: string): EconomicsBasis {
  const variant = scene.variants.find((v) => v.id === id)!
  const loads = variantLoads(variant, catalog, resolveParams(scene.params, variant.params))
  const itKW = loads.rows.reduce((s, r) => s + r.rowKW, 0)
  return economicsBasis(scene, variant, loads, itKW * 1.3, catalog)
}

const asic = basisOf('asic-baseline')
const gb200 = basisOf('gpu-gb200-liquid')
const bases: [string, EconomicsBasis][] = [
  ['as-built ASIC baseline', asic],
  ['H100 air', basisOf('gpu-h100-air')],
  ['GB200 liquid', gb200],
  ['GB200 without its plant', basisOf('gpu-gb200-no-plant')],
  // Not a scene's: miners and GPUs both new, with fibre, so that every part reads its inputs.
  ['miners and GB200, all new', { ...gb200, devices: new Map([...asic.devices, ...gb200.devices]), asicITKW: asic.asicITKW, newFibreGbps: 100 }],
]
const inputs = resolveEconomicsInputs(scene, scene.variants.find((v) => v.id === 'gpu-gb200-liquid')!, catalog)
const numeric = Object.keys(inputs) as NumericInput[]

/** Values of one input: the horizon in whole years, any other from 0 to twice its default. */
const valuesOf = (input: NumericInput) => (input === 'horizonYears' ? fc.integer({ min: 1, max: 30 }) : fc.double({ min: 0, max: Math.max(1, 2 * inputs[input]), noNaN: true }))

describe('npvVarying: the searches’ NPV of one input varied', () => {
  it('is the whole evaluation’s NPV to the last bit, for every input, step after step', () => {
    for (const [name, b] of bases) {
      for (const input of numeric) {
        fc.assert(
          // One function for several values in a row, as a bisection calls it; the first value of
          // each input is its default.
          fc.property(fc.array(valuesOf(input), { minLength: 1, maxLength: 6 }), (values) => {
            const npvAt = npvVarying(b, inputs, catalog, input)
            for (const v of values) {
              const [fast, whole] = [npvAt(v), evaluate(b, { ...inputs, [input]: v } as EconomicsInputs, catalog).npvUsd]
              if (!Object.is(fast, whole)) throw new Error(`${name}, ${input} = ${v}: ${fast} from npvVarying, ${whole} from evaluate`)
            }
          }),
          { numRuns: 4, examples: [[[inputs[input]]]] },
        )
      }
    }
  })

  it('gives computeEconomics the break-evens and tornado of whole evaluations', () => {
    for (const [name, b] of bases) {
      const e = computeEconomics(b, inputs, catalog)
      const npvAt = (input: NumericInput, v: number) => evaluate(b, { ...inputs, [input]: v } as EconomicsInputs, catalog).npvUsd
      const hashprice = b.asicITKW > 0 ? solveForZero((h) => npvAt('hashpriceUsdPerPHDay', h), 0, 10_000) : null
      expect(e.breakEvenHashpriceUsdPerPHDay, name).toBe(hashprice)
      // Each basis has one GPU system: the break-even factor × its GPU-hour price.
      const gpus = [...b.devices.keys()].filter((id) => catalog.devices.get(id)?.kind === 'gpu')
      const factor = gpus.length > 0 ? solveForZero((f) => npvAt('gpuPriceFactor', f), 0, 100) : null
      expect(e.breakEvenGpuHourUsd, name).toBe(factor === null ? null : factor * catalog.economics.devices[gpus[0]!]!.gpuHourUsd!)
      for (const t of TORNADO_INPUTS) {
        const [low, high] = t.range(inputs[t.input])
        const bar = e.tornado.find((x) => x.input === t.input)
        if (Math.abs(npvAt(t.input, high) - npvAt(t.input, low)) <= 1e-6) expect(bar, `${name}, ${t.input}`).toBeUndefined()
        else {
          expect(bar!.npvAtLowUsd, `${name}, ${t.input}`).toBe(npvAt(t.input, low))
          expect(bar!.npvAtHighUsd, `${name}, ${t.input}`).toBe(npvAt(t.input, high))
        }
      }
    }
  })
})
