// The editor's layer over the 3D view: toolbar, messages, the box-select rectangle, the drag
// readout, the help overlay, the variant comparison and the import confirmation. Also starts the
// keyboard shortcuts (the autosave starts with the app, in src/store/boot.ts).
import { useEffect } from 'react'
import { useStore } from '../../store'
import { useDragState } from '../../viewport/tools/dragState'
import { EditorToolbar } from './EditorToolbar'
import { HelpOverlay } from './HelpOverlay'
import { CompareView } from './CompareView'
import { ConfirmImportDialog } from './ConfirmImportDialog'
import { AsBuiltDialog } from './AsBuiltDialog'
import { useEditorKeys } from './useEditorKeys'
import './editor.css'

/** How long an info message stays, ms (errors stay until dismissed or replaced). */
const INFO_MS = 3500

export function EditorChrome() {
  useEditorKeys()
  const overlay = useStore((s) => s.editorOverlay)
  const in3d = useStore((s) => s.mainView === '3d')
  return (
    <>
      {in3d && <EditorToolbar />}
      <EditorToast />
      {in3d && <BrushRect />}
      {in3d && <DragReadout />}
      {overlay === 'help' && <HelpOverlay />}
      {overlay === 'compare' && <CompareView />}
      <ConfirmImportDialog />
      <AsBuiltDialog />
    </>
  )
}

function EditorToast() {
  const message = useStore((s) => s.editorMessage)
  const dismiss = useStore((s) => s.dismissEditorMessage)
  useEffect(() => {
    if (!message || message.kind !== 'info') return
    const t = setTimeout(() => {
      if (useStore.getState().editorMessage === message) dismiss()
    }, INFO_MS)
    return () => clearTimeout(t)
  }, [message, dismiss])
  if (!message) return null
  return (
    <div className={`ed-toast ed-toast-${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="editor-message" data-kind={message.kind}>
      <span>{message.text}</span>
      <button type="button" className="icon-button" onClick={dismiss} aria-label="Dismiss">
        ×
      </button>
    </div>
  )
}

function BrushRect() {
  const brush = useDragState((s) => s.brush)
  if (!brush) return null
  const host = document.querySelector('.viewport')?.getBoundingClientRect()
  const ox = host?.left ?? 0
  const oy = host?.top ?? 0
  return (
    <div
      className="ed-brush"
      style={{ left: Math.min(brush.x0, brush.x1) - ox, top: Math.min(brush.y0, brush.y1) - oy, width: Math.abs(brush.x1 - brush.x0), height: Math.abs(brush.y1 - brush.y0) }}
    />
  )
}

function DragReadout() {
  const drag = useDragState((s) => s.drag)
  const pointer = useDragState((s) => s.pointer)
  if (!drag || !pointer) return null
  const host = document.querySelector('.viewport')?.getBoundingClientRect()
  const f = (m: number) => m.toFixed(2)
  return (
    <div className="ed-readout num" style={{ left: pointer.x - (host?.left ?? 0) + 16, top: pointer.y - (host?.top ?? 0) + 16 }} data-testid="drag-readout">
      x {f(drag.position.x)} · y {f(drag.position.y)} m
      <span className="muted"> Δ {f(drag.delta.x)}, {f(drag.delta.y)}</span>
      {drag.ids.length > 1 && <span className="muted"> · {drag.ids.length} items</span>}
    </div>
  )
}
