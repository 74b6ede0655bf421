// Transformers, switchgear and boards that have a placement: one instanced mesh.
import { useCallback } from 'react'
import type { Color } from 'three'
import type { ColourMode } from '../store'
import { powerColour } from './instanceColours'
import type { PowerItem } from './sceneLayout'
import type { StatusMaps } from './statusMaps'
import { InstancedBoxes } from './InstancedBoxes'
import { usePickableInstances } from './usePickableInstances'

export interface PowerEquipmentProps {
  items: readonly PowerItem[]
  statusMaps: StatusMaps
  scope: ReadonlySet<string> | null
}

const nodeIdOf = (item: PowerItem) => item.nodeId

export function PowerEquipment({ items, statusMaps, scope }: PowerEquipmentProps) {
  const colour = useCallback(
    (item: PowerItem, mode: ColourMode, out: Color) => powerColour(item, item.kind, mode, statusMaps, scope, out),
    [statusMaps, scope],
  )
  const { boxes, colourAt, onPick } = usePickableInstances(items, colour, nodeIdOf)
  return <InstancedBoxes name="power-equipment" boxes={boxes} colourAt={colourAt} onPick={onPick} roughness={0.5} metalness={0.3} />
}
