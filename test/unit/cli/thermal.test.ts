// halltwin thermal: the field of every hall on the check grid, as a table or JSON.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { describe, expect, it } from 'vitest'
import type { ThermalRecord } from '../../../src/cli/thermalCommand'
import { nonFiniteIn } from '../property/arbitraries'
import { run } from './runMain'

const SCENE = 'scenes/siberia-20mw.json'
const CAMPUS = 'scenes/campus-100mw.json'

/** Racks per hall of a variant, as the scene file has them. */
function sceneRacks(path: string, variantId: string): Record<string, number> {
  const scene = JSON.parse(readFileSync(path, 'utf8')) as { variants: { id: string; halls: { id: string; rows: { rackCount: number }[] }[] }[] }
  const variant = scene.variants.find((v) => v.id === variantId)!
  return Object.fromEntries(variant.halls.map((h) => [h.id, h.rows.reduce((s, r) => s + r.rackCount, 0)]))
}

const withoutMeta = (records: ThermalRecord[]): unknown => records.map(({ meta: _meta, ...rest }) => rest)

describe('halltwin thermal --json', () => {
  it('gives per hall the grid, the energy balance, hot spots and every rack; timings only under meta', async () => {
    const r = await run('thermal', SCENE, '--variant', 'gpu-h100-air', '--json')
    expect(r.code).toBe(0)
    expect(r.err).toBe('')
    const rec = JSON.parse(r.out) as ThermalRecord
    expect(Object.keys(rec)).toEqual(['scene', 'variant', 'variantName', 'halls', 'meta'])
    expect(rec.variant).toBe('gpu-h100-air')
    const h = rec.halls[0]!
    expect(h.grid).toEqual({ kind: 'check', nx: 120, ny: 80, cellXM: 0.6, cellYM: 0.6 })
    expect(Math.abs(h.energy.errorPct)).toBeLessThan(0.5)
    expect(h.energy.heatOutKW).toBeCloseTo(h.energy.heatInKW * (1 + h.energy.errorPct / 100), 6)
    expect(h.hotSpots.length).toBeGreaterThan(0)
    expect(h.hotSpots.length).toBeLessThanOrEqual(5)
    expect(h.hotSpots.map((s) => s.tempC)).toEqual([...h.hotSpots.map((s) => s.tempC)].sort((a, b) => b - a))
    expect(Object.keys(h.racks[0]!)).toEqual(['rowId', 'index', 'inletC', 'outletC'])
    expect(h.racks.every((k) => k.outletC > k.inletC)).toBe(true)
    expect(typeof rec.meta.solveMs).toBe('number')
    expect(typeof rec.meta.hallSolveMs['hall-1']).toBe('number')
    expect(JSON.stringify(withoutMeta([rec]))).not.toMatch(/Ms"/)
    expect(nonFiniteIn(rec)).toEqual([])
  })

  it('--variant all: one record per variant, one rack record per rack of the scene', async () => {
    const records = JSON.parse((await run('thermal', SCENE, '--variant', 'all', '--json')).out) as ThermalRecord[]
    expect(records.map((x) => x.variant)).toEqual(['asic-baseline', 'gpu-h100-air', 'gpu-h100-rear-door', 'gpu-gb200-liquid', 'gpu-gb200-no-plant'])
    for (const rec of records) {
      const racks = sceneRacks(SCENE, rec.variant)
      for (const h of rec.halls) expect(h.racks).toHaveLength(racks[h.hallId]!)
    }
  })

  it('the campus: five halls, each with all its racks', async () => {
    const rec = JSON.parse((await run('thermal', CAMPUS, '--json')).out) as ThermalRecord
    const racks = sceneRacks(CAMPUS, rec.variant)
    expect(rec.halls).toHaveLength(5)
    for (const h of rec.halls) expect(h.racks).toHaveLength(racks[h.hallId]!)
  })

  it('two runs are identical apart from meta', async () => {
    const a = JSON.parse((await run('thermal', SCENE, '--json')).out) as ThermalRecord
    const b = JSON.parse((await run('thermal', SCENE, '--json')).out) as ThermalRecord
    expect(JSON.stringify(withoutMeta([a]))).toBe(JSON.stringify(withoutMeta([b])))
  })

  it('--grid fine solves on the 0.3 m grid', async () => {
    const rec = JSON.parse((await run('thermal', SCENE, '--grid', 'fine', '--json')).out) as ThermalRecord
    expect(rec.halls[0]!.grid).toEqual(expect.objectContaining({ kind: 'fine', nx: 240, ny: 160 }))
  })
})

describe('halltwin thermal (table)', () => {
  it('prints the grid, the balance, the hot spots and one line per rack', async () => {
    const r = await run('thermal', SCENE)
    expect(r.code).toBe(0)
    expect(r.out).toMatch(/^Hall hall-1: check grid 120 × 80 cells of 0\.60 × 0\.60 m, solved in [\d.]+ ms/m)
    expect(r.out).toMatch(/^ {2}Energy +heat in 20,790 kW, heat out 20,790 kW, error [+-]\d\.\d{4} %$/m)
    expect(r.out).toMatch(/^ {2}Hot spots +1\. \d+\.\d °C at \(/m)
    // the mining hall has pads and fans, no air handler: no air-handler supply is named
    expect(r.out).toMatch(/^ {2}Air +intake 20\.2 °C, ρ 1\.138 kg\/m³$/m)
    expect(r.out).not.toMatch(/air handler/)
    expect(r.out.match(/^ {2}row-\S+ +\d+ +\d+\.\d\d +\d+\.\d\d$/gm)).toHaveLength(sceneRacks(SCENE, 'asic-baseline')['hall-1']!)
  })
})

describe('halltwin thermal: bad input exits 2 with the error on stderr', () => {
  it.each([
    ['a missing file', ['thermal', join(tmpdir(), 'halltwin-no-such-scene.json')], /no such file/],
    ['no scene file', ['thermal'], /expected one scene file/],
    ['an unknown variant', ['thermal', SCENE, '--variant', 'nope'], /unknown variant "nope"/],
    ['an unknown grid', ['thermal', SCENE, '--grid', 'coarse'], /--grid: expected check or fine/],
    ['an unknown option', ['thermal', SCENE, '--frobnicate'], /frobnicate/],
  ])('%s', async (_, argv, message) => {
    const r = await run(...argv)
    expect(r.code).toBe(2)
    expect(r.err).toMatch(message)
    expect(r.out).toBe('')
  })

  it('the usage lists the command', async () => {
    expect((await run('help')).out).toMatch(/halltwin thermal <scene\.json> \[--variant ID\|all\]/)
  })
})
