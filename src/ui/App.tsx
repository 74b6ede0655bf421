// The app frame: top bar, the 3D view (or the single-line diagram, or the economics) with its
// overlays, and the report panel. Views the user has not opened yet (single-line, economics,
// presentation) are loaded on demand, so the first page load parses only what the 3D view needs.
import { lazy, Suspense } from 'react'
import { Viewport } from '../viewport/Viewport'
import { LabelOverlay } from '../viewport/LabelOverlay'
import { useStore } from '../store'
import { TopBar } from './TopBar'
import { SidePanel } from './SidePanel'
import { SceneIssuesPanel } from './SceneIssuesPanel'
import { Legend } from './Legend'
import { SelectionInfo } from './SelectionInfo'
import { EditorChrome } from './editor/EditorChrome'
import { ColourModeToggle } from './ColourModeToggle'
import { HeatMapToggle } from './HeatMapToggle'
import { ThermalLegend } from './ThermalLegend'
import { Airflow3dToggle } from './airflow3d/Airflow3dToggle'
import { Airflow3dPanel } from './airflow3d/Airflow3dPanel'
import { useTour } from '../viewport/tour/tourStore'
import { ReportView } from './present/PresentMenu'
import { AutosaveChrome } from './autosave/AutosaveChrome'

const SingleLineView = lazy(() => import('./sld/SingleLineView').then((m) => ({ default: m.SingleLineView })))
const EconomicsView = lazy(() => import('./economics/EconomicsView').then((m) => ({ default: m.EconomicsView })))
const PresentationOverlay = lazy(() => import('./present/PresentationOverlay').then((m) => ({ default: m.PresentationOverlay })))

export function App() {
  const hasScene = useStore((s) => s.scene !== null)
  const loading = useStore((s) => s.loadingSource)
  const view = useStore((s) => s.mainView)
  const sld = view === 'sld'
  const econ = view === 'econ'
  // Presentation: the 3D view alone, full viewport, with its own overlay (ui/present).
  const presenting = useTour((s) => s.presenting)
  return (
    <div className={presenting ? 'app app-presenting' : 'app'}>
      {!presenting && <TopBar />}
      <main className="viewport">
        {/* The 3D canvas stays mounted (and paused) under the other views: switching back is instant. */}
        {hasScene && <Viewport />}
        {view === '3d' && <LabelOverlay />}
        {hasScene && presenting && (
          <Suspense fallback={null}>
            <PresentationOverlay />
          </Suspense>
        )}
        {hasScene && view === '3d' && !presenting && (
          <div className="view-toolbar">
            <ColourModeToggle />
            <HeatMapToggle />
            <Airflow3dToggle />
          </div>
        )}
        {hasScene && !presenting && <EditorChrome />}
        {hasScene && (sld || econ) && (
          <Suspense fallback={<div className="loading">Loading the view…</div>}>
            {sld && <SingleLineView />}
            {econ && <EconomicsView />}
          </Suspense>
        )}
        <SceneIssuesPanel />
        {!econ && !presenting && <SelectionInfo />}
        {!econ && !presenting && <Legend />}
        {hasScene && !presenting && <ThermalLegend />}
        {hasScene && view === '3d' && !presenting && <Airflow3dPanel />}
        {loading && (
          <div className="loading" data-testid="loading">
            Loading <span className="muted">{loading}</span>…
          </div>
        )}
        <AutosaveChrome />
      </main>
      {!presenting && <SidePanel />}
      <ReportView />
    </div>
  )
}
