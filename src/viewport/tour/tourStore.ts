// Presentation and tour playback state, apart from the app store: whether the presentation mode is
// on, which tour plays, the time on its timeline, the speed, and the variant transition banner.
// The driver inside the canvas advances the clock and moves the camera (TourDriver.tsx).
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
  /** Advances the clock by a frame's delta (the driver calls it). */
  tick: (deltaS: number) => void
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
  seekRevision: 0,
  transition: null,
  flight: null,
  present: (tourId) => {
    set({ presenting: true })
    const first = useStore.getState().scene?.tours?.[0]?.id ?? null
    get().selectTour(tourId === undefined ? (get().tourId ?? first) : tourId)
  },
  leave: () => set({ presenting: false, playing: false }),
  selectTour: (tourId) => {
    const tour = currentTour({ tourId })
    set({
      tourId: tour ? tourId : null,
      timeline: tour ? buildTimeline(tour) : null,
      playing: false,
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
    set({ playing: true, flight: null })
  },
  pause: () => set({ playing: false }),
  seek: (timeS) => {
    const s = get()
    if (!s.timeline) return
    const t = Math.min(Math.max(0, timeS), s.timeline.totalS)
    set({ timeS: t, seekRevision: s.seekRevision + 1 })
    applyVariant(get, set, t)
  },
  tick: (deltaS) => {
    const s = get()
    if (!s.playing || !s.timeline) return
    const t = Math.min(s.timeS + deltaS * s.speed, s.timeline.totalS)
    const before = stepAt(s.timeline, s.timeS)
    set({ timeS: t, playing: t < s.timeline.totalS })
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
  setSpeed: (speed) => set({ speed }),
  setStartPose: (startPose) => set({ startPose }),
  flyTo: (bookmarkId) => set({ playing: false, flight: { bookmarkId, revision: (get().flight?.revision ?? 0) + 1 } }),
}))
