// All enclosures of all halls: one instanced mesh for the bodies (coloured by device kind or row
// status) and one for their darker front panels. Two draw calls for any number of racks.
import { useCallback, useMemo } from 'react'
import type { Color } from 'three'
import { selectReport, useStore } from '../store'
import { FRONT_PANEL_DEPTH_M } from './displayConstants'
import { rackColour } from './instanceColours'
import { SCENE_COLOURS } from './palette'
import type { RackItem } from './sceneLayout'
import type { StatusMaps } from './statusMaps'
import { InstancedBoxes } from './InstancedBoxes'
import type { Box } from '../model/layout'

export interface RackInstancesProps {
  racks: readonly RackItem[]
  statusMaps: StatusMaps
  scope: ReadonlySet<string> | null
}

const frontPanel = (box: Box) => ({
  frontOffsetM: box.depthM / 2 + FRONT_PANEL_DEPTH_M / 2,
  depthM: FRONT_PANEL_DEPTH_M,
  widthScale: 0.9,
  heightScale: 0.86,
  baseM: box.heightM * 0.07,
})

export function RackInstances({ racks, statusMaps, scope }: RackInstancesProps) {
  const colourMode = useStore((s) => s.colourMode)
  const select = useStore((s) => s.select)
  const rows = useStore((s) => selectReport(s)?.rows ?? null)
  const boxes = useMemo(() => racks.map((r) => r.box), [racks])
  // Inlet air of each rack by hall and row: the report's figures, which the inlet checks judge.
  const inlets = useMemo(() => new Map((rows ?? []).map((r) => [`${r.hallId}/${r.id}`, r.rackInletC])), [rows])
  const colourAt = useCallback(
    (i: number, out: Color) => {
      const item = racks[i]
      return item ? rackColour(item, colourMode, statusMaps, scope, out, inlets.get(`${item.hallId}/${item.rowId}`)?.[item.index]) : out
    },
    [racks, colourMode, statusMaps, scope, inlets],
  )
  const onPick = useCallback((i: number) => select(racks[i]?.rowId ?? null), [racks, select])

  return (
    <group name="racks">
      <InstancedBoxes name="rack-bodies" boxes={boxes} colourAt={colourAt} onPick={onPick} roughness={0.7} />
      <InstancedBoxes
        name="rack-fronts"
        boxes={boxes}
        matrixOptions={frontPanel}
        colourAt={colourAt}
        materialColour={SCENE_COLOURS.rackFront}
        roughness={0.9}
      />
    </group>
  )
}
