// Halls whose rack inlets follow from arithmetic, for the agreement of the 2-D plan field and the
// 3-D model (docs/airflow3d.md, "Rows in series: hand, 2-D and 3-D"). On the fixture catalog
// (test/unit/fixtures/catalog.ts): shelves 2 × 0.6 × 2 m of 20 miners (3.5 kW, 0.18 m³/s each:
// 70 kW and 3.6 m³/s a shelf), wall fans of 10 m³/s × fanFlowDerate 0.85 = 8.5 m³/s (1.4 × 1.4 m),
// pads 2 × 2 m, climate flat20 (20 °C, sea level: ρ = 101 325/(287.05 · 293.15) = 1.20412 kg/m³).
// Rows at 0° run along +x from their corner with their front to the south (−y), towards the pads
// on the south wall; the fans are on the north wall.
import type { Row, Scene } from '../../../src/model/sceneSchema'

export const RHO_FLAT20 = 101_325 / (287.05 * 293.15)
export const CP = 1005
export const SHELF_W = 20 * 3500
export const SHELF_M3S = 20 * 0.18
export const FAN_M3S = 10 * 0.85

export interface SeriesHall {
  lengthM: number
  widthM: number
  heightM: number
  /** South edge (the front) of each row, m; every row starts at `rowX` with `racks` shelves. */
  rowsY: number[]
  rowX: number
  racks: number
  /** Fans on the north wall: how many side by side from `fanX`, at each elevation. */
  fans: number
  fanX: number
  fanElevationsM: number[]
  /** Pads on the south wall from `padX`, 2 m each, at `padElevationM`. */
  pads: number
  padX: number
  padElevationM: number
  enclosureId?: string
}

export function seriesScene(h: SeriesHall): Scene {
  const rows: Row[] = h.rowsY.map((y, m) => ({
    id: `r${m + 1}`,
    position: { x: h.rowX, y },
    rotationDeg: 0,
    enclosureId: h.enclosureId ?? 'shelf',
    rackCount: h.racks,
    deviceId: 'miner',
    devicesPerRack: 20,
    feed: 'LV',
  }))
  return {
    version: 1,
    name: 'rows in series',
    site: { name: 'series', climateId: 'flat20', grid: { capacityMVA: 100, voltageKV: 10, minPowerFactor: 0.9 } },
    variants: [
      {
        id: 'v',
        name: 'V',
        halls: [
          {
            id: 'h',
            name: 'H',
            origin: { x: 0, y: 0 },
            lengthM: h.lengthM,
            widthM: h.widthM,
            heightM: h.heightM,
            airScheme: 'wall-to-wall',
            rows,
            cooling: [
              { id: 'pads', modelId: 'pad', count: h.pads, position: { x: h.padX, y: 0 }, rotationDeg: 0, elevationM: h.padElevationM, feed: 'LV' },
              ...h.fanElevationsM.map((e, m) => ({ id: `fans-${m}`, modelId: 'fan', count: h.fans, position: { x: h.fanX, y: h.widthM - 0.45 }, rotationDeg: 0, elevationM: e, feed: 'LV' })),
            ],
          },
        ],
        power: [
          { id: 'GRID', kind: 'grid', parent: null },
          { id: 'T1', kind: 'transformer', parent: 'GRID', modelId: 'tr2500' },
          { id: 'LV', kind: 'board', parent: 'T1' },
        ],
      },
    ],
  }
}

/** Fans' flow of a series hall, m³/s. */
export const hallFanM3s = (h: SeriesHall): number => h.fans * h.fanElevationsM.length * FAN_M3S

/** One row of 9 shelves (630 kW, 32.4 m³/s) in a 24 × 12 × 4 m hall, 6 fans (51 m³/s). */
export const ONE_ROW: SeriesHall = { lengthM: 24, widthM: 12, heightM: 4, rowsY: [5], rowX: 3, racks: 9, fans: 6, fanX: 7.8, fanElevationsM: [1.3], pads: 12, padX: 0, padElevationM: 0 }

/** Two rows of 9 shelves that fill the cross-section (18 m long, 2 m high, wall to wall), 2.9 m
 *  apart; 6 fans (51 m³/s) draw more than the shelves' 32.4 m³/s: all the hall's air passes
 *  through both rows. */
export const TWO_ROWS_FILLING: SeriesHall = { lengthM: 18, widthM: 10, heightM: 2, rowsY: [3, 6.5], rowX: 0, racks: 9, fans: 6, fanX: 4.8, fanElevationsM: [0.3], pads: 9, padX: 0, padElevationM: 0 }

/** The same rows under a 4 m roof: 2 m of headroom over them, the same fans. */
export const TWO_ROWS_HEADROOM: SeriesHall = { ...TWO_ROWS_FILLING, heightM: 4, fanElevationsM: [1.3] }
