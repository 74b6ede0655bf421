// Zoom controls over the diagram: zoom out, the zoom level, zoom in, fit.
import { formatNumber } from '../format'

export interface SldToolbarProps {
  zoom: number
  boxCount: number
  onFit: () => void
  onZoom: (factor: number) => void
}

export function SldToolbar({ zoom, boxCount, onFit, onZoom }: SldToolbarProps) {
  return (
    <div className="sld-toolbar" onPointerDown={(e) => e.stopPropagation()}>
      <span className="muted small num" title="Boxes in the diagram">
        {formatNumber(boxCount, 0)} boxes
      </span>
      <button type="button" className="icon-button" onClick={() => onZoom(1 / 1.3)} title="Zoom out" aria-label="Zoom out">
        −
      </button>
      <span className="num small sld-zoom">{formatNumber(zoom * 100, 0)} %</span>
      <button type="button" className="icon-button" onClick={() => onZoom(1.3)} title="Zoom in" aria-label="Zoom in">
        +
      </button>
      <button type="button" className="button compact" onClick={onFit} data-testid="sld-fit" title="Fit the whole diagram">
        Fit
      </button>
    </div>
  )
}
