// A white box outline around whatever is selected (a row, a hall, a power node and what it feeds).
import { useMemo } from 'react'
import { BoxGeometry, EdgesGeometry } from 'three'
import type { Box } from '../model/layout'
import { SCENE_COLOURS } from './palette'
import type { SceneLayout } from './sceneLayout'

const unitEdges = new EdgesGeometry(new BoxGeometry(1, 1, 1))
/** Clearance between the outline and what it encloses, metres. */
const MARGIN_M = 0.4

function extent(boxes: readonly Box[]) {
  let minX = Infinity
  let maxX = -Infinity
  let minY = Infinity
  let maxY = -Infinity
  let maxZ = 0
  for (const b of boxes) {
    const hx = 0.5 * (Math.abs(Math.cos(b.rotationRad)) * b.widthM + Math.abs(Math.sin(b.rotationRad)) * b.depthM)
    const hy = 0.5 * (Math.abs(Math.sin(b.rotationRad)) * b.widthM + Math.abs(Math.cos(b.rotationRad)) * b.depthM)
    minX = Math.min(minX, b.cx - hx)
    maxX = Math.max(maxX, b.cx + hx)
    minY = Math.min(minY, b.cy - hy)
    maxY = Math.max(maxY, b.cy + hy)
    maxZ = Math.max(maxZ, b.elevationM + b.heightM)
  }
  return Number.isFinite(minX) ? { minX, maxX, minY, maxY, maxZ } : null
}

export function SelectionOutline({ layout, scope }: { layout: SceneLayout; scope: ReadonlySet<string> | null }) {
  const e = useMemo(() => {
    if (!scope) return null
    const boxes: Box[] = []
    for (const r of layout.racks) if (scope.has(r.rowId)) boxes.push(r.box)
    for (const c of layout.cooling) if (scope.has(c.placementId)) boxes.push(c.box)
    for (const p of layout.power) if (scope.has(p.nodeId)) boxes.push(p.box)
    for (const b of layout.busways) if (scope.has(b.nodeId)) boxes.push(b.box)
    for (const h of layout.halls) {
      if (!scope.has(h.id)) continue
      boxes.push({ cx: h.origin.x + h.lengthM / 2, cy: h.origin.y + h.widthM / 2, widthM: h.lengthM, depthM: h.widthM, heightM: h.heightM, rotationRad: 0, elevationM: 0 })
    }
    return extent(boxes)
  }, [layout, scope])
  if (!e) return null
  const w = e.maxX - e.minX + 2 * MARGIN_M
  const d = e.maxY - e.minY + 2 * MARGIN_M
  const h = e.maxZ + MARGIN_M
  return (
    <lineSegments
      name="selection-outline"
      geometry={unitEdges}
      position={[(e.minX + e.maxX) / 2, h / 2, -(e.minY + e.maxY) / 2]}
      scale={[w, h, d]}
    >
      <lineBasicMaterial color={SCENE_COLOURS.selection} />
    </lineSegments>
  )
}
