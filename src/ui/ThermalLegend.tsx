// The °C scale of the heat map and of racks coloured by inlet air, the hottest figures of the
// field, and a "Computing thermal field…" badge while the worker solves it.
import { selectThermal, selectThermalError, selectThermalPending, useStore } from '../store'
import { formatNumber } from './format'
import { ThermalScaleBar } from './ThermalScaleBar'
import { INLET_MODEL_2D } from '../solver/report'
import './thermal.css'

export function ThermalLegend() {
  const shown = useStore((s) => s.mainView === '3d' && (s.heatMapOn || s.colourMode === 'temperature'))
  const result = useStore(selectThermal)
  const pending = useStore(selectThermalPending)
  const error = useStore(selectThermalError)
  if (!shown) return null
  const maxC = result ? Math.max(...result.halls.map((h) => h.maxC)) : null
  const inlets = result?.halls.flatMap((h) => Object.values(h.rackInletC).flat()) ?? []
  const maxInletC = inlets.length > 0 ? Math.max(...inlets) : null
  return (
    <div className="thermal-legend" data-testid="thermal-legend">
      <div className="legend-title">Air temperature, design day ({INLET_MODEL_2D.name})</div>
      <ThermalScaleBar />
      {pending && (
        <div className="thermal-badge" data-testid="thermal-pending">
          Computing thermal field…
        </div>
      )}
      {error && <div className="thermal-badge">Thermal field failed: {error}</div>}
      {result && maxC !== null && (
        <div className="muted" data-testid="thermal-summary" data-max-inlet={maxInletC ?? undefined}>
          Hottest air {formatNumber(maxC, 1)} °C
          {maxInletC !== null && <>; rack inlets up to {formatNumber(maxInletC, 1)} °C</>}
        </div>
      )}
    </div>
  )
}
