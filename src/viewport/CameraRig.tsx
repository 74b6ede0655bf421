// The camera's moves that are not the user's drags: framing the whole site when a scene is loaded
// (every variant's equipment in view, so a variant switch keeps everything on screen), and eased
// flights asked for by keys and double-clicks (src/viewport/cameraRequests.ts): the whole site, or
// the selection seen from the current direction. Flights run on the wall clock (a slow frame
// skips ahead, it does not slow the flight down) and render on demand: each flight frame asks for
// the next one.
import { useEffect, useLayoutEffect, useRef } from 'react'
import { useFrame, useThree } from '@react-three/fiber'
import { PerspectiveCamera, Vector3 } from 'three'
import { DEFAULT_VIEW_DIRECTION, fitPose, type CameraPose, type Vec3 } from './cameraFit'
import { useCameraRequests } from './cameraRequests'
import type { SiteBounds } from './sceneLayout'

interface OrbitLike {
  target: Vector3
  update: () => void
  enableDamping?: boolean
}

/** Length of a camera flight, seconds. */
const FLIGHT_S = 0.6

export interface CameraRigProps {
  /** Everything drawn in any variant of the scene: what the default view shows. */
  siteBounds: SiteBounds
  /** The camera is reframed when this changes (a new scene), not on every variant switch. */
  frameKey: unknown
  /** Bounds of the items with these ids (null when none is drawn), for a focus request. */
  boundsOf: (ids: readonly string[]) => SiteBounds | null
}

const ease = (t: number) => (t < 0.5 ? 4 * t * t * t : 1 - (-2 * t + 2) ** 3 / 2)
const lerp3 = (a: Vec3, b: Vec3, t: number): Vec3 => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t]

export function CameraRig({ siteBounds, frameKey, boundsOf }: CameraRigProps) {
  const camera = useThree((s) => s.camera)
  const controls = useThree((s) => s.controls) as unknown as OrbitLike | null
  const size = useThree((s) => s.size)
  const invalidate = useThree((s) => s.invalidate)
  const flight = useRef<{ from: CameraPose; to: CameraPose; startMs: number } | null>(null)
  const props = useRef({ siteBounds, boundsOf, aspect: size.width / Math.max(1, size.height) })
  props.current = { siteBounds, boundsOf, aspect: size.width / Math.max(1, size.height) }

  const fov = camera instanceof PerspectiveCamera ? camera.fov : 40
  const apply = (pose: CameraPose) => {
    camera.position.set(...pose.position)
    if (controls) {
      controls.target.set(...pose.target)
      controls.update()
    } else camera.lookAt(...pose.target)
  }
  // The orbit controls' damping keeps turning the camera for a while after a drag: stop it, so a
  // flight (or a new scene's framing) starts from a camera at rest and ends where it aims.
  const stopDrift = () => {
    if (!controls || controls.enableDamping === undefined) return
    const damping = controls.enableDamping
    controls.enableDamping = false
    controls.update()
    controls.enableDamping = damping
  }
  const current = (): CameraPose => {
    const t = controls?.target ?? new Vector3()
    return { position: [camera.position.x, camera.position.y, camera.position.z], target: [t.x, t.y, t.z] }
  }

  useLayoutEffect(() => {
    const { siteBounds: b, aspect } = props.current
    const pose = fitPose(b, DEFAULT_VIEW_DIRECTION, fov, aspect)
    const distance = Math.hypot(pose.position[0] - pose.target[0], pose.position[1] - pose.target[1], pose.position[2] - pose.target[2])
    camera.near = Math.max(0.1, distance / 500)
    camera.far = distance * 20
    camera.updateProjectionMatrix()
    flight.current = null
    useCameraRequests.setState({ flying: false })
    stopDrift()
    apply(pose)
    invalidate()
    // The bounds are read when frameKey changes only: a variant switch keeps the user's view.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [frameKey, controls, camera])

  useEffect(
    () =>
      useCameraRequests.subscribe((s, prev) => {
        if (s.serial === prev.serial || !s.request) return
        stopDrift()
        const from = current()
        const { siteBounds: site, boundsOf: of, aspect } = props.current
        let to: CameraPose
        if (s.request.kind === 'site') to = fitPose(site, DEFAULT_VIEW_DIRECTION, fov, aspect)
        else {
          const b = of(s.request.ids)
          if (!b) return
          const dir: Vec3 = [from.position[0] - from.target[0], from.position[1] - from.target[1], from.position[2] - from.target[2]]
          // Not closer than a 20 m wide patch: a single shelf fills the view, not the screen.
          const cx = (b.minX + b.maxX) / 2
          const cy = (b.minY + b.maxY) / 2
          const half = Math.max(10, (b.maxX - b.minX) / 2, (b.maxY - b.minY) / 2)
          to = fitPose({ minX: cx - half, maxX: cx + half, minY: cy - half, maxY: cy + half, maxZ: Math.max(b.maxZ, 3) }, dir, fov, aspect, 1.05)
        }
        flight.current = { from, to, startMs: performance.now() }
        useCameraRequests.setState({ flying: true })
        invalidate()
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [camera, controls, fov, invalidate],
  )

  useFrame(() => {
    const f = flight.current
    if (!f) return
    const t = Math.min(1, (performance.now() - f.startMs) / 1000 / FLIGHT_S)
    const k = ease(t)
    apply({ position: lerp3(f.from.position, f.to.position, k), target: lerp3(f.from.target, f.to.target, k) })
    if (t >= 1) {
      flight.current = null
      useCameraRequests.setState({ flying: false })
    } else invalidate()
  })
  return null
}
