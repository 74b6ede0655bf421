// Shows or hides the thermal field on the hall floors. The 3-D airflow view goes off when the heat
// map comes on (and the other way round, Airflow3dToggle): one field on the floor at a time.
import { useStore } from '../store'
import { useAirflow3d } from '../viewport/airflow3d/airflow3dStore'
import { ToggleButton } from './ToggleButton'

export function HeatMapToggle() {
  const on = useStore((s) => s.heatMapOn)
  const setOn = useStore((s) => s.setHeatMapOn)
  const setAirflow3dOn = useAirflow3d((s) => s.setOn)
  const toggle = () => {
    if (!on) setAirflow3dOn(false)
    setOn(!on)
  }
  return (
    <ToggleButton on={on} onToggle={toggle} testId="heatmap-toggle" title="Design-day air temperature on the hall floors (thermal field)">
      Heat map
    </ToggleButton>
  )
}
