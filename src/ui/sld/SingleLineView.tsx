// The single-line diagram of the current variant's power chain, generated from the scene and
// labelled with the report's figures: drag to pan, wheel to zoom (d3-zoom), click an element to
// select it, double-click (or "Path to") to see only its path from the grid, "× N" to unfold
// identical branches. It fits the view on open, on every variant switch and on resize.
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { selectReport, selectVariant, useStore } from '../../store'
import { STATUS_COLOURS } from '../../viewport/palette'
import { SldElement } from './SldElement'
import { downloadSvg, printDiagram, type ExportInfo } from './sldExport'
import type { Side } from './sldGraph'
import type { PlacedLink, SldLayout } from './sldLayout'
import { SldLinks } from './SldLinks'
import { SLD_STYLE } from './sldStyle'
import { SldToolbar, type FocusOption } from './SldToolbar'
import { boxValues, valueContext, type BoxValues } from './sldValues'
import { useD3Zoom } from './useD3Zoom'
import { useSldLayout } from './useSldLayout'

const NO_FOLDS: ReadonlySet<string> = new Set()
const LEGEND_BOX = { position: 'absolute', left: 12, bottom: 8, pointerEvents: 'none' } as const

/** Where the wires meet each box's edge: incoming x at the top, outgoing x at the bottom. */
function wireEnds(layout: SldLayout): Map<string, { inX: number[]; outX: number[] }> {
  const at = new Map(layout.boxes.map((b) => [b.id, b]))
  const ends = new Map(layout.boxes.map((b) => [b.id, { inX: [] as number[], outX: [] as number[] }]))
  const add = (list: number[] | undefined, x: number) => {
    if (list && !list.some((v) => Math.abs(v - x) < 0.5)) list.push(x)
  }
  for (const l of layout.links) {
    const first = l.points[0]
    const last = l.points[l.points.length - 1]
    const s = at.get(l.source)
    const t = at.get(l.target)
    if (first && s) add(ends.get(s.id)?.outX, first.x - s.x)
    if (last && t) add(ends.get(t.id)?.inX, last.x - t.x)
  }
  return ends
}

/** Two lines: what the colours of the loading figures mean, and the wire styles. */
function Legend() {
  const wires: { label: string; draw: ReactNode; w: number }[] = [
    { label: 'A side / common', w: 112, draw: <path className="sld-wire" d="M0 0h18" /> },
    { label: 'B side', w: 50, draw: <path className="sld-wire side-B" d="M0 0h18" /> },
    { label: 'B cord', w: 50, draw: <path className="sld-wire kind-feedB" d="M0 0h18" /> },
    { label: 'generator backup', w: 118, draw: <path className="sld-wire kind-backup" d="M0 0h18" /> },
    { label: 'breaker', w: 54, draw: <rect className="sld-breaker" x={4.5} y={-5} width={9} height={10} /> },
  ]
  const statuses = [
    { s: 'ok', label: 'ok' },
    { s: 'warn', label: 'warning' },
    { s: 'fail', label: 'fails' },
  ] as const
  let x = 0
  return (
    <g className="sld-legend" data-role="legend">
      <text className="sld-legend-title" x={0} y={4}>
        Loading % by its check:
      </text>
      {statuses.map(({ s, label }, i) => (
        <g key={s} transform={`translate(${172 + i * 76},0)`}>
          <circle cx={4} cy={0} r={4.5} fill={STATUS_COLOURS[s]} />
          <text x={12} y={4}>
            {label}
          </text>
        </g>
      ))}
      <text x={404} y={4}>
        × N: identical branches drawn once
      </text>
      <g transform="translate(0,22)">
        {wires.map((item) => {
          const at = x
          x += item.w + 34
          return (
            <g key={item.label} transform={`translate(${at},0)`}>
              {item.draw}
              <text x={24} y={4}>
                {item.label}
              </text>
            </g>
          )
        })}
      </g>
    </g>
  )
}

export function SingleLineView() {
  const variant = useStore(selectVariant)
  const report = useStore(selectReport)
  const sceneName = useStore((s) => s.scene?.name ?? 'Halltwin')
  const gridKV = useStore((s) => s.scene?.site.grid.voltageKV ?? null)
  const selectedId = useStore((s) => s.selectedId)
  const select = useStore((s) => s.select)
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(NO_FOLDS)
  const [focus, setFocus] = useState<string | null>(null)
  const [forVariant, setForVariant] = useState(variant?.id ?? null)
  // A new variant starts folded and whole.
  if ((variant?.id ?? null) !== forVariant) {
    setForVariant(variant?.id ?? null)
    setExpanded(NO_FOLDS)
    setFocus(null)
  }
  const view = useMemo(() => ({ expanded, focus, gridKV }), [expanded, focus, gridKV])
  const { layout, error } = useSldLayout(variant, view)
  const svgRef = useRef<SVGSVGElement>(null)
  const groupRef = useRef<SVGGElement>(null)
  const legendRef = useRef<SVGGElement>(null)
  const zoom = useD3Zoom(svgRef, groupRef)
  const { fit, centreOn, transform } = zoom

  // Fit on every new layout (open, variant switch, fold, focus) and on every resize.
  const shown = useRef<SldLayout | null>(null)
  useEffect(() => {
    if (!layout) return
    fit(layout.widthPx, layout.heightPx, shown.current !== null)
    shown.current = layout
  }, [layout, fit])
  useEffect(() => {
    const svg = svgRef.current
    if (!svg) return
    const observer = new ResizeObserver(() => {
      const l = shown.current
      if (l) fit(l.widthPx, l.heightPx)
    })
    observer.observe(svg)
    return () => observer.disconnect()
  }, [fit])

  const values = useMemo(() => {
    const map = new Map<string, BoxValues>()
    if (!layout || !variant) return map
    const ctx = valueContext(report)
    for (const b of layout.boxes) {
      map.set(b.id, boxValues(b, ctx))
      for (const item of b.stack) map.set(item.id, boxValues(item, ctx))
    }
    return map
  }, [layout, variant, report])

  const ends = useMemo(() => (layout ? wireEnds(layout) : new Map<string, { inX: number[]; outX: number[] }>()), [layout])
  const sideOf = useMemo(() => new Map<string, Side | null>((layout?.boxes ?? []).map((b) => [b.id, b.side])), [layout])

  // Something selected elsewhere (a check, the 3D view) and off screen: bring it into view. Only
  // on a new selection: a new layout is fitted whole instead.
  const layoutRef = useRef(layout)
  layoutRef.current = layout
  useEffect(() => {
    const svg = svgRef.current
    const box = layoutRef.current?.boxes.find((b) => b.members.includes(selectedId ?? '') || b.stack.some((i) => i.members.includes(selectedId ?? '')))
    if (!box || !svg) return
    const { x, y, k } = transform()
    const left = box.x * k + x
    const top = box.y * k + y
    const visible = left > 0 && top > 0 && left + box.widthPx * k < svg.clientWidth && top + box.heightPx * k < svg.clientHeight
    if (!visible) centreOn(box.x + box.widthPx / 2, box.y + box.heightPx / 2)
  }, [selectedId, centreOn, transform])

  const onPick = useCallback((id: string) => select(id), [select])
  const onFold = useCallback((key: string) => setExpanded((s) => new Set([...s, key])), [])
  const onFocus = useCallback((id: string | null) => setFocus(id), [])

  const focusOptions = useMemo((): FocusOption[] => {
    if (!variant) return []
    const loads = variant.halls.flatMap((h) => [
      ...h.rows.map((r) => ({ id: r.id, label: `${r.name ?? r.id}` })),
      ...h.cooling.map((c) => ({ id: c.id, label: c.id })),
    ])
    const other = focus && !loads.some((o) => o.id === focus) ? [{ id: focus, label: focus }] : []
    return [...loads, ...other]
  }, [variant, focus])

  const exportInfo = (): ExportInfo | null =>
    layout && variant ? { scene: sceneName, variant: `${variant.name}${focus ? ` — path to ${focus}` : ''}`, widthPx: layout.widthPx, heightPx: layout.heightPx } : null

  const elements = layout?.boxes.map((b) => (
    <SldElement
      key={b.id}
      box={b}
      values={values}
      selectedId={selectedId}
      inX={ends.get(b.id)?.inX ?? []}
      outX={ends.get(b.id)?.outX ?? []}
      onPick={onPick}
      onFold={onFold}
      onFocus={onFocus}
    />
  ))

  return (
    <div className="sld" data-testid="sld" data-focus={focus ?? ''}>
      <svg ref={svgRef} className="sld-svg sld-root" width="100%" height="100%" data-testid="sld-svg" onClick={() => select(null)}>
        <style>{SLD_STYLE}</style>
        <rect className="sld-bg" width="100%" height="100%" />
        <g ref={groupRef} data-testid="sld-viewport">
          <g data-role="diagram" data-testid="sld-diagram" data-width={layout?.widthPx ?? 0} data-height={layout?.heightPx ?? 0}>
            {layout && <SldLinks links={layout.links as PlacedLink[]} sideOf={sideOf} />}
            {elements}
          </g>
        </g>
      </svg>
      {layout && (
        <svg className="sld-root" style={LEGEND_BOX} width={680} height={40} data-testid="sld-legend">
          <g ref={legendRef} transform="translate(4,10)">
            <Legend />
          </g>
        </svg>
      )}
      {!layout && <div className="sld-status muted">{error ? `Layout failed: ${error}` : 'Laying out the single-line diagram…'}</div>}
      <SldToolbar
        zoom={zoom.k}
        focus={focus}
        focusOptions={focusOptions}
        unfolded={expanded.size}
        onFocus={onFocus}
        onFoldAll={() => setExpanded(NO_FOLDS)}
        onFit={() => layout && fit(layout.widthPx, layout.heightPx, true)}
        onZoom={zoom.zoomBy}
        onExportSvg={() => {
          const info = exportInfo()
          if (svgRef.current && info) downloadSvg(svgRef.current, legendRef.current, info)
        }}
        onPrint={() => {
          const info = exportInfo()
          if (svgRef.current && info) printDiagram(svgRef.current, legendRef.current, info)
        }}
      />
    </div>
  )
}

