// The building shells of all halls: floor slabs, cut-away walls and the roof line. Instanced, so
// four draw calls for any number of halls.
import { useMemo } from 'react'
import type { Hall } from '../model/sceneSchema'
import { SLAB_THICKNESS_M } from './displayConstants'
import { hallShellGeometry } from './hallShellGeometry'
import { InstancedBoxes } from './InstancedBoxes'
import { SCENE_COLOURS } from './palette'

export interface HallShellProps {
  halls: readonly Hall[]
}

const SLAB_OPTIONS = { baseM: -SLAB_THICKNESS_M }

export function HallShell({ halls }: HallShellProps) {
  const shell = useMemo(() => hallShellGeometry(halls), [halls])
  return (
    <group name="hall-shells">
      <InstancedBoxes name="slabs" boxes={shell.slabs} matrixOptions={SLAB_OPTIONS} materialColour={SCENE_COLOURS.slab} roughness={0.95} />
      <InstancedBoxes name="low-walls" boxes={shell.lowWalls} materialColour={SCENE_COLOURS.wall} roughness={0.9} />
      <InstancedBoxes name="tall-walls" boxes={shell.tallWalls} materialColour={SCENE_COLOURS.wall} opacity={0.14} roughness={0.9} />
      <lineSegments name="roof-line" key={shell.outline.length}>
        <bufferGeometry>
          <bufferAttribute attach="attributes-position" args={[shell.outline, 3]} />
        </bufferGeometry>
        <lineBasicMaterial color={SCENE_COLOURS.wallEdge} transparent opacity={0.55} />
      </lineSegments>
    </group>
  )
}
