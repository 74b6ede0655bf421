// Nothing pressed: hovering highlights the item under the pointer; a press on an item starts
// pointing at it, a press on the floor with Shift (or the box tool) starts a box selection.
import { pickItem, toNdc } from '../picking'
import { useDragState } from '../dragState'
import type { ToolState } from './toolState'
import { pointingItem } from './PointingItem'
import { brushing } from './Brushing'

export const idle: ToolState = {
  name: 'idle',
  onPointerDown(e, ctx) {
    if (e.button !== 0) return
    const layout = ctx.layout()
    if (!layout) return
    const id = pickItem(toNdc(ctx.canvas, e.clientX, e.clientY), ctx.camera, ctx.root, layout)
    if (id) {
      ctx.consume()
      return pointingItem(id, e)
    }
    if (e.shiftKey || ctx.state().tool === 'box') {
      ctx.consume()
      return brushing(e)
    }
  },
  onPointerMove(e, ctx) {
    if (e.buttons !== 0) return
    const layout = ctx.layout()
    const id = layout ? pickItem(toNdc(ctx.canvas, e.clientX, e.clientY), ctx.camera, ctx.root, layout) : null
    if (useDragState.getState().hoverId !== id) useDragState.setState({ hoverId: id })
    ctx.canvas.style.cursor = id ? 'grab' : ctx.state().tool === 'box' ? 'crosshair' : ''
  },
}
