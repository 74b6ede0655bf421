// Opening the scene's EPW in the app is an undoable edit that embeds it (the CLI embeds the same
// file when it reads the scene), and a file that is not an EPW is refused with where it breaks.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { embedWeather } from '../../../src/editor/weatherCommands'
import { builtInCatalog } from '../../../src/model/catalog'
import { parseSceneText } from '../../../src/model/parse'

const NAME = 'USA_IL_Chicago-OHare.Intl.AP.725300_TMY3.epw'
const epw = readFileSync(`test/fixtures/weather/${NAME}`, 'utf8')
const parsed = parseSceneText(readFileSync('test/fixtures/weather/chicago-hall.json', 'utf8'), builtInCatalog())
if (!parsed.ok) throw new Error('chicago-hall.json does not parse')
const scene = parsed.scene
const variantId = scene.variants[0]!.id

describe('embedWeather', () => {
  it('embeds the file under the name the scene gave it, and undo gives back the reference', () => {
    expect(scene.site.weather).toEqual({ file: NAME })
    const command = embedWeather(variantId, epw, NAME)
    const next = command.execute(scene)
    expect(next.site.weather).toEqual({ file: NAME, epw })
    expect(next.variants).toBe(scene.variants)
    expect(command.undo(next).site.weather).toEqual({ file: NAME })
  })

  it('refuses a file that is not an EPW, saying why', () => {
    const command = embedWeather(variantId, 'LOCATION,Nowhere\nnot,an,epw\n', NAME)
    expect(() => command.execute(scene)).toThrow(/not an EPW file: 2 lines, expected 8 header lines and 8,760 hourly rows/)
  })
})
