// Every quantity the CLI prints carries its unit: the capex arithmetic of `economics`, and the
// size of a generated campus however small.
import { describe, expect, it } from 'vitest'
import { main } from '../../../src/cli/main'

async function out(...argv: string[]): Promise<string> {
  let text = ''
  const code = await main(argv, { out: (t) => (text += t), err: (t) => (text += t) })
  expect(code).toBe(0)
  return text
}

/** A term of a note's arithmetic: a number and then its unit ("58,200 kVA", "45 USD/kVA", "35 %"). */
const TERM_WITH_UNIT = /^[\d,.]+ (%|[A-Za-z][\w/()]*)( import premium)?$/

describe('halltwin economics: capex lines', () => {
  it('every number in the arithmetic has its unit', async () => {
    const text = await out('economics', 'scenes/siberia-20mw.json', '--variant', 'gpu-gb200-liquid')
    const block = text.split('Capex of gpu-gb200-liquid:\n')[1]!.split(/\n(?! )/)[0]!
    const notes = block.split('\n').map((line) => line.split(/ \$[\d.,]+(?: [kMB])? {2}/)[1]!)
    // Devices, fit-out per MW, four kinds of power equipment per kVA, fibre, CDUs and dry coolers.
    expect(notes.length).toBeGreaterThanOrEqual(8)
    for (const note of notes) {
      for (const term of note.split(/ × | \+ /)) expect(term, `"${term}" in "${note}"`).toMatch(TERM_WITH_UNIT)
    }
    expect(text).toContain('154 devices × 3,000,000 USD/device + 35 % import premium')
    expect(text).toMatch(/20\.\d MW × 2,500,000 USD\/MW/)
    expect(text).toMatch(/\d+,\d{3} kVA × 45 USD\/kVA/)
    expect(text).toContain('15 units × 450,000 USD/unit')
  })
})

describe('halltwin generate campus', () => {
  it.each([
    [100, '1 hall like the Irkutsk hall, ≈ 350 kW of S21'], // 100 × 3.5 kW
    [1000, '≈ 3.5 MW of S21'],
    [30_000, '≈ 105 MW of S21'],
  ])('--miners %i says %s, never "≈ 0 MW"', async (miners, size) => {
    const scene = JSON.parse(await out('generate', 'campus', '--miners', String(miners))) as { description?: string; site: unknown }
    expect(JSON.stringify(scene)).toContain(size)
    expect(JSON.stringify(scene)).not.toContain('≈ 0 MW')
  })
})
