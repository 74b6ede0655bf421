// When the canvas draws, and at what quality (issue 13). The canvas renders on demand
// (frameloop="demand"): a frame when something it shows may have changed (the app state, the
// tour, the hover and drag state, the canvas size), and frame after frame only while something
// moves (the camera under the orbit controls or a flight, a playing tour). While the camera moves
// (`performance.current` below 1: the orbit controls lower it through `regress`, and a drag holds
// it low until the button is released) a frame is drawn cheaply, since software WebGL pays for
// every pixel and every triangle: the resolution drops (drei's AdaptiveDpr; how far follows the
// measured frame time) and, unless presenting (useCheapFrames), the key light casts no shadow
// (stage/StageLighting.tsx) and each row of equipment is drawn as one box (InstancedBoxes.tsx,
// movingRuns.ts, silhouettes.ts). MOVING_DEBOUNCE_MS after the camera stops, one frame is drawn
// at full quality.
//
// A new verdict is put on screen before the 3D view redraws: after a variant switch (and on
// start-up, until the first verdict, for at most FIRST_VERDICT_WAIT_MS) the canvas keeps its last
// picture for one frame, so the page paints the verdict without waiting for a software-rendered
// frame, and draws right after.
import { useEffect, useRef } from 'react'
import { invalidate as invalidateAll, useFrame, useStore as useRootStore, useThree, type RootState } from '@react-three/fiber'
import { Matrix4, type Vector3 } from 'three'
import { useStore, type AppState } from '../store'
import { useTour } from './tour/tourStore'
import { useDragState } from './tools/dragState'

/** Longest the first picture waits for the first verdict. */
const FIRST_VERDICT_WAIT_MS = 2000
/** Frame time aimed at while the camera moves (20 frames a second). */
const MOVING_FRAME_TARGET_MS = 50
/** Resolution scale while moving: never below this (blurry), never above this (no gain). */
const MOVING_SCALE_MIN = 0.25
const MOVING_SCALE_MAX = 0.75
/** The scale moves in these steps, at most once in SCALE_HOLD_MS. */
const MOVING_SCALE_STEP = 0.125
const SCALE_HOLD_MS = 1000
/** Full quality comes back this long after the camera stops (the Canvas's `performance.debounce`). */
export const MOVING_DEBOUNCE_MS = 250
/** While a drag's button is held: longer than any pause in a drag. */
const DRAG_HOLD_MS = 10 * 60 * 1000

declare global {
  interface Window {
    /** Test probe: asks the canvas for `frames` more frames (it draws on demand only). */
    __invalidate?: (frames?: number) => void
  }
}

/** Whether frames are drawn cheaply now: the camera moves under the user's hand (the orbit
 *  controls regress `performance.current`), not in a presentation, whose camera moves are the show. */
export function useCheapFrames(): boolean {
  const regressed = useThree((s) => s.performance.current < 1)
  const presenting = useTour((s) => s.presenting)
  return regressed && !presenting
}

/** The same, read in a frame callback. */
export function cheapFramesNow(state: RootState): boolean {
  return state.performance.current < 1 && !useTour.getState().presenting
}

/** Holds asked for from outside the canvas (holdFrames) and callers waiting for frames (canvasFrames). */
let outsideHolds = 0
/** The canvas's frame loop, while one is mounted: waiting for frames of a stopped canvas would be forever. */
let liveFrameloop: (() => string) | null = null
const frameWaiters: { left: number; resolve: () => void }[] = []

/** Stops drawing the canvas on screen (frames still run: the scene updates, nothing is drawn) until
 *  the returned function is called; for work that renders the scene itself, such as the report's
 *  snapshots of every variant behind the report view. */
export function holdFrames(): () => void {
  outsideHolds++
  let released = false
  return () => {
    if (released) return
    released = true
    outsideHolds--
    invalidateAll()
  }
}

/** Resolves once the canvas has run `n` more frames (drawn or held): the scene then shows the
 *  current state, with its per-frame updates done. */
export function canvasFrames(n = 1): Promise<void> {
  if (!liveFrameloop || liveFrameloop() === 'never') return afterAnimationFrames(n + 1)
  return new Promise((resolve) => {
    frameWaiters.push({ left: n, resolve })
    invalidateAll()
  })
}

function afterAnimationFrames(n: number): Promise<void> {
  return new Promise((resolve) => {
    let left = n
    const tick = () => (--left <= 0 ? resolve() : requestAnimationFrame(tick))
    requestAnimationFrame(tick)
  })
}

const hasVerdict = (s: AppState): boolean => s.variantId !== null && (s.reports[s.variantId] !== undefined || s.solveErrors[s.variantId] !== undefined)

/** Runs `fn` once the page has painted the frame now being prepared. */
function afterNextPaint(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  const raf = requestAnimationFrame(() => {
    timer = setTimeout(fn, 0)
  })
  return () => {
    cancelAnimationFrame(raf)
    if (timer !== undefined) clearTimeout(timer)
  }
}

export function FrameScheduler() {
  const invalidate = useThree((s) => s.invalidate)
  const frameloop = useThree((s) => s.frameloop)
  const size = useThree((s) => s.size)
  const dpr = useThree((s) => s.viewport.dpr)
  const held = useRef(true)
  const get = useThree((s) => s.get)

  useEffect(() => {
    const frameloop = () => get().frameloop
    liveFrameloop = frameloop
    const probe = (frames = 1) => get().invalidate(frames)
    window.__invalidate = probe
    return () => {
      if (liveFrameloop === frameloop) liveFrameloop = null
      if (window.__invalidate === probe) delete window.__invalidate
    }
  }, [get])

  // Frames switched on again (the view shown), a new size or resolution: draw.
  useEffect(() => {
    if (frameloop !== 'never') invalidate()
  }, [frameloop, size, dpr, invalidate])

  // A new size or resolution (the moving quality coming and going, a resized window) resizes the
  // canvas, which clears it, in R3F's own store listener (registered before this one). Draw at
  // once, in the same task: a frame asked for above comes at the next animation frame, after a
  // paint that would show the cleared canvas — a blank flash, in a presentation above all. Drawn
  // even while a picture is held for the verdict: that picture is gone with the resize.
  const root = useRootStore()
  useEffect(
    () =>
      root.subscribe((s, prev) => {
        if (s.size === prev.size && s.viewport.dpr === prev.viewport.dpr) return
        if (s.frameloop === 'never' || outsideHolds > 0) return
        s.gl.render(s.scene, s.camera)
      }),
    [root],
  )

  // Anything the picture is drawn from changed: one frame (React has committed by then).
  useEffect(() => {
    const draw = () => invalidate()
    const stops = [useStore.subscribe(draw), useTour.subscribe(draw), useDragState.subscribe(draw)]
    return () => stops.forEach((stop) => stop())
  }, [invalidate])

  // The verdict first: hold the picture until the page has painted it.
  useEffect(() => {
    let cancel: (() => void) | null = null
    const release = () => {
      cancel?.()
      cancel = afterNextPaint(() => {
        cancel = null
        held.current = false
        invalidate()
      })
    }
    const timeout = setTimeout(release, FIRST_VERDICT_WAIT_MS)
    if (hasVerdict(useStore.getState())) release()
    const stop = useStore.subscribe((s, prev) => {
      if (s.variantId !== prev.variantId && hasVerdict(s)) {
        held.current = true
        release()
      } else if (held.current && hasVerdict(s) && !hasVerdict(prev)) release()
    })
    return () => {
      stop()
      clearTimeout(timeout)
      cancel?.()
    }
  }, [invalidate])

  // This component draws the frame (a useFrame of priority 1 replaces R3F's own render), then
  // asks for another while something moves: the camera is compared with the last frame's, so a
  // flight or the orbit controls' damping draws until it comes to rest; a playing tour draws on.
  const lastCamera = useRef(new Matrix4())
  const controls = useThree((s) => s.controls) as unknown as DriftingControls | null
  useFrame(({ gl, scene, camera, invalidate: again }) => {
    if (frameWaiters.length > 0) {
      for (const w of frameWaiters) w.left--
      for (const w of frameWaiters.filter((x) => x.left <= 0)) w.resolve()
      frameWaiters.splice(0, frameWaiters.length, ...frameWaiters.filter((x) => x.left > 0))
      if (frameWaiters.length > 0) again()
    }
    if (held.current || outsideHolds > 0) return // the last picture stays; a release asks for a frame
    gl.render(scene, camera)
    const moved = !camera.matrixWorld.equals(lastCamera.current)
    const step = moved ? cameraStep(camera.matrixWorld, lastCamera.current, controls?.target) : 0
    lastCamera.current.copy(camera.matrixWorld)
    // The orbit controls' damping lets a drag drift on until a step is 1e-6 rad: seconds of frames
    // (at the moving quality) that move the picture by less than a pixel. End the drift there.
    if (moved && step < DRIFT_END && !gestureHeld && controls && controls.enableDamping) {
      controls.enableDamping = false
      controls.update() // the rest of the drift at once: zero after a step this small
      controls.enableDamping = true
    }
    const tour = useTour.getState()
    if (moved || (tour.presenting && tour.playing)) again()
  }, 1)

  return null
}

/** The orbit controls as far as ending a drift goes. */
interface DriftingControls {
  target: Vector3
  enableDamping: boolean
  update: () => void
}

/** A camera step below this (radians of turn, or a fraction of the distance to the target) is
 *  under a pixel (a pixel of the 1280-wide view at 40° is about 9e-4 rad). */
const DRIFT_END = 2e-4

/** How far the camera went between two frames: the largest change of its axes, or of its
 *  position over its distance to the target. */
function cameraStep(now: Matrix4, before: Matrix4, target: Vector3 | undefined): number {
  const a = now.elements
  const b = before.elements
  let turn = 0
  for (const i of [0, 1, 2, 4, 5, 6, 8, 9, 10]) turn = Math.max(turn, Math.abs(a[i]! - b[i]!))
  const moved = Math.hypot(a[12]! - b[12]!, a[13]! - b[13]!, a[14]! - b[14]!)
  const distance = target ? Math.hypot(a[12]! - target.x, a[13]! - target.y, a[14]! - target.z) : 1
  return Math.max(turn, moved / Math.max(distance, 1e-6))
}

/** A drag's button is held (orbit controls start … end). */
let gestureHeld = false

/** The orbit controls' gesture events (a press starts one, the release ends it). */
interface GestureEvents {
  addEventListener: (type: 'start' | 'end', listener: () => void) => void
  removeEventListener: (type: 'start' | 'end', listener: () => void) => void
}

/** How long the moving quality lasts, and the resolution while the camera moves, adapted to the
 *  frame time. */
export function AdaptiveQuality() {
  const set = useThree((s) => s.set)
  const get = useThree((s) => s.get)
  const moving = useThree((s) => s.performance.current < 1)

  // A drag holds the moving quality until the button is released, however long the pointer rests
  // (on a busy machine a frame can take longer than the debounce, and quality flipping back and
  // forth in mid-drag redraws everything at full cost). A press alone (a click) changes nothing.
  const controls = useThree((s) => s.controls) as unknown as GestureEvents | null
  useEffect(() => {
    if (!controls) return
    const perf = () => get().performance
    const onStart = () => {
      gestureHeld = true
      set({ performance: { ...perf(), debounce: DRAG_HOLD_MS } })
    }
    const onEnd = () => {
      gestureHeld = false
      set({ performance: { ...perf(), debounce: MOVING_DEBOUNCE_MS } })
      if (perf().current < 1) perf().regress() // the normal countdown to full quality starts now
    }
    controls.addEventListener('start', onStart)
    controls.addEventListener('end', onEnd)
    return () => {
      controls.removeEventListener('start', onStart)
      controls.removeEventListener('end', onEnd)
    }
  }, [controls, get, set])

  // While moving: the frame time sets the next gesture's (and this one's) resolution scale. The
  // pixel count goes with the square of the scale. In steps, and not more often than once in
  // SCALE_HOLD_MS: every change reallocates the canvas's buffers, and on a busy machine the frame
  // time jitters.
  const last = useRef(0)
  const average = useRef(0)
  const changed = useRef(0)
  useFrame(() => {
    const now = performance.now()
    const dt = now - last.current
    last.current = now
    if (!moving || dt > 1000) return // the first frame of a gesture measures the pause before it
    average.current = average.current === 0 ? dt : 0.8 * average.current + 0.2 * dt
    const perf = get().performance
    const ideal = perf.min * Math.sqrt(MOVING_FRAME_TARGET_MS / average.current)
    const wanted = Math.min(MOVING_SCALE_MAX, Math.max(MOVING_SCALE_MIN, Math.round(ideal / MOVING_SCALE_STEP) * MOVING_SCALE_STEP))
    if (wanted !== perf.min && now - changed.current > SCALE_HOLD_MS) {
      changed.current = now
      set({ performance: { ...perf, min: wanted } })
      perf.regress() // apply it now, not on the next pointer move
    }
  })
  return null
}
