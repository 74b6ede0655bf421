// The keyboard shortcuts, opened with "?".
import { useStore } from '../../store'
import { SHORTCUTS } from './shortcuts'

export function HelpOverlay() {
  const close = useStore((s) => s.setEditorOverlay)
  return (
    <div className="ed-modal-backdrop" onClick={() => close(null)}>
      <div className="ed-modal" role="dialog" aria-label="Keyboard shortcuts" data-testid="help" onClick={(e) => e.stopPropagation()}>
        <div className="section-head">
          <h2>Layout editor</h2>
          <button type="button" className="icon-button" onClick={() => close(null)} aria-label="Close">
            ×
          </button>
        </div>
        <table className="ed-keys">
          <tbody>
            {SHORTCUTS.map((s) => (
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
        <p className="muted small">
          Every edit is one step of the history (200 kept) and is saved in this browser as you work. Typed fields accept units: “1200 mm”,
          “2.5 MVA”, “35 degC”.
        </p>
      </div>
    </div>
  )
}
