// The editor's toolbar over the 3D view: the tools (View, the default, never edits; Move drags
// equipment; Box selects a rectangle), undo/redo, snapping, the selection's actions, the palette,
// variants, export and help.
import { useStore } from '../../store'
import { AddMenu } from './AddMenu'
import { createVariantFromCurrent, deleteSelection, duplicateSelection, exportScene, rotateSelection } from './editorActions'
import { selectEditorSelection } from '../../store'

const SNAP_STEPS = [0, 0.1, 0.25, 0.5, 1, 2]

export function EditorToolbar() {
  const tool = useStore((s) => s.tool)
  const setTool = useStore((s) => s.setTool)
  const canUndo = useStore((s) => s.undoStack.length > 0)
  const canRedo = useStore((s) => s.redoStack.length > 0)
  const undoLabel = useStore((s) => s.undoStack[s.undoStack.length - 1]?.label)
  const redoLabel = useStore((s) => s.redoStack[s.redoStack.length - 1]?.label)
  const undo = useStore((s) => s.undo)
  const redo = useStore((s) => s.redo)
  const snap = useStore((s) => s.snapStepM)
  const setSnap = useStore((s) => s.setSnapStep)
  const hasSelection = useStore((s) => selectEditorSelection(s).length > 0)
  const unsaved = useStore((s) => s.editsSinceSave)
  const setOverlay = useStore((s) => s.setEditorOverlay)
  const backups = useStore((s) => s.backups.length)
  const openBackups = useStore((s) => s.setBackupsOpen)
  return (
    <div className="ed-toolbar" role="toolbar" aria-label="Layout editor" data-testid="editor-toolbar">
      <div className="ed-group">
        <button type="button" className={tool === 'view' ? 'ed-btn ed-on' : 'ed-btn'} onClick={() => setTool('view')} title="View (V): every drag moves the camera, a click selects; nothing moves" aria-pressed={tool === 'view'} data-testid="tool-view">
          <Icon d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12zM12 9a3 3 0 100 6 3 3 0 000-6z" />
          <span>View</span>
        </button>
        <button type="button" className={tool === 'move' ? 'ed-btn ed-on' : 'ed-btn'} onClick={() => setTool('move')} title="Move (M): drag a row or a cooling unit to move it" aria-pressed={tool === 'move'} data-testid="tool-move">
          <Icon d="M12 3v18M3 12h18M12 3l-3 3M12 3l3 3M12 21l-3-3M12 21l3-3M3 12l3-3M3 12l3 3M21 12l-3-3M21 12l-3 3" />
          <span>Move</span>
        </button>
        <button type="button" className={tool === 'box' ? 'ed-btn ed-on' : 'ed-btn'} onClick={() => setTool('box')} title="Box select: drag on the floor (B, or Shift + drag)" aria-pressed={tool === 'box'} data-testid="tool-box">
          <Icon d="M4 4h16v16H4z" dashed />
        </button>
      </div>
      <div className="ed-group">
        <button type="button" className="ed-btn" disabled={!canUndo} onClick={undo} title={canUndo ? `Undo ${undoLabel} (Ctrl+Z)` : 'Nothing to undo'} data-testid="undo">
          <Icon d="M9 14L4 9l5-5M4 9h10a6 6 0 010 12h-3" />
        </button>
        <button type="button" className="ed-btn" disabled={!canRedo} onClick={redo} title={canRedo ? `Redo ${redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo'} data-testid="redo">
          <Icon d="M15 14l5-5-5-5M20 9H10a6 6 0 000 12h3" />
        </button>
      </div>
      <div className="ed-group">
        <button type="button" className="ed-btn" disabled={!hasSelection} onClick={() => rotateSelection(90)} title="Rotate 90° (R)">
          <Icon d="M20 12a8 8 0 11-3-6.2M20 4v5h-5" />
        </button>
        <button type="button" className="ed-btn" disabled={!hasSelection} onClick={duplicateSelection} title="Duplicate (Ctrl+D)">
          <Icon d="M8 8h12v12H8zM4 16V4h12" />
        </button>
        <button type="button" className="ed-btn" disabled={!hasSelection} onClick={deleteSelection} title="Delete (Del)" data-testid="delete">
          <Icon d="M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3" />
        </button>
      </div>
      <label className="ed-group ed-snap" title="Grid step of dragging">
        <span className="ed-label">Snap</span>
        <select value={snap} onChange={(e) => setSnap(Number(e.target.value))} data-testid="snap-step">
          {SNAP_STEPS.map((m) => (
            <option key={m} value={m}>
              {m === 0 ? 'off' : `${m} m`}
            </option>
          ))}
        </select>
      </label>
      <AddMenu />
      <div className="ed-group">
        <button type="button" className="ed-btn" onClick={createVariantFromCurrent} title="A copy of this variant to edit" data-testid="new-variant">
          + Variant
        </button>
        <button type="button" className="ed-btn" onClick={() => setOverlay('compare')} title="Compare two variants side by side" data-testid="compare-open">
          Compare
        </button>
      </div>
      <div className="ed-group">
        <button type="button" className="ed-btn" onClick={exportScene} title="Download the scene JSON" data-testid="export">
          Export{unsaved > 0 && <span className="ed-dot" title={`${unsaved} unsaved edit(s) (autosaved in this browser)`} />}
        </button>
        {backups > 0 && (
          <button type="button" className="ed-btn" onClick={() => openBackups(true)} title="Dated backups kept in this browser" data-testid="backups-open">
            Backups <span className="muted num">{backups}</span>
          </button>
        )}
        <button type="button" className="ed-btn" onClick={() => setOverlay('help')} title="Camera controls and keyboard shortcuts (?)" data-testid="help-open">
          ?
        </button>
      </div>
    </div>
  )
}

function Icon({ d, dashed }: { d: string; dashed?: boolean }) {
  return (
    <svg width="15" height="15" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" strokeDasharray={dashed ? '3 2.5' : undefined} aria-hidden>
      <path d={d} />
    </svg>
  )
}
