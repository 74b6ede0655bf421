// Pan and zoom of the diagram with d3-zoom: drag pans, the wheel zooms about the cursor in small
// steps (one notch: 2^0.2 ≈ 1.15×), the buttons and fits glide. The transform is written straight
// to the diagram's <g>, so a zoom re-renders no React tree; the zoom level is published for the
// level of detail and the toolbar once per frame.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react'
import { select } from 'd3-selection'
import 'd3-transition'
import { zoom, zoomIdentity, zoomTransform, type ZoomBehavior } from 'd3-zoom'

export const MIN_K = 0.05
export const MAX_K = 4
/** Fit never enlarges past this: a small diagram stays at a natural size. */
export const FIT_MAX_K = 1.25
/** Room kept free around a fitted diagram, px: the top clears the toolbar, the bottom the legend. */
export const FIT_MARGIN_PX = { top: 52, right: 16, bottom: 56, left: 16 }
const GLIDE_MS = 260

export interface Zoom {
  k: number
  /** Frames a content rectangle (diagram px) in the view. */
  fit: (widthPx: number, heightPx: number, glide?: boolean) => void
  zoomBy: (factor: number) => void
  /** Pans a diagram point to the middle, keeping the zoom. */
  centreOn: (x: number, y: number) => void
  /** The current transform: screen = diagram × k + (x, y). */
  transform: () => { x: number; y: number; k: number }
}

export function useD3Zoom(svgRef: RefObject<SVGSVGElement | null>, groupRef: RefObject<SVGGElement | null>): Zoom {
  const behaviour = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null)
  const [k, setK] = useState(1)
  const frame = useRef(0)

  useEffect(() => {
    const svg = svgRef.current
    if (!svg) return
    const z = zoom<SVGSVGElement, unknown>()
      .scaleExtent([MIN_K, MAX_K])
      .clickDistance(4)
      .on('zoom', (event: { transform: { k: number; toString: () => string } }) => {
        groupRef.current?.setAttribute('transform', event.transform.toString())
        svg.dataset.k = String(event.transform.k)
        cancelAnimationFrame(frame.current)
        frame.current = requestAnimationFrame(() => setK(event.transform.k))
      })
    behaviour.current = z
    const selection = select(svg)
    selection.call(z).on('dblclick.zoom', null)
    return () => {
      selection.on('.zoom', null)
      cancelAnimationFrame(frame.current)
    }
  }, [svgRef, groupRef])

  const apply = useCallback(
    (t: typeof zoomIdentity, glide: boolean) => {
      const svg = svgRef.current
      const z = behaviour.current
      if (!svg || !z) return
      const selection = select(svg)
      if (glide) selection.transition().duration(GLIDE_MS).call(z.transform, t)
      else selection.interrupt().call(z.transform, t)
    },
    [svgRef],
  )

  const fit = useCallback(
    (widthPx: number, heightPx: number, glide = false) => {
      const svg = svgRef.current
      if (!svg || widthPx <= 0 || heightPx <= 0) return
      const w = svg.clientWidth - FIT_MARGIN_PX.left - FIT_MARGIN_PX.right
      const h = svg.clientHeight - FIT_MARGIN_PX.top - FIT_MARGIN_PX.bottom
      if (w <= 0 || h <= 0) return
      const scale = Math.max(MIN_K, Math.min(FIT_MAX_K, w / widthPx, h / heightPx))
      const x = FIT_MARGIN_PX.left + (w - widthPx * scale) / 2
      const y = FIT_MARGIN_PX.top + (h - heightPx * scale) / 2
      apply(zoomIdentity.translate(x, y).scale(scale), glide)
    },
    [svgRef, apply],
  )

  const zoomBy = useCallback((factor: number) => {
    const svg = svgRef.current
    const z = behaviour.current
    if (svg && z) select(svg).transition().duration(GLIDE_MS).call(z.scaleBy, factor)
  }, [svgRef])

  const centreOn = useCallback(
    (x: number, y: number) => {
      const svg = svgRef.current
      const z = behaviour.current
      if (svg && z) select(svg).transition().duration(GLIDE_MS).call(z.translateTo, x, y)
    },
    [svgRef],
  )

  const transform = useCallback(() => {
    const svg = svgRef.current
    const t = svg ? zoomTransform(svg) : zoomIdentity
    return { x: t.x, y: t.y, k: t.k }
  }, [svgRef])

  return { k, fit, zoomBy, centreOn, transform }
}
