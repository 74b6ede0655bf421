// Everything the autosave shows: its questions, the backups list and the storage banner.
import { RecoveryDialog } from './RecoveryDialog'
import { BackupsPanel } from './BackupsPanel'
import { StorageBanner } from './StorageBanner'
import '../editor/editor.css'
import './autosave.css'

export function AutosaveChrome() {
  return (
    <>
      <StorageBanner />
      <BackupsPanel />
      <RecoveryDialog />
    </>
  )
}
