// Which input moves the current variant's NPV most: one bar per input, from the NPV with the input
// at its low value to the NPV at its high value, around the base NPV; largest swing on top.
import type { EconomicsResult } from '../../solver/economics/types'
import { moneyScale } from '../../report/svg/axis'
import { fmtUsd } from '../../report/format'
import { formatInput, formatUsdTick } from './money'
import { TORNADO_COLOURS } from './seriesColours'
import { useWidth } from './useWidth'

const ROW_PX = 30
const BAR_PX = 16
const M = { top: 8, right: 8, bottom: 26, left: 128 }
/** Room either side of the bars for the input values at their ends. */
const PAD_PX = 64

export function TornadoChart({ economics }: { economics: EconomicsResult }) {
  const [ref, width] = useWidth<HTMLDivElement>(480)
  const bars = [...economics.tornado].sort((a, b) => b.swingUsd - a.swingUsd)
  const base = economics.npvUsd
  const height = M.top + bars.length * ROW_PX + M.bottom
  const values = [base, ...bars.flatMap((b) => [b.npvAtLowUsd, b.npvAtHighUsd])]
  const { scale: x, ticks } = moneyScale(values, M.left + PAD_PX, width - M.right - PAD_PX, 5, 52)
  const bottom = height - M.bottom
  return (
    <div ref={ref} className="econ-chart" data-testid="econ-tornado">
      {bars.length === 0 ? (
        <p className="muted small">No sensitivities for this variant.</p>
      ) : (
        <svg width={width} height={height} role="img" aria-label="NPV sensitivity to each input">
          <g className="econ-grid">
            {ticks.map((t) => (
              <g key={t} transform={`translate(${x(t)},0)`}>
                <line y1={M.top} y2={bottom} className={t === 0 ? 'econ-zero' : undefined} />
                <text y={bottom + 16} textAnchor="middle" className={t < 0 ? 'neg' : undefined}>
                  {formatUsdTick(t)}
                </text>
              </g>
            ))}
          </g>
          {bars.map((b, i) => {
            const cy = M.top + i * ROW_PX + ROW_PX / 2
            const segment = (npv: number, colour: string) => {
              const x0 = Math.min(x(base), x(npv))
              return <rect x={x0} y={cy - BAR_PX / 2} width={Math.max(1, Math.abs(x(npv) - x(base)))} height={BAR_PX} fill={colour} rx={1.5} />
            }
            // Each end is labelled with the input value that gives it, on the outer side.
            const lowLeft = b.npvAtLowUsd <= b.npvAtHighUsd
            const left = lowLeft ? { value: b.lowValue, npv: b.npvAtLowUsd } : { value: b.highValue, npv: b.npvAtHighUsd }
            const right = lowLeft ? { value: b.highValue, npv: b.npvAtHighUsd } : { value: b.lowValue, npv: b.npvAtLowUsd }
            return (
              <g key={b.input} className="econ-tornado-row" data-input={b.input}>
                <title>{`${b.label}: ${formatInput(b.lowValue, b.unit)} → NPV ${fmtUsd(b.npvAtLowUsd)}; ${formatInput(b.highValue, b.unit)} → NPV ${fmtUsd(b.npvAtHighUsd)}`}</title>
                <text x={M.left - 8} y={cy} dy="0.32em" textAnchor="end" className="econ-tornado-label">
                  {b.label}
                </text>
                {segment(b.npvAtLowUsd, TORNADO_COLOURS.low)}
                {segment(b.npvAtHighUsd, TORNADO_COLOURS.high)}
                <text x={Math.min(x(left.npv), x(base)) - 5} y={cy} dy="0.32em" textAnchor="end" className="econ-tornado-value">
                  {formatInput(left.value, b.unit)}
                </text>
                <text x={Math.max(x(right.npv), x(base)) + 5} y={cy} dy="0.32em" className="econ-tornado-value">
                  {formatInput(right.value, b.unit)}
                </text>
              </g>
            )
          })}
          <line x1={x(base)} x2={x(base)} y1={M.top - 4} y2={bottom} className="econ-base" />
        </svg>
      )}
      <ul className="econ-legend">
        <li>
          <span className="swatch" style={{ background: TORNADO_COLOURS.low }} />
          input at its low value
        </li>
        <li>
          <span className="swatch" style={{ background: TORNADO_COLOURS.high }} />
          at its high value
        </li>
        <li>
          <span className="econ-legend-line base" />
          base NPV <span className={`num${base < 0 ? ' neg' : ''}`}>{fmtUsd(base)}</span>
        </li>
      </ul>
    </div>
  )
}
