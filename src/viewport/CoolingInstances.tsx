// Every cooling unit of every hall (fans, pads, CDUs, dry coolers): one instanced mesh whose
// per-instance colour tells the unit kind or its hall's cooling status.
import { useCallback } from 'react'
import type { Color } from 'three'
import type { ColourMode } from '../store'
import { coolingColour } from './instanceColours'
import type { CoolingItem } from './sceneLayout'
import type { StatusMaps } from './statusMaps'
import { InstancedBoxes } from './InstancedBoxes'
import { usePickableInstances } from './usePickableInstances'

export interface CoolingInstancesProps {
  units: readonly CoolingItem[]
  statusMaps: StatusMaps
  scope: ReadonlySet<string> | null
}

const placementIdOf = (item: CoolingItem) => item.placementId

export function CoolingInstances({ units, statusMaps, scope }: CoolingInstancesProps) {
  const colour = useCallback(
    (item: CoolingItem, mode: ColourMode, out: Color) => coolingColour(item, mode, statusMaps, scope, out),
    [statusMaps, scope],
  )
  const { boxes, colourAt, onPick } = usePickableInstances(units, colour, placementIdOf)
  return <InstancedBoxes name="cooling-units" boxes={boxes} colourAt={colourAt} onPick={onPick} roughness={0.55} metalness={0.2} />
}
