// The typical year of the current variant: annual and worst-hour PUE, water, hours outside the
// devices' limits, and PUE by month as a small chart (d3-scale for the axes, SVG for the marks).
import { useMemo } from 'react'
import { scaleBand, scaleLinear } from 'd3-scale'
import { selectReport, useStore } from '../store'
import { formatNumber } from './format'
import { yearHoursOverLimit } from '../report/yearHours'
import './year.css'

const MONTHS = ['J', 'F', 'M', 'A', 'M', 'J', 'J', 'A', 'S', 'O', 'N', 'D']
const W = 340
const H = 96
const PAD = { left: 34, right: 6, top: 8, bottom: 16 }

function MonthlyPue({ pue, temp }: { pue: number[]; temp: number[] }) {
  const x = scaleBand<number>()
    .domain(pue.map((_, i) => i))
    .range([PAD.left, W - PAD.right])
    .padding(0.25)
  const lo = Math.min(...pue)
  const hi = Math.max(...pue)
  const margin = Math.max(0.002, (hi - lo) * 0.25)
  const y = scaleLinear().domain([lo - margin, hi + margin]).nice(4).range([H - PAD.bottom, PAD.top])
  const t = scaleLinear().domain([Math.min(...temp), Math.max(...temp)]).range([H - PAD.bottom, PAD.top])
  const ticks = y.ticks(3)
  const base = y.range()[0]!
  return (
    <svg className="year-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label="PUE by month" data-testid="year-chart">
      {ticks.map((v) => (
        <g key={v}>
          <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} className="grid" />
          <text x={PAD.left - 4} y={y(v)} className="tick" textAnchor="end" dominantBaseline="middle">
            {v.toFixed(3)}
          </text>
        </g>
      ))}
      {pue.map((v, i) => (
        <g key={i}>
          <rect x={x(i)} width={x.bandwidth()} y={y(v)} height={Math.max(0.5, base - y(v))} className="bar">
            <title>{`PUE ${v.toFixed(3)}, mean ${formatNumber(temp[i]!, 1)} °C`}</title>
          </rect>
          <text x={(x(i) ?? 0) + x.bandwidth() / 2} y={H - 4} className="tick" textAnchor="middle">
            {MONTHS[i]}
          </text>
        </g>
      ))}
      <polyline className="temp" points={temp.map((v, i) => `${(x(i) ?? 0) + x.bandwidth() / 2},${t(v)}`).join(' ')} />
    </svg>
  )
}

export function YearPanel() {
  const year = useStore((s) => selectReport(s)?.year ?? null)
  const checks = useStore((s) => selectReport(s)?.checks)
  const hours = useMemo(() => yearHoursOverLimit(checks ?? []), [checks])
  if (!year) return null
  const over = hours.worstH ?? 0
  const monthlyPue = year.months.map((m) => m.pue)
  const title = hours.checks.map((c) => `${c.title}, ${c.subject}: ${formatNumber(c.value ?? 0, 0)} h`).join('\n')
  return (
    <section className="panel-section year-panel" data-testid="year-panel">
      <div className="section-head">
        <h3>Typical year</h3>
        <span className="muted small">
          {formatNumber(year.minDryBulbC, 0)} … {formatNumber(year.maxDryBulbC, 0)} °C outdoors
        </span>
      </div>
      <dl className="year-figures">
        <div>
          <dt>PUE</dt>
          <dd className="num">{formatNumber(year.annualPue, 3)}</dd>
        </div>
        <div>
          <dt>Worst hour</dt>
          <dd className="num">{formatNumber(year.worstHourPue, 3)}</dd>
        </div>
        <div>
          <dt>Water</dt>
          <dd className="num">{formatNumber(year.waterM3, 0)} m³</dd>
        </div>
        <div>
          <dt>Hours over limit</dt>
          <dd className={`num${over > 0 ? ' bad' : ''}`} title={title} data-testid="year-hours-over">
            {formatNumber(over, 0)} h
          </dd>
        </div>
      </dl>
      {/* No bars without IT load: its PUE is no figure (constants.ts pueOf). */}
      {monthlyPue.every((p): p is number => p !== null) && <MonthlyPue pue={monthlyPue} temp={year.months.map((m) => m.meanDryBulbC)} />}
      <p className="muted small">Bars: PUE by month · line: mean outdoor temperature</p>
    </section>
  )
}
