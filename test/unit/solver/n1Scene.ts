// The scene of the N-1 attribution tests (solver and economics): a 2N chain whose board side
// is too small for the whole row. Not a test file itself.
import type { PowerNode, Row, Scene } from '../../../src/model/sceneSchema'
import { parseScene } from '../../../src/model/parse'
import { fixtureCatalog } from '../fixtures/catalog'

// One row of 20 shelves × 20 miners × 3.5 kW = 1400 kW at PF 0.99: S = 1400 / 0.99 = 1414.14 kVA,
// dual-fed from boards BA and BB (1300 kVA, lossless) under 2500 kVA unit transformers TA and TB.
// 2N twice: group T = {TA side A, TB side B}, group B = {BA side A, BB side B}.
//   Normal: each side carries half, 707.07 kVA: BA, BB at 54.4 %, TA, TB at 28.3 %.
//   Lose TA (group T): side A is dead, BB carries the whole row: 1414.14 / 1300 = 108.78 % —
//     over BB's emergency limit (1.0 × rating), while TB, the survivor of group T, carries
//     1414.14 kVA at its output (the board is lossless): 1414.14 / 2500 = 56.57 %.
//   Lose BA (group B): BB again at 108.78 %, its own survivor.
// So group T passes its N-1 (its survivor at 56.57 %) and group B fails it, on BB (and BA, the
// other way round).
export const S_ROW = 1400 / 0.99
const row: Row = { id: 'r1', position: { x: 0, y: 0 }, rotationDeg: 0, enclosureId: 'shelf', rackCount: 20, deviceId: 'miner', devicesPerRack: 20, feed: 'BA', feedB: 'BB' }
const power: PowerNode[] = [
  { id: 'GRID', kind: 'grid', parent: null },
  { id: 'TA', kind: 'transformer', parent: 'GRID', modelId: 'tr2500', redundancy: { group: 'T', scheme: '2N', side: 'A' } },
  { id: 'TB', kind: 'transformer', parent: 'GRID', modelId: 'tr2500', redundancy: { group: 'T', scheme: '2N', side: 'B' } },
  { id: 'BA', kind: 'board', parent: 'TA', ratingKVA: 1300, redundancy: { group: 'B', scheme: '2N', side: 'A' } },
  { id: 'BB', kind: 'board', parent: 'TB', ratingKVA: 1300, redundancy: { group: 'B', scheme: '2N', side: 'B' } },
]
export const scene: Scene = {
  version: 1,
  name: 'n1 attribution',
  site: { name: 'r', climateId: 'flat20', grid: { capacityMVA: 20, voltageKV: 10, minPowerFactor: 0.9 } },
  variants: [
    {
      id: 'v',
      name: 'V',
      requiredTier: '2N',
      halls: [{ id: 'h', name: 'H', origin: { x: 0, y: 0 }, lengthM: 60, widthM: 40, heightM: 6, airScheme: 'wall-to-wall', rows: [row], cooling: [] }],
      power,
    },
  ],
}
const parsed = parseScene(scene, fixtureCatalog)
if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues))
