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

describe('parseSceneText reads', () => {
  it('a file saved with a UTF-8 byte-order mark', () => {
    const r = parseSceneText(`\uFEFF${JSON.stringify(oneRowScene())}`, fixtureCatalog)
    expect(r.ok).toBe(true)
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
    expect(issuesOf(input)).toEqual(['variants[0].halls[0].lengthM: expected a hall length between 1 and 5,000 m, got "60 m"'])
  })
  it('a huge number', () => {
    const input = mutated((s) => (s.site as any).grid.capacityMVA = 1e300)
    expect(issuesOf(input)).toEqual(['site.grid.capacityMVA: expected a grid capacity between 0.01 and 10,000 MVA, got 1e+300'])
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
    expect(issuesOf(input)[0]).toBe('params.airDeltaTK: expected an air temperature rise between 1 and 60 K, got -5')
  })
  it('an unknown climate', () => {
    const input = mutated((s) => ((s.site as any).climateId = 'atlantis'))
    expect(issuesOf(input)[0]).toMatch(/^site\.climateId: unknown climate "atlantis"/)
  })
})

describe('parseScene refuses quantities no real site has, with the range and the unit', () => {
  // Each of these was accepted once and divided by: the report came out with Infinity or NaN.
  it.each([
    ['variants[0].power[1].ratingKVA', 5e-324, 'expected a rating between 0.1 and 1,000,000 kVA'],
    ['variants[0].power[2].efficiency', 1e-300, 'expected an efficiency between 0.5 and 1'],
    ['site.grid.capacityMVA', 5e-324, 'expected a grid capacity between 0.01 and 10,000 MVA'],
    ['variants[0].halls[0].rows[0].circuitKVA', 1e-300, 'expected a circuit rating between 0.1 and 10,000 kVA'],
    ['variants[0].power[2].autonomyMin', 5e-324, 'expected a battery autonomy between 0.1 and 1,440 min'],
    ['site.fibreGbps', 5e-324, 'expected a fibre uplink of 0 or between 0.001 and 1,000,000 Gbit/s'],
    ['variants[0].fibreGbps', 1e-300, 'expected a fibre uplink of 0 or between 0.001 and 1,000,000 Gbit/s'],
    ['params.airDeltaTK', 5e-324, 'expected an air temperature rise between 1 and 60 K'],
    ['variants[0].params.fanFlowDerate', 1e-300, 'expected a derate between 0.1 and 1'],
    ['params.emergencyOverloadFactor', 5e-324, 'expected an overload factor between 0.5 and 2'],
    ['params.densityLimitKWPerM.room', 1e300, 'expected a density limit between 1 and 1,000 kW/m'],
    ['economics.gpuUtilisation', 2, 'expected a share between 0 and 1'],
    ['variants[0].economics.tariffUsdPerMWh', 1e300, 'expected a price between 0 and 10,000 USD/MWh'],
    ['variants[0].halls[0].heightM', 1e-300, 'expected a hall height between 1 and 100 m'],
    ['variants[0].halls[0].rows[0].position.x', 1e300, 'expected a coordinate between -100,000 and 100,000 m'],
    ['variants[0].halls[0].rows[0].rackCount', 1e6, 'expected a positive integer of at most 1,000'],
  ])('%s = %s', (path, value, expected) => {
    const input = mutated((s) => setPath(s, path, value))
    expect(issuesOf(input)).toEqual([`${path}: ${expected}, got ${String(value)}`])
  })

  it('text where a quantity goes names the range too', () => {
    const input = mutated((s) => setPath(s, 'variants[0].power[2].efficiency', 'NaN'))
    expect(issuesOf(input)).toEqual(['variants[0].power[2].efficiency: expected an efficiency between 0.5 and 1, got "NaN"'])
  })

  it('accepts the ends of a range, and no fibre at all', () => {
    const input = mutated((s) => {
      setPath(s, 'variants[0].power[2].efficiency', 0.5)
      setPath(s, 'variants[0].power[1].ratingKVA', 1_000_000)
      setPath(s, 'site.fibreGbps', 0)
      setPath(s, 'variants[0].fibreGbps', 0.001)
      setPath(s, 'params.airDeltaTK', 1)
    })
    expect(parseScene(input, fixtureCatalog).ok).toBe(true)
  })
})

/** Sets `a.b[2].c` in a plain object, creating the objects on the way. */
function setPath(root: unknown, path: string, value: unknown): void {
  const keys = path.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== '').map((k) => (/^\d+$/.test(k) ? Number(k) : k))
  let cur = root as Record<string | number, unknown>
  for (const key of keys.slice(0, -1)) cur = (cur[key] ??= {}) as Record<string | number, unknown>
  cur[keys[keys.length - 1]!] = value
}
