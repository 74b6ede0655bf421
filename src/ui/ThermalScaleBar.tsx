// The °C colour bar and its ticks, the same for the 2-D heat map and the 3-D airflow slices: one
// scale (viewport/thermalScale.ts), so a colour means the same temperature in both.
import { THERMAL_SCALE } from '../viewport/palette'
import { thermalCss, thermalT, type ThermalRange } from '../viewport/thermalScale'
import './thermal.css'

const GRADIENT_STOPS = 11
const gradientOf = (r: ThermalRange): string =>
  `linear-gradient(90deg, ${Array.from({ length: GRADIENT_STOPS }, (_, i) => thermalCss(r.minC + ((r.maxC - r.minC) * i) / (GRADIENT_STOPS - 1), r)).join(', ')})`
const gradient = gradientOf(THERMAL_SCALE)

/** The bar of the fixed scale, or of a stretched one (`range` with its own ticks). */
export function ThermalScaleBar({ range }: { range?: ThermalRange & { ticksC: readonly number[] } } = {}) {
  const r = range ?? THERMAL_SCALE
  return (
    <div className="thermal-scale" data-testid="thermal-scale" data-min={r.minC} data-max={r.maxC}>
      <div className="thermal-bar" style={{ background: range ? gradientOf(range) : gradient }} />
      <div className="thermal-ticks">
        {r.ticksC.map((t) => (
          <span key={t} style={{ left: `${thermalT(t, r) * 100}%` }}>
            {t} °C
          </span>
        ))}
      </div>
    </div>
  )
}
