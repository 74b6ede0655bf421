// A feed's load schedule: its rows of racks and cooling placements, one clickable line each with
// the load in kW and, for rows, the row's own check status.
import { memo } from 'react'
import { SLD_COLOURS, STATUS_COLOURS } from '../../viewport/palette'
import { formatAuto } from '../format'
import { SLD_LOADS_HEAD_PX, SLD_LOAD_LINE_PX } from './sldGraph'
import type { PlacedBox } from './sldLayout'
import { fitText, screenFont, type Detail } from './sldText'
import type { ItemValues } from './sldValues'

export interface SldLoadListProps {
  box: PlacedBox
  items: ReadonlyMap<string, ItemValues>
  selectedId: string | null
  detail: Detail
  zoom: number
  onPick: (selectId: string) => void
}

export const SldLoadList = memo(function SldLoadList({ box, items, selectedId, detail, zoom, onPick }: SldLoadListProps) {
  const { widthPx: w, heightPx: h } = box
  const totalKW = box.items.reduce((sum, item) => sum + (items.get(item.selectId)?.loadKW ?? 0), 0)
  const selectedLine = box.items.findIndex((item) => item.selectId === selectedId)
  const compactFont = screenFont(zoom, Math.min(h * 0.6, 30))
  return (
    <g className="sld-box sld-loads" transform={`translate(${box.x},${box.y})`} data-testid="sld-node" data-kind="loads" data-id={box.id}>
      {selectedLine >= 0 && (
        <rect x={-5} y={-5} width={w + 10} height={h + 10} rx={8} fill="none" stroke={SLD_COLOURS.selection} strokeWidth={Math.max(2.5, 2 / zoom)} />
      )}
      <rect width={w} height={h} rx={4} className="sld-loads-frame" />
      {detail === 'compact' && (
        <text x={w / 2} y={h / 2 + compactFont * 0.35} textAnchor="middle" className="sld-compact" fontSize={compactFont}>
          {`${formatAuto(totalKW)} kW`}
        </text>
      )}
      {detail === 'full' &&
        box.items.map((item, i) => {
          const v = items.get(item.selectId)
          const y = SLD_LOADS_HEAD_PX / 2 + i * SLD_LOAD_LINE_PX
          return (
            <g
              key={item.selectId}
              className={`sld-load${i === selectedLine ? ' selected' : ''}`}
              transform={`translate(0,${y})`}
              data-id={item.selectId}
              onClick={(e) => {
                e.stopPropagation()
                onPick(item.selectId)
              }}
            >
              <title>{item.name}</title>
              <rect x={2} y={0} width={w - 4} height={SLD_LOAD_LINE_PX} rx={3} className="sld-load-hit" />
              {v?.status ? (
                <circle cx={12} cy={SLD_LOAD_LINE_PX / 2} r={3.5} fill={STATUS_COLOURS[v.status]} />
              ) : (
                <path d={`M9 ${SLD_LOAD_LINE_PX / 2}h6`} className="sld-load-dash" />
              )}
              <text x={22} y={13.5} className="sld-load-name">
                {fitText(item.name, w - 92, 11)}
              </text>
              <text x={w - 8} y={13.5} textAnchor="end" className="sld-figures">
                {v?.loadKW !== null && v?.loadKW !== undefined ? `${formatAuto(v.loadKW)} kW` : '—'}
              </text>
            </g>
          )
        })}
    </g>
  )
})
