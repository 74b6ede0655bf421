// A storage problem of the autosave (full, refused, none): stays until it is solved or dismissed,
// with the ways out, Export and the backups.
import { useStore } from '../../store'
import { exportScene } from '../editor/editorActions'

export function StorageBanner() {
  const problem = useStore((s) => s.storageProblem)
  const hasScene = useStore((s) => s.scene !== null)
  const hasBackups = useStore((s) => s.backups.length > 0)
  const setProblem = useStore((s) => s.setStorageProblem)
  const openBackups = useStore((s) => s.setBackupsOpen)
  if (!problem) return null
  return (
    <div className="as-banner" role="alert" data-testid="storage-problem" data-kind={problem.kind}>
      <span className="as-banner-text">{problem.text}</span>
      {hasScene && (
        <button type="button" className="button compact" onClick={exportScene} data-testid="storage-problem-export">
          Export
        </button>
      )}
      {hasBackups && (
        <button type="button" className="button compact" onClick={() => openBackups(true)}>
          Backups…
        </button>
      )}
      <button type="button" className="icon-button" onClick={() => setProblem(null)} aria-label="Dismiss" title="Dismiss">
        ×
      </button>
    </div>
  )
}
