// A rack-room case checkable by hand (docs/airflow3d.md, validation): no tabulated rack inlet
// temperatures of a published data-centre experiment were found in the sources at hand (Han et
// al. 2020 and Wibron et al. give theirs in figures), so the rack read-outs are checked where
// the answer is arithmetic. A duct 6 × 1 × 2 m, 0.5 m cells, 0.5 m³/s of air at 20 °C blown in
// over the whole west end and drawn out over the east end; two racks fill the duct's cross-section
// one behind the other, each moving the same 0.5 m³/s and heating it by 5 kW. All the air passes
// both: rack 2 breathes rack 1's exhaust, T_in,2 = 20 + 5000/(1.2·1005·0.5) = 28.29 °C, and
// leaves at 20 + 2·8.29 = 36.58 °C.
import { describe, expect, it } from 'vitest'
import { addHeatUnit, cellFaces, createDomain, markSolid, setFixedFlow } from '../../../src/solver/thermal3d/domain'
import { GRAVITY_M_S2, solveFlow3d } from '../../../src/solver/thermal3d/ffd'
import { cellIndex, makeGrid3, uIndex } from '../../../src/solver/thermal3d/grid3'

const RHO = 1.2
const CP = 1005

describe('rack room by hand: two racks in series in a duct', () => {
  it('rack 2 breathes rack 1 exhaust: 28.29 °C in, 36.58 °C out, heat balance within 0.5 %', () => {
    const g = makeGrid3(12, 2, 4, 0.5, 0.5, 0.5)
    const d = createDomain(g)
    const q = 0.5
    const racks = [3, 7].map((i, m) => {
      const cells: number[] = []
      for (let k = 0; k < 4; k++) for (let j = 0; j < 2; j++) cells.push(cellIndex(g, i, j, k))
      for (const c of cells) markSolid(d, c)
      return addHeatUnit(d, `rack-${m + 1}`, cells.map((c) => cellFaces(g, c)[0]!), cells.map((c) => cellFaces(g, c)[1]!), q, 5000)
    })
    expect(racks).toEqual([0, 1])
    // In over the west end, out over the east end: 8 faces of 0.25 m² each, 0.5 m³/s → 0.25 m/s.
    for (let k = 0; k < 4; k++) {
      for (let j = 0; j < 2; j++) {
        setFixedFlow(d, uIndex(g, 0, j, k), -q / 2, 20)
        setFixedFlow(d, uIndex(g, 12, j, k), q / 2)
      }
    }
    const r = solveFlow3d(d, {
      dtS: 2,
      maxSteps: 200,
      turbulence: { kind: 'zero-equation' },
      advection: 'implicit-upwind',
      buoyancy: { gBeta: GRAVITY_M_S2 / 293.15, refC: 20 },
      densityKgM3: RHO,
      cpJPerKgK: CP,
      initialC: 20,
      refC: 20,
    })
    const rise = 5000 / (RHO * CP * q)
    expect(r.unitInC[0]).toBeCloseTo(20, 3)
    expect(r.unitInC[1]).toBeCloseTo(20 + rise, 2)
    expect(r.unitOutC[1]).toBeCloseTo(20 + 2 * rise, 2)
    expect(Math.abs(r.balanceErrorPct)).toBeLessThan(0.5)
  })
})
