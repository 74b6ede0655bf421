// Box selection: a rectangle dragged on the view selects every row and cooling placement whose
// centre falls inside it (Shift adds to the selection).
import { useDragState } from '../dragState'
import { toScreen } from '../picking'
import { boxesByItem } from '../itemBoxes'
import type { ToolState } from './toolState'
import { idle } from './Idle'

export function brushing(down: PointerEvent): ToolState {
  const x0 = down.clientX
  const y0 = down.clientY
  useDragState.setState({ brush: { x0, y0, x1: x0, y1: y0 } })
  const end = (): ToolState => {
    useDragState.setState({ brush: null })
    return idle
  }
  return {
    name: 'brushing',
    onPointerMove(e, ctx) {
      ctx.consume()
      useDragState.setState({ brush: { x0, y0, x1: e.clientX, y1: e.clientY } })
    },
    onPointerUp(e, ctx) {
      ctx.consume()
      const layout = ctx.layout()
      const lo = { x: Math.min(x0, e.clientX), y: Math.min(y0, e.clientY) }
      const hi = { x: Math.max(x0, e.clientX), y: Math.max(y0, e.clientY) }
      if (layout && (hi.x - lo.x > 3 || hi.y - lo.y > 3)) {
        const ids: string[] = []
        for (const [id, boxes] of boxesByItem(layout)) {
          const mid = boxes[Math.floor(boxes.length / 2)]
          if (!mid) continue
          const p = toScreen(ctx.canvas, ctx.camera, mid.cx, mid.cy, mid.elevationM + mid.heightM / 2)
          if (p.x >= lo.x && p.x <= hi.x && p.y >= lo.y && p.y <= hi.y) ids.push(id)
        }
        ctx.state().selectItems(ids, e.shiftKey ? 'add' : 'replace')
      } else if (!e.shiftKey) {
        ctx.state().selectItems([])
      }
      return end()
    },
    onCancel: () => end(),
  }
}
