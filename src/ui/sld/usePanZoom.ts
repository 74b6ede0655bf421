// Pan and zoom for the diagram: wheel zooms about the cursor, drag pans, fit frames everything.
// A press that moves more than a few pixels is a pan, so it does not also select.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'

export interface View {
  x: number
  y: number
  k: number
}

const MIN_K = 0.03
const MAX_K = 3
const CLICK_TOLERANCE_PX = 4
const FIT_MARGIN = 0.94
/** Room left above a fitted diagram for the zoom toolbar. */
const FIT_TOP_PX = 44

const clampK = (k: number) => Math.min(MAX_K, Math.max(MIN_K, k))

export interface PanZoom {
  view: View
  /** Frames a content rectangle (diagram pixels) in the element, not enlarging past 1:1. */
  fit: (widthPx: number, heightPx: number) => void
  zoomBy: (factor: number) => void
  /** Centres a diagram point, keeping the zoom. */
  centreOn: (x: number, y: number) => void
  /** Zooms to k with diagram point (x, y) at the top centre of the element. */
  showTop: (k: number, x: number, y: number) => void
  /** The zoom at which fit() would show a content rectangle. */
  fitZoom: (widthPx: number, heightPx: number) => number
  /** True while (or right after) the current press moved: clicks are then ignored. */
  wasDrag: () => boolean
  onPointerDown: (e: React.PointerEvent) => void
}

export function usePanZoom(element: RefObject<HTMLElement | null>): PanZoom {
  const [view, setView] = useState<View>({ x: 0, y: 0, k: 1 })
  const viewRef = useRef(view)
  viewRef.current = view
  const dragged = useRef(false)

  const size = () => {
    const el = element.current
    return el ? { w: el.clientWidth, h: el.clientHeight } : { w: 1, h: 1 }
  }

  const zoomAt = useCallback((factor: number, cx: number, cy: number) => {
    setView((v) => {
      const k = clampK(v.k * factor)
      const f = k / v.k
      return { k, x: cx - (cx - v.x) * f, y: cy - (cy - v.y) * f }
    })
  }, [])

  useEffect(() => {
    const el = element.current
    if (!el) return
    const onWheel = (e: WheelEvent) => {
      e.preventDefault()
      const rect = el.getBoundingClientRect()
      const delta = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY
      zoomAt(Math.exp(-delta * 0.0015), e.clientX - rect.left, e.clientY - rect.top)
    }
    el.addEventListener('wheel', onWheel, { passive: false })
    return () => el.removeEventListener('wheel', onWheel)
  }, [element, zoomAt])

  const onPointerDown = useCallback((e: React.PointerEvent) => {
    if (e.button !== 0) return
    dragged.current = false
    const start = { x: e.clientX, y: e.clientY, vx: viewRef.current.x, vy: viewRef.current.y }
    const move = (ev: PointerEvent) => {
      const dx = ev.clientX - start.x
      const dy = ev.clientY - start.y
      if (!dragged.current && Math.hypot(dx, dy) < CLICK_TOLERANCE_PX) return
      dragged.current = true
      setView((v) => ({ ...v, x: start.vx + dx, y: start.vy + dy }))
    }
    const up = () => {
      window.removeEventListener('pointermove', move)
      window.removeEventListener('pointerup', up)
    }
    window.addEventListener('pointermove', move)
    window.addEventListener('pointerup', up)
  }, [])

  const fit = useCallback(
    (widthPx: number, heightPx: number) => {
      const { w, h } = size()
      if (widthPx <= 0 || heightPx <= 0) return
      const k = clampK(Math.min(1, (FIT_MARGIN * w) / widthPx, (FIT_MARGIN * h) / heightPx))
      // Centred across, hung from the top (under the toolbar): the legend keeps the bottom-left free.
      setView({ k, x: (w - widthPx * k) / 2, y: Math.min(FIT_TOP_PX, Math.max(0, (h - heightPx * k) / 2)) })
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [element],
  )

  const zoomBy = useCallback(
    (factor: number) => {
      const { w, h } = size()
      zoomAt(factor, w / 2, h / 2)
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [element, zoomAt],
  )

  const centreOn = useCallback(
    (x: number, y: number) => {
      const { w, h } = size()
      setView((v) => ({ ...v, x: w / 2 - x * v.k, y: h / 2 - y * v.k }))
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [element],
  )

  const showTop = useCallback(
    (k: number, x: number, y: number) => {
      const { w } = size()
      const kk = clampK(k)
      setView({ k: kk, x: w / 2 - x * kk, y: FIT_TOP_PX - y * kk })
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [element],
  )

  const fitZoom = useCallback(
    (widthPx: number, heightPx: number) => {
      const { w, h } = size()
      return clampK(Math.min(1, (FIT_MARGIN * w) / Math.max(1, widthPx), (FIT_MARGIN * h) / Math.max(1, heightPx)))
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [element],
  )

  const wasDrag = useCallback(() => dragged.current, [])
  return { view, fit, zoomBy, centreOn, showTop, fitZoom, wasDrag, onPointerDown }
}
