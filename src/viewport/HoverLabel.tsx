// The label of the equipment under the pointer: its name and key figure from the report
// (hoverText.ts), over the item's top (drei Html). Hidden while dragging and in Present, which has
// labels of its own.
import { useMemo } from 'react'
import { Html } from '@react-three/drei'
import { builtInCatalog } from '../model/catalog'
import type { Box } from '../model/layout'
import { selectReport, selectVariant, useStore } from '../store'
import { useDragState } from './tools/dragState'
import { useTour } from './tour/tourStore'
import { hoverText } from './hoverText'
import type { SceneLayout } from './sceneLayout'
import './hoverLabel.css'

function boxesById(layout: SceneLayout): Map<string, Box[]> {
  const map = new Map<string, Box[]>()
  const add = (id: string, box: Box) => {
    const list = map.get(id)
    if (list) list.push(box)
    else map.set(id, [box])
  }
  for (const r of layout.racks) add(r.rowId, r.box)
  for (const c of layout.cooling) add(c.placementId, c.box)
  for (const p of layout.power) add(p.nodeId, p.box)
  for (const b of layout.busways) add(b.nodeId, b.box)
  return map
}

export function HoverLabel({ layout }: { layout: SceneLayout }) {
  const hoverId = useDragState((s) => s.hoverId)
  const dragging = useDragState((s) => s.drag !== null || s.brush !== null)
  const presenting = useTour((s) => s.presenting)
  const variant = useStore(selectVariant)
  const report = useStore(selectReport)
  const byId = useMemo(() => boxesById(layout), [layout])
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
