// The label of the equipment under the pointer: its name and key figure from the report
// (hoverText.ts), over the item's top (drei Html). Hidden while dragging and in Present, which has
// labels of its own.
import { useMemo } from 'react'
import { Html } from '@react-three/drei'
import { builtInCatalog } from '../model/catalog'
import { selectReport, selectVariant, useStore } from '../store'
import { useDragState } from './tools/dragState'
import { useTour } from './tour/tourStore'
import { boxesByItem } from './tools/itemBoxes'
import { hoverText } from './hoverText'
import type { SceneLayout } from './sceneLayout'
import './hoverLabel.css'

export function HoverLabel({ layout }: { layout: SceneLayout }) {
  const hoverId = useDragState((s) => s.hoverId)
  const dragging = useDragState((s) => s.drag !== null || s.brush !== null)
  const presenting = useTour((s) => s.presenting)
  const variant = useStore(selectVariant)
  const report = useStore(selectReport)
  const byId = useMemo(() => boxesByItem(layout, { power: true }), [layout])
  const text = useMemo(() => (hoverId && variant ? hoverText(hoverId, variant, report, builtInCatalog()) : null), [hoverId, variant, report])
  const boxes = hoverId ? byId.get(hoverId) : undefined
  if (!hoverId || !text || !boxes || dragging || presenting) return null
  const mid = boxes[Math.floor(boxes.length / 2)]!
  const top = Math.max(...boxes.map((b) => b.elevationM + b.heightM))
  return (
    <Html position={[mid.cx, top + 0.6, -mid.cy]} zIndexRange={[6, 6]} style={{ pointerEvents: 'none' }}>
      <div className="hover-label" data-testid="hover-label" data-id={hoverId}>
        <span className="hover-label-title">{text.title}</span>
        {text.figures.length > 0 && <span className="hover-label-figures"> — {text.figures.join(' · ')}</span>}
      </div>
    </Html>
  )
}
