// Shows or hides the thermal field on the hall floors.
import { useStore } from '../store'

export function HeatMapToggle() {
  const on = useStore((s) => s.heatMapOn)
  const setOn = useStore((s) => s.setHeatMapOn)
  return (
    <div className="toolbar-group">
      <div className="segmented compact">
        <button
          type="button"
          aria-pressed={on}
          className={on ? 'active' : undefined}
          data-testid="heatmap-toggle"
          title="Design-day air temperature on the hall floors (thermal field)"
          onClick={() => setOn(!on)}
        >
          Heat map
        </button>
      </div>
    </div>
  )
}
