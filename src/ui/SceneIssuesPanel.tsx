// A rejected scene's problems, each with its field path. The scene on screen stays as it was.
import { useStore } from '../store'

const MAX_SHOWN = 50

export function SceneIssuesPanel() {
  const rejected = useStore((s) => s.sceneIssues)
  const dismiss = useStore((s) => s.dismissSceneIssues)
  if (!rejected) return null
  const { source, issues } = rejected
  return (
    <div className="issues-panel" role="alert" data-testid="scene-errors">
      <div className="issues-head">
        <strong>Scene not loaded</strong>
        <span className="muted ellipsis" title={source}>
          {source}
        </span>
        <button type="button" className="icon-button" onClick={dismiss} aria-label="Dismiss" title="Dismiss">
          ×
        </button>
      </div>
      <p className="muted small">
        {issues.length} problem{issues.length === 1 ? '' : 's'} found; the current scene is kept.
      </p>
      <ul className="issues-list">
        {issues.slice(0, MAX_SHOWN).map((issue, i) => (
          <li key={i}>
            {issue.path && <code className="issue-path">{issue.path}</code>}
            <span className="issue-message">{issue.message}</span>
          </li>
        ))}
      </ul>
      {issues.length > MAX_SHOWN && <p className="muted small">… and {issues.length - MAX_SHOWN} more</p>}
    </div>
  )
}
