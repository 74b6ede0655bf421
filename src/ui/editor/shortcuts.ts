// The editor's keyboard shortcuts, listed once: the key handler and the help overlay read this.
// (The camera's controls are listed by the help overlay from src/viewport/cameraControls.ts.)
export const SHORTCUTS: readonly { keys: string; action: string }[] = [
  { keys: 'V / M / B', action: 'View tool (drags move the camera, never the equipment) / Move tool / Box-select tool' },
  { keys: 'Click', action: 'Select a row, a cooling unit or a piece of power equipment' },
  { keys: 'Shift + click', action: 'Add to / remove from the selection' },
  { keys: 'Drag a row (Move tool)', action: 'Move it (snaps to the grid step); Esc cancels' },
  { keys: 'Shift + drag on the floor', action: 'Box select (or the Box tool, B)' },
  { keys: 'R', action: 'Rotate the selection 90°' },
  { keys: 'Delete / Backspace', action: 'Delete the selection' },
  { keys: 'Ctrl + D', action: 'Duplicate the selection' },
  { keys: 'Ctrl + Z', action: 'Undo' },
  { keys: 'Ctrl + Shift + Z / Ctrl + Y', action: 'Redo' },
  { keys: 'Esc', action: 'Cancel a drag, close a dialog, clear the selection' },
  { keys: '?', action: 'This help' },
]
