import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { builtInCatalog } from '../../../src/model/catalog'
import { parseScene, parseSceneText } from '../../../src/model/parse'
import { sceneArbitrary } from './arbitraries'

const catalog = builtInCatalog()

/** Paths to every leaf and branch of a JSON value. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix]
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])))
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]))
  return out
}

describe('parser properties', () => {
  it('any JSON value is parsed or rejected with issues, never thrown', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const r = parseScene(value, catalog)
        if (!r.ok) expect(r.issues.length).toBeGreaterThan(0)
      }),
      { numRuns: 500 },
    )
  })

  it('any text is parsed or rejected, never thrown', () => {
    const texts = fc.oneof(fc.string(), fc.json(), fc.json().map((t) => t.slice(0, Math.floor(t.length / 2))))
    fc.assert(
      fc.property(texts, (text) => {
        const r = parseSceneText(text, catalog)
        if (!r.ok) expect(r.issues[0]!.message.length).toBeGreaterThan(0)
      }),
      { numRuns: 500 },
    )
  })

  it('a valid scene with one field replaced by junk is rejected with that field’s path, or still valid', () => {
    const junk = fc.oneof(fc.constant(null), fc.constant(-2), fc.constant(1e300), fc.constant('12 kW'), fc.constant([]), fc.constant({}), fc.boolean())
    fc.assert(
      fc.property(sceneArbitrary(catalog), junk, fc.nat(), (scene, value, pick) => {
        const all = paths(scene).filter((p) => p.length > 0)
        const path = all[pick % all.length]!
        const copy = structuredClone(scene) as unknown as Record<string | number, unknown>
        let target = copy as Record<string | number, unknown>
        for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>
        target[path[path.length - 1]!] = value
        const r = parseScene(copy, catalog)
        if (r.ok) return
        for (const issue of r.issues) {
          expect(typeof issue.path).toBe('string')
          expect(issue.message.length).toBeGreaterThan(0)
        }
      }),
      { numRuns: 300 },
    )
  })
})
