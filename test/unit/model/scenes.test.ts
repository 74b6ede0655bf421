import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { builtInCatalog } from '../../../src/model/catalog'
import { parseSceneText } from '../../../src/model/parse'
import { campusScene } from '../../../src/model/generate/examples'

const catalog = builtInCatalog()
const files = readdirSync('scenes').filter((f) => f.endsWith('.json'))

describe('example scenes', () => {
  it('there are example scenes, the default among them', () => {
    expect(files).toContain('siberia-20mw.json')
  })
  it.each(files)('scenes/%s is a valid scene', (file) => {
    const r = parseSceneText(readFileSync(`scenes/${file}`, 'utf8'), catalog)
    if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('\n'))
    expect(r.scene.variants.length).toBeGreaterThan(0)
  })
  it('scenes/campus-100mw.json is `halltwin generate campus --miners 30000`', () => {
    expect(JSON.parse(readFileSync('scenes/campus-100mw.json', 'utf8'))).toEqual(campusScene(catalog, 30_000))
  })
})
