// Transformers, switchgear, boards, UPS and gensets that have a placement: one instanced mesh per
// kind, each with its silhouette (transformer fins, cabinet doors, genset containers).
import { useCallback } from 'react'
import type { Color } from 'three'
import type { ColourMode } from '../store'
import { powerColour } from './instanceColours'
import type { PowerItem } from './sceneLayout'
import type { StatusMaps } from './statusMaps'
import { KindInstances } from './KindInstances'

export interface PowerEquipmentProps {
  items: readonly PowerItem[]
  statusMaps: StatusMaps
  scope: ReadonlySet<string> | null
}

const kindOf = (item: PowerItem) => item.kind
const nodeIdOf = (item: PowerItem) => item.nodeId

export function PowerEquipment({ items, statusMaps, scope }: PowerEquipmentProps) {
  const colour = useCallback(
    (item: PowerItem, mode: ColourMode, out: Color) => powerColour(item, item.kind, mode, statusMaps, scope, out),
    [statusMaps, scope],
  )
  return <KindInstances name="power" items={items} kindOf={kindOf} idOf={nodeIdOf} colour={colour} roughness={0.5} metalness={0.3} />
}
