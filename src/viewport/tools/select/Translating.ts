// Dragging items on the floor plane: the pressed item's corner snaps to the grid and the others
// follow by the same offset. The scene is edited once, on release (one MoveRow/MoveCooling or one
// Multi command), so undo takes the whole drag back.
import { moveItems } from '../../../editor/commands'
import { findVariant, locateItem } from '../../../editor/sceneEdit'
import type { Vec2 } from '../../../model/sceneSchema'
import { floorPoint, snapTo, toNdc } from '../picking'
import { useDragState } from '../dragState'
import type { ToolContext, ToolState } from './toolState'
import { idle } from './Idle'

export function translating(primaryId: string, ids: readonly string[], down: PointerEvent, ctx: ToolContext): ToolState | null {
  const s = ctx.state()
  if (!s.scene || !s.variantId) return null
  const variant = findVariant(s.scene, s.variantId)
  const at = locateItem(variant, primaryId)
  const start = floorPoint(toNdc(ctx.canvas, down.clientX, down.clientY).clone(), ctx.camera)
  if (!at || !start) return null
  const hall = variant.halls[at.hallIndex]!
  const origin: Vec2 = (at.kind === 'row' ? hall.rows[at.index]! : hall.cooling[at.index]!).position
  const movable = ids.filter((id) => locateItem(variant, id) !== null)
  ctx.canvas.style.cursor = 'grabbing'

  const end = (): ToolState => {
    useDragState.setState({ drag: null, pointer: null })
    ctx.canvas.style.cursor = ''
    return idle
  }

  return {
    name: 'translating',
    onPointerMove(e, c) {
      c.consume()
      const p = floorPoint(toNdc(c.canvas, e.clientX, e.clientY), c.camera)
      if (!p) return
      const step = c.state().snapStepM
      const position = { x: snapTo(origin.x + p.x - start.x, step), y: snapTo(origin.y + p.y - start.y, step) }
      const delta = { x: position.x - origin.x, y: position.y - origin.y }
      useDragState.setState({ drag: { ids: movable, delta, position, primaryId }, pointer: { x: e.clientX, y: e.clientY } })
    },
    onPointerUp(_e, c) {
      c.consume()
      const drag = useDragState.getState().drag
      const st = c.state()
      if (drag && st.scene && st.variantId && (Math.abs(drag.delta.x) > 1e-9 || Math.abs(drag.delta.y) > 1e-9)) {
        st.requestEdit(moveItems(st.scene, st.variantId, drag.ids, drag.delta))
      }
      return end()
    },
    onCancel: () => end(),
  }
}
