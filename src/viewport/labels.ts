// Screen-space labels without a DOM root per label: the projector inside the canvas publishes the
// screen position of every anchor each frame; the overlay outside the canvas moves its elements.
import type { Variant } from '../model/sceneSchema'

export interface LabelAnchor {
  id: string
  title: string
  detail: string
  /** three.js world position (x, y-up, z = −site y). */
  position: readonly [number, number, number]
}

const metres = (m: number) => (Math.round(m * 10) / 10).toLocaleString('en-US')

/** One label per hall, over its north-west roof corner. */
export function hallLabelAnchors(variant: Variant | null): LabelAnchor[] {
  if (!variant) return []
  return variant.halls.map((h) => ({
    id: h.id,
    title: h.name,
    detail: `${metres(h.lengthM)} × ${metres(h.widthM)} × ${metres(h.heightM)} m`,
    position: [h.origin.x, h.heightM + 0.5, -(h.origin.y + h.widthM)],
  }))
}

/** Screen position of label i: x, y in CSS pixels of the canvas; NaN when behind the camera. */
export type LabelPositions = Float32Array
type Listener = (positions: LabelPositions) => void

const listeners = new Set<Listener>()

export const labelBus = {
  publish(positions: LabelPositions): void {
    for (const l of listeners) l(positions)
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener)
    return () => listeners.delete(listener)
  },
}

/** Moves a DOM label to its projected position (NaN: off screen, hidden); `anchor` is the CSS
 *  translate that puts the label's anchor point on the spot. */
export function placeLabel(el: HTMLElement, positions: LabelPositions, i: number, anchor: string): void {
  const x = positions[2 * i] ?? Number.NaN
  const y = positions[2 * i + 1] ?? Number.NaN
  if (Number.isNaN(x) || Number.isNaN(y)) {
    el.style.visibility = 'hidden'
    return
  }
  el.style.visibility = 'visible'
  el.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px) ${anchor}`
}
