// The width of an element, kept up to date: the charts draw in pixels so their text never scales.
import { useLayoutEffect, useRef, useState, type RefObject } from 'react'

export function useWidth<T extends HTMLElement>(fallbackPx: number): [RefObject<T | null>, number] {
  const ref = useRef<T>(null)
  const [width, setWidth] = useState(fallbackPx)
  useLayoutEffect(() => {
    const el = ref.current
    if (!el) return
    setWidth(el.clientWidth || fallbackPx)
    const observer = new ResizeObserver(() => setWidth(el.clientWidth || fallbackPx))
    observer.observe(el)
    return () => observer.disconnect()
  }, [fallbackPx])
  return [ref, width]
}
