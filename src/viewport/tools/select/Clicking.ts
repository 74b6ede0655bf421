// Pressed on an item with the view tool: the camera controls have the press too. Travel beyond a
// few pixels makes it a camera drag (nothing is selected, nothing moves); a release in place is a
// click that selects the item (Shift or Ctrl toggles it in the selection).
import type { ToolState } from './toolState'
import { idle } from './Idle'
import { DRAG_THRESHOLD_PX } from './PointingItem'

export function clicking(id: string, down: PointerEvent): ToolState {
  return {
    name: 'clicking',
    onPointerMove(e) {
      if (Math.hypot(e.clientX - down.clientX, e.clientY - down.clientY) >= DRAG_THRESHOLD_PX) return idle
    },
    onPointerUp(e, ctx) {
      // The release stays with the camera controls (they end their drag on it); only the click
      // event that follows is kept from the default click handling.
      ctx.swallowClick()
      ctx.state().selectItems([id], e.shiftKey || e.ctrlKey || e.metaKey ? 'toggle' : 'replace')
      return idle
    },
    onCancel: () => idle,
  }
}
