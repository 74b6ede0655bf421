// The diagram's toolbar: the path to one load (focus), unfold/fold, zoom out, the zoom level,
// zoom in, fit, export as SVG and print (PDF).
import { formatNumber } from '../format'

export interface FocusOption {
  id: string
  label: string
}

export interface SldToolbarProps {
  zoom: number
  focus: string | null
  focusOptions: readonly FocusOption[]
  unfolded: number
  onFocus: (id: string | null) => void
  onFoldAll: () => void
  onFit: () => void
  onZoom: (factor: number) => void
  onExportSvg: () => void
  onPrint: () => void
}

export function SldToolbar(p: SldToolbarProps) {
  return (
    <div className="sld-toolbar" onPointerDown={(e) => e.stopPropagation()} onWheel={(e) => e.stopPropagation()}>
      <label className="small muted" htmlFor="sld-focus">
        Path to
      </label>
      <select id="sld-focus" data-testid="sld-focus" value={p.focus ?? ''} onChange={(e) => p.onFocus(e.target.value || null)} title="Show only the path from the grid to one load">
        <option value="">whole chain</option>
        {p.focusOptions.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
      {p.unfolded > 0 && (
        <button type="button" className="button compact" onClick={p.onFoldAll} data-testid="sld-fold-all" title="Draw identical branches once again">
          Fold all
        </button>
      )}
      <button type="button" className="icon-button" onClick={() => p.onZoom(1 / 1.25)} title="Zoom out" aria-label="Zoom out">
        −
      </button>
      <span className="num small sld-zoom" data-testid="sld-zoom">
        {formatNumber(p.zoom * 100, 0)} %
      </span>
      <button type="button" className="icon-button" onClick={() => p.onZoom(1.25)} title="Zoom in" aria-label="Zoom in">
        +
      </button>
      <button type="button" className="button compact" onClick={p.onFit} data-testid="sld-fit" title="Fit the whole diagram">
        Fit
      </button>
      <button type="button" className="button compact" onClick={p.onExportSvg} data-testid="sld-export-svg" title="Save the whole diagram as an SVG file">
        SVG
      </button>
      <button type="button" className="button compact" onClick={p.onPrint} data-testid="sld-print" title="Print the diagram on a landscape page (Save as PDF in the print dialog)">
        Print / PDF
      </button>
    </div>
  )
}
