// Top-bar entry to the presentation and the exports: Present (plays the scene's first tour without
// the editing chrome), bookmarks (fly to one, add the current view), PNG at a chosen size, the
// printable report, glTF and the scene JSON with its bookmarks.
import { useState } from 'react'
import { useStore } from '../../store'
import type { Bookmark } from '../../model/sceneSchema'
import { useTour } from '../../viewport/tour/tourStore'
import { addBookmarkFromView, buildAppReport, downloadHtml, PNG_SIZES, saveGlb, savePng } from './exports'
import { useReportView } from './reportViewStore'
import './present.css'

// A stable empty list: a zustand selector returning a new [] each call re-renders forever.
const NO_BOOKMARKS: Bookmark[] = []

export async function openReport(): Promise<void> {
  const view = useReportView.getState()
  view.set({ html: null, error: null, progress: 'Preparing the report…' })
  try {
    const html = await buildAppReport((progress) => view.set({ progress }))
    view.set({ html, progress: null })
  } catch (e) {
    view.set({ progress: null, error: e instanceof Error ? e.message : String(e) })
  }
}

export function startPresentation(): void {
  useStore.getState().setMainView('3d')
  useTour.getState().present()
  document.documentElement.requestFullscreen?.().catch(() => {
    // Not allowed here (or headless): the CSS full-viewport mode is enough.
  })
}

function downloadScene(): void {
  const scene = useStore.getState().scene
  if (!scene) return
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(scene, null, 2)}\n`], { type: 'application/json' }))
  const a = document.createElement('a')
  a.href = url
  a.download = 'scene.json'
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

export function PresentMenu() {
  const bookmarks = useStore((s) => s.scene?.bookmarks ?? NO_BOOKMARKS)
  const hasTours = useStore((s) => (s.scene?.tours?.length ?? 0) > 0)
  const [size, setSize] = useState(0)
  const [busy, setBusy] = useState(false)
  const flyTo = useTour((s) => s.flyTo)
  const pick = PNG_SIZES[size] ?? PNG_SIZES[0]
  return (
    <div className="present-menu">
      <button type="button" className="present-button" data-testid="present-button" onClick={startPresentation} title={hasTours ? 'Play the walkthrough full screen' : 'Full screen view'}>
        ▶ Present
      </button>
      <details className="present-dropdown">
        <summary data-testid="share-menu">Share ▾</summary>
        <div className="present-dropdown-body">
          <div className="pd-section">Bookmarks</div>
          {bookmarks.map((b) => (
            <button type="button" key={b.id} className="pd-item" onClick={() => flyTo(b.id)} data-testid={`bookmark-${b.id}`}>
              {b.name}
            </button>
          ))}
          <button type="button" className="pd-item pd-add" data-testid="add-bookmark" onClick={() => addBookmarkFromView()}>
            + Bookmark this view
          </button>
          <div className="pd-section">Export</div>
          <div className="pd-row">
            <select value={size} onChange={(e) => setSize(Number(e.target.value))} data-testid="png-size" aria-label="Screenshot size">
              {PNG_SIZES.map((s, i) => (
                <option key={s.label} value={i}>
                  {s.label}
                </option>
              ))}
            </select>
            <button type="button" className="pd-item" data-testid="export-png" onClick={() => savePng(pick.width, pick.height)}>
              PNG
            </button>
          </div>
          <button type="button" className="pd-item" data-testid="report-button" onClick={() => void openReport()}>
            Printable report…
          </button>
          <button
            type="button"
            className="pd-item"
            data-testid="export-glb"
            disabled={busy}
            onClick={() => {
              setBusy(true)
              void saveGlb().finally(() => setBusy(false))
            }}
          >
            3D model (.glb)
          </button>
          <button type="button" className="pd-item" onClick={downloadScene}>
            Scene with bookmarks (.json)
          </button>
        </div>
      </details>
    </div>
  )
}

/** The report preview: the page in a script-less frame, with print and download. */
export function ReportView() {
  const { html, progress, error, set } = useReportView()
  if (!html && !progress && !error) return null
  const close = () => set({ html: null, progress: null, error: null })
  return (
    <div className="report-view" data-testid="report-view">
      <div className="report-view-bar">
        <strong>Printable report</strong>
        <span className="muted">{progress ?? error ?? 'Print it to save as PDF.'}</span>
        <div className="topbar-spacer" />
        {html && (
          <>
            <button
              type="button"
              data-testid="report-print"
              onClick={() => (document.querySelector('[data-testid=report-frame]') as HTMLIFrameElement | null)?.contentWindow?.print()}
            >
              Print / PDF
            </button>
            <button type="button" onClick={() => downloadHtml(html)}>
              Download HTML
            </button>
          </>
        )}
        <button type="button" onClick={close} data-testid="report-close">
          Close
        </button>
      </div>
      {html && <iframe title="Report" data-testid="report-frame" className="report-frame" sandbox="allow-same-origin allow-modals" srcDoc={html} />}
    </div>
  )
}
