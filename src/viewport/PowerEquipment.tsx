// Transformers, switchgear and boards that have a placement: one instanced mesh.
import { useCallback, useMemo } from 'react'
import type { Color } from 'three'
import { useStore } from '../store'
import { powerColour } from './instanceColours'
import type { PowerItem } from './sceneLayout'
import type { StatusMaps } from './statusMaps'
import { InstancedBoxes } from './InstancedBoxes'

export interface PowerEquipmentProps {
  items: readonly PowerItem[]
  statusMaps: StatusMaps
  scope: ReadonlySet<string> | null
}

export function PowerEquipment({ items, statusMaps, scope }: PowerEquipmentProps) {
  const colourMode = useStore((s) => s.colourMode)
  const select = useStore((s) => s.select)
  const boxes = useMemo(() => items.map((p) => p.box), [items])
  const colourAt = useCallback(
    (i: number, out: Color) => {
      const item = items[i]
      return item ? powerColour(item, colourMode, statusMaps, scope, out) : out
    },
    [items, colourMode, statusMaps, scope],
  )
  const onPick = useCallback((i: number) => select(items[i]?.nodeId ?? null), [items, select])
  return <InstancedBoxes name="power-equipment" boxes={boxes} colourAt={colourAt} onPick={onPick} roughness={0.5} metalness={0.3} />
}
