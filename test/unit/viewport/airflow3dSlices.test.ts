// The 3-D airflow overlay's pixels and line buffers (src/viewport/airflow3d/slices.ts): which cell
// each texel shows, solid cells clear, the heat map's ramp, three's frame for the lines.
import { describe, expect, it } from 'vitest'
import { airflowScale, horizontalSlicePixels, inletLayer, rowSliceAt, sliceAxisOf, sliceIndex, streamlineBuffers, verticalSlicePixels } from '../../../src/viewport/airflow3d/slices'
import { thermalPixels } from '../../../src/viewport/thermalScale'

// 3 × 2 × 4 cells of 2 m × 3 m × 0.5 m; T = 15 + c (cell index), one solid cell.
const nx = 3
const ny = 2
const nz = 4
const tempC = Float32Array.from({ length: nx * ny * nz }, (_, c) => 15 + c)
const solid = new Uint8Array(nx * ny * nz)
solid[1 + nx * (1 + ny * 2)] = 1 // cell (1, 1, 2)
const hall = { nx, ny, nz, cellXM: 2, cellYM: 3, cellZM: 0.5, originX: 10, originY: 20, tempC, solid }
const colourOf = (t: number): number[] => [...thermalPixels(Float32Array.of(t), 1).subarray(0, 3)]

describe('3-D airflow slices', () => {
  it('the inlet slice is the layer holding 1.2 m: floor(1.2/0.5) = 2', () => {
    expect(inletLayer(hall)).toBe(2)
    expect(inletLayer({ nz: 8, cellZM: 1 })).toBe(1)
  })

  it('a horizontal slice shows layer k, texel i + nx·j, solid cells clear', () => {
    const px = horizontalSlicePixels(hall, 2)
    expect(px.length).toBe(nx * ny * 4)
    for (let j = 0; j < ny; j++) {
      for (let i = 0; i < nx; i++) {
        const t = i + nx * j
        const c = i + nx * (j + ny * 2)
        expect([...px.subarray(t * 4, t * 4 + 3)]).toEqual(colourOf(15 + c))
        expect(px[t * 4 + 3]).toBe(c === 1 + nx * (1 + ny * 2) ? 0 : 255)
      }
    }
  })

  it('a vertical slice across x shows column i: texel j + ny·k', () => {
    // x = 13 m is in column floor((13 − 10)/2) = 1.
    expect(sliceIndex(hall, 'x', 13)).toBe(1)
    expect(sliceIndex(hall, 'x', -99)).toBe(0)
    expect(sliceIndex(hall, 'y', 99)).toBe(ny - 1)
    const { pixels, width } = verticalSlicePixels(hall, 'x', 1)
    expect(width).toBe(ny)
    for (let k = 0; k < nz; k++) {
      for (let j = 0; j < ny; j++) {
        const t = j + ny * k
        const c = 1 + nx * (j + ny * k)
        expect([...pixels.subarray(t * 4, t * 4 + 3)]).toEqual(colourOf(15 + c))
        expect(pixels[t * 4 + 3]).toBe(solid[c] ? 0 : 255)
      }
    }
    const across = verticalSlicePixels(hall, 'y', 0)
    expect(across.width).toBe(nx)
    expect([...across.pixels.subarray((2 + nx * 3) * 4, (2 + nx * 3) * 4 + 3)]).toEqual(colourOf(15 + (2 + nx * (0 + ny * 3))))
  })

  it('rows along x are cut by a plane of constant x; rows turned 90° by constant y', () => {
    expect(sliceAxisOf([{ rotationDeg: 0 }, { rotationDeg: 180 }, {}])).toBe('x')
    expect(sliceAxisOf([{ rotationDeg: 90 }, { rotationDeg: 270 }, { rotationDeg: 0 }])).toBe('y')
  })

  it('streamline buffers: site (x, y, z) → three (x, z, −y), a segment per step, none across lines', () => {
    const s = {
      positions: Float32Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15),
      tempC: Float32Array.of(20, 30, 40, 50, 60),
      starts: Uint32Array.of(0, 3, 5),
      kind: Uint8Array.of(0, 1),
    }
    const b = streamlineBuffers(s)
    expect([...b.positions.subarray(0, 6)]).toEqual([1, 3, -2, 4, 6, -5])
    expect([...b.index]).toEqual([0, 1, 1, 2, 3, 4])
    expect(b.colours.length).toBe(15)
    // Linear RGB of the ramp's sRGB bytes: every channel in 0..1, the hot end redder than the cold.
    for (const v of b.colours) expect(v >= 0 && v <= 1).toBe(true)
    expect(b.colours[12]!).toBeGreaterThan(b.colours[14]!)
  })
})

describe('rowSliceAt', () => {
  it('cuts a row in the middle of its racks along the slice axis', () => {
    // Three racks 0.6 m apart from x = 8.3 m: (8.3 + 8.9 + 9.5) / 3 = 8.9 m; along y, the row's line.
    const boxes = [8.3, 8.9, 9.5].map((cx) => ({ cx, cy: 4.6 }))
    expect(rowSliceAt(boxes, 'x')).toBeCloseTo(8.9, 12)
    expect(rowSliceAt(boxes, 'y')).toBeCloseTo(4.6, 12)
    expect(rowSliceAt([], 'x')).toBeNull()
  })

  it('the scale is the heat map’s 15–50 °C unless the supply or the hot aisle falls outside it', () => {
    const hall = (supplyC: number, coldAisleC: number, hotAisleC: number) => ({ metrics: { supplyC }, aisles: { coldAisleC, hotAisleC } })
    expect(airflowScale([hall(20, 24, 38)])).toEqual({ minC: 15, maxC: 50, ticksC: [15, 27, 40, 50] })
    // Hot aisle 89.0 °C → 90 (5 °C up); ticks a fifth of 75 K (15 K) apart: 27 is 12 K from 15, out.
    expect(airflowScale([hall(20, 68.7, 89)])).toEqual({ minC: 15, maxC: 90, ticksC: [15, 50, 75, 90] })
    // Supply at 12 °C → 10; two halls: the wider of both.
    const both = airflowScale([hall(12, 20, 30), hall(20, 40, 61)])
    expect([both.minC, both.maxC]).toEqual([10, 65])
    expect(airflowScale([])).toEqual({ minC: 15, maxC: 50, ticksC: [15, 27, 40, 50] })
  })
})
