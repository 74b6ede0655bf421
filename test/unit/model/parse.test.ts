import { describe, expect, it } from 'vitest'
import { parseScene, parseSceneText } from '../../../src/model/parse'
import { fixtureCatalog } from '../fixtures/catalog'
import { oneRowScene } from '../fixtures/scenes'

type Mutable = Record<string, unknown> & { variants: Array<Record<string, any>> }

function mutated(edit: (s: Mutable) => void): unknown {
  const s = structuredClone(oneRowScene()) as unknown as Mutable
  edit(s)
  return s
}

function issuesOf(input: unknown): string[] {
  const r = parseScene(input, fixtureCatalog)
  if (r.ok) throw new Error('expected the scene to be rejected')
  return r.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message))
}

describe('parseScene accepts', () => {
  it('a valid scene', () => {
    const r = parseScene(oneRowScene(), fixtureCatalog)
    expect(r.ok).toBe(true)
  })
})

describe('parseSceneText rejects, with a message, never a throw', () => {
  it.each([
    ['', 'the file is empty'],
    ['   \n', 'the file is empty'],
    ['{ "version": 1, ', 'not valid JSON'],
    ['[]', 'expected a scene object, got an array of 0'],
    ['42', 'expected a scene object, got 42'],
    ['null', 'expected a scene object, got null'],
  ])('%j', (text, message) => {
    const r = parseSceneText(text, fixtureCatalog)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.issues[0]!.message).toContain(message)
  })
})

describe('parseScene names the field path and the problem', () => {
  it('a negative rack count', () => {
    const input = mutated((s) => (s.variants[0]!.halls[0].rows[0].rackCount = -2))
    expect(issuesOf(input)).toContain('variants[0].halls[0].rows[0].rackCount: expected a positive integer, got -2')
  })
  it('a fractional device count', () => {
    const input = mutated((s) => (s.variants[0]!.halls[0].rows[0].devicesPerRack = 2.5))
    expect(issuesOf(input)).toContain('variants[0].halls[0].rows[0].devicesPerRack: expected a positive integer, got 2.5')
  })
  it('text where a number goes', () => {
    const input = mutated((s) => (s.variants[0]!.halls[0].lengthM = '60 m'))
    expect(issuesOf(input)[0]).toMatch(/^variants\[0\]\.halls\[0\]\.lengthM: .*number.*got "60 m"$/)
  })
  it('a huge number', () => {
    const input = mutated((s) => (s.site as any).grid.capacityMVA = 1e300)
    expect(issuesOf(input)[0]).toMatch(/^site\.grid\.capacityMVA: expected a number ≤ 1000000000, got 1e\+300$/)
  })
  it('a wrong or missing version', () => {
    expect(issuesOf(mutated((s) => (s.version = 2)))).toEqual(['version: expected scene format version 1, got 2'])
    expect(issuesOf(mutated((s) => delete s.version))).toEqual(['version: expected scene format version 1, got nothing'])
  })
  it('an unknown air scheme', () => {
    const input = mutated((s) => (s.variants[0]!.halls[0].airScheme = 'tornado'))
    expect(issuesOf(input)[0]).toMatch(/^variants\[0\]\.halls\[0\]\.airScheme: expected one of "wall-to-wall", .*got "tornado"$/)
  })
  it('an unknown device, with the known ids', () => {
    const input = mutated((s) => (s.variants[0]!.halls[0].rows[0].deviceId = 'antminer-s99'))
    expect(issuesOf(input)).toEqual(['variants[0].halls[0].rows[0].deviceId: unknown device "antminer-s99" (known: miner, gpu-air, gpu-liquid)'])
  })
  it('a row fed from a node that does not exist', () => {
    const input = mutated((s) => (s.variants[0]!.halls[0].rows[0].feed = 'LV-9'))
    expect(issuesOf(input)[0]).toMatch(/^variants\[0\]\.halls\[0\]\.rows\[0\]\.feed: unknown power node "LV-9"/)
  })
  it('more devices than the enclosure holds', () => {
    const input = mutated((s) => Object.assign(s.variants[0]!.halls[0].rows[0], { deviceId: 'gpu-air', enclosureId: 'rack', devicesPerRack: 6 }))
    expect(issuesOf(input)).toEqual(['variants[0].halls[0].rows[0].devicesPerRack: 6 × Test DGX need 48 U, but a Rack 42U has 42'])
  })
  it('a loop in the power chain', () => {
    const input = mutated((s) => {
      s.variants[0]!.power[1].parent = 'LV' // T1 ← LV ← T1
    })
    expect(issuesOf(input).some((m) => m.includes('power chain loops back'))).toBe(true)
  })
  it('two roots or no grid', () => {
    const input = mutated((s) => (s.variants[0]!.power[0].kind = 'board'))
    expect(issuesOf(input)).toContain('variants[0].power: expected exactly one root node (parent null) of kind "grid", got 1 root(s)')
  })
  it('duplicate ids', () => {
    const input = mutated((s) => (s.variants[0]!.halls[0].id = 'row'))
    expect(issuesOf(input)).toContain('variants[0].halls[0].rows[0].id: duplicate id "row"')
  })
  it('an unknown parameter', () => {
    const input = mutated((s) => (s.params = { airDeltaTK: 15, fanSpeed: 3 }))
    expect(issuesOf(input)[0]).toBe('params: unknown field(s) "fanSpeed"')
  })
  it('a negative parameter', () => {
    const input = mutated((s) => (s.params = { airDeltaTK: -5 }))
    expect(issuesOf(input)[0]).toBe('params.airDeltaTK: expected a positive number, got -5')
  })
  it('an unknown climate', () => {
    const input = mutated((s) => ((s.site as any).climateId = 'atlantis'))
    expect(issuesOf(input)[0]).toMatch(/^site\.climateId: unknown climate "atlantis"/)
  })
})
