// Asks before a scene file replaces unsaved edits.
import { useStore } from '../../store'

export function ConfirmImportDialog() {
  const pending = useStore((s) => s.pendingImport)
  const edits = useStore((s) => s.editsSinceSave)
  const confirm = useStore((s) => s.confirmImport)
  const cancel = useStore((s) => s.cancelImport)
  if (!pending) return null
  return (
    <div className="ed-modal-backdrop">
      <div className="ed-modal ed-confirm" role="alertdialog" aria-label="Replace unsaved work?" data-testid="confirm-import">
        <h2>Replace unsaved work?</h2>
        <p>
          Opening <strong>{pending.source}</strong> replaces the current scene and its {edits} unsaved edit{edits === 1 ? '' : 's'}. Export
          first to keep them.
        </p>
        <div className="ed-actions">
          <button type="button" className="button" onClick={cancel} data-testid="confirm-import-cancel" autoFocus>
            Keep my work
          </button>
          <button type="button" className="button ed-danger" onClick={confirm} data-testid="confirm-import-ok">
            Open and discard edits
          </button>
        </div>
      </div>
    </div>
  )
}
