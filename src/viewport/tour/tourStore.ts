// Presentation and tour playback state, apart from the app store: whether the presentation mode is
// on, which tour plays, the time on its timeline, the speed, and the variant transition banner.
// The clock runs on wall-clock time: while playing, timeS = anchor.timeS + (now − anchor.wallMs) ×
// speed, so a slow machine drops frames but never slows the tour. The driver inside the canvas
// reads the clock each frame and moves the camera (TourDriver.tsx).
import { create } from 'zustand'
import type { Tour } from '../../model/sceneSchema'
import { useStore } from '../../store'
import { buildTimeline, stepAt, variantAtStep, type Pose, type Timeline } from './timeline'

export interface VariantTransition {
  variantId: string
  name: string
  /** performance.now() when it started: the flash and banner fade out from there. */
  at: number
}

export interface TourState {
  presenting: boolean
  tourId: string | null
  timeline: Timeline | null
  playing: boolean
  timeS: number
  speed: number
  /** Camera pose when the tour began (the first flight starts from it). */
  startPose: Pose | null
  /** Variant shown before the tour: steps without a variant keep it. */
  startVariantId: string | null
  /** Where the playing clock was last set: wall-clock ms (performance.now()) and tour time then.
   *  null while paused. */
  anchor: { wallMs: number; timeS: number } | null
  /** Bumped by every seek: the driver moves the camera even while paused. */
  seekRevision: number
  transition: VariantTransition | null
  /** A one-off flight to a bookmark outside a tour. */
  flight: { bookmarkId: string; revision: number } | null
  present: (tourId?: string | null) => void
  leave: () => void
  selectTour: (tourId: string | null) => void
  play: () => void
  pause: () => void
  seek: (timeS: number) => void
  /** Sets the clock from the wall clock (performance.now() ms; the driver calls it each frame). */
  tick: (nowMs?: number) => void
  stepBy: (delta: 1 | -1) => void
  setSpeed: (speed: number) => void
  setStartPose: (pose: Pose) => void
  flyTo: (bookmarkId: string) => void
}

export function currentTour(s: Pick<TourState, 'tourId'>): Tour | null {
  const tours = useStore.getState().scene?.tours ?? []
  return tours.find((t) => t.id === s.tourId) ?? null
}

/** Switches the app to the step's variant, with the transition banner when it changes. */
function applyVariant(get: () => TourState, set: (p: Partial<TourState>) => void, timeS: number): void {
  const s = get()
  const tour = currentTour(s)
  if (!tour || !s.timeline) return
  const wanted = variantAtStep(tour, stepAt(s.timeline, timeS), s.startVariantId)
  const app = useStore.getState()
  if (!wanted || wanted === app.variantId) return
  const variant = app.scene?.variants.find((v) => v.id === wanted)
  if (!variant) return
  app.setVariant(wanted)
  set({ transition: { variantId: wanted, name: variant.name, at: performance.now() } })
}

const wallNow = (): number => (typeof performance === 'undefined' ? Date.now() : performance.now())

const initialSpeed = (): number => {
  if (typeof window === 'undefined') return 1
  const v = Number(new URLSearchParams(window.location.search).get('tourSpeed'))
  return Number.isFinite(v) && v > 0 ? Math.min(v, 100) : 1
}

export const useTour = create<TourState>()((set, get) => ({
  presenting: false,
  tourId: null,
  timeline: null,
  playing: false,
  timeS: 0,
  speed: initialSpeed(),
  startPose: null,
  startVariantId: null,
  anchor: null,
  seekRevision: 0,
  transition: null,
  flight: null,
  // The walkthrough plays as soon as it opens (README, tooltip); space or the button pauses it.
  present: (tourId) => {
    set({ presenting: true })
    const first = useStore.getState().scene?.tours?.[0]?.id ?? null
    get().selectTour(tourId === undefined ? (get().tourId ?? first) : tourId)
    get().play()
  },
  leave: () => set({ presenting: false, playing: false, anchor: null }),
  selectTour: (tourId) => {
    const tour = currentTour({ tourId })
    set({
      tourId: tour ? tourId : null,
      timeline: tour ? buildTimeline(tour) : null,
      playing: false,
      anchor: null,
      timeS: 0,
      startPose: null,
      startVariantId: useStore.getState().variantId,
      seekRevision: get().seekRevision + 1,
      transition: null,
    })
    if (tour) applyVariant(get, set, 0)
  },
  play: () => {
    const s = get()
    if (!s.timeline) return
    // Played to the end: start again.
    if (s.timeS >= s.timeline.totalS) get().seek(0)
    set({ playing: true, flight: null, anchor: { wallMs: wallNow(), timeS: get().timeS } })
  },
  pause: () => {
    get().tick()
    set({ playing: false, anchor: null })
  },
  seek: (timeS) => {
    const s = get()
    if (!s.timeline) return
    const t = Math.min(Math.max(0, timeS), s.timeline.totalS)
    set({ timeS: t, seekRevision: s.seekRevision + 1, anchor: s.playing ? { wallMs: wallNow(), timeS: t } : null })
    applyVariant(get, set, t)
  },
  tick: (nowMs = wallNow()) => {
    const s = get()
    if (!s.playing || !s.timeline || !s.anchor) return
    const t = Math.min(Math.max(s.timeS, s.anchor.timeS + (Math.max(0, nowMs - s.anchor.wallMs) / 1000) * s.speed), s.timeline.totalS)
    const before = stepAt(s.timeline, s.timeS)
    const playing = t < s.timeline.totalS
    set({ timeS: t, playing, anchor: playing ? s.anchor : null })
    if (stepAt(s.timeline, t) !== before) applyVariant(get, set, t)
  },
  stepBy: (delta) => {
    const s = get()
    if (!s.timeline) return
    const i = stepAt(s.timeline, s.timeS)
    const span = s.timeline.spans[i]
    // Back: to the start of this step if well into it, else of the one before. Forward: next step's hold.
    const target =
      delta > 0
        ? s.timeline.spans[Math.min(i + 1, s.timeline.spans.length - 1)]!.arrive
        : span && s.timeS - span.arrive > 0.5
          ? span.arrive
          : (s.timeline.spans[Math.max(0, i - 1)]?.arrive ?? 0)
    get().seek(target)
  },
  setSpeed: (speed) => {
    get().tick()
    set({ speed, anchor: get().playing ? { wallMs: wallNow(), timeS: get().timeS } : null })
  },
  setStartPose: (startPose) => set({ startPose }),
  flyTo: (bookmarkId) => set({ playing: false, anchor: null, flight: { bookmarkId, revision: (get().flight?.revision ?? 0) + 1 } }),
}))
