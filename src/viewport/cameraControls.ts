// The camera's controls, listed once: the help overlay shows this list, CameraKeys handles the keys.
export const CAMERA_CONTROLS: readonly { keys: string; action: string }[] = [
  { keys: 'Left-drag', action: 'Orbit around the site (with the View tool: anywhere, also on equipment)' },
  { keys: 'Right-drag / Ctrl + left-drag', action: 'Pan' },
  { keys: 'Wheel / middle-drag', action: 'Zoom' },
  { keys: 'Double-click / F', action: 'Focus on the item under the pointer / on the selection' },
  { keys: 'Home / 0', action: 'Frame the whole site' },
  { keys: '1 … 9', action: 'Fly to bookmark 1 to 9 (Share ▸ Add bookmark saves the view)' },
]
