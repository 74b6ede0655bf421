// Every cooling unit of every hall: one instanced mesh per unit kind (fan walls, pad walls, CDUs,
// dry coolers…), each with its silhouette; the per-instance colour tells the unit kind or its
// hall's cooling status.
import { useCallback } from 'react'
import type { Color } from 'three'
import type { ColourMode } from '../store'
import { coolingColour } from './instanceColours'
import type { CoolingItem } from './sceneLayout'
import type { StatusMaps } from './statusMaps'
import { KindInstances } from './KindInstances'

export interface CoolingInstancesProps {
  units: readonly CoolingItem[]
  statusMaps: StatusMaps
  scope: ReadonlySet<string> | null
}

const kindOf = (item: CoolingItem) => item.kind
const placementIdOf = (item: CoolingItem) => item.placementId

export function CoolingInstances({ units, statusMaps, scope }: CoolingInstancesProps) {
  const colour = useCallback(
    (item: CoolingItem, mode: ColourMode, out: Color) => coolingColour(item, mode, statusMaps, scope, out),
    [statusMaps, scope],
  )
  return <KindInstances name="cooling" items={units} kindOf={kindOf} idOf={placementIdOf} colour={colour} roughness={0.55} metalness={0.2} />
}
