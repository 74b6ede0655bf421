// Frames the site when a scene is loaded: the camera looks at the halls from the south-east and
// above, far enough that the halls fill the view and the outdoor equipment stays in it.
import { useLayoutEffect } from 'react'
import { useThree } from '@react-three/fiber'
import { PerspectiveCamera } from 'three'
import type { SiteBounds } from './sceneLayout'

interface OrbitLike {
  target: { set: (x: number, y: number, z: number) => void }
  update: () => void
}

/** Direction from the target to the camera (three.js axes: +x east, +y up, +z south). */
const VIEW_DIRECTION = { x: 0.5, y: 0.72, z: 0.85 }

const radiusOf = (b: SiteBounds) => 0.5 * Math.hypot(b.maxX - b.minX, b.maxY - b.minY)

export interface CameraRigProps {
  bounds: SiteBounds
  hallBounds: SiteBounds
  /** The camera is reframed when this changes (a new scene), not on every variant switch. */
  frameKey: unknown
}

export function CameraRig({ bounds, hallBounds, frameKey }: CameraRigProps) {
  const camera = useThree((s) => s.camera)
  const controls = useThree((s) => s.controls) as unknown as OrbitLike | null

  useLayoutEffect(() => {
    // Centre on the halls, pulled a quarter of the way towards everything else drawn.
    const mid = (b: SiteBounds) => ({ x: (b.minX + b.maxX) / 2, y: (b.minY + b.maxY) / 2 })
    const cx = 0.75 * mid(hallBounds).x + 0.25 * mid(bounds).x
    const cz = -(0.75 * mid(hallBounds).y + 0.25 * mid(bounds).y)
    const radius = Math.max(radiusOf(hallBounds) * 1.05, radiusOf(bounds) * 0.75, 10)
    const fov = camera instanceof PerspectiveCamera ? camera.fov : 40
    const distance = radius / Math.tan(((fov / 2) * Math.PI) / 180)
    const n = Math.hypot(VIEW_DIRECTION.x, VIEW_DIRECTION.y, VIEW_DIRECTION.z)
    camera.position.set(cx + (VIEW_DIRECTION.x / n) * distance, (VIEW_DIRECTION.y / n) * distance, cz + (VIEW_DIRECTION.z / n) * distance)
    camera.near = Math.max(0.1, distance / 500)
    camera.far = distance * 20
    camera.updateProjectionMatrix()
    camera.lookAt(cx, 0, cz)
    if (controls) {
      controls.target.set(cx, 0, cz)
      controls.update()
    }
    // bounds are read when frameKey changes only: a variant switch keeps the user's view.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [frameKey, controls, camera])
  return null
}
