// The autosave's questions: what was found, and the user's choice. One at a time (the store
// keeps the others in line). Nothing is overwritten before the answer.
import { AUTOSAVE_KEY, useStore, type AutosavePrompt, type SavedWork } from '../../store'
import { downloadText } from './download'
import { formatWhen, plural } from './format'

export function RecoveryDialog() {
  const prompt = useStore((s) => s.autosavePrompt)
  if (!prompt) return null
  return (
    <div className="ed-modal-backdrop as-backdrop">
      <div className="ed-modal as-dialog" role="alertdialog" aria-modal="true" aria-labelledby="as-title" data-testid="autosave-prompt" data-kind={prompt.kind}>
        <PromptBody prompt={prompt} />
      </div>
    </div>
  )
}

function PromptBody({ prompt }: { prompt: AutosavePrompt }) {
  const answer = useStore((s) => s.answerAutosave)
  const openBackups = useStore((s) => s.setBackupsOpen)
  const backupFile = useStore((s) => s.backupFile)
  switch (prompt.kind) {
    case 'unreadable': {
      const download = () => {
        const file = backupFile(prompt.backupKey ?? AUTOSAVE_KEY)
        if (file) downloadText(file.fileName, file.text)
      }
      return (
        <>
          <h2 id="as-title">Your autosave could not be read</h2>
          <p>
            The work saved in this browser could not be opened: {prompt.reason}. The example scene is shown instead.
          </p>
          <p className="as-note" data-testid="autosave-prompt-kept">
            {prompt.backupKey
              ? 'Nothing was deleted: it is kept as a dated backup. Download it to look at it or to repair it by hand.'
              : 'The browser storage is full, so it could not be copied to a backup: it stays where it was and autosave is paused. Download it, then make room.'}
          </p>
          <div className="ed-actions">
            <button type="button" className="button" onClick={download} data-testid="autosave-download">
              Download it
            </button>
            <button type="button" className="button" onClick={() => openBackups(true)}>
              Backups…
            </button>
            <button type="button" className="button primary" onClick={() => answer('ok')} data-testid="autosave-ok" autoFocus>
              Continue
            </button>
          </div>
        </>
      )
    }
    case 'linked-scene':
      return (
        <>
          <h2 id="as-title">Open the linked scene?</h2>
          <p>
            The link opens <code className="as-url">{prompt.url}</code>, but this browser holds unsaved work:
          </p>
          <Found saved={prompt.saved} />
          <p className="as-note">Either way, that work is first kept as a dated backup.</p>
          <div className="ed-actions">
            <button type="button" className="button" onClick={() => answer('open-link')} data-testid="autosave-open-link">
              Open the linked scene
            </button>
            <button type="button" className="button primary" onClick={() => answer('keep-mine')} data-testid="autosave-keep-mine" autoFocus>
              Keep my edits
            </button>
          </div>
        </>
      )
    case 'other-origin':
      return (
        <>
          <h2 id="as-title">Load a scene from another site?</h2>
          <p>
            The link asks to load a scene from <strong>{prompt.origin}</strong>:
          </p>
          <p>
            <code className="as-url">{prompt.url}</code>
          </p>
          <p className="as-note">Open it only if you trust that site. A scene file is data, but it decides what the report says.</p>
          <div className="ed-actions">
            <button type="button" className="button" onClick={() => answer('load')} data-testid="autosave-load-other">
              Load it
            </button>
            <button type="button" className="button primary" onClick={() => answer('skip')} data-testid="autosave-skip-other" autoFocus>
              Don’t load
            </button>
          </div>
        </>
      )
    case 'tab-conflict':
      return (
        <>
          <h2 id="as-title">Another tab saved changes</h2>
          <p>This tab and another Halltwin tab both have unsaved edits. Which should the autosave keep?</p>
          <div className="as-pair">
            <Found saved={prompt.mine} title="This tab" />
            <Found saved={prompt.theirs} title="The other tab" />
          </div>
          <p className="as-note">The one you do not keep is kept as a dated backup.</p>
          <div className="ed-actions">
            <button type="button" className="button" onClick={() => answer('take-theirs')} data-testid="autosave-take-theirs">
              Use the other tab’s
            </button>
            <button type="button" className="button primary" onClick={() => answer('keep-mine')} data-testid="autosave-keep-mine" autoFocus>
              Keep this tab’s
            </button>
          </div>
        </>
      )
  }
}

function Found({ saved, title }: { saved: SavedWork; title?: string }) {
  return (
    <dl className="as-found" data-testid="autosave-found">
      {title && <dt className="as-found-title">{title}</dt>}
      <dt>Scene</dt>
      <dd className="ellipsis" title={saved.source}>
        {saved.sceneName ?? 'unnamed'}
      </dd>
      <dt>Saved</dt>
      <dd>{saved.savedAt ? formatWhen(saved.savedAt) : 'only in this tab'}</dd>
      <dt>Unsaved</dt>
      <dd>{plural(saved.unsavedEdits, 'edit')} not exported</dd>
    </dl>
  )
}
