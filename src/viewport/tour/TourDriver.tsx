// Inside the canvas: reads the tour clock (wall-clock time, tourStore.ts) each frame and puts the
// camera where the timeline says (position and target eased between bookmarks). The pose is a
// function of time, so a slow frame skips part of a flight instead of slowing the tour down.
// While paused the user may orbit; a seek or a step moves the camera again. Also flies to a single
// bookmark on request (outside a tour), on the wall clock too. With frameloop="demand" nothing
// renders unless asked: while the tour plays or a flight runs, every animation frame invalidates.
import { useEffect, useRef } from 'react'
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

/** Asks for a frame on every animation frame while the tour plays or a flight runs. */
function useFramesWhileMoving(flying: () => boolean): void {
  const invalidate = useThree((s) => s.invalidate)
  const playing = useTour((s) => s.playing && s.presenting)
  const flightRevision = useTour((s) => s.flight?.revision ?? 0)
  const seekRevision = useTour((s) => s.seekRevision)
  useEffect(() => {
    let id = 0
    const loop = () => {
      invalidate()
      if (useTour.getState().playing || flying()) id = requestAnimationFrame(loop)
    }
    loop()
    return () => cancelAnimationFrame(id)
  }, [invalidate, playing, flightRevision, seekRevision, flying])
}

export function TourDriver() {
  const camera = useThree((s) => s.camera)
  const controls = useThree((s) => s.controls) as unknown as OrbitLike | null
  const lastSeek = useRef(-1)
  const flight = useRef<{ from: Pose; to: Pose; startMs: number; revision: number } | null>(null)
  const lastFlightRevision = useRef(0)
  const flying = useRef(() => flight.current !== null || (useTour.getState().flight?.revision ?? 0) !== lastFlightRevision.current).current
  useFramesWhileMoving(flying)

  useFrame((state) => {
    const now = performance.now()
    const st = useTour.getState()
    const bookmarks = useStore.getState().scene?.bookmarks ?? []
    if (st.flight && st.flight.revision !== lastFlightRevision.current) {
      lastFlightRevision.current = st.flight.revision
      const b = bookmarks.find((x) => x.id === st.flight?.bookmarkId)
      if (b) flight.current = { from: currentPose(camera, controls), to: bookmarkPose(b), startMs: now, revision: st.flight.revision }
    }
    if (flight.current) {
      const f = flight.current
      const u = (now - f.startMs) / 1000 / FLIGHT_S
      applyPose(camera, controls, interpolatePose(f.from, f.to, u))
      if (u >= 1) flight.current = null
      return
    }
    if (!st.presenting || !st.timeline) {
      if (controls) controls.enabled = true
      return
    }
    const tour = currentTour(st)
    if (!tour) return
    if (!st.startPose) st.setStartPose(currentPose(camera, controls))
    st.tick(now)
    const after = useTour.getState()
    if (controls) controls.enabled = !after.playing
    if (after.playing || after.seekRevision !== lastSeek.current) {
      const seeked = after.seekRevision !== lastSeek.current
      lastSeek.current = after.seekRevision
      applyPose(camera, controls, poseAt(tour, bookmarks, after.timeline!, after.timeS, after.startPose ?? currentPose(camera, controls)))
      // A seek while paused moves the camera in this frame: one more frame projects the labels
      // from where it now stands (with frameloop="demand" nothing else would draw it).
      if (seeked && !after.playing) state.invalidate()
    }
  })
  return null
}
