// The app frame: top bar, the 3D view with its overlays, and the report panel.
import { Viewport } from '../viewport/Viewport'
import { LabelOverlay } from '../viewport/LabelOverlay'
import { useStore } from '../store'
import { TopBar } from './TopBar'
import { SidePanel } from './SidePanel'
import { SceneIssuesPanel } from './SceneIssuesPanel'
import { Legend } from './Legend'
import { SelectionInfo } from './SelectionInfo'

export function App() {
  const hasScene = useStore((s) => s.scene !== null)
  const loading = useStore((s) => s.loadingSource)
  return (
    <div className="app">
      <TopBar />
      <main className="viewport">
        {hasScene && <Viewport />}
        <LabelOverlay />
        <SceneIssuesPanel />
        <SelectionInfo />
        <Legend />
        {loading && (
          <div className="loading" data-testid="loading">
            Loading <span className="muted">{loading}</span>…
          </div>
        )}
      </main>
      <SidePanel />
    </div>
  )
}
