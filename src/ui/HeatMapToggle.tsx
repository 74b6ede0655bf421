// Shows or hides the thermal field on the hall floors.
import { useStore } from '../store'
import { ToggleButton } from './ToggleButton'

export function HeatMapToggle() {
  const on = useStore((s) => s.heatMapOn)
  const setOn = useStore((s) => s.setHeatMapOn)
  return (
    <ToggleButton on={on} onToggle={() => setOn(!on)} testId="heatmap-toggle" title="Design-day air temperature on the hall floors (thermal field)">
      Heat map
    </ToggleButton>
  )
}
