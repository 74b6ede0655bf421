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

/** A label's size on screen, with its anchor at the middle of its bottom edge (x, y), as the
 *  presentation's equipment labels stand over their equipment. */
export interface LabelBox {
  x: number
  y: number
  width: number
  height: number
}

/** Each label's size on screen, with `extraHeight` added (a leader under it): the sizes already
 *  measured while every one of them is a real size, else measured again. A label measured while
 *  its layer was hidden (display: none, as the presentation's labels are until the layer shows)
 *  reads 0 × 0, and a label taken as having no size would never be lifted off the ones it covers;
 *  its text does not change, so once measured it is not measured again. */
export function labelSizes(
  els: readonly Pick<HTMLElement, 'offsetWidth' | 'offsetHeight'>[],
  measured: readonly { width: number; height: number }[],
  extraHeight: number,
): { width: number; height: number }[] {
  if (measured.length === els.length && measured.every((s) => s.width > 0)) return measured as { width: number; height: number }[]
  return els.map((el) => ({ width: el.offsetWidth, height: el.offsetHeight + extraHeight }))
}

/** How far (CSS pixels) each label must rise above its anchor so that no two overlap: the labels
 *  earlier in the list keep their place, a later one that would cover one is lifted just above it
 *  (and above any it meets there), and one that would have to rise more than `maxLift` is not
 *  shown (NaN), as is one without a position. `gap`: the space kept between two labels. */
export function declutter(boxes: readonly LabelBox[], maxLift: number, gap = 4): number[] {
  const placed: { left: number; right: number; top: number; bottom: number }[] = []
  return boxes.map((b) => {
    if (!Number.isFinite(b.x) || !Number.isFinite(b.y)) return Number.NaN
    const left = b.x - b.width / 2
    const right = b.x + b.width / 2
    let lift = 0
    // Each pass either finds no label in the way or lifts this one above the lowest in the way,
    // which it then clears for good: at most one pass per placed label.
    for (let pass = 0; pass <= placed.length; pass++) {
      const bottom = b.y - lift
      const top = bottom - b.height
      let clearTo = Number.POSITIVE_INFINITY
      for (const p of placed) {
        if (left < p.right + gap && right > p.left - gap && top < p.bottom + gap && bottom > p.top - gap) clearTo = Math.min(clearTo, p.top - gap)
      }
      if (clearTo === Number.POSITIVE_INFINITY) break
      lift = b.y - clearTo
    }
    if (lift > maxLift) return Number.NaN
    placed.push({ left, right, top: b.y - lift - b.height, bottom: b.y - lift })
    return lift
  })
}
