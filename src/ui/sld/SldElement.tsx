// One element of the single-line diagram, drawn the way a one-line drawing shows it: equipment as
// its symbol on the wire with its tag, rating, voltage and loading beside it; switchgear, boards
// and busways as busbars with a breaker on each outgoing feeder; a board that only feeds loads as
// a vertical bus with its loads down the side; rows and cooling as loads. Loading % is coloured
// by the status of the element's own checks. Scene text goes in as text nodes (React escapes).
import { memo, type MouseEvent, type ReactNode } from 'react'
import { NO_STATUS_COLOUR, STATUS_COLOURS } from '../../viewport/palette'
import { boxTitle, BUS_KINDS, SLD_SIZE, type SldBox } from './sldGraph'
import { AXIS_X, BUS_BAR_PX, BUS_BAR_Y, LOAD_INLET_DX, STACK_BUS_X, type PlacedBox } from './sldLayout'
import { fitText, formatKVA, formatKW, percent } from './sldText'
import type { BoxValues } from './sldValues'
import { Breaker, SldSymbol } from './SldSymbol'

export interface SldHandlers {
  onPick: (selectId: string) => void
  onFold: (foldKey: string) => void
  onFocus: (id: string) => void
}

export interface SldElementProps extends SldHandlers {
  box: PlacedBox
  values: ReadonlyMap<string, BoxValues>
  selectedId: string | null
  /** Wire ends on the box's edge, relative x: incoming at the top, outgoing at the bottom. */
  inX: readonly number[]
  outX: readonly number[]
}

const STATUS_RANK = { ok: 0, warn: 1, fail: 2 } as const
const statusColour = (v: BoxValues | undefined) => (v?.status ? STATUS_COLOURS[v.status] : NO_STATUS_COLOUR)

function isSelected(box: SldBox, selectedId: string | null): boolean {
  return selectedId !== null && box.members.includes(selectedId)
}

function tooltip(box: SldBox, v: BoxValues | undefined): string {
  const parts = [`${box.name} (${boxTitle(box)})`]
  if (box.detail) parts.push(box.detail)
  if (box.members.length > 1) parts.push(`${box.members.length} identical branches drawn once: ${box.members.join(', ')}`)
  if (v?.check) parts.push(`${v.check.title}: ${v.check.status}`)
  if (box.altFeeds.length) parts.push(`standby supply through a transfer switch: ${box.altFeeds.join(', ')}`)
  parts.push('double-click: the path from the grid')
  return parts.join('\n')
}

/** "2,500 kVA · 10/0.4 kV" */
function ratingLine(box: SldBox, v: BoxValues | undefined): string {
  const parts: string[] = []
  if (v?.ratingKVA != null) parts.push(formatKVA(v.ratingKVA))
  if (box.kvLabel) parts.push(box.kvLabel)
  return parts.join(' · ')
}

const schemeOf = (box: SldBox) => (box.group && box.group.scheme !== 'N' ? box.group.scheme : null)

/** Load and loading, the % in its status colour. */
function LoadLine(props: { v: BoxValues | undefined; x: number; y: number; anchor?: 'start' | 'middle'; className?: string; standby?: boolean }) {
  const { v, x, y, anchor = 'start', className = 'sld-line', standby = false } = props
  if (!v || (v.loadKVA === null && v.loadKW === null)) {
    return (
      <text x={x} y={y} className={className} textAnchor={anchor}>
        no figures yet
      </text>
    )
  }
  if (standby && (v.loadKVA ?? 0) === 0) {
    return (
      <text x={x} y={y} className={className} textAnchor={anchor}>
        standby
      </text>
    )
  }
  const load = v.loadKVA !== null ? formatKVA(v.loadKVA) : v.loadKW !== null ? formatKW(v.loadKW) : ''
  const u = v.utilisation
  // The % in the colour of the load check it is (as a row's circuit %); a worse check of another
  // kind (a tier, an N-1 case) is a dot of its own, named in its tooltip.
  const pctColour = v.loadCheck ? STATUS_COLOURS[v.loadCheck.status] : statusColour(v)
  const otherWorse = v.status !== null && (u === null || !v.loadCheck || STATUS_RANK[v.status] > STATUS_RANK[v.loadCheck.status])
  return (
    <text x={x} y={y} className={className} textAnchor={anchor}>
      {load}
      {u !== null && (
        <tspan className="sld-pct" fill={pctColour}>
          {` · ${v.utilisationMin !== null ? `${percent(v.utilisationMin).replace(' %', '')}–` : ''}${percent(u)}`}
        </tspan>
      )}
      {otherWorse && (
        <tspan fill={statusColour(v)}>
          {' ●'}
          {v.check && <title>{`${v.check.title}: ${v.check.status}`}</title>}
        </tspan>
      )}
    </text>
  )
}

function FoldBadge({ box, x, y, onFold }: { box: SldBox; x: number; y: number; onFold: (key: string) => void }) {
  if (box.members.length < 2 || !box.foldKey) return null
  const label = `× ${box.members.length}`
  const w = label.length * 7.4 + 12
  const key = box.foldKey
  return (
    <g
      className="sld-fold"
      data-testid="sld-fold"
      transform={`translate(${x - w},${y})`}
      onClick={(e) => {
        e.stopPropagation()
        onFold(key)
      }}
    >
      <title>{`${box.members.length} identical branches drawn once: click to draw each`}</title>
      <rect width={w} height={18} rx={9} />
      <text x={w / 2} y={13} textAnchor="middle">
        {label}
      </text>
    </g>
  )
}

/** What makes a drawn element (a box, or one line of a stacked box) an element of the diagram:
 *  its test ids, a click that selects its item, a double click that focuses on it. */
function pickable(el: { kind: string; selectId: string; members: readonly string[] }, handlers: SldHandlers) {
  return {
    'data-testid': 'sld-node',
    'data-kind': el.kind,
    'data-id': el.selectId,
    'data-count': el.members.length,
    onClick: (e: MouseEvent) => {
      e.stopPropagation()
      handlers.onPick(el.selectId)
    },
    onDoubleClick: (e: MouseEvent) => {
      e.stopPropagation()
      handlers.onFocus(el.selectId)
    },
  }
}

function Frame({ box, selected, v, handlers, children }: { box: PlacedBox; selected: boolean; v: BoxValues | undefined; handlers: SldHandlers; children: ReactNode }) {
  return (
    <g
      className={`sld-el sld-${box.kind}${box.side ? ` side-${box.side}` : ''}${selected ? ' selected' : ''}`}
      transform={`translate(${box.x},${box.y})`}
      {...pickable(box, handlers)}
    >
      <title>{tooltip(box, v)}</title>
      <rect className="sld-hit" x={-4} y={-4} width={box.widthPx + 8} height={box.heightPx + 8} rx={6} />
      {children}
    </g>
  )
}

function Equipment({ box, v, handlers }: { box: PlacedBox; v: BoxValues | undefined; handlers: SldHandlers }) {
  const h = box.heightPx
  const textX = AXIS_X + 24
  const textW = box.widthPx - textX - 4
  const n1 = v?.contingencyUtilisation ?? null
  const showN1 = n1 !== null && (v?.utilisation === null || v?.utilisation === undefined || n1 > v.utilisation + 0.005)
  return (
    <>
      {/* The grid and a generator are sources: no wire comes in from above. */}
      <path className="sld-wire" d={box.kind === 'generator' || box.kind === 'grid' ? `M${AXIS_X} ${h / 2 + 18}V${h}` : `M${AXIS_X} 0V${h / 2 - 18}M${AXIS_X} ${h / 2 + 18}V${h}`} />
      <g transform={`translate(${AXIS_X},${h / 2})`}>
        <SldSymbol kind={box.kind} />
      </g>
      <text x={textX} y={16} className="sld-title">
        {fitText(boxTitle(box), textW - (box.members.length > 1 ? 44 : 0), 14)}
      </text>
      <text x={textX} y={33} className="sld-line">
        {fitText(ratingLine(box, v), textW)}
      </text>
      <LoadLine v={v} x={textX} y={50} standby={box.kind === 'generator'} />
      {(showN1 || schemeOf(box)) && (
        <text x={textX} y={67} className="sld-line">
          {showN1 && n1 !== null && (
            <>
              {'N-1 '}
              <tspan className="sld-pct" fill={n1 > 1 ? STATUS_COLOURS.fail : n1 > 0.8 ? STATUS_COLOURS.warn : undefined}>
                {percent(n1)}
              </tspan>
            </>
          )}
          {schemeOf(box) && `${showN1 ? ' · ' : ''}${schemeOf(box)}`}
        </text>
      )}
      <FoldBadge box={box} x={box.widthPx} y={2} onFold={handlers.onFold} />
    </>
  )
}

function Bus({ box, v, inX, outX, handlers }: { box: PlacedBox; v: BoxValues | undefined; inX: readonly number[]; outX: readonly number[]; handlers: SldHandlers }) {
  const w = box.widthPx
  const h = box.heightPx
  const barBottom = BUS_BAR_Y + BUS_BAR_PX
  const mid = w / 2
  // Tag and voltage left of the incoming wire, load right of it; a generator wire at the left end pushes the tag in.
  const left = inX.some((x) => x < 24) ? 26 : 6
  return (
    <>
      {inX.map((x) => (
        <path key={`i${x}`} className="sld-wire" d={`M${x} 0V${BUS_BAR_Y}`} />
      ))}
      {outX.map((x) => (
        <g key={`o${x}`}>
          <path className="sld-wire" d={`M${x} ${barBottom}V${h}`} />
          <Breaker x={x} y={barBottom + (h - barBottom) / 2} />
        </g>
      ))}
      <rect className={`sld-bar${box.side ? ` side-${box.side}` : ''}`} x={0} y={BUS_BAR_Y} width={w} height={BUS_BAR_PX} rx={1.5} />
      <text x={left} y={12} className="sld-title">
        {fitText(boxTitle(box), mid - left - 8, 14)}
      </text>
      <text x={left} y={25} className="sld-line">
        {fitText(ratingLine(box, v), mid - left - 8)}
      </text>
      <LoadLine v={v} x={mid + 8} y={12} />
      <FoldBadge box={box} x={w} y={barBottom + 2} onFold={handlers.onFold} />
    </>
  )
}

function StackBoard(props: { box: PlacedBox; v: BoxValues | undefined; values: ReadonlyMap<string, BoxValues>; selectedId: string | null; handlers: SldHandlers }) {
  const { box, v, values, selectedId, handlers } = props
  const head = SLD_SIZE.stackHeadPx
  const line = SLD_SIZE.stackLinePx
  const last = head + (box.stack.length - 0.5) * line
  const textX = STACK_BUS_X + 14
  return (
    <>
      <path className="sld-wire" d={`M${STACK_BUS_X} 0V${head - 6}`} />
      <rect className={`sld-bar${box.side ? ` side-${box.side}` : ''}`} x={STACK_BUS_X - BUS_BAR_PX / 2} y={head - 6} width={BUS_BAR_PX} height={last - head + 8} rx={1.5} />
      <text x={textX} y={14} className="sld-title">
        {fitText(`${box.id}${box.kvLabel ? ` · ${box.kvLabel}` : ''}`, box.widthPx - textX - 40, 13)}
      </text>
      <LoadLine v={v} x={textX} y={30} />
      <FoldBadge box={box} x={box.widthPx} y={2} onFold={handlers.onFold} />
      {box.stack.map((item, i) => {
        const cy = head + (i + 0.5) * line
        const iv = values.get(item.id)
        const selected = isSelected(item, selectedId)
        return (
          <g
            key={item.id}
            className={`sld-el sld-${item.kind}${selected ? ' selected' : ''}`}
            {...pickable(item, handlers)}
          >
            <title>{tooltip(item, iv)}</title>
            <rect className="sld-hit" x={STACK_BUS_X + 6} y={cy - line / 2 + 2} width={box.widthPx - STACK_BUS_X - 4} height={line - 4} rx={4} />
            <path className="sld-wire" d={`M${STACK_BUS_X} ${cy}H${STACK_BUS_X + 42}`} />
            <Breaker x={STACK_BUS_X + 20} y={cy} horizontal />
            <g transform={`translate(${STACK_BUS_X + 54},${cy})`}>
              <SldSymbol kind={item.kind} />
            </g>
            <text x={STACK_BUS_X + 72} y={cy - 3} className="sld-title" style={{ fontSize: 12.5 }}>
              {fitText(boxTitle(item), box.widthPx - STACK_BUS_X - 72 - 46 - (item.altFeeds.length ? 30 : 0), 13.5)}
              {item.altFeeds.length > 0 && <tspan className="sld-tag">{'  ATS'}</tspan>}
            </text>
            <text x={STACK_BUS_X + 72} y={cy + 13} className="sld-line">
              {fitText(item.detail ?? '', box.widthPx - STACK_BUS_X - 72 - 64)}
              {iv?.loadKW != null && <tspan fill={statusColour(iv)}>{` · ${formatKW(iv.loadKW)}`}</tspan>}
            </text>
            <FoldBadge box={item} x={box.widthPx} y={cy - 17} onFold={handlers.onFold} />
          </g>
        )
      })}
    </>
  )
}

function Load({ box, v, inX, handlers }: { box: PlacedBox; v: BoxValues | undefined; inX: readonly number[]; handlers: SldHandlers }) {
  const w = box.widthPx
  const cx = w / 2
  const top = 12
  const circuit = v?.circuit && v.circuit.ratio !== null ? { status: v.circuit.status, ratio: v.circuit.ratio } : null
  return (
    <>
      {(inX.length ? inX : [cx]).map((x) => (
        <path key={x} className={`sld-wire${Math.abs(x - (cx + LOAD_INLET_DX)) < 1 ? ' kind-feedB' : ''}`} d={`M${x} 0V${top}H${cx}V${top + 4}`} />
      ))}
      <g transform={`translate(${cx},${top + 18})`}>
        <SldSymbol kind={box.kind} />
      </g>
      <text x={cx} y={top + 50} textAnchor="middle" className="sld-title">
        {fitText(boxTitle(box), w - 90, 14)}
      </text>
      <text x={cx} y={top + 65} textAnchor="middle" className="sld-line">
        {fitText(box.detail ?? '', w - 4)}
      </text>
      <text x={cx} y={top + 80} textAnchor="middle" className="sld-load">
        {v?.loadKW != null ? `${formatKW(v.loadKW)}${box.members.length > 1 ? ' each' : ''}` : '—'}
        {circuit && (
          <tspan className="sld-pct" fill={STATUS_COLOURS[circuit.status]}>
            {` · circuit ${percent(circuit.ratio)}`}
          </tspan>
        )}
        {v?.status && (
          <tspan fill={statusColour(v)}>
            {' ●'}
            <title>{v.check ? `${v.check.title}: ${v.check.status}` : `row: ${v.status}`}</title>
          </tspan>
        )}
      </text>
      <FoldBadge box={box} x={w} y={top + 36} onFold={handlers.onFold} />
    </>
  )
}

export const SldElement = memo(function SldElement({ box, values, selectedId, inX, outX, onPick, onFold, onFocus }: SldElementProps) {
  const v = values.get(box.id)
  const handlers = { onPick, onFold, onFocus }
  const selected = isSelected(box, selectedId)
  let body: ReactNode
  if (BUS_KINDS.has(box.kind) && box.stack.length > 0) body = <StackBoard box={box} v={v} values={values} selectedId={selectedId} handlers={handlers} />
  else if (BUS_KINDS.has(box.kind)) body = <Bus box={box} v={v} inX={inX} outX={outX} handlers={handlers} />
  else if (box.kind === 'row' || box.kind === 'cooling') body = <Load box={box} v={v} inX={inX} handlers={handlers} />
  else body = <Equipment box={box} v={v} handlers={handlers} />
  return (
    <Frame box={box} selected={selected && box.stack.every((i) => !isSelected(i, selectedId))} v={v} handlers={handlers}>
      {body}
    </Frame>
  )
})
