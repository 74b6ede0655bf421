// Animated particles of the 3-D airflow view: puffs riding the worker's streamlines at the air's
// pace (particles.ts), coloured by the air temperature on the heat map's ramp; one Points object
// per hall (one draw call). The canvas draws on demand: while the particles play (and the 3D view
// is on screen) a requestAnimationFrame loop asks for a frame at most PARTICLE_FPS times a second;
// paused, the mode off or the view hidden, nothing is asked for and the canvas rests.
import { useEffect, useMemo, useRef } from 'react'
import { useFrame, useThree } from '@react-three/fiber'
import { BufferAttribute, BufferGeometry, DataTexture, PointsMaterial, RGBAFormat, type Texture } from 'three'
import type { Streamlines } from '../../solver/thermal3d/streamlines'
import type { ThermalRange } from '../thermalScale'
import { useStore } from '../../store'
import { useAirflow3d } from './airflow3dStore'
import { PARTICLE_TIME_SCALE, particlesAt, particleTracks, seedParticles } from './particles'

/** Most frames a second the particles ask for (software WebGL pays for every one). */
const PARTICLE_FPS = 30
/** While a run is solving, the page's idle time between particle frames, in frame draw times. */
const IDLE_WHILE_SOLVING = 3
/** A frame asked for and not drawn after this long (held by the verdict-first rule) is asked again. */
const ASK_AGAIN_MS = 2000
/** A pause longer than this (a busy machine, a hidden tab) does not jump the puffs ahead. */
const MAX_STEP_S = 0.25
/** Puff size on screen, CSS px: the same from across the site and from a rack's front, where a
 *  size in metres vanishes in the overview or blots out a row close up. */
const PUFF_PX = 5

/** A round puff: a 32 × 32 disc with a dark rim (the map multiplies the puff's colour), so a puff
 *  shows over a slice of its own colour. */
function discTexture(): Texture {
  const n = 32
  const px = new Uint8Array(n * n * 4)
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const r = Math.hypot(i + 0.5 - n / 2, j + 0.5 - n / 2) / (n / 2)
      const p = (i + n * j) * 4
      px[p] = px[p + 1] = px[p + 2] = r < 0.72 ? 255 : 50
      px[p + 3] = r < 1 ? 255 : 0
    }
  }
  const t = new DataTexture(px, n, n, RGBAFormat)
  t.needsUpdate = true
  return t
}

/** Air time of the particles, s: runs while playing, stands still while paused. */
function useAirClock(playing: boolean): { now: () => number } {
  const clock = useRef({ airS: 0, last: performance.now(), playing })
  useEffect(() => {
    const c = clock.current
    c.last = performance.now()
    c.playing = playing
  }, [playing])
  return useMemo(
    () => ({
      now: () => {
        const c = clock.current
        const t = performance.now()
        if (c.playing) c.airS += Math.min(MAX_STEP_S, (t - c.last) / 1000) * PARTICLE_TIME_SCALE
        c.last = t
        return c.airS
      },
    }),
    [],
  )
}

function HallParticles({ streamlines, clock, range }: { streamlines: Streamlines; clock: { now: () => number }; range: ThermalRange }) {
  const tracks = useMemo(() => particleTracks(streamlines, range), [streamlines, range])
  const seeds = useMemo(() => seedParticles(tracks), [tracks])
  const geometry = useMemo(() => {
    const g = new BufferGeometry()
    const n = seeds.track.length
    const positions = new Float32Array(n * 3)
    const colours = new Float32Array(n * 3)
    particlesAt(tracks, seeds, clock.now(), positions, colours)
    g.setAttribute('position', new BufferAttribute(positions, 3))
    g.setAttribute('color', new BufferAttribute(colours, 3))
    g.computeBoundingSphere()
    return g
  }, [tracks, seeds, clock])
  useEffect(() => () => geometry.dispose(), [geometry])
  const drawnAt = useRef(-1)
  useFrame(() => {
    const t = clock.now()
    if (t === drawnAt.current) return
    drawnAt.current = t
    const pos = geometry.getAttribute('position') as BufferAttribute
    const col = geometry.getAttribute('color') as BufferAttribute
    particlesAt(tracks, seeds, t, pos.array as Float32Array, col.array as Float32Array)
    pos.needsUpdate = true
    col.needsUpdate = true
  })
  const dpr = useThree((s) => s.viewport.dpr)
  const material = useMemo(() => new PointsMaterial({ size: PUFF_PX, sizeAttenuation: false, vertexColors: true, map: discTexture(), alphaTest: 0.4, toneMapped: false }), [])
  material.size = PUFF_PX * dpr
  useEffect(
    () => () => {
      material.map?.dispose()
      material.dispose()
    },
    [material],
  )
  // Not picked: hovers and clicks go to the equipment behind the puffs.
  return <points name="airflow3d-particles" geometry={geometry} material={material} raycast={() => {}} renderOrder={4} frustumCulled={false} userData={{ particles: seeds.track.length }} />
}

export function AirflowParticles({ halls, range }: { halls: readonly { hallId: string; streamlines: Streamlines }[]; range: ThermalRange }) {
  const playing = useAirflow3d((s) => s.particlesPlaying)
  const shown = useStore((s) => s.mainView === '3d')
  const invalidate = useThree((s) => s.invalidate)
  const clock = useAirClock(playing)
  const animate = playing && shown
  // How long the last frame took to draw, and when it ended (frames of priority 0 run before the
  // FrameScheduler draws, at priority 1; priority 2 after it).
  const frame = useRef({ start: 0, end: 0, drawMs: 0, askedAt: -Infinity })
  useFrame(() => {
    frame.current.start = performance.now()
  })
  useFrame(() => {
    const f = frame.current
    f.end = performance.now()
    f.drawMs = f.end - f.start
    f.askedAt = -Infinity
  }, 2)
  useEffect(() => {
    if (!animate) return
    let id = 0
    const tick = (t: number): void => {
      // The next frame once PARTICLE_FPS allows and the page has had as long to itself as the last
      // frame took to draw (three times as long while the worker solves: the solver comes first):
      // on software WebGL, where a frame of the hall takes a large part of a second, the particles
      // step slower and the page and the solver keep their time.
      const f = frame.current
      const waiting = t - f.askedAt < ASK_AGAIN_MS // asked for, not drawn yet
      const idleMs = f.drawMs * (useAirflow3d.getState().status === 'running' ? IDLE_WHILE_SOLVING : 1)
      if (!waiting && t - f.end >= Math.max(1000 / PARTICLE_FPS - f.drawMs, idleMs) - 2) {
        f.askedAt = t
        invalidate()
      }
      id = requestAnimationFrame(tick)
    }
    id = requestAnimationFrame(tick)
    return () => cancelAnimationFrame(id)
  }, [animate, invalidate])
  return (
    <>
      {halls.map((h) => (
        <HallParticles key={h.hallId} streamlines={h.streamlines} clock={clock} range={range} />
      ))}
    </>
  )
}
