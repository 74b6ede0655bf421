// Outside the canvas: the hall labels, moved to where LabelProjector says each frame.
import { useEffect, useMemo, useRef } from 'react'
import { selectVariant, useStore } from '../store'
import { hallLabelAnchors, labelBus, placeLabel } from './labels'

export function LabelOverlay() {
  const variant = useStore(selectVariant)
  const anchors = useMemo(() => hallLabelAnchors(variant), [variant])
  const elements = useRef<(HTMLDivElement | null)[]>([])
  useEffect(
    () =>
      labelBus.subscribe((positions) => {
        elements.current.forEach((el, i) => {
          if (el) placeLabel(el, positions, i, 'translate(0, -100%)')
        })
      }),
    [anchors],
  )
  return (
    <div className="label-layer" aria-hidden="true">
      {anchors.map((a, i) => (
        <div
          key={a.id}
          ref={(el) => {
            elements.current[i] = el
          }}
          className="hall-label"
          style={{ visibility: 'hidden' }}
        >
          <span className="hall-label-name">{a.title}</span>
          <span className="hall-label-size">{a.detail}</span>
        </div>
      ))}
    </div>
  )
}
