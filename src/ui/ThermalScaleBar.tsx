// The °C colour bar and its ticks, the same for the 2-D heat map and the 3-D airflow slices: one
// scale (viewport/thermalScale.ts), so a colour means the same temperature in both.
import { THERMAL_SCALE } from '../viewport/palette'
import { thermalCss, thermalT } from '../viewport/thermalScale'
import './thermal.css'

const GRADIENT_STOPS = 11
const gradient = `linear-gradient(90deg, ${Array.from({ length: GRADIENT_STOPS }, (_, i) =>
  thermalCss(THERMAL_SCALE.minC + ((THERMAL_SCALE.maxC - THERMAL_SCALE.minC) * i) / (GRADIENT_STOPS - 1)),
).join(', ')})`

export function ThermalScaleBar() {
  return (
    <div className="thermal-scale">
      <div className="thermal-bar" style={{ background: gradient }} />
      <div className="thermal-ticks">
        {THERMAL_SCALE.ticksC.map((t) => (
          <span key={t} style={{ left: `${thermalT(t) * 100}%` }}>
            {t} °C
          </span>
        ))}
      </div>
    </div>
  )
}
