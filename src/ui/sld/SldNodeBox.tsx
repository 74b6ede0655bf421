// One power box of the single-line diagram: symbol, name, load against rating, utilisation bar,
// the redundancy-group tag and the worst N-1 loading. Scene text goes in as text nodes (React escapes).
import { memo } from 'react'
import { SLD_COLOURS } from '../../viewport/palette'
import type { UtilisationScale } from '../../viewport/utilisationScale'
import { formatAuto } from '../format'
import type { PlacedBox } from './sldLayout'
import { fitText, percent, screenFont, type Detail } from './sldText'
import type { BoxValues } from './sldValues'
import { SldSymbol } from './SldSymbol'

export interface SldNodeBoxProps {
  box: PlacedBox
  values: BoxValues | undefined
  scale: UtilisationScale
  selected: boolean
  groupColour: string | null
  detail: Detail
  zoom: number
  onPick: (selectId: string) => void
}

function loadLine(box: PlacedBox, v: BoxValues | undefined): string {
  if (!v || v.loadKVA === null) return 'no load figures'
  const load = formatAuto(v.loadKVA)
  if (v.ratingKVA === null) return `${load} kVA`
  return box.kind === 'pdus' ? `${load} kVA · ${formatAuto(v.ratingKVA)} each` : `${load} / ${formatAuto(v.ratingKVA)} kVA`
}

function groupLabel(box: PlacedBox): string {
  const g = box.group
  return g ? `${g.scheme} · ${g.id}${g.side ? ` ${g.side}` : ''}` : ''
}

/** The short tag an engineer reads on a drawing: the node id (folded PDUs: their count). */
const shortLabel = (box: PlacedBox) => (box.kind === 'pdus' ? box.name : box.selectId)

export const SldNodeBox = memo(function SldNodeBox({ box, values, scale, selected, groupColour, detail, zoom, onPick }: SldNodeBoxProps) {
  const { widthPx: w, heightPx: h } = box
  const u = values?.utilisation ?? null
  const colour = scale.colour(u)
  // The worst N-1 loading, when a loss elsewhere moves load onto this box (equal to normal: no news).
  const n1Raw = values?.contingencyUtilisation ?? null
  const n1 = n1Raw !== null && (u === null || n1Raw > u + 0.005) ? n1Raw : null
  const tag = groupLabel(box)
  const tagWidth = tag ? Math.min(tag.length * 5.8 + 12, w - 40) : 0
  const compactFont = screenFont(zoom, h * 0.42)
  return (
    <g
      className={`sld-box sld-${box.kind}${selected ? ' selected' : ''}`}
      transform={`translate(${box.x},${box.y})`}
      data-testid="sld-node"
      data-kind={box.kind}
      data-id={box.selectId}
      onClick={(e) => {
        e.stopPropagation()
        onPick(box.selectId)
      }}
    >
      <title>{`${box.name} (${box.selectId})${u !== null ? ` — ${percent(u)} of rating` : ''}${n1 !== null ? `, N-1 ${percent(n1)}` : ''}`}</title>
      {selected && <rect x={-5} y={-5} width={w + 10} height={h + 10} rx={8} fill="none" stroke={SLD_COLOURS.selection} strokeWidth={Math.max(2.5, 2 / zoom)} />}
      {groupColour && detail !== 'block' && (
        <rect x={-2.5} y={-2.5} width={w + 5} height={h + 5} rx={6} fill="none" stroke={groupColour} strokeWidth={1.3} strokeDasharray="5 3" />
      )}
      <rect width={w} height={h} rx={4} fill={SLD_COLOURS.box} stroke={colour} strokeWidth={1.4} />
      <rect width={w} height={h} rx={4} fill={colour} fillOpacity={detail === 'full' ? 0.1 : detail === 'compact' ? 0.22 : 0.6} />
      {detail === 'compact' && (
        <text x={w / 2} y={h / 2 - compactFont * 0.15} textAnchor="middle" className="sld-compact" fontSize={compactFont}>
          {fitText(shortLabel(box), w - 10, compactFont)}
          <tspan x={w / 2} dy={compactFont * 1.05} fill={colour} className="sld-util">
            {u !== null ? percent(u) : '—'}
          </tspan>
        </text>
      )}
      {detail === 'full' && (
        <>
          <g transform="translate(8,9)" color={colour}>
            <SldSymbol kind={box.kind} />
          </g>
          <text x={40} y={18} className="sld-name">
            {fitText(box.name, w - 46)}
          </text>
          <text x={40} y={34} className="sld-figures">
            {loadLine(box, values)}
          </text>
          <text x={40} y={50} className="sld-figures">
            {u !== null ? (
              <tspan className="sld-util" fill={colour}>
                {percent(u)}
              </tspan>
            ) : (
              <tspan className="sld-muted">unrated</tspan>
            )}
            {n1 !== null && (
              <tspan dx={10} fill={scale.colour(n1)} className="sld-n1">
                {`N-1 ${percent(n1)}`}
              </tspan>
            )}
          </text>
          {u !== null && (
            <>
              <rect x={1} y={h - 5} width={w - 2} height={4} className="sld-bar-track" />
              <rect x={1} y={h - 5} width={(w - 2) * Math.min(1, Math.max(0, u))} height={4} fill={colour} />
            </>
          )}
          {tag && (
            <g transform={`translate(${w - tagWidth - 6},${-7})`}>
              <rect width={tagWidth} height={14} rx={7} fill={groupColour ?? SLD_COLOURS.link} />
              <text x={tagWidth / 2} y={10} textAnchor="middle" className="sld-tag">
                {fitText(tag, tagWidth - 8, 9.5)}
              </text>
            </g>
          )}
        </>
      )}
    </g>
  )
})
