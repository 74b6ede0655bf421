// The ground around the site: a plain plane and a metre grid (10 m sections) that fades out.
import { Grid } from '@react-three/drei'
import { SCENE_COLOURS } from './palette'
import type { SiteBounds } from './sceneLayout'
import { SLAB_THICKNESS_M } from './displayConstants'

const GROUND_Y = -SLAB_THICKNESS_M

export function SiteGround({ bounds }: { bounds: SiteBounds }) {
  const cx = (bounds.minX + bounds.maxX) / 2
  const cy = (bounds.minY + bounds.maxY) / 2
  const span = Math.max(bounds.maxX - bounds.minX, bounds.maxY - bounds.minY, 50)
  return (
    <group name="ground">
      <mesh rotation-x={-Math.PI / 2} position={[cx, GROUND_Y - 0.02, -cy]}>
        <planeGeometry args={[span * 6, span * 6]} />
        <meshStandardMaterial color={SCENE_COLOURS.ground} roughness={1} />
      </mesh>
      <Grid
        position={[cx, GROUND_Y + 0.005, -cy]}
        infiniteGrid
        cellSize={2}
        cellThickness={0.6}
        cellColor={SCENE_COLOURS.gridCell}
        sectionSize={10}
        sectionThickness={1}
        sectionColor={SCENE_COLOURS.gridSection}
        fadeDistance={span * 3}
        fadeStrength={1.5}
      />
    </group>
  )
}
