// Pressed on an item with the move tool: a release without travel is a click (select it; Shift toggles it in the
// selection); travel beyond a few pixels starts moving it (with the selection it belongs to).
import type { ToolState } from './toolState'
import { idle } from './Idle'
import { translating } from './Translating'

/** Pointer travel (px) that turns a press into a drag. */
export const DRAG_THRESHOLD_PX = 4

export function pointingItem(id: string, down: PointerEvent): ToolState {
  return {
    name: 'pointing',
    onPointerMove(e, ctx) {
      ctx.consume()
      if (Math.hypot(e.clientX - down.clientX, e.clientY - down.clientY) < DRAG_THRESHOLD_PX) return
      const s = ctx.state()
      const selection = s.selectedIds.includes(id) && s.selectedId !== null && s.selectedIds.includes(s.selectedId) ? s.selectedIds : [id]
      if (selection.length === 1) s.selectItems([id])
      return translating(id, selection, down, ctx) ?? idle
    },
    onPointerUp(e, ctx) {
      ctx.consume()
      ctx.state().selectItems([id], e.shiftKey || e.ctrlKey || e.metaKey ? 'toggle' : 'replace')
      return idle
    },
    onCancel: () => idle,
  }
}
