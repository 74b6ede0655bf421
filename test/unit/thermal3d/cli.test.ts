// `halltwin thermal --model 3d`: the options it refuses, with the option named (the solve itself
// is exercised by hall.test.ts; the command's output was checked by hand on the example scene).
import { describe, expect, it } from 'vitest'
import { thermalCommand } from '../../../src/cli/thermalCommand'
import { CliInputError } from '../../../src/cli/io'

describe('halltwin thermal --model', () => {
  const io = { out: () => {} }
  it('refuses an unknown model, naming --model', () => {
    expect(() => thermalCommand(['scenes/siberia-20mw.json', '--model', '4d'], io)).toThrow(CliInputError)
    expect(() => thermalCommand(['scenes/siberia-20mw.json', '--model', '4d'], io)).toThrow(/--model/)
  })
  it('refuses the 2-D grids with the 3-D model, naming --grid', () => {
    expect(() => thermalCommand(['scenes/siberia-20mw.json', '--model', '3d', '--grid', 'fine'], io)).toThrow(/--grid: with --model 3d/)
  })
})
