// The °C scale of the heat map and of racks coloured by inlet air, the hottest figures of the
// field, and a "Computing thermal field…" badge while the worker solves it.
import { selectThermal, selectThermalError, selectThermalPending, useStore } from '../store'
import { THERMAL_SCALE } from '../viewport/palette'
import { thermalCss, thermalT } from '../viewport/thermalScale'
import { formatNumber } from './format'
import { INLET_MODEL_2D } from '../solver/report'
import './thermal.css'

const GRADIENT_STOPS = 11
const gradient = `linear-gradient(90deg, ${Array.from({ length: GRADIENT_STOPS }, (_, i) =>
  thermalCss(THERMAL_SCALE.minC + ((THERMAL_SCALE.maxC - THERMAL_SCALE.minC) * i) / (GRADIENT_STOPS - 1)),
).join(', ')})`

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
      <div className="thermal-bar" style={{ background: gradient }} />
      <div className="thermal-ticks">
        {THERMAL_SCALE.ticksC.map((t) => (
          <span key={t} style={{ left: `${thermalT(t) * 100}%` }}>
            {t} °C
          </span>
        ))}
      </div>
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
