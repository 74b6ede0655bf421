// What every instanced group of things needs: their boxes, a per-instance colour for the current
// colour mode, and a click that selects the thing behind an instance.
import { useCallback, useMemo } from 'react'
import type { Color } from 'three'
import type { Box } from '../model/layout'
import { useStore, type ColourMode } from '../store'

export function usePickableInstances<T extends { box: Box }>(
  items: readonly T[],
  colour: (item: T, mode: ColourMode, out: Color) => Color,
  idOf: (item: T) => string,
) {
  const colourMode = useStore((s) => s.colourMode)
  const select = useStore((s) => s.select)
  const boxes = useMemo(() => items.map((item) => item.box), [items])
  const colourAt = useCallback(
    (i: number, out: Color) => {
      const item = items[i]
      return item ? colour(item, colourMode, out) : out
    },
    [items, colourMode, colour],
  )
  const onPick = useCallback((i: number) => select(items[i] ? idOf(items[i]) : null), [items, select, idOf])
  return { boxes, colourAt, onPick }
}
