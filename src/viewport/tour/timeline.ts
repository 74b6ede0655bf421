// A tour as a timeline: each step flies the camera to its bookmark (moveS, eased in and out) and
// holds there (holdS). Pure: the pose at any time t, so playback, stepping and the scrubber are one
// function of t. Poses are in three.js world coordinates (site (x, y, z) → (x, z, −y)).
import type { Bookmark, Tour } from '../../model/sceneSchema'

export interface Pose {
  position: [number, number, number]
  target: [number, number, number]
}

export interface StepSpan {
  start: number
  /** End of the flight, start of the hold. */
  arrive: number
  end: number
}

export interface Timeline {
  spans: StepSpan[]
  totalS: number
}

export function buildTimeline(tour: Tour): Timeline {
  let t = 0
  const spans = tour.steps.map((s) => {
    const span = { start: t, arrive: t + s.moveS, end: t + s.moveS + s.holdS }
    t = span.end
    return span
  })
  return { spans, totalS: t }
}

/** Index of the step playing at time t (the last step at and after the end). */
export function stepAt(timeline: Timeline, t: number): number {
  const i = timeline.spans.findIndex((s) => t < s.end)
  return i === -1 ? Math.max(0, timeline.spans.length - 1) : i
}

export const easeInOutCubic = (u: number): number => (u < 0.5 ? 4 * u * u * u : 1 - (-2 * u + 2) ** 3 / 2)

export function bookmarkPose(b: Bookmark): Pose {
  return { position: [b.position.x, b.position.z, -b.position.y], target: [b.target.x, b.target.z, -b.target.y] }
}

/** The site-coordinate bookmark of a three.js camera pose. */
export function poseToSite(pose: Pose): { position: Bookmark['position']; target: Bookmark['target'] } {
  const site = (v: readonly number[]) => ({ x: round(v[0]!), y: round(-v[2]!), z: round(v[1]!) })
  return { position: site(pose.position), target: site(pose.target) }
}

const round = (m: number) => Math.round(m * 100) / 100 + 0

const lerp = (a: number, b: number, u: number) => a + (b - a) * u

/** Eased interpolation; the camera rises a little mid-flight so long moves arc over the site. */
export function interpolatePose(from: Pose, to: Pose, u: number): Pose {
  const e = easeInOutCubic(Math.min(1, Math.max(0, u)))
  const dist = Math.hypot(to.position[0] - from.position[0], to.position[1] - from.position[1], to.position[2] - from.position[2])
  const lift = Math.sin(Math.PI * e) * dist * 0.12
  return {
    position: [lerp(from.position[0], to.position[0], e), lerp(from.position[1], to.position[1], e) + lift, lerp(from.position[2], to.position[2], e)],
    target: [lerp(from.target[0], to.target[0], e), lerp(from.target[1], to.target[1], e), lerp(from.target[2], to.target[2], e)],
  }
}

/** The camera at time t. `start` is where the camera stood when the tour began (the first flight
 *  starts there); a step whose bookmark is missing keeps the previous pose. */
export function poseAt(tour: Tour, bookmarks: readonly Bookmark[], timeline: Timeline, t: number, start: Pose): Pose {
  const byId = new Map(bookmarks.map((b) => [b.id, b]))
  const i = stepAt(timeline, t)
  let from = start
  for (let k = 0; k < i; k++) {
    const b = byId.get(tour.steps[k]!.bookmarkId)
    if (b) from = bookmarkPose(b)
  }
  const target = byId.get(tour.steps[i]!.bookmarkId)
  const to = target ? bookmarkPose(target) : from
  const span = timeline.spans[i]!
  const u = span.arrive > span.start ? (t - span.start) / (span.arrive - span.start) : 1
  return interpolatePose(from, to, u)
}

/** The variant shown at step i: the last variant a step up to i switched to, else `initial`. */
export function variantAtStep(tour: Tour, i: number, initial: string | null): string | null {
  let v = initial
  for (let k = 0; k <= i && k < tour.steps.length; k++) v = tour.steps[k]!.variantId ?? v
  return v
}
