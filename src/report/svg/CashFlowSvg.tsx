// Cumulative cash over the horizon, one line per variant (the current one drawn strongest), with
// the zero line marked: where a line crosses it is that variant's payback. Hook-free: the app draws
// it at its panel's width (ui/economics/CashFlowChart.tsx), the report renders it to static markup.
import { scaleLinear } from 'd3-scale'
import { fmtUsd } from '../format'
import { moneyScale } from './axis'
import type { ChartVariant } from './types'

const HEIGHT = 250
const M = { top: 12, right: 16, bottom: 28, left: 60 }

export function CashFlowSvg({ variants, width, className }: { variants: readonly ChartVariant[]; width: number; className?: string }) {
  const series = variants.filter((v) => v.economics && v.economics.cashFlows.length > 0)
  const years = series.flatMap((v) => v.economics?.cashFlows.map((c) => c.year) ?? [])
  const values = series.flatMap((v) => v.economics?.cashFlows.map((c) => c.cumulativeUsd) ?? [])
  const x = scaleLinear()
    .domain([Math.min(0, ...years), Math.max(1, ...years)])
    .range([M.left, width - M.right])
  const { scale: y, ticks } = moneyScale(values, HEIGHT - M.bottom, M.top, 5, 24)
  const xTicks = x.ticks(Math.min(10, Math.max(1, ...years))).filter(Number.isInteger)
  // The current variant last, so its line is on top.
  const ordered = [...series.filter((v) => !v.current), ...series.filter((v) => v.current)]
  return (
    <>
      <svg className={className} width={width} height={HEIGHT} viewBox={`0 0 ${width} ${HEIGHT}`} role="img" aria-label="Cumulative cash by year, per variant" xmlns="http://www.w3.org/2000/svg">
        <g className="econ-grid">
          {ticks.map((t) => (
            <g key={t} transform={`translate(0,${y(t)})`}>
              <line x1={M.left} x2={width - M.right} className={t === 0 ? 'econ-zero' : undefined} />
              <text x={M.left - 8} dy="0.32em" textAnchor="end" className={t < 0 ? 'neg' : undefined}>
                {fmtUsd(t)}
              </text>
            </g>
          ))}
          {xTicks.map((t) => (
            <text key={t} x={x(t)} y={HEIGHT - M.bottom + 16} textAnchor="middle">
              {t === 0 ? 'Year 0' : t}
            </text>
          ))}
        </g>
        {ordered.map((v) => {
          const flows = v.economics?.cashFlows ?? []
          const d = flows.map((c, i) => `${i === 0 ? 'M' : 'L'}${x(c.year).toFixed(1)},${y(c.cumulativeUsd).toFixed(1)}`).join('')
          const last = flows[flows.length - 1]
          return (
            <g key={v.id} className={v.current ? 'econ-series current' : 'econ-series'} data-variant={v.id}>
              {/* A variant that cannot run as drawn: dashed, what it would earn if it ran. */}
              <path d={d} stroke={v.colour} fill="none" strokeDasharray={v.economics?.buildable === false ? '5 4' : undefined} />
              {flows.map((c) => (
                <circle key={c.year} cx={x(c.year)} cy={y(c.cumulativeUsd)} r={v.current ? 3 : 2} fill={v.colour}>
                  <title>{`${v.name}, year ${c.year}: ${fmtUsd(c.cumulativeUsd)} cumulative (${fmtUsd(c.netUsd)} that year)`}</title>
                </circle>
              ))}
              {last && v.current && (
                <text x={x(last.year) - 6} y={y(last.cumulativeUsd) - 8} textAnchor="end" className={`econ-end${last.cumulativeUsd < 0 ? ' neg' : ''}`}>
                  {fmtUsd(last.cumulativeUsd)}
                </text>
              )}
            </g>
          )
        })}
      </svg>
      <ul className="econ-legend">
        {series.map((v) => (
          <li key={v.id} className={v.current ? 'current' : undefined}>
            <span className={`econ-legend-line${v.economics?.buildable === false ? ' dashed' : ''}`} style={{ borderColor: v.colour }} />
            {v.name}: {fmtUsd(v.economics?.cashFlows[v.economics.cashFlows.length - 1]?.cumulativeUsd ?? 0)}
            {v.economics?.buildable === false && <span className="muted"> (not buildable)</span>}
          </li>
        ))}
        <li className="muted">
          <span className="econ-legend-line zero" />
          break-even
        </li>
      </ul>
    </>
  )
}
