// What the editor draws in the 3D view: the select tool, outlines of the multi-selection, the
// hovered item and items with layout problems (red), and the ghost of a drag. Each kind of
// outline is one line-segment mesh, the ghost one instanced mesh: draw calls stay constant.
import { useEffect, useMemo } from 'react'
import type { Box } from '../../model/layout'
import { idsWithProblems } from '../../model/layoutSurvey'
import { selectEditorSelection, selectLayoutProblems, useStore } from '../../store'
import { InstancedBoxes } from '../InstancedBoxes'
import type { SceneLayout } from '../sceneLayout'
import { SCENE_COLOURS, STATUS_COLOURS } from '../palette'
import { useDragState } from './dragState'
import { boxesByItem } from './itemBoxes'
import { itemBox, outlineGeometry } from './outlineGeometry'
import { SelectToolController } from './SelectToolController'

const HOVER_COLOUR = '#8fc1ff'

function Outline({ boxes, colour, name, margin }: { boxes: readonly Box[]; colour: string; name: string; margin?: number }) {
  const geometry = useMemo(() => outlineGeometry(boxes, margin), [boxes, margin])
  useEffect(() => () => geometry.dispose(), [geometry])
  if (boxes.length === 0) return null
  return (
    <lineSegments name={name} geometry={geometry} renderOrder={2}>
      <lineBasicMaterial color={colour} depthTest={false} transparent opacity={0.95} />
    </lineSegments>
  )
}

export function EditorOverlay3D({ layout }: { layout: SceneLayout }) {
  const selection = useStore(selectEditorSelection)
  const hoverId = useDragState((s) => s.hoverId)
  const drag = useDragState((s) => s.drag)
  const problems = useStore(selectLayoutProblems)
  const byItem = useMemo(() => boxesByItem(layout), [layout])
  // The existing SelectionOutline frames a single selection; several selected items get one each.
  const selected = useMemo(() => outlineOf(byItem, selection.length > 1 ? selection : []), [byItem, selection])
  const hovered = useMemo(() => outlineOf(byItem, hoverId && !selection.includes(hoverId) ? [hoverId] : []), [byItem, hoverId, selection])
  const bad = useMemo(() => outlineOf(byItem, idsWithProblems(problems)), [byItem, problems])
  const ghost = useMemo(() => {
    if (!drag) return []
    return drag.ids.flatMap((id) => (byItem.get(id) ?? []).map((b) => shift(b, drag.delta)))
  }, [drag, byItem])
  const ghostOutline = useMemo(() => (drag ? outlineOf(byItem, drag.ids).map((b) => shift(b, drag.delta)) : []), [drag, byItem])

  return (
    <group name="editor-overlay">
      <SelectToolController layout={layout} />
      <Outline name="clearance-outline" boxes={bad} colour={STATUS_COLOURS.fail} margin={0.25} />
      <Outline name="multi-selection-outline" boxes={selected} colour={SCENE_COLOURS.selection} margin={0.3} />
      <Outline name="hover-outline" boxes={hovered} colour={HOVER_COLOUR} margin={0.2} />
      {ghost.length > 0 && <InstancedBoxes name="drag-ghost" boxes={ghost} materialColour={HOVER_COLOUR} opacity={0.45} />}
      <Outline name="drag-ghost-outline" boxes={ghostOutline} colour={HOVER_COLOUR} margin={0.2} />
    </group>
  )
}

const shift = (b: Box, d: { x: number; y: number }): Box => ({ ...b, cx: b.cx + d.x, cy: b.cy + d.y })

function outlineOf(byItem: Map<string, Box[]>, ids: Iterable<string>): Box[] {
  const out: Box[] = []
  for (const id of ids) {
    const b = itemBox(byItem.get(id) ?? [])
    if (b) out.push(b)
  }
  return out
}
