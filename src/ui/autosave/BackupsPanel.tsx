// The dated backups kept in this browser: restore one (the current unsaved work is kept as a
// backup first), download it, or delete it (after a second click).
import { useState } from 'react'
import { BACKUP_REASONS, useStore, type BackupInfo } from '../../store'
import { downloadText } from './download'
import { formatChars, formatWhen, plural } from './format'

export function BackupsPanel() {
  const open = useStore((s) => s.backupsOpen)
  const backups = useStore((s) => s.backups)
  const close = useStore((s) => s.setBackupsOpen)
  if (!open) return null
  return (
    <div className="ed-modal-backdrop as-backdrop" onClick={(e) => e.target === e.currentTarget && close(false)}>
      <div className="ed-modal as-backups" role="dialog" aria-modal="true" aria-labelledby="as-backups-title" data-testid="backups">
        <div className="as-head">
          <h2 id="as-backups-title">Backups</h2>
          <button type="button" className="icon-button" onClick={() => close(false)} aria-label="Close" title="Close" data-testid="backups-close">
            ×
          </button>
        </div>
        <p className="as-note">Copies kept before anything replaced them. They stay in this browser until you delete them.</p>
        {backups.length === 0 ? (
          <p className="empty">No backups.</p>
        ) : (
          <ul className="as-list">
            {backups.map((b) => (
              <BackupRow key={b.key} backup={b} />
            ))}
          </ul>
        )}
      </div>
    </div>
  )
}

function BackupRow({ backup }: { backup: BackupInfo }) {
  const restore = useStore((s) => s.restoreBackup)
  const remove = useStore((s) => s.deleteBackup)
  const backupFile = useStore((s) => s.backupFile)
  const [confirming, setConfirming] = useState(false)
  const download = () => {
    const file = backupFile(backup.key)
    if (file) downloadText(file.fileName, file.text)
  }
  const readable = backup.sceneName !== null
  return (
    <li className="as-item" data-testid="backup" data-reason={backup.reason}>
      <div className="as-item-text">
        <div className="as-item-title">
          <span className="num">{formatWhen(backup.createdAt)}</span>
          <span className="muted"> · {formatChars(backup.chars)}</span>
        </div>
        <div className="muted small ellipsis" title={BACKUP_REASONS[backup.reason]}>
          {readable ? backup.sceneName : 'not a readable autosave'}
          {backup.unsavedEdits !== null && `, ${plural(backup.unsavedEdits, 'unsaved edit')}`} · {BACKUP_REASONS[backup.reason]}
        </div>
      </div>
      <div className="as-item-actions">
        <button type="button" className="button compact" onClick={() => restore(backup.key)} disabled={!readable} title={readable ? 'Open this backup' : 'It cannot be opened: download it instead'} data-testid="backup-restore">
          Restore
        </button>
        <button type="button" className="button compact" onClick={download} data-testid="backup-download">
          Download
        </button>
        {confirming ? (
          <button type="button" className="button compact ed-danger" onClick={() => remove(backup.key)} onBlur={() => setConfirming(false)} autoFocus data-testid="backup-delete-confirm">
            Delete for good
          </button>
        ) : (
          <button type="button" className="button compact" onClick={() => setConfirming(true)} data-testid="backup-delete">
            Delete
          </button>
        )}
      </div>
    </li>
  )
}
