// Text helpers for the diagram: SVG text neither wraps nor ellipsizes, so names are cut to fit;
// powers in the units an engineer writes on a drawing (kVA up to 10 MVA, then MVA).
import { formatAuto, formatNumber } from '../format'

/** Average advance of the UI font per px of font size (sans-serif, mixed case and digits). */
const EM_PER_CHAR = 0.56

export function fitText(text: string, maxPx: number, fontPx = 12): string {
  const max = Math.max(3, Math.floor(maxPx / (fontPx * EM_PER_CHAR)))
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

export const percent = (share: number): string => `${formatNumber(share * 100, 0)} %`

export function formatKVA(kva: number): string {
  return Math.abs(kva) >= 10_000 ? `${formatAuto(kva / 1000)} MVA` : `${formatNumber(kva, 0)} kVA`
}

export function formatKW(kw: number): string {
  return Math.abs(kw) >= 1000 ? `${formatNumber(kw / 1000, 2)} MW` : `${formatAuto(kw)} kW`
}
