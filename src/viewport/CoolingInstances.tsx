// Every cooling unit of every hall (fans, pads, CDUs, dry coolers): one instanced mesh whose
// per-instance colour tells the unit kind or its hall's cooling status.
import { useCallback, useMemo } from 'react'
import type { Color } from 'three'
import { useStore } from '../store'
import { coolingColour } from './instanceColours'
import type { CoolingItem } from './sceneLayout'
import type { StatusMaps } from './statusMaps'
import { InstancedBoxes } from './InstancedBoxes'

export interface CoolingInstancesProps {
  units: readonly CoolingItem[]
  statusMaps: StatusMaps
  scope: ReadonlySet<string> | null
}

export function CoolingInstances({ units, statusMaps, scope }: CoolingInstancesProps) {
  const colourMode = useStore((s) => s.colourMode)
  const select = useStore((s) => s.select)
  const boxes = useMemo(() => units.map((u) => u.box), [units])
  const colourAt = useCallback(
    (i: number, out: Color) => {
      const item = units[i]
      return item ? coolingColour(item, colourMode, statusMaps, scope, out) : out
    },
    [units, colourMode, statusMaps, scope],
  )
  const onPick = useCallback((i: number) => select(units[i]?.placementId ?? null), [units, select])
  return <InstancedBoxes name="cooling-units" boxes={boxes} colourAt={colourAt} onPick={onPick} roughness={0.55} metalness={0.2} />
}
