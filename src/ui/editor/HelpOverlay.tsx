// The camera controls and the editor's keyboard shortcuts, opened with "?".
import { useStore } from '../../store'
import { CAMERA_CONTROLS } from '../../viewport/cameraControls'
import { SHORTCUTS } from './shortcuts'

function KeyTable({ rows, testId }: { rows: readonly { keys: string; action: string }[]; testId: string }) {
  return (
    <table className="ed-keys" data-testid={testId}>
      <tbody>
        {rows.map((s) => (
          <tr key={s.keys}>
            <td>
              {s.keys.split(' / ').map((k, i) => (
                <span key={k}>
                  {i > 0 && ' / '}
                  <kbd>{k}</kbd>
                </span>
              ))}
            </td>
            <td>{s.action}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export function HelpOverlay() {
  const close = useStore((s) => s.setEditorOverlay)
  return (
    <div className="ed-modal-backdrop" onClick={() => close(null)}>
      <div className="ed-modal" role="dialog" aria-label="Camera controls and keyboard shortcuts" data-testid="help" onClick={(e) => e.stopPropagation()}>
        <div className="section-head">
          <h2>Camera</h2>
          <button type="button" className="icon-button" onClick={() => close(null)} aria-label="Close">
            ×
          </button>
        </div>
        <KeyTable rows={CAMERA_CONTROLS} testId="help-camera" />
        <p className="muted small">
          The View tool (the default) only looks: a drag that starts on a row turns the camera, it never moves the row. Move equipment with
          the Move tool (M). Edits of the as-built variant ask first to make a new variant.
        </p>
        <h2>Layout editor</h2>
        <KeyTable rows={SHORTCUTS} testId="help-editor" />
        <p className="muted small">
          Every edit is one step of the history (200 kept) and is saved in this browser as you work. Typed fields accept units: “1200 mm”,
          “2.5 MVA”, “35 degC”.
        </p>
      </div>
    </div>
  )
}
