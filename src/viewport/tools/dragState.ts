// Transient state of a gesture in the 3D view: the item under the pointer, the drag in progress
// (a preview: the scene is edited once, on release) and the box-select rectangle. Its own small
// store so a pointer move re-renders only the ghost, never the panels.
import { create } from 'zustand'
import type { Vec2 } from '../../model/sceneSchema'

export interface DragPreview {
  ids: readonly string[]
  /** Offset of the drag so far, snapped, site metres. */
  delta: Vec2
  /** Where the pressed item's corner would land, hall-local metres. */
  position: Vec2
  primaryId: string
}

export interface BrushRect {
  x0: number
  y0: number
  x1: number
  y1: number
}

interface DragState {
  hoverId: string | null
  drag: DragPreview | null
  brush: BrushRect | null
  /** Screen point of the pointer (client px), for the readout next to it. */
  pointer: { x: number; y: number } | null
}

export const useDragState = create<DragState>()(() => ({ hoverId: null, drag: null, brush: null, pointer: null }))
