// Labels of the 3-D airflow view: the hottest rack inlet of the solved field, pinned over its rack
// ("Hottest inlet 41.2 °C · Row 1.11"), and under the hover label of a row the range of its racks'
// 3-D inlets (the hover label itself names the checks' 2-D figure). The figures are the worker's
// (rackInletC); only the largest and smallest are picked here.
import { useMemo } from 'react'
import { Html } from '@react-three/drei'
import type { Airflow3dView } from '../../solver/thermal3d/view'
import { selectVariant, useStore } from '../../store'
import type { RackItem } from '../sceneLayout'
import { thermalCss, type ThermalRange } from '../thermalScale'
import { useDragState } from '../tools/dragState'
import { useTour } from '../tour/tourStore'
import './airflow3dLabels.css'

const n1 = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })
const inletOf = (view: Airflow3dView, r: RackItem): number | undefined => view.halls.find((h) => h.hallId === r.hallId)?.rackInletC[r.rowId]?.[r.index]

export function InletLabels({ racks, view, range }: { racks: readonly RackItem[]; view: Airflow3dView; range: ThermalRange }) {
  const hoverId = useDragState((s) => s.hoverId)
  const dragging = useDragState((s) => s.drag !== null || s.brush !== null)
  const presenting = useTour((s) => s.presenting)
  const variant = useStore(selectVariant)
  const rowName = (id: string): string => variant?.halls.flatMap((h) => h.rows).find((r) => r.id === id)?.name ?? id
  const hottest = useMemo(() => {
    let best: { rack: RackItem; inletC: number } | null = null
    for (const r of racks) {
      const t = inletOf(view, r)
      if (t !== undefined && Number.isFinite(t) && (!best || t > best.inletC)) best = { rack: r, inletC: t }
    }
    return best
  }, [racks, view])
  const hovered = useMemo(() => {
    if (!hoverId) return null
    const row = racks.filter((r) => r.rowId === hoverId)
    const inlets = row.map((r) => inletOf(view, r)).filter((t): t is number => t !== undefined && Number.isFinite(t))
    if (inlets.length === 0) return null
    const mid = row[Math.floor(row.length / 2)]!
    return { mid, top: Math.max(...row.map((r) => r.box.elevationM + r.box.heightM)), lo: Math.min(...inlets), hi: Math.max(...inlets) }
  }, [hoverId, racks, view])
  if (presenting) return null
  return (
    <>
      {hottest && (
        <Html position={[hottest.rack.box.cx, hottest.rack.box.elevationM + hottest.rack.box.heightM + 0.3, -hottest.rack.box.cy]} zIndexRange={[5, 5]} style={{ pointerEvents: 'none' }}>
          <div className="airflow3d-label airflow3d-label-hottest" data-testid="airflow3d-hottest" data-inlet={hottest.inletC} style={{ borderColor: thermalCss(hottest.inletC, range) }}>
            Hottest inlet <strong>{n1.format(hottest.inletC)} °C</strong> · {rowName(hottest.rack.rowId)}
          </div>
        </Html>
      )}
      {hovered && !dragging && (
        <Html position={[hovered.mid.box.cx, hovered.top + 0.6, -hovered.mid.box.cy]} zIndexRange={[6, 6]} style={{ pointerEvents: 'none' }}>
          <div className="airflow3d-label airflow3d-label-hover" data-testid="airflow3d-hover" data-lo={hovered.lo} data-hi={hovered.hi}>
            3-D model: rack inlets <i className="airflow3d-swatch" style={{ background: thermalCss(hovered.lo, range) }} />
            <strong>{n1.format(hovered.lo)}</strong> – <i className="airflow3d-swatch" style={{ background: thermalCss(hovered.hi, range) }} />
            <strong>{n1.format(hovered.hi)} °C</strong>
          </div>
        </Html>
      )}
    </>
  )
}
