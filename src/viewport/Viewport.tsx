// The 3D view: canvas, lights, orbit camera and the site. The canvas draws on demand and lowers
// its resolution and shadow quality while the camera moves (FrameScheduler.tsx).
import { Canvas } from '@react-three/fiber'
import { AdaptiveDpr, OrbitControls } from '@react-three/drei'
import { useStore } from '../store'
import { SCENE_COLOURS } from './palette'
import { SiteContent } from './SiteContent'
import { ExposeGl } from './ExposeGl'
import { AdaptiveQuality, FrameScheduler, MOVING_DEBOUNCE_MS } from './FrameScheduler'

export function Viewport() {
  const select = useStore((s) => s.select)
  // Hidden under the single-line diagram: keep the scene, stop rendering it.
  const shown = useStore((s) => s.mainView === '3d')
  return (
    <Canvas
      frameloop={shown ? 'demand' : 'never'}
      className="viewport-canvas"
      camera={{ fov: 40, position: [120, 90, 120], near: 0.5, far: 5000 }}
      dpr={[1, 2]}
      // While the camera moves the pixel ratio drops to `min` (adapted to the frame time) and
      // comes back `debounce` ms after it stops.
      performance={{ min: 0.5, debounce: MOVING_DEBOUNCE_MS }}
      gl={{ antialias: true }}
      shadows="percentage"
      onPointerMissed={(e) => {
        if (e.button === 0) select(null)
      }}
    >
      <color attach="background" args={[SCENE_COLOURS.background]} />
      {/* Lights: stage/StageLighting.tsx, fitted to the site in SiteContent. */}
      <SiteContent />
      <OrbitControls makeDefault regress enableDamping dampingFactor={0.12} maxPolarAngle={Math.PI * 0.49} screenSpacePanning={false} />
      <FrameScheduler />
      <AdaptiveDpr />
      <AdaptiveQuality />
      <ExposeGl />
    </Canvas>
  )
}
