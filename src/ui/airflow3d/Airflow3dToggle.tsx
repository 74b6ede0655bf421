// Turns the 3-D airflow view on and off, next to the heat map toggle. The floor heat map (the 2-D
// field) goes off when the 3-D view comes on: one field on the floor at a time.
import { useAirflow3d } from '../../viewport/airflow3d/airflow3dStore'
import { useStore } from '../../store'

export function Airflow3dToggle() {
  const on = useAirflow3d((s) => s.on)
  const setOn = useAirflow3d((s) => s.setOn)
  const setHeatMapOn = useStore((s) => s.setHeatMapOn)
  return (
    <div className="toolbar-group">
      <div className="segmented compact">
        <button
          type="button"
          aria-pressed={on}
          className={on ? 'active' : undefined}
          data-testid="airflow3d-toggle"
          title="3-D airflow model (FFD): slices, streamlines, racks by inlet air — not what the checks read"
          onClick={() => {
            if (!on) setHeatMapOn(false)
            setOn(!on)
          }}
        >
          3-D airflow
        </button>
      </div>
    </div>
  )
}
