// Issue 12, "Done when": in the H100-in-a-mining-hall variant the 3-D model shows inlets over the
// limit, and a rear-door variant (in the scene) and a hot-aisle variant (the same rows paired
// back to back with enclosed, ducted hot aisles; not in the scene, because the design checks read
// the 2-D plan field, which has no containment) show the fix in physics — read through
// `halltwin thermal --model 3d --grid preview --json`, per rack inlet/outlet and the metrics.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { thermalCommand, type Airflow3dRecord } from '../../../src/cli/thermalCommand'
import type { Scene, Variant } from '../../../src/model/sceneSchema'

/** The gpu-h100-air rows 1.2, 1.4 … 1.10 turned round (corner moved by the row's 27 m length and
 *  1.2 m depth, so the row keeps its footprint), each pair's hot aisle enclosed. */
export function hotAisleVariant(scene: Scene): Variant {
  const h100 = scene.variants.find((v) => v.id === 'gpu-h100-air')!
  const hall = h100.halls[0]!
  const rows = hall.rows.map((r, k) => (k % 2 === 1 && k < 10 ? { ...r, rotationDeg: 180, position: { x: r.position.x + 0.6 * r.rackCount, y: r.position.y + 1.2 } } : r))
  const containment = [0, 2, 4, 6, 8].map((k) => ({ rows: [rows[k]!.id, rows[k + 1]!.id] as [string, string], aisle: 'hot' as const }))
  return { ...h100, id: 'h100-hot-aisles', name: 'DGX H100, hot aisles', halls: [{ ...hall, airScheme: 'contained-aisle', rows, containment }] }
}

describe('the H100 hall in 3-D: open rows fail, rear doors and hot aisles hold the inlets', () => {
  const scene = JSON.parse(readFileSync('scenes/siberia-20mw.json', 'utf8')) as Scene
  const dir = mkdtempSync(join(tmpdir(), 'halltwin-h100-'))
  const file = join(dir, 'h100.json')
  writeFileSync(file, JSON.stringify({ ...scene, variants: [...scene.variants.filter((v) => v.id.startsWith('gpu-h100')), hotAisleVariant(scene)], tours: [], bookmarks: [] }))
  let out = ''
  expect(thermalCommand([file, '--model', '3d', '--grid', 'preview', '--variant', 'all', '--json'], { out: (t) => (out += t) })).toBe(0)
  const records = JSON.parse(out) as Airflow3dRecord[]
  const byId = new Map(records.map((r) => [r.variant, r.halls[0]!]))
  /** DGX H100 allowable inlet (models/devices-gpu.json, ASHRAE A2 clamped by the vendor). */
  const ALLOWABLE_C = 30

  it('prints every variant with per-rack inlet and outlet, the metrics and a balanced energy account', () => {
    expect(records.map((r) => r.variant)).toEqual(['gpu-h100-air', 'gpu-h100-rear-door', 'h100-hot-aisles'])
    for (const h of byId.values()) {
      expect(h.racks).toHaveLength(495)
      expect(Math.abs(h.energy.errorPct)).toBeLessThan(0.5)
      expect(h.metrics.captureIndex).toBeDefined()
      for (const r of h.racks) expect(Number.isFinite(r.inletC) && Number.isFinite(r.outletC)).toBe(true)
    }
  })

  it('gpu-h100-air: rows in series breathe each other’s exhaust, most inlets over the limit', () => {
    const h = byId.get('gpu-h100-air')!
    const over = h.racks.filter((r) => r.inletC > ALLOWABLE_C)
    expect(over.length).toBeGreaterThan(200)
    expect(h.metrics.rciHiPct).toBeLessThan(0)
    // The first row breathes pad air; the second already its exhaust.
    for (const r of h.racks.filter((x) => x.rowId === 'row-1.2')) expect(r.inletC).toBeGreaterThan(h.air.intakeC + 10)
  })

  it('gpu-h100-rear-door: every inlet within the limit, the doors take most of the heat into water', () => {
    const h = byId.get('gpu-h100-rear-door')!
    for (const r of h.racks) expect(r.inletC).toBeLessThan(ALLOWABLE_C)
    expect(h.metrics.rciHiPct).toBe(100)
    expect(h.energy.coilKW).toBeGreaterThan(0.8 * h.energy.heatInKW)
    for (const r of h.racks) expect(r.coilKW).toBeGreaterThan(0)
    // Along the chain of rows the inlets tend to T_water + ΔT·(1 − ε)/ε = 20 + 21·0.25 ≈ 25 °C.
    const last = h.racks.filter((x) => x.rowId === 'row-1.11').map((x) => x.inletC)
    expect(Math.max(...last)).toBeLessThan(20 + 21 * 0.25 + 1)
  })

  it('hot aisles enclosed: HACI ≈ 100 % for the 450 paired racks, every inlet at the pad air', () => {
    const h = byId.get('h100-hot-aisles')!
    const hot = h.metrics.captureIndex.hot!
    expect(hot.racks).toBe(450)
    expect(hot.minPct).toBeGreaterThan(99)
    expect(h.racks.filter((r) => r.hotCapture !== undefined)).toHaveLength(450)
    for (const r of h.racks) expect(r.inletC).toBeLessThan(ALLOWABLE_C)
    expect(h.metrics.rciHiPct).toBe(100)
  })
})
