// The scene of the grid-advice tests (solver and economics): an N+1 group of three 2500 kVA
// transformers with room to spare behind a grid connection that is too small. Not a test file.
import type { PowerNode, Row, Scene } from '../../../src/model/sceneSchema'
import { parseScene } from '../../../src/model/parse'
import { fixtureCatalog } from '../fixtures/catalog'

// Three rows of 20 shelves × 20 miners × 3.5 kW = 1400 kW at PF 0.99 (199.48 kvar each), one per
// 2500 kVA transformer (P0 2.6 kW, Pk 26.5 kW, i0 0.6 %, uk 6 %). Each transformer delivers
// S = 1400 / 0.99 = 1414.14 kVA, k = 0.56569, k² = 0.32:
//   losses P = 2.6 + 26.5 × 0.32 = 11.08 kW,
//          Q = √(15² − 2.6²) + √(150² − 26.5²) × 0.32 = 14.77 + 147.64 × 0.32 = 62.02 kvar;
//   the grid supplies P = 3 × 1411.08 = 4233.24 kW, Q = 3 × (199.48 + 62.02) = 784.52 kvar,
//   S = √(4233.24² + 784.52²) = 4305.32 kVA against a 4.0 MVA connection: 107.6 %.
// Lose one transformer: its 1400 kW + 199.48 kvar move to the other two, half each: they deliver
// 2100 kW + 299.22 kvar, S = 2121.21 kVA = 84.85 % of 2500: the group has room.
export const S_GRID = Math.hypot(
  3 * (1400 + 2.6 + 26.5 * 0.32),
  3 * (1400 * Math.tan(Math.acos(0.99)) + Math.sqrt(15 ** 2 - 2.6 ** 2) + Math.sqrt(150 ** 2 - 26.5 ** 2) * 0.32),
)
const row = (id: string, feed: string, y: number): Row => ({ id, position: { x: 0, y }, rotationDeg: 0, enclosureId: 'shelf', rackCount: 20, deviceId: 'miner', devicesPerRack: 20, feed })
const power: PowerNode[] = [
  { id: 'GRID', kind: 'grid', parent: null },
  ...['T1', 'T2', 'T3'].map((id): PowerNode => ({ id, kind: 'transformer', parent: 'GRID', modelId: 'tr2500', redundancy: { group: 'U', scheme: 'N+1' } })),
  ...['1', '2', '3'].map((i): PowerNode => ({ id: `B${i}`, kind: 'board', parent: `T${i}` })),
]
export const scene: Scene = {
  version: 1,
  name: 'grid advice',
  site: { name: 'g', climateId: 'flat20', grid: { capacityMVA: 4, voltageKV: 10, minPowerFactor: 0.9 } },
  variants: [
    {
      id: 'v',
      name: 'V',
      halls: [{ id: 'h', name: 'H', origin: { x: 0, y: 0 }, lengthM: 60, widthM: 40, heightM: 6, airScheme: 'wall-to-wall', rows: [row('r1', 'B1', 0), row('r2', 'B2', 6), row('r3', 'B3', 12)], cooling: [] }],
      power,
    },
  ],
}
const parsed = parseScene(scene, fixtureCatalog)
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues))
