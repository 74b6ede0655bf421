// Turns the 3-D airflow view on and off, next to the heat map toggle. The floor heat map (the 2-D
// field) goes off when the 3-D view comes on: one field on the floor at a time.
import { useAirflow3d } from '../../viewport/airflow3d/airflow3dStore'
import { useStore } from '../../store'
import { ToggleButton } from '../ToggleButton'

export function Airflow3dToggle() {
  const on = useAirflow3d((s) => s.on)
  const setOn = useAirflow3d((s) => s.setOn)
  const setHeatMapOn = useStore((s) => s.setHeatMapOn)
  const toggle = () => {
    if (!on) setHeatMapOn(false)
    setOn(!on)
  }
  return (
    <ToggleButton on={on} onToggle={toggle} testId="airflow3d-toggle" title="3-D airflow model (FFD): slices, streamlines, racks by inlet air — not what the checks read">
      3-D airflow
    </ToggleButton>
  )
}
