// Text helpers for the diagram: SVG text neither wraps nor ellipsizes, so names are cut to fit.
import { formatNumber } from '../format'

/** Average advance of the UI font per px of font size (sans-serif, mixed case and digits). */
const EM_PER_CHAR = 0.56

export function fitText(text: string, maxPx: number, fontPx = 11.5): string {
  const max = Math.max(3, Math.floor(maxPx / (fontPx * EM_PER_CHAR)))
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

export const percent = (share: number): string => `${formatNumber(share * 100, 0)} %`

/** How much of a box to draw at a zoom: everything, a large short label, or a coloured block. */
export type Detail = 'full' | 'compact' | 'block'

export const FULL_DETAIL_MIN_ZOOM = 0.6
export const COMPACT_DETAIL_MIN_ZOOM = 0.14

export function detailAt(zoom: number): Detail {
  return zoom >= FULL_DETAIL_MIN_ZOOM ? 'full' : zoom >= COMPACT_DETAIL_MIN_ZOOM ? 'compact' : 'block'
}

/** Font size (diagram px) that shows as about 11 screen px at this zoom, within [min, max]. */
export function screenFont(zoom: number, maxPx: number, minPx = 11): number {
  return Math.max(minPx, Math.min(maxPx, 11.5 / zoom))
}
