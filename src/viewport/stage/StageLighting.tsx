// Lighting for presentation-quality views that stays cheap in software WebGL: a hemisphere sky
// fill, a warm key light from the south-east casting one soft shadow map fitted to the site, and a
// cool fill from the north-west. The shadow map is redrawn only when something moved or changed
// (not every frame), so a still view costs what it did without shadows.
import { useLayoutEffect, useMemo, useRef } from 'react'
import { useFrame, useThree } from '@react-three/fiber'
import { InstancedMesh, Mesh, type DirectionalLight, type Material } from 'three'
import { SCENE_COLOURS } from '../palette'
import { cheapFramesNow, useCheapFrames } from '../FrameScheduler'
import type { SiteBounds } from '../sceneLayout'

const SHADOW_MAP_PX = 2048

function castsShadow(mesh: Mesh): boolean {
  const m = mesh.material as Material | Material[]
  const first = Array.isArray(m) ? m[0] : m
  return !(first?.transparent ?? false) && mesh.name !== 'site-context-yard' && mesh.name !== 'site-context-road'
}

export function StageLighting({ bounds }: { bounds: SiteBounds }) {
  const gl = useThree((s) => s.gl)
  const scene = useThree((s) => s.scene)
  const key = useRef<DirectionalLight>(null)
  const cx = (bounds.minX + bounds.maxX) / 2
  const cz = -(bounds.minY + bounds.maxY) / 2
  const half = 0.5 * Math.hypot(bounds.maxX - bounds.minX, bounds.maxY - bounds.minY) + 6
  const keyPos = useMemo(() => [cx + half * 0.9, half * 1.6, cz + half * 1.1] as const, [cx, cz, half])
  const signature = useRef('')
  // No shadows while the camera moves: sampling the shadow map is a large part of a software-
  // rendered frame. The map itself is kept (nothing moved but the camera), so the still frame
  // gets its shadows back without redrawing it.
  const moving = useCheapFrames()

  useLayoutEffect(() => {
    const light = key.current
    if (!light) return
    light.target.position.set(cx, 0, cz)
    light.target.updateMatrixWorld()
    const cam = light.shadow.camera
    cam.left = -half
    cam.right = half
    cam.top = half
    cam.bottom = -half
    cam.near = 1
    cam.far = half * 5
    cam.updateProjectionMatrix()
    light.shadow.bias = -0.0004
    light.shadow.normalBias = 0.04
    light.shadow.radius = 3
    gl.shadowMap.autoUpdate = false
    gl.shadowMap.needsUpdate = true
  }, [gl, cx, cz, half])

  // Meshes come and go with the variant: every opaque mesh casts and receives; the shadow map is
  // redrawn when the set of meshes or their instance matrices change. Not looked at while the
  // camera moves: the meshes then draw stand-ins (InstancedBoxes.tsx) and put their own
  // attributes back at rest, so a drag alone never redraws the shadow map.
  const get = useThree((s) => s.get)
  useFrame(() => {
    if (cheapFramesNow(get())) return
    let sig = ''
    scene.traverse((o) => {
      if (!(o instanceof Mesh)) return
      const cast = castsShadow(o)
      if (o.castShadow !== cast) o.castShadow = cast
      if (!o.receiveShadow) o.receiveShadow = true
      sig += `${o.id}:${o.visible ? 1 : 0}:${o instanceof InstancedMesh ? `${o.count}.${o.instanceMatrix.version}` : ''};`
    })
    if (sig !== signature.current) {
      signature.current = sig
      gl.shadowMap.needsUpdate = true
    }
  })

  return (
    <group name="stage-lighting">
      <hemisphereLight args={[SCENE_COLOURS.hemisphereSky, SCENE_COLOURS.hemisphereGround, 1.15]} />
      <directionalLight
        ref={key}
        position={keyPos as unknown as [number, number, number]}
        intensity={2.1}
        color="#fff3e2"
        castShadow={!moving}
        shadow-mapSize-width={SHADOW_MAP_PX}
        shadow-mapSize-height={SHADOW_MAP_PX}
      />
      <directionalLight position={[cx - half, half * 0.7, cz - half]} intensity={0.45} color="#cfe0ff" />
      <ambientLight intensity={0.12} />
    </group>
  )
}
