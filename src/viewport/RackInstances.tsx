// All enclosures of all halls: one instanced mesh per enclosure kind (mining shelves, GPU racks),
// each drawn with its silhouette (shelves of miners, rack doors) and coloured by device kind, row
// status, feed utilisation or inlet air. One draw call per kind for any number of racks.
import { useCallback, useMemo } from 'react'
import type { Color } from 'three'
import { selectReport, useStore, type ColourMode } from '../store'
import { rackColour } from './instanceColours'
import type { RackItem } from './sceneLayout'
import type { StatusMaps } from './statusMaps'
import { KindInstances } from './KindInstances'
import type { SilhouetteKind } from './silhouettes'

export interface RackInstancesProps {
  racks: readonly RackItem[]
  statusMaps: StatusMaps
  scope: ReadonlySet<string> | null
}

const kindOf = (r: RackItem): SilhouetteKind => (r.deviceKind === 'gpu' ? 'rack-gpu' : 'rack-asic')
const rowIdOf = (r: RackItem) => r.rowId

export function RackInstances({ racks, statusMaps, scope }: RackInstancesProps) {
  const rows = useStore((s) => selectReport(s)?.rows ?? null)
  // Inlet air of each rack by hall and row: the report's figures, which the inlet checks judge.
  const inlets = useMemo(() => new Map((rows ?? []).map((r) => [`${r.hallId}/${r.id}`, r.rackInletC])), [rows])
  const colour = useCallback(
    (item: RackItem, mode: ColourMode, out: Color) => rackColour(item, mode, statusMaps, scope, out, inlets.get(`${item.hallId}/${item.rowId}`)?.[item.index]),
    [statusMaps, scope, inlets],
  )
  return <KindInstances name="racks" items={racks} kindOf={kindOf} idOf={rowIdOf} colour={colour} roughness={0.7} />
}
