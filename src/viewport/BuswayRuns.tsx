// Every busway run over every row it feeds: one instanced mesh (one draw call), coloured like the
// other power equipment; a click selects the busway.
import { useCallback, useMemo } from 'react'
import type { Color } from 'three'
import type { ColourMode } from '../store'
import { powerColour } from './instanceColours'
import type { BuswayItem } from './sceneLayout'
import type { StatusMaps } from './statusMaps'
import { InstancedBoxes } from './InstancedBoxes'
import { usePickableInstances } from './usePickableInstances'

export interface BuswayRunsProps {
  items: readonly BuswayItem[]
  statusMaps: StatusMaps
  scope: ReadonlySet<string> | null
}

const nodeIdOf = (item: BuswayItem) => item.nodeId

export function BuswayRuns({ items, statusMaps, scope }: BuswayRunsProps) {
  const colour = useCallback(
    (item: BuswayItem, mode: ColourMode, out: Color) => powerColour(item, 'busway', mode, statusMaps, scope, out),
    [statusMaps, scope],
  )
  const { boxes, colourAt, onPick } = usePickableInstances(items, colour, nodeIdOf)
  const ids = useMemo(() => items.map(nodeIdOf), [items])
  return <InstancedBoxes name="busways" boxes={boxes} pickIds={ids} colourAt={colourAt} onPick={onPick} roughness={0.45} metalness={0.4} />
}
