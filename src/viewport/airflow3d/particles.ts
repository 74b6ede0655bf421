// Particles of the 3-D airflow view: puffs of air riding the streamlines the worker traced through
// the solved (steady, time-mean) velocity field, at the air's own pace (the trace's time of flight,
// Streamlines.timeS), sped up by a stated factor. Each streamline becomes a track in the direction
// the air flows (a line traced backward from a rack intake is turned round, so its puffs end at
// the intake); puffs are spaced evenly in time along it and loop back to its start. Only
// interpolation along the solver's lines and the heat map's colour ramp: no physics here.
import { Color, SRGBColorSpace } from 'three'
import { STREAM_TO_RACK, type Streamlines } from '../../solver/thermal3d/streamlines'
import { thermalPixels, type ThermalRange } from '../thermalScale'

/** Seconds of the air's travel shown per second on screen: the real pace makes a 72 m hall a
 *  minute or more to cross; four times faster reads as flow without looking like a fan's jet. */
export const PARTICLE_TIME_SCALE = 4
/** Time between two puffs on a track, s of air travel. */
export const PARTICLE_SPACING_S = 1.5
/** Most puffs drawn (one Points object: one draw call whatever the count). */
export const MAX_PARTICLES = 6000

export interface ParticleTracks {
  /** First point of each track, and the point count last (length = tracks + 1). */
  starts: Uint32Array
  /** three's frame (site x, z, −y), in the direction the air flows. */
  positions: Float32Array
  /** Air time from the track's first point, s, increasing. */
  timeS: Float32Array
  /** Linear RGB of each point (the heat map's ramp, as vertex colours). */
  colours: Float32Array
}

/** The streamlines as tracks in flow order. A line without times (or of no duration) is dropped. */
export function particleTracks(s: Streamlines, range?: ThermalRange): ParticleTracks {
  const n = s.tempC.length
  const lines = s.starts.length - 1
  const starts = new Uint32Array(lines + 1)
  const positions = new Float32Array(n * 3)
  const timeS = new Float32Array(n)
  const colours = new Float32Array(n * 3)
  const bytes = thermalPixels(s.tempC, 1, range)
  const c = new Color()
  let out = 0
  let kept = 0
  for (let l = 0; l < lines; l++) {
    const a = s.starts[l]!
    const b = s.starts[l + 1]! - 1
    const total = s.timeS?.[b] ?? 0
    if (!(b > a && total > 0 && Number.isFinite(total))) continue
    const backward = s.kind[l] === STREAM_TO_RACK
    starts[kept++] = out
    for (let q = 0; q <= b - a; q++) {
      const p = backward ? b - q : a + q
      positions[out * 3] = s.positions[p * 3]!
      positions[out * 3 + 1] = s.positions[p * 3 + 2]!
      positions[out * 3 + 2] = -s.positions[p * 3 + 1]!
      timeS[out] = backward ? total - s.timeS[p]! : s.timeS[p]!
      c.setRGB(bytes[p * 4]! / 255, bytes[p * 4 + 1]! / 255, bytes[p * 4 + 2]! / 255, SRGBColorSpace)
      colours[out * 3] = c.r
      colours[out * 3 + 1] = c.g
      colours[out * 3 + 2] = c.b
      out++
    }
  }
  starts[kept] = out
  return { starts: starts.slice(0, kept + 1), positions: positions.slice(0, out * 3), timeS: timeS.slice(0, out), colours: colours.slice(0, out * 3) }
}

export interface ParticleSeeds {
  /** Track of each puff. */
  track: Uint32Array
  /** Its time on the track at clock 0, s. */
  phaseS: Float32Array
  /** Time between puffs used (PARTICLE_SPACING_S, or more when the cap needs it), s. */
  spacingS: number
}

/** Puffs every `spacingS` of air time along every track (at least one a track), each track's
 *  first puff offset by the golden ratio so neighbouring tracks do not pulse in step; the spacing
 *  grows when the tracks would take more than `maxCount` puffs. */
export function seedParticles(t: ParticleTracks, spacingS = PARTICLE_SPACING_S, maxCount = MAX_PARTICLES): ParticleSeeds {
  const tracks = t.starts.length - 1
  const duration = (k: number): number => t.timeS[t.starts[k + 1]! - 1]!
  let total = 0
  for (let k = 0; k < tracks; k++) total += duration(k)
  let spacing = Math.max(spacingS, total / maxCount)
  const count = (k: number): number => Math.max(1, Math.floor(duration(k) / spacing))
  let n = 0
  for (let k = 0; k < tracks; k++) n += count(k)
  while (n > maxCount && tracks <= maxCount) {
    spacing *= 1.1
    n = 0
    for (let k = 0; k < tracks; k++) n += count(k)
  }
  const track = new Uint32Array(Math.min(n, maxCount))
  const phaseS = new Float32Array(track.length)
  let p = 0
  for (let k = 0; k < tracks && p < track.length; k++) {
    const offset = ((k * 0.6180339887498949) % 1) * spacing
    for (let m = 0; m < count(k) && p < track.length; m++, p++) {
      track[p] = k
      phaseS[p] = (offset + m * spacing) % duration(k)
    }
  }
  return { track, phaseS, spacingS: spacing }
}

/** Positions (three's frame) and colours of every puff at air time `clockS`: each at
 *  (phase + clock) modulo its track's duration, between the two points around that time. */
export function particlesAt(t: ParticleTracks, seeds: ParticleSeeds, clockS: number, positions: Float32Array, colours: Float32Array): void {
  for (let p = 0; p < seeds.track.length; p++) {
    const k = seeds.track[p]!
    const a = t.starts[k]!
    const b = t.starts[k + 1]! - 1
    const dur = t.timeS[b]!
    let time = (seeds.phaseS[p]! + clockS) % dur
    if (time < 0) time += dur
    // The last point at or before `time` (times increase along the track).
    let lo = a
    let hi = b
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1
      if (t.timeS[mid]! <= time) lo = mid
      else hi = mid
    }
    const span = t.timeS[hi]! - t.timeS[lo]!
    const f = span > 0 ? Math.min(1, Math.max(0, (time - t.timeS[lo]!) / span)) : 0
    for (let d = 0; d < 3; d++) {
      positions[p * 3 + d] = t.positions[lo * 3 + d]! * (1 - f) + t.positions[hi * 3 + d]! * f
      colours[p * 3 + d] = t.colours[lo * 3 + d]! * (1 - f) + t.colours[hi * 3 + d]! * f
    }
  }
}
