// Context around the halls for presentation views: a gravel yard under the site, a fence line on
// its edge, and an access road from the south. A handful of draw calls whatever the site holds.
import { useLayoutEffect, useMemo, useRef } from 'react'
import { CanvasTexture, Matrix4, RepeatWrapping, SRGBColorSpace, type InstancedMesh } from 'three'
import type { SiteBounds } from '../sceneLayout'
import { SLAB_THICKNESS_M } from '../displayConstants'

const YARD_MARGIN_M = 14
const POST_SPACING_M = 4
const FENCE_HEIGHT_M = 2.2
const ROAD_WIDTH_M = 7
const GROUND_Y = -SLAB_THICKNESS_M

/** A small tiling gravel texture drawn once (speckles on grey-brown). */
function gravelTexture(): CanvasTexture | null {
  if (typeof document === 'undefined') return null
  const c = document.createElement('canvas')
  c.width = c.height = 128
  const g = c.getContext('2d')
  if (!g) return null
  g.fillStyle = '#5a5a57'
  g.fillRect(0, 0, 128, 128)
  let seed = 7
  const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647)
  for (let i = 0; i < 2600; i++) {
    const l = 60 + Math.floor(rnd() * 70)
    g.fillStyle = `rgb(${l + 6},${l + 4},${l})`
    g.fillRect(Math.floor(rnd() * 128), Math.floor(rnd() * 128), 1 + Math.floor(rnd() * 2), 1 + Math.floor(rnd() * 2))
  }
  const t = new CanvasTexture(c)
  t.wrapS = t.wrapT = RepeatWrapping
  t.colorSpace = SRGBColorSpace
  return t
}

export function SiteContext({ bounds }: { bounds: SiteBounds }) {
  const minX = bounds.minX - YARD_MARGIN_M
  const maxX = bounds.maxX + YARD_MARGIN_M
  const minY = bounds.minY - YARD_MARGIN_M
  const maxY = bounds.maxY + YARD_MARGIN_M
  const w = maxX - minX
  const d = maxY - minY
  const cx = (minX + maxX) / 2
  const cy = (minY + maxY) / 2
  const gravel = useMemo(() => {
    const t = gravelTexture()
    t?.repeat.set(w / 6, d / 6)
    return t
  }, [w, d])
  const gate = { x: cx, half: ROAD_WIDTH_M / 2 + 1 }

  // Fence posts along the yard edge, leaving a gate for the road on the south side.
  const posts = useMemo(() => {
    const out: [number, number][] = []
    const edge = (x0: number, y0: number, x1: number, y1: number) => {
      const len = Math.hypot(x1 - x0, y1 - y0)
      const n = Math.max(1, Math.round(len / POST_SPACING_M))
      for (let i = 0; i < n; i++) {
        const x = x0 + ((x1 - x0) * i) / n
        const y = y0 + ((y1 - y0) * i) / n
        if (y0 === minY && y1 === minY && Math.abs(x - gate.x) < gate.half) continue
        out.push([x, y])
      }
    }
    edge(minX, minY, maxX, minY)
    edge(maxX, minY, maxX, maxY)
    edge(maxX, maxY, minX, maxY)
    edge(minX, maxY, minX, minY)
    return out
  }, [minX, maxX, minY, maxY, gate.x, gate.half])
  const postRef = useRef<InstancedMesh>(null)
  useLayoutEffect(() => {
    const mesh = postRef.current
    if (!mesh) return
    const m = new Matrix4()
    posts.forEach(([x, y], i) => mesh.setMatrixAt(i, m.makeTranslation(x, GROUND_Y + FENCE_HEIGHT_M / 2, -y)))
    mesh.count = posts.length
    mesh.instanceMatrix.needsUpdate = true
    mesh.computeBoundingSphere()
  }, [posts])

  // Fence mesh: four rails (top rail and a see-through panel) as one instanced box mesh.
  const rails = useMemo(
    () => [
      [cx, minY, w, 0],
      [cx, maxY, w, 0],
      [minX, cy, d, 90],
      [maxX, cy, d, 90],
    ],
    [cx, cy, w, d, minX, maxX, minY, maxY],
  )
  const railRef = useRef<InstancedMesh>(null)
  const panelRef = useRef<InstancedMesh>(null)
  useLayoutEffect(() => {
    const m = new Matrix4()
    const r = new Matrix4()
    const s = new Matrix4()
    rails.forEach(([x, y, len, deg], i) => {
      r.makeRotationY(((deg ?? 0) * Math.PI) / 180)
      s.makeScale(len ?? 1, 0.08, 0.08)
      m.makeTranslation(x ?? 0, GROUND_Y + FENCE_HEIGHT_M, -(y ?? 0)).multiply(r).multiply(s)
      railRef.current?.setMatrixAt(i, m)
      s.makeScale(len ?? 1, FENCE_HEIGHT_M, 0.02)
      m.makeTranslation(x ?? 0, GROUND_Y + FENCE_HEIGHT_M / 2, -(y ?? 0)).multiply(r).multiply(s)
      panelRef.current?.setMatrixAt(i, m)
    })
    for (const ref of [railRef, panelRef]) {
      if (!ref.current) continue
      ref.current.instanceMatrix.needsUpdate = true
      ref.current.computeBoundingSphere()
    }
  }, [rails])

  const roadLen = 160
  return (
    <group name="site-context">
      <mesh name="site-context-yard" rotation-x={-Math.PI / 2} position={[cx, GROUND_Y - 0.008, -cy]} receiveShadow>
        <planeGeometry args={[w, d]} />
        <meshStandardMaterial map={gravel} color="#b9b4aa" roughness={1} />
      </mesh>
      <mesh name="site-context-road" rotation-x={-Math.PI / 2} position={[gate.x, GROUND_Y - 0.006, -(minY - roadLen / 2)]} receiveShadow>
        <planeGeometry args={[ROAD_WIDTH_M, roadLen]} />
        <meshStandardMaterial color="#2b2e33" roughness={0.95} />
      </mesh>
      <mesh name="site-context-road" rotation-x={-Math.PI / 2} position={[gate.x, GROUND_Y - 0.004, -(minY - roadLen / 2)]}>
        <planeGeometry args={[0.18, roadLen]} />
        <meshBasicMaterial color="#9a8f62" />
      </mesh>
      <instancedMesh ref={postRef} args={[undefined, undefined, Math.max(1, posts.length)]} key={posts.length}>
        <boxGeometry args={[0.1, FENCE_HEIGHT_M, 0.1]} />
        <meshStandardMaterial color="#9aa3ad" metalness={0.4} roughness={0.5} />
      </instancedMesh>
      <instancedMesh ref={railRef} args={[undefined, undefined, 4]}>
        <boxGeometry args={[1, 1, 1]} />
        <meshStandardMaterial color="#9aa3ad" metalness={0.4} roughness={0.5} />
      </instancedMesh>
      <instancedMesh ref={panelRef} args={[undefined, undefined, 4]}>
        <boxGeometry args={[1, 1, 1]} />
        <meshStandardMaterial color="#aab3bd" transparent opacity={0.16} depthWrite={false} />
      </instancedMesh>
    </group>
  )
}
