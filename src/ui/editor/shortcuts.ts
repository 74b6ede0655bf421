// The editor's keyboard shortcuts, listed once: the key handler and the help overlay read this.
export const SHORTCUTS: readonly { keys: string; action: string }[] = [
  { keys: 'Click', action: 'Select a row or cooling placement' },
  { keys: 'Shift + click', action: 'Add to / remove from the selection' },
  { keys: 'Shift + drag on the floor', action: 'Box select (or the Box tool, B)' },
  { keys: 'Drag a row', action: 'Move it (snaps to the grid step)' },
  { keys: 'R', action: 'Rotate the selection 90°' },
  { keys: 'Delete / Backspace', action: 'Delete the selection' },
  { keys: 'Ctrl + D', action: 'Duplicate the selection' },
  { keys: 'Ctrl + Z', action: 'Undo' },
  { keys: 'Ctrl + Shift + Z / Ctrl + Y', action: 'Redo' },
  { keys: 'V / B', action: 'Select tool / box-select tool' },
  { keys: 'Esc', action: 'Cancel a drag, close a dialog, clear the selection' },
  { keys: '?', action: 'This help' },
]
