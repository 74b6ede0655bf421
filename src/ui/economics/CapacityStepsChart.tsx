// The points the capacity search tried: IT load against racks, each coloured by its verdict, with
// the maximum and the floor limit marked.
import { scaleLinear } from 'd3-scale'
import type { CapacityResult } from '../../solver/economics/types'
import { formatNumber } from '../format'
import { useWidth } from './useWidth'

const HEIGHT = 170
const M = { top: 14, right: 14, bottom: 40, left: 44 }

export function CapacityStepsChart({ result }: { result: CapacityResult }) {
  const [ref, width] = useWidth<HTMLDivElement>(400)
  return (
    <div ref={ref} className="econ-chart" data-testid="capacity-steps">
      <CapacityStepsSvg result={result} width={width} />
    </div>
  )
}

/** The chart itself at a given width (no hooks: renders alike in the app and to static markup). */
export function CapacityStepsSvg({ result, width }: { result: CapacityResult; width: number }) {
  const steps = [...result.steps].sort((a, b) => a.racks - b.racks)
  if (steps.length === 0) return null
  const maxRacks = Math.max(result.floorLimitRacks, ...steps.map((s) => s.racks), 1)
  const x = scaleLinear().domain([0, maxRacks]).range([M.left, width - M.right]).nice(6)
  const y = scaleLinear()
    .domain([0, Math.max(1, ...steps.map((s) => s.itKW)) / 1000])
    .range([HEIGHT - M.bottom, M.top])
    .nice(4)
  const bottom = HEIGHT - M.bottom
  return (
    <>
      <svg width={width} height={HEIGHT} role="img" aria-label="Capacity search: IT load against racks, by verdict">
        <g className="econ-grid">
          {y.ticks(4).map((t) => (
            <g key={t} transform={`translate(0,${y(t)})`}>
              <line x1={M.left} x2={width - M.right} />
              <text x={M.left - 6} dy="0.32em" textAnchor="end">
                {formatNumber(t, t % 1 === 0 ? 0 : 1)}
              </text>
            </g>
          ))}
          {x.ticks(6).map((t) => (
            <text key={t} x={x(t)} y={bottom + 16} textAnchor="middle">
              {formatNumber(t, 0)}
            </text>
          ))}
          <text x={M.left - 6} y={M.top - 6} textAnchor="end">IT MW</text>
          <text x={(M.left + width - M.right) / 2} y={bottom + 32} textAnchor="middle">racks of {result.deviceName}</text>
        </g>
        {result.floorLimitRacks > 0 && (
          <g className="econ-marker floor">
            <line x1={x(result.floorLimitRacks)} x2={x(result.floorLimitRacks)} y1={M.top} y2={bottom} />
            <text x={x(result.floorLimitRacks) - 4} y={M.top + 4} textAnchor="end">floor {formatNumber(result.floorLimitRacks, 0)}</text>
          </g>
        )}
        {result.maxRacks > 0 && (
          <g className="econ-marker max">
            <line x1={x(result.maxRacks)} x2={x(result.maxRacks)} y1={M.top} y2={bottom} />
            <text x={x(result.maxRacks) + 4} y={M.top + 4}>max {formatNumber(result.maxRacks, 0)}</text>
          </g>
        )}
        {/* The search may try one rack count more than once (with and without a cheap fix): key by order. */}
        {steps.map((s, i) => (
          <circle key={i} data-racks={s.racks} cx={x(s.racks)} cy={y(s.itKW / 1000)} r={3.5} className={`econ-step status-fill-${s.verdict}`}>
            <title>{`${formatNumber(s.racks, 0)} racks, ${formatNumber(s.devices, 0)} devices, ${formatNumber(s.itKW / 1000, 1)} MW site IT: ${s.unlocked ? 'passes with the cheap fixes' : s.verdict}`}</title>
          </circle>
        ))}
      </svg>
      <ul className="econ-legend">
        <li><span className="status-dot status-ok" />passes</li>
        <li><span className="status-dot status-warn" />passes near a limit, or with the cheap fixes</li>
        <li><span className="status-dot status-fail" />fails</li>
      </ul>
    </>
  )
}
