// Pixels and line buffers of the 3-D airflow overlay, from the worker's view: a horizontal slice at
// rack inlet height, a vertical slice across the rows, streamline vertices. Only indexing and the
// heat map's colour ramp (thermalScale.ts); no physics. Solid cells (racks, handlers) are clear, so
// the racks, coloured by their inlets, show through.
import { Color, SRGBColorSpace } from 'three'
import type { Streamlines } from '../../solver/thermal3d/streamlines'
import type { Airflow3dHallView } from '../../solver/thermal3d/view'
import { THERMAL_SCALE } from '../palette'
import { thermalPixels, type ThermalRange } from '../thermalScale'

/** Height of the horizontal slice, m: about mid-height of a 2.0–2.4 m rack or shelf, the middle of
 *  the bottom/middle/top inlet readings ASHRAE TC 9.9 describes (approximate; the slice shows the
 *  cell layer holding this height). */
export const INLET_SLICE_HEIGHT_M = 1.2

export type SliceAxis = 'x' | 'y'

type SliceHall = Pick<Airflow3dHallView, 'nx' | 'ny' | 'nz' | 'cellXM' | 'cellYM' | 'cellZM' | 'originX' | 'originY' | 'tempC' | 'solid'>

/** The cell layer holding the inlet height. */
export function inletLayer(h: Pick<SliceHall, 'nz' | 'cellZM'>): number {
  return Math.min(h.nz - 1, Math.max(0, Math.floor(INLET_SLICE_HEIGHT_M / h.cellZM)))
}

/** Rounding of a stretched scale's ends, °C. */
const SCALE_ROUND_C = 5

/** The ramp's span in the 3-D view: the heat map's fixed 15–50 °C, so the two views compare,
 *  stretched down to the supply air and up to the hot aisle (the flow-weighted mean exhaust, the
 *  solver's figure) where they fall outside it, rounded out to 5 °C. An overheated hall then shows
 *  its cold aisle in a colour below its hot aisle's, not both in the top colour. */
export function airflowScale(halls: readonly { aisles: { hotAisleC: number; coldAisleC: number }; metrics: { supplyC: number } }[]): ThermalRange & { ticksC: readonly number[] } {
  let lo: number = THERMAL_SCALE.minC
  let hi: number = THERMAL_SCALE.maxC
  for (const h of halls) {
    for (const t of [h.metrics.supplyC, h.aisles.coldAisleC]) if (Number.isFinite(t)) lo = Math.min(lo, Math.floor(t / SCALE_ROUND_C) * SCALE_ROUND_C)
    if (Number.isFinite(h.aisles.hotAisleC)) hi = Math.max(hi, Math.ceil(h.aisles.hotAisleC / SCALE_ROUND_C) * SCALE_ROUND_C)
  }
  if (lo === THERMAL_SCALE.minC && hi === THERMAL_SCALE.maxC) return THERMAL_SCALE
  // Ends, the recommended inlet maximum (27 °C) and every 25 °C between, a fifth of the bar apart
  // at least (a label is about that wide).
  const gap = (hi - lo) / 5
  const ticksC = [lo]
  for (const t of [27, 50, 75, 100, 125, 150]) if (t >= ticksC[ticksC.length - 1]! + gap && t <= hi - gap) ticksC.push(t)
  ticksC.push(hi)
  return { minC: lo, maxC: hi, ticksC }
}

function paint(temps: Float32Array, solid: Uint8Array, range?: ThermalRange): Uint8Array {
  const px = thermalPixels(temps, 1, range)
  for (let p = 0; p < solid.length; p++) if (solid[p]) px[p * 4 + 3] = 0
  return px
}

/** RGBA of layer k, nx × ny texels (texel i + nx·j). */
export function horizontalSlicePixels(h: SliceHall, k: number, range?: ThermalRange): Uint8Array {
  const n = h.nx * h.ny
  const temps = h.tempC.subarray(k * n, (k + 1) * n)
  return paint(temps, h.solid.subarray(k * n, (k + 1) * n), range)
}

/** The cell column a site coordinate falls in along the axis (clamped). */
export function sliceIndex(h: SliceHall, axis: SliceAxis, at: number): number {
  const [origin, cell, count] = axis === 'x' ? [h.originX, h.cellXM, h.nx] : [h.originY, h.cellYM, h.ny]
  return Math.min(count - 1, Math.max(0, Math.floor((at - origin) / cell)))
}

/** RGBA of the vertical plane of cells at `index` along the axis: width × nz texels, the width
 *  along the other horizontal axis (texel a + width·k). */
export function verticalSlicePixels(h: SliceHall, axis: SliceAxis, index: number, range?: ThermalRange): { pixels: Uint8Array; width: number } {
  const width = axis === 'x' ? h.ny : h.nx
  const temps = new Float32Array(width * h.nz)
  const solid = new Uint8Array(width * h.nz)
  for (let k = 0; k < h.nz; k++) {
    for (let a = 0; a < width; a++) {
      const c = axis === 'x' ? index + h.nx * (a + h.ny * k) : a + h.nx * (index + h.ny * k)
      temps[a + width * k] = h.tempC[c]!
      solid[a + width * k] = h.solid[c]!
    }
  }
  return { pixels: paint(temps, solid, range), width }
}

/** Rows along x (rotation 0° or 180°, the usual) are cut across by a plane of constant x. */
export function sliceAxisOf(rows: readonly { rotationDeg?: number | undefined }[]): SliceAxis {
  let alongY = 0
  for (const r of rows) if (Math.abs(Math.sin(((r.rotationDeg ?? 0) * Math.PI) / 180)) > 0.7) alongY++
  return alongY > rows.length / 2 ? 'y' : 'x'
}

/** Where a vertical slice across a row cuts it: the middle of its racks along the slice axis, in
 *  site metres (the rack boxes of model/layout.ts); null for a row with no racks. */
export function rowSliceAt(boxes: readonly { cx: number; cy: number }[], axis: SliceAxis): number | null {
  if (boxes.length === 0) return null
  let sum = 0
  for (const b of boxes) sum += axis === 'x' ? b.cx : b.cy
  return sum / boxes.length
}

/** Line segments of the streamlines in three's frame (site x, z, −y), each vertex coloured by its
 *  air temperature on the heat map's ramp (linear RGB for vertex colours). */
export function streamlineBuffers(s: Pick<Streamlines, 'positions' | 'tempC' | 'starts'>, range?: ThermalRange): { positions: Float32Array; colours: Float32Array; index: Uint32Array } {
  const n = s.tempC.length
  const positions = new Float32Array(n * 3)
  for (let p = 0; p < n; p++) {
    positions[p * 3] = s.positions[p * 3]!
    positions[p * 3 + 1] = s.positions[p * 3 + 2]!
    positions[p * 3 + 2] = -s.positions[p * 3 + 1]!
  }
  const bytes = thermalPixels(s.tempC, 1, range)
  const colours = new Float32Array(n * 3)
  const c = new Color()
  for (let p = 0; p < n; p++) {
    c.setRGB(bytes[p * 4]! / 255, bytes[p * 4 + 1]! / 255, bytes[p * 4 + 2]! / 255, SRGBColorSpace)
    colours[p * 3] = c.r
    colours[p * 3 + 1] = c.g
    colours[p * 3 + 2] = c.b
  }
  const pairs: number[] = []
  for (let l = 0; l + 1 < s.starts.length; l++) for (let p = s.starts[l]!; p + 1 < s.starts[l + 1]!; p++) pairs.push(p, p + 1)
  return { positions, colours, index: Uint32Array.from(pairs) }
}
