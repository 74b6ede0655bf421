// The app frame: top bar, the 3D view (or the single-line diagram) with its overlays, and the report panel.
import { Viewport } from '../viewport/Viewport'
import { LabelOverlay } from '../viewport/LabelOverlay'
import { useStore } from '../store'
import { TopBar } from './TopBar'
import { SidePanel } from './SidePanel'
import { SceneIssuesPanel } from './SceneIssuesPanel'
import { Legend } from './Legend'
import { SelectionInfo } from './SelectionInfo'
import { SingleLineView } from './sld/SingleLineView'

export function App() {
  const hasScene = useStore((s) => s.scene !== null)
  const loading = useStore((s) => s.loadingSource)
  const sld = useStore((s) => s.mainView === 'sld')
  return (
    <div className="app">
      <TopBar />
      <main className="viewport">
        {/* The 3D canvas stays mounted (and paused) under the diagram: switching back is instant. */}
        {hasScene && <Viewport />}
        {!sld && <LabelOverlay />}
        {hasScene && sld && <SingleLineView />}
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
