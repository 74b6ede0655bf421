// Capex by item: one stacked bar per variant, the same item in the same colour in every bar.
// Hook-free: the app draws it at its panel's width (ui/economics/CapexChart.tsx), the report renders
// it to static markup.
import { scaleLinear } from 'd3-scale'
import { fmtUsd } from '../format'
import { spacedTicks } from './axis'
import type { ChartVariant } from './types'

const ROW_PX = 28
const BAR_PX = 16
const M = { top: 4, right: 56, bottom: 24, left: 150 }
const CAPEX_COLOURS = ['#5f93c4', '#8a7cc8', '#4fa3a5', '#b08fc7', '#7f8fa6', '#3f6f9e', '#a3a9b3', '#6b5f9e', '#5d7f7e', '#c2b8d8', '#8fb4d6', '#4d5b70']

/** Capex items: a calm ramp of blues, violets and greys (no status colours). */
export function capexColour(index: number): string {
  return CAPEX_COLOURS[index % CAPEX_COLOURS.length] ?? '#888888'
}

export function CapexSvg({ variants, width, className }: { variants: readonly ChartVariant[]; width: number; className?: string }) {
  const shown = variants.filter((v) => v.economics)
  // Items largest total first.
  const totals = new Map<string, number>()
  for (const v of shown) for (const line of v.economics?.capexLines ?? []) totals.set(line.item, (totals.get(line.item) ?? 0) + Math.max(0, line.usd))
  const items = [...totals.keys()].sort((a, b) => (totals.get(b) ?? 0) - (totals.get(a) ?? 0))
  const colourOf = new Map(items.map((item, i) => [item, capexColour(i)]))
  const maxUsd = Math.max(1, ...shown.map((v) => v.economics?.capexUsd ?? 0))
  const x = scaleLinear().domain([0, maxUsd]).range([M.left, width - M.right]).nice(4)
  const { ticks } = spacedTicks(x, 5, 56)
  const height = M.top + shown.length * ROW_PX + M.bottom
  const bottom = height - M.bottom
  return (
    <>
      <svg className={className} width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label="Capex by item, per variant" xmlns="http://www.w3.org/2000/svg">
        <g className="econ-grid">
          {ticks.map((t) => (
            <g key={t} transform={`translate(${x(t)},0)`}>
              <line y1={M.top} y2={bottom} className={t === 0 ? 'econ-zero' : undefined} />
              <text y={bottom + 16} textAnchor="middle">
                {fmtUsd(t)}
              </text>
            </g>
          ))}
        </g>
        {shown.map((v, row) => {
          const cy = M.top + row * ROW_PX + ROW_PX / 2
          let at = 0
          const lines = [...(v.economics?.capexLines ?? [])].filter((l) => l.usd > 0).sort((a, b) => items.indexOf(a.item) - items.indexOf(b.item))
          return (
            <g key={v.id} className={v.current ? 'econ-capex-row current' : 'econ-capex-row'}>
              <text x={M.left - 8} y={cy} dy="0.32em" textAnchor="end" className="econ-tornado-label">
                {v.name}
              </text>
              {lines.map((line, i) => {
                const x0 = x(at)
                at += line.usd
                return (
                  <rect key={i} x={x0} y={cy - BAR_PX / 2} width={Math.max(0.5, x(at) - x0 - 1)} height={BAR_PX} fill={colourOf.get(line.item)}>
                    <title>{`${line.item}: ${fmtUsd(line.usd)}${line.note ? ` — ${line.note}` : ''}`}</title>
                  </rect>
                )
              })}
              <text x={x(at) + 6} y={cy} dy="0.32em" className="econ-tornado-value strong">
                {fmtUsd(v.economics?.capexUsd ?? 0)}
              </text>
            </g>
          )
        })}
      </svg>
      <ul className="econ-legend">
        {items.map((item) => (
          <li key={item}>
            <span className="swatch" style={{ background: colourOf.get(item) }} />
            {item}
            {shown.length === 1 && `: ${fmtUsd(totals.get(item) ?? 0)}`}
          </li>
        ))}
      </ul>
    </>
  )
}
