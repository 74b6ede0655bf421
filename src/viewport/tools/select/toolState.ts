// The select tool as a small state machine (tldraw style): one object per moment of a gesture
// (Idle, Clicking, PointingItem, Translating, Brushing), each handling the pointer events of that moment
// and returning the next state. The context gives them the camera, the layout and the store.
import type { Camera, Object3D } from 'three'
import type { SceneLayout } from '../../sceneLayout'
import type { AppState } from '../../../store'

export interface ToolContext {
  canvas: HTMLElement
  camera: Camera
  root: Object3D
  layout: () => SceneLayout | null
  state: () => AppState
  /** The gesture took the event: the camera controls and the default click handling skip it. */
  consume: () => void
  /** Keeps the click event that follows this release from the default click handling. */
  swallowClick: () => void
}

export interface ToolState {
  readonly name: 'idle' | 'clicking' | 'pointing' | 'translating' | 'brushing'
  onPointerDown?(e: PointerEvent, ctx: ToolContext): ToolState | void
  onPointerMove?(e: PointerEvent, ctx: ToolContext): ToolState | void
  onPointerUp?(e: PointerEvent, ctx: ToolContext): ToolState | void
  /** Esc, or the pointer lost: drop the gesture without editing. */
  onCancel?(ctx: ToolContext): ToolState | void
}
