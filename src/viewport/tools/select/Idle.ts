// Nothing pressed: hovering names and outlines the item under the pointer. What a press does
// depends on the tool: in the view tool (the default) a press never edits — it becomes a camera
// drag, or a click that selects; in the move tool a press on a row or cooling unit starts pointing
// at it (a drag moves it); the box tool, or Shift + drag on the floor in any tool, selects a
// rectangle (selecting is not editing).
import { locateItem } from '../../../editor/sceneEdit'
import { selectVariant } from '../../../store'
import { pickItem, toNdc } from '../picking'
import { useDragState } from '../dragState'
import type { ToolContext, ToolState } from './toolState'
import { pointingItem } from './PointingItem'
import { clicking } from './Clicking'
import { brushing } from './Brushing'

function movable(ctx: ToolContext, id: string): boolean {
  const variant = selectVariant(ctx.state())
  return !!variant && locateItem(variant, id) !== null
}

export const idle: ToolState = {
  name: 'idle',
  onPointerDown(e, ctx) {
    if (e.button !== 0) return
    const layout = ctx.layout()
    if (!layout) return
    const tool = ctx.state().tool
    if (tool === 'box') {
      ctx.consume()
      return brushing(e)
    }
    const id = pickItem(toNdc(ctx.canvas, e.clientX, e.clientY), ctx.camera, ctx.root, layout)
    if (tool === 'move' && id && movable(ctx, id)) {
      ctx.consume()
      return pointingItem(id, e)
    }
    if (!id && e.shiftKey) {
      ctx.consume()
      return brushing(e)
    }
    // Not consumed: the camera controls get the press; a release in place selects.
    if (id) return clicking(id, e)
  },
  onPointerMove(e, ctx) {
    if (e.buttons !== 0) return
    const layout = ctx.layout()
    const id = layout ? pickItem(toNdc(ctx.canvas, e.clientX, e.clientY), ctx.camera, ctx.root, layout) : null
    if (useDragState.getState().hoverId !== id) useDragState.setState({ hoverId: id })
    const tool = ctx.state().tool
    ctx.canvas.style.cursor = tool === 'box' ? 'crosshair' : !id ? '' : tool === 'move' && movable(ctx, id) ? 'grab' : 'pointer'
  },
}
