// Inside the canvas: advances the tour clock each frame and puts the camera where the timeline says
// (position and target eased between bookmarks). While paused the user may orbit; a seek or a step
// moves the camera again. Also flies to a single bookmark on request (outside a tour).
import { useRef } from 'react'
import { useFrame, useThree } from '@react-three/fiber'
import type { Camera } from 'three'
import { useStore } from '../../store'
import { bookmarkPose, interpolatePose, poseAt, type Pose } from './timeline'
import { currentTour, useTour } from './tourStore'

interface OrbitLike {
  target: { x: number; y: number; z: number; set: (x: number, y: number, z: number) => void }
  enabled: boolean
  update: () => void
}

const FLIGHT_S = 2.2

export function currentPose(camera: Camera, controls: OrbitLike | null): Pose {
  const t = controls?.target ?? { x: 0, y: 0, z: 0 }
  return { position: [camera.position.x, camera.position.y, camera.position.z], target: [t.x, t.y, t.z] }
}

function applyPose(camera: Camera, controls: OrbitLike | null, pose: Pose): void {
  camera.position.set(...pose.position)
  if (controls) {
    controls.target.set(...pose.target)
    controls.update()
  } else camera.lookAt(...pose.target)
}

export function TourDriver() {
  const camera = useThree((s) => s.camera)
  const controls = useThree((s) => s.controls) as unknown as OrbitLike | null
  const lastSeek = useRef(-1)
  const flight = useRef<{ from: Pose; to: Pose; t: number; revision: number } | null>(null)
  const lastFlightRevision = useRef(0)

  useFrame((_, rawDelta) => {
    const delta = Math.min(rawDelta, 0.1) // a stalled frame must not skip a step
    const st = useTour.getState()
    const bookmarks = useStore.getState().scene?.bookmarks ?? []
    if (st.flight && st.flight.revision !== lastFlightRevision.current) {
      lastFlightRevision.current = st.flight.revision
      const b = bookmarks.find((x) => x.id === st.flight?.bookmarkId)
      if (b) flight.current = { from: currentPose(camera, controls), to: bookmarkPose(b), t: 0, revision: st.flight.revision }
    }
    if (flight.current) {
      const f = flight.current
      f.t += delta
      applyPose(camera, controls, interpolatePose(f.from, f.to, f.t / FLIGHT_S))
      if (f.t >= FLIGHT_S) flight.current = null
      return
    }
    if (!st.presenting || !st.timeline) {
      if (controls) controls.enabled = true
      return
    }
    const tour = currentTour(st)
    if (!tour) return
    if (!st.startPose) st.setStartPose(currentPose(camera, controls))
    st.tick(delta)
    const now = useTour.getState()
    if (controls) controls.enabled = !now.playing
    if (now.playing || now.seekRevision !== lastSeek.current) {
      lastSeek.current = now.seekRevision
      applyPose(camera, controls, poseAt(tour, bookmarks, now.timeline!, now.timeS, now.startPose ?? currentPose(camera, controls)))
    }
  })
  return null
}
