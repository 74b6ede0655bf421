// The 3D view: canvas, lights, orbit camera and the site.
import { Canvas } from '@react-three/fiber'
import { OrbitControls } from '@react-three/drei'
import { useStore } from '../store'
import { SCENE_COLOURS } from './palette'
import { SiteContent } from './SiteContent'
import { ExposeGl } from './ExposeGl'

export function Viewport() {
  const select = useStore((s) => s.select)
  // Hidden under the single-line diagram: keep the scene, stop rendering it.
  const shown = useStore((s) => s.mainView === '3d')
  return (
    <Canvas
      frameloop={shown ? 'always' : 'never'}
      className="viewport-canvas"
      camera={{ fov: 40, position: [120, 90, 120], near: 0.5, far: 5000 }}
      dpr={[1, 2]}
      gl={{ antialias: true }}
      shadows="percentage"
      onPointerMissed={(e) => {
        if (e.button === 0) select(null)
      }}
    >
      <color attach="background" args={[SCENE_COLOURS.background]} />
      {/* Lights: stage/StageLighting.tsx, fitted to the site in SiteContent. */}
      <SiteContent />
      <OrbitControls makeDefault enableDamping dampingFactor={0.12} maxPolarAngle={Math.PI * 0.49} screenSpacePanning={false} />
      <ExposeGl />
    </Canvas>
  )
}
