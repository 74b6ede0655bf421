// Rows in series, by hand, in both models (docs/airflow3d.md, "Rows in series: hand, 2-D and
// 3-D"): the 2-D plan field (src/solver/thermal, the design checks) and the 3-D model with porous
// shelves (porous.ts). Halls from rowsInSeries.ts on the fixture catalog: shelves of 70 kW moving
// 3.6 m³/s, fans of 8.5 m³/s, ρ = 1.20412 kg/m³, c_p = 1005 J/(kg·K), outside air 20 °C.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { builtInCatalog } from '../../../src/model/catalog'
import { parseSceneText } from '../../../src/model/parse'
import { solveThermalField } from '../../../src/solver/thermal'
import { solveAirflow3d } from '../../../src/solver/thermal3d'
import { fixtureCatalog } from '../fixtures/catalog'
import { cutDefaultHall } from './hallCut'
import { CP, FAN_M3S, hallFanM3s, ONE_ROW, RHO_FLAT20, seriesScene, SHELF_M3S, SHELF_W, TWO_ROWS_FILLING, TWO_ROWS_HEADROOM, type SeriesHall } from './rowsInSeries'

const builtIn = builtInCatalog()
const mean = (a: number[]): number => a.reduce((s, x) => s + x, 0) / a.length
const run2d = (h: SeriesHall) => solveThermalField(seriesScene(h), 'v', fixtureCatalog, { grid: 'check' }).halls[0]!
const run3d = (h: SeriesHall, cellM = 1) => solveAirflow3d(seriesScene(h), 'v', fixtureCatalog, { grid: 'default', cellM, layerM: cellM, dtS: 0.5, maxSteps: 120 }).halls[0]!

describe('one row, fans drawing more than the row moves', () => {
  it('both models: the row breathes outside air (hand: 20 °C)', () => {
    // Fans 6 × 8.5 = 51 m³/s ≥ the row's 9 × 3.6 = 32.4 m³/s.
    expect(hallFanM3s(ONE_ROW)).toBeCloseTo(51, 9)
    const t2 = run2d(ONE_ROW)
    const t3 = run3d(ONE_ROW)
    // 2-D: 20.48 mean, 20.71 hottest (eddy diffusion of 0.05 m²/s carries some exhaust round the row).
    expect(Math.max(...t2.rackInletC['r1']!)).toBeLessThan(20.8)
    // 3-D: 20.20 mean, 20.27 hottest.
    expect(Math.max(...t3.rackInletC['r1']!)).toBeLessThan(20.35)
    expect(Math.abs(t3.balanceErrorPct)).toBeLessThan(0.5)
  })
})

describe('two rows filling the cross-section, fans drawing more than the rows move', () => {
  // All 51 m³/s pass through both rows (devices 32.4, gaps 18.6): row 2 breathes the mixed air
  // behind row 1: 20 + 630 000/(1.20412 · 1005 · 51) = 30.21 °C.
  const P = SHELF_W * TWO_ROWS_FILLING.racks
  const hand = 20 + P / (RHO_FLAT20 * CP * hallFanM3s(TWO_ROWS_FILLING))
  it('hand figure 30.21 °C; the 3-D model to 0.05 K (mean), the 2-D field to 0.5 K (mean)', () => {
    expect(hand).toBeCloseTo(30.21, 2)
    const t3 = run3d(TWO_ROWS_FILLING)
    expect(t3.converged).toBe(true)
    expect(mean(t3.rackInletC['r1']!)).toBeCloseTo(20, 1)
    expect(Math.abs(mean(t3.rackInletC['r2']!) - hand)).toBeLessThan(0.05)
    // Through each row: the hall's flow; out of row 2: 20 + 2 × 10.21 K.
    expect(t3.rackAirflowM3s['r2']!.reduce((s, q) => s + q, 0)).toBeCloseTo(51, 0)
    expect(mean(t3.rackOutletC['r2']!)).toBeCloseTo(20 + 2 * (hand - 20), 0)
    expect(Math.abs(t3.balanceErrorPct)).toBeLessThan(0.5)
    const t2 = run2d(TWO_ROWS_FILLING)
    // 2-D: 30.60 mean, 31.66 at the row's ends (the fans sit in the middle third of the wall, so
    // less of the gaps' cool air reaches the ends).
    expect(Math.abs(mean(t2.rackInletC['r2']!) - hand)).toBeLessThan(0.5)
  })

  it('fans drawing less than the rows push (25.5 of 32.4 m³/s): the gaps pass 6.9 m³/s backwards; mass and heat still balance', () => {
    // Before porous shelves (a solid body leaking front to back only) this hall had no steady
    // state: nowhere for the 6.9 m³/s behind row 2 to go — mass error 1.6–24 per cell, heat
    // balance off by 13–21 %. Hand figure with every space well mixed (front, aisle, rear):
    // ΔT_dev = 630 000/(1.20412·1005·32.4) = 16.07 K, Q_back = 6.9 m³/s;
    //   T_aisle = T_in1 + (1 + Q_back/Q_dev)·ΔT_dev,  T_in1 = (Q_hall·20 + Q_back·T_aisle)/Q_dev
    //   → T_aisle = 44.77 °C (row 2's inlet), T_in1 = 25.27 °C.
    const h: SeriesHall = { ...TWO_ROWS_FILLING, fans: 3, fanX: 6.9 }
    const qh = hallFanM3s(h)
    const qd = SHELF_M3S * h.racks
    const dT = P / (RHO_FLAT20 * CP * qd)
    const qb = qd - qh
    const tAisle = ((qh * 20) / qd + (1 + qb / qd) * dT) / (1 - qb / qd)
    expect(qh).toBeCloseTo(3 * FAN_M3S, 9)
    expect(tAisle).toBeCloseTo(44.77, 1)
    const t3 = run3d(h)
    expect(Math.abs(t3.balanceErrorPct)).toBeLessThan(0.5)
    expect(t3.maxDivergence).toBeLessThan(1e-3)
    // 3-D: 24.36 and 45.34 °C mean (the shelf cell is one mixed volume: its devices re-breathe the
    // returned exhaust at outlet − ΔT_dev).
    expect(Math.abs(mean(t3.rackInletC['r2']!) - tAisle)).toBeLessThan(1)
    expect(Math.abs(mean(t3.rackInletC['r1']!) - (qh * 20 + qb * tAisle) / qd)).toBeLessThan(1.5)
    // 2-D: 24.88 and 48.29 °C mean (hottest 56.6 °C at the row's ends).
    const t2 = run2d(h)
    expect(mean(t2.rackInletC['r2']!)).toBeGreaterThan(tAisle)
  })
})

describe('the same two rows with 2 m of headroom over them', () => {
  it("row 2 between the hand bounds: all the hall's air mixed into the aisle (30.21 °C) and row 1's exhaust alone (36.07 °C); the 2-D field at the mixed end, the 3-D model above it", () => {
    const P = SHELF_W * TWO_ROWS_HEADROOM.racks
    const mixed = 20 + P / (RHO_FLAT20 * CP * hallFanM3s(TWO_ROWS_HEADROOM))
    const own = 20 + P / (RHO_FLAT20 * CP * SHELF_M3S * TWO_ROWS_HEADROOM.racks)
    expect(own).toBeCloseTo(36.07, 2)
    const t2 = mean(run2d(TWO_ROWS_HEADROOM).rackInletC['r2']!)
    const t3 = mean(run3d(TWO_ROWS_HEADROOM).rackInletC['r2']!)
    // 2-D 31.12 °C; 3-D 32.13 (1 m cells), 32.04 (0.5 m, not in the test).
    for (const t of [t2, t3]) {
      expect(t).toBeGreaterThan(mixed)
      expect(t).toBeLessThan(own)
    }
    expect(t3 - t2).toBeGreaterThan(0.5)
  })
})

describe('the first three rows of the default hall (scenes/siberia-20mw.json, asic-baseline), preview grid', () => {
  // The hall cut behind row 3 (72 × 16.5 × 8 m), all 168 fans (1 488 m³/s), the pads: rows of 27
  // shelves (1.89 MW, ≈ 100 m³/s of devices) 3.94 m apart. docs/airflow3d.md, "Is the re-breathing
  // real or numerical?" (the grid study of the four-row cut is not in the tests: minutes).
  const base = parseSceneText(readFileSync('scenes/siberia-20mw.json', 'utf8'), builtIn)
  if (!base.ok) throw new Error('the default scene must parse')
  const scene = cutDefaultHall(base.scene, 'asic-baseline', 3, 16.5)
  const v = scene.variants[0]!
  const rows = (r: { rackInletC: Record<string, number[]> }) => ['row-1.1', 'row-1.2', 'row-1.3'].map((id) => mean(r.rackInletC[id]!))

  it('the 2-D field is the limit of perfect vertical mixing: each row 1.1–1.5 K over the one before; the 3-D model re-breathes, less through more open shelves', () => {
    const t2 = rows(solveThermalField(scene, v.id, builtIn, { grid: 'check' }).halls[0]!)
    // The hall's stream warms by 1.89 MW/(1.138 · 1005 · 1 488) = 1.11 K a row mixed over the whole
    // 72 m, 1.35 K in the band of the rows (the 9 m ends carry part of the stream past them):
    // 20.2, 21.6, 22.9 °C.
    expect(t2[1]! - t2[0]!).toBeGreaterThan(1.0)
    expect(t2[1]! - t2[0]!).toBeLessThan(1.5)
    expect(t2[2]! - t2[1]!).toBeGreaterThan(1.0)
    expect(t2[2]! - t2[1]!).toBeLessThan(1.5)
    const run = (openShare: number) => rows(solveAirflow3d(scene, v.id, builtIn, { grid: 'preview', shelf: { kind: 'porous', openShare } }).halls[0]!)
    // Shelves 25 % open (the default, ζ 29.7): 20.2, 24.9, 31.3 °C; 72 % open (ζ 0.83): 20.2, 22.5, 25.7.
    const p25 = run(0.25)
    const p72 = run(0.72)
    expect(p25[1]! - t2[1]!).toBeGreaterThan(2)
    expect(p25[2]! - t2[2]!).toBeGreaterThan(5)
    expect(p72[2]!).toBeLessThan(p25[2]! - 3)
    expect(p72[2]! - t2[2]!).toBeGreaterThan(1)
  })
})
