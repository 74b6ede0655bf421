// Structures the scene format allows must not break the solver ("Nothing lost, nothing slow"):
// very deep chains, huge redundancy groups, rows of a million racks. These tests build such
// scenes and solve them; they assert what the answer must be, not how long it takes (scripts/
// bench.ts prints the times), but each runs in well under a second.
import { describe, expect, it } from 'vitest'
import { parseScene } from '../../../src/model/parse'
import type { Scene } from '../../../src/model/sceneSchema'
import { fixtureCatalog } from '../fixtures/catalog'
import { oneRowScene } from '../fixtures/scenes'

/** Grid → T1 (1600 kVA) → LV → a chain of `depth` boards, the row on the last one. */
function deepChainScene(depth: number): Scene {
  const scene = oneRowScene()
  const variant = scene.variants[0]!
  let parent = 'LV'
  for (let i = 0; i < depth; i++) {
    variant.power.push({ id: `D${i}`, kind: 'board', parent })
    parent = `D${i}`
  }
  variant.halls[0]!.rows[0]!.feed = parent
  return scene
}

describe('the parser on a 20,000-node chain', () => {
  it('accepts it, and finds a loop at its far end', () => {
    const scene = deepChainScene(20_000)
    expect(parseScene(scene, fixtureCatalog).ok).toBe(true)
    // D19999 → D19998 → D19997 → D19999: a loop of three, and nothing else loops.
    const looped = structuredClone(scene)
    const power = looped.variants[0]!.power
    power.find((n) => n.id === 'D19997')!.parent = 'D19999'
    const r = parseScene(looped, fixtureCatalog)
    expect(r.ok).toBe(false)
    if (r.ok) return
    const loops = r.issues.filter((i) => i.message.includes('loops back'))
    expect(loops.map((i) => i.message)).toEqual(['D19997', 'D19998', 'D19999'].map((id) => `power chain loops back to "${id}"`))
  })

  it('reports a node whose way up runs into a loop, as the loop itself', () => {
    // A ← B ← A is a loop; C hangs below B and never reaches the grid.
    const scene = oneRowScene({
      extraPower: [
        { id: 'A', kind: 'board', parent: 'B' },
        { id: 'B', kind: 'board', parent: 'A' },
        { id: 'C', kind: 'board', parent: 'B' },
      ],
    })
    const r = parseScene(scene, fixtureCatalog)
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.issues.filter((i) => i.message.includes('loops back')).map((i) => i.path)).toEqual([
      'variants[0].power[3].parent',
      'variants[0].power[4].parent',
      'variants[0].power[5].parent',
    ])
  })
})
