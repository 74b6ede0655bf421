// Air temperature → colour for the heat map (a lookup table for texture bytes) and for racks
// coloured by inlet temperature. Turbo ramp (Google, 2019; d3-scale-chromatic interpolateTurbo).
import { interpolateTurbo } from 'd3-scale-chromatic'
import { THERMAL_SCALE } from './palette'

const LUT_SIZE = 256

/** The °C span the ramp covers: the fixed THERMAL_SCALE unless a view stretches it (the 3-D
 *  airflow view, when its hot aisle runs above the fixed top: airflow3d/slices.ts). */
export interface ThermalRange {
  minC: number
  maxC: number
}

/** Position of a temperature on the scale, 0..1 (clamped). */
export function thermalT(tempC: number, range: ThermalRange = THERMAL_SCALE): number {
  const t = (tempC - range.minC) / (range.maxC - range.minC)
  return Number.isFinite(t) ? Math.min(1, Math.max(0, t)) : 0
}

export function thermalCss(tempC: number, range?: ThermalRange): string {
  return interpolateTurbo(thermalT(tempC, range))
}

/** sRGB bytes of the ramp, LUT_SIZE entries of r, g, b (interpolateTurbo gives "rgb(r, g, b)"). */
let lut: Uint8Array | null = null
function thermalLut(): Uint8Array {
  if (lut) return lut
  const out = new Uint8Array(LUT_SIZE * 3)
  for (let i = 0; i < LUT_SIZE; i++) {
    const m = /(\d+)\D+(\d+)\D+(\d+)/.exec(interpolateTurbo(i / (LUT_SIZE - 1)))
    out[i * 3] = Number(m?.[1] ?? 0)
    out[i * 3 + 1] = Number(m?.[2] ?? 0)
    out[i * 3 + 2] = Number(m?.[3] ?? 0)
  }
  lut = out
  return out
}

/** RGBA bytes of a field, one pixel per cell, alpha fixed. */
export function thermalPixels(tempC: Float32Array, alpha: number, range?: ThermalRange): Uint8Array {
  const table = thermalLut()
  const out = new Uint8Array(tempC.length * 4)
  const a = Math.round(alpha * 255)
  for (let k = 0; k < tempC.length; k++) {
    const i = Math.round(thermalT(tempC[k]!, range) * (LUT_SIZE - 1)) * 3
    out[k * 4] = table[i]!
    out[k * 4 + 1] = table[i + 1]!
    out[k * 4 + 2] = table[i + 2]!
    out[k * 4 + 3] = a
  }
  return out
}
