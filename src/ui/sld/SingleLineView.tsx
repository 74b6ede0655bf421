// The single-line diagram of the current variant's power chain, generated from the scene and
// coloured by the report: pan with a drag, zoom with the wheel, click a box to select it.
import { useCallback, useEffect, useMemo, useRef } from 'react'
import { builtInCatalog } from '../../model/catalog'
import { selectReport, selectVariant, useStore } from '../../store'
import { GROUP_COLOURS } from '../../viewport/palette'
import { utilisationScale } from '../../viewport/utilisationScale'
import { SldLinks } from './SldLinks'
import { SldLoadList } from './SldLoadList'
import { SldNodeBox } from './SldNodeBox'
import { detailAt } from './sldText'
import { SldToolbar } from './SldToolbar'
import { sldValues, type ItemValues } from './sldValues'
import { usePanZoom } from './usePanZoom'
import { useSldLayout } from './useSldLayout'

/** The diagram opens no smaller than this (compact labels still read). */
const OPEN_MIN_ZOOM = 0.4

const EMPTY_ITEMS: ReadonlyMap<string, ItemValues> = new Map()

export function SingleLineView() {
  const variant = useStore(selectVariant)
  const report = useStore(selectReport)
  const selectedId = useStore((s) => s.selectedId)
  const select = useStore((s) => s.select)
  const { layout, error } = useSldLayout(variant)
  const host = useRef<HTMLDivElement>(null)
  const pz = usePanZoom(host)
  const { fit, centreOn, showTop, fitZoom, wasDrag } = pz

  const values = useMemo(
    () => (layout && variant ? sldValues(layout.boxes, variant, report, builtInCatalog()) : null),
    [layout, variant, report],
  )
  const scale = utilisationScale(report?.params.continuousLoadFraction ?? 0.8)
  const groupColours = useMemo(() => {
    const ids = [...new Set((layout?.boxes ?? []).flatMap((b) => (b.group && b.group.scheme !== 'N' ? [b.group.id] : [])))]
    return new Map(ids.map((id, i) => [id, GROUP_COLOURS[i % GROUP_COLOURS.length] ?? null]))
  }, [layout])

  // A new layout: fit it whole when that stays legible; a campus instead opens on the top of its
  // chain at a legible zoom (Fit shows it all).
  useEffect(() => {
    if (!layout) return
    if (fitZoom(layout.widthPx, layout.heightPx) >= OPEN_MIN_ZOOM) {
      fit(layout.widthPx, layout.heightPx)
      return
    }
    const root = layout.boxes.find((b) => b.kind === 'grid') ?? layout.boxes[0]
    showTop(OPEN_MIN_ZOOM, root ? root.x + root.widthPx / 2 : layout.widthPx / 2, 0)
  }, [layout, fit, fitZoom, showTop])

  // Something selected elsewhere (a check, the 3D view) and off screen: bring it into view.
  const viewRef = useRef(pz.view)
  viewRef.current = pz.view
  useEffect(() => {
    const box = layout?.boxes.find(
      (b) => (b.kind !== 'loads' && b.selectId === selectedId) || b.nodeIds.includes(selectedId ?? '') || b.items.some((i) => i.selectId === selectedId),
    )
    const el = host.current
    if (!box || !el) return
    const { x, y, k } = viewRef.current
    const left = box.x * k + x
    const top = box.y * k + y
    const visible = left > 0 && top > 0 && left + box.widthPx * k < el.clientWidth && top + box.heightPx * k < el.clientHeight
    if (!visible) centreOn(box.x + box.widthPx / 2, box.y + box.heightPx / 2)
  }, [selectedId, layout, centreOn])

  const onPick = useCallback(
    (selectId: string) => {
      if (!wasDrag()) select(selectId)
    },
    [select, wasDrag],
  )

  const detail = detailAt(pz.view.k)
  // Text sizes in the compact level follow the zoom; elsewhere the boxes need not re-render on zoom.
  const zoomKey = detail === 'compact' ? pz.view.k : detail
  const nodes = useMemo(
    () =>
      layout?.boxes.map((b) =>
        b.kind === 'loads' ? (
          <SldLoadList key={b.id} box={b} items={values?.items ?? EMPTY_ITEMS} selectedId={selectedId} detail={detail} zoom={pz.view.k} onPick={onPick} />
        ) : (
          <SldNodeBox
            key={b.id}
            box={b}
            values={values?.boxes.get(b.id)}
            scale={scale}
            selected={selectedId !== null && (b.selectId === selectedId || b.nodeIds.includes(selectedId))}
            groupColour={b.group && b.group.scheme !== 'N' ? (groupColours.get(b.group.id) ?? null) : null}
            detail={detail}
            zoom={pz.view.k}
            onPick={onPick}
          />
        ),
      ),
    // pz.view.k is read through zoomKey: outside the compact level a zoom does not rebuild the boxes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [layout, values, scale, selectedId, groupColours, detail, zoomKey, onPick],
  )

  return (
    <div className="sld" ref={host} data-testid="sld" onPointerDown={pz.onPointerDown}>
      {layout ? (
        <svg
          className="sld-svg"
          width="100%"
          height="100%"
          onClick={() => {
            if (!wasDrag()) select(null)
          }}
        >
          <g transform={`translate(${pz.view.x},${pz.view.y}) scale(${pz.view.k})`}>
            <SldLinks links={layout.links} />
            {nodes}
          </g>
        </svg>
      ) : (
        <div className="sld-status muted">{error ? `Layout failed: ${error}` : 'Laying out the single-line diagram…'}</div>
      )}
      <SldToolbar
        zoom={pz.view.k}
        onFit={() => layout && fit(layout.widthPx, layout.heightPx)}
        onZoom={pz.zoomBy}
        boxCount={layout?.boxes.length ?? 0}
      />
    </div>
  )
}
