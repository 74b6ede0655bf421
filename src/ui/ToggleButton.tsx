// A one-button toggle of the view's toolbar (heat map, 3-D airflow): pressed while `on`.
import type { ReactNode } from 'react'

export function ToggleButton({ on, onToggle, testId, title, children }: { on: boolean; onToggle: () => void; testId: string; title: string; children: ReactNode }) {
  return (
    <div className="toolbar-group">
      <div className="segmented compact">
        <button type="button" aria-pressed={on} className={on ? 'active' : undefined} data-testid={testId} title={title} onClick={onToggle}>
          {children}
        </button>
      </div>
    </div>
  )
}
