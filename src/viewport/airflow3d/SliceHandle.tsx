// The handle of the 3-D airflow view's vertical slice: a double arrow on the slice's top edge that
// the mouse drags along the hall. It moves the one piece of state the slider and "Slice across
// <row>" move too (airflow3dStore's `slice`), snapped to the solved field's cell columns
// (sliceDrag.ts). While it is dragged the camera controls are off, so the drag never turns the
// view; the item picking skips it (userData.grip, tools/picking.ts), so a press on it never
// selects or moves the row behind it. One mesh: one draw call.
import { useEffect, useMemo, useRef, useState } from 'react'
import { useThree, type ThreeEvent } from '@react-three/fiber'
import { ConeGeometry, CylinderGeometry, SphereGeometry, type BufferGeometry } from 'three'
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js'
import { useAirflow3d } from './airflow3dStore'
import { axisCoordinateOfRay, snapToCell, type SliceCells } from './sliceDrag'
import type { SliceAxis } from './slices'

const COLOUR = '#e8edf3'
const COLOUR_ACTIVE = '#ffd166'

/** A double arrow along x, `lengthM` long, centred on the origin, with a ball in the middle. */
function arrowGeometry(lengthM: number): BufferGeometry {
  const r = lengthM / 24
  const head = lengthM / 4
  const shaft = new CylinderGeometry(r, r, lengthM - 2 * head, 12).rotateZ(Math.PI / 2)
  const right = new ConeGeometry(r * 3, head, 16).rotateZ(-Math.PI / 2).translate(lengthM / 2 - head / 2, 0, 0)
  const left = new ConeGeometry(r * 3, head, 16).rotateZ(Math.PI / 2).translate(-lengthM / 2 + head / 2, 0, 0)
  const ball = new SphereGeometry(r * 3.2, 16, 12)
  const merged = mergeGeometries([shaft.toNonIndexed(), right.toNonIndexed(), left.toNonIndexed(), ball.toNonIndexed()])
  for (const g of [shaft, right, left, ball]) g.dispose()
  if (!merged) throw new Error('slice handle: the arrow parts do not merge')
  return merged
}

interface ControlsLike {
  enabled: boolean
}

export function SliceHandle({ axis, cells, at, topM, acrossM }: { axis: SliceAxis; cells: SliceCells; at: number; topM: number; acrossM: number }) {
  const setSlice = useAirflow3d((s) => s.setSlice)
  const setDragging = useAirflow3d((s) => s.setSliceDragging)
  const controls = useThree((s) => s.controls) as unknown as ControlsLike | null
  const gl = useThree((s) => s.gl)
  const [hover, setHover] = useState(false)
  const [active, setActive] = useState(false)
  /** Slice position minus the pointer's place along the axis at the press: no jump on grabbing. */
  const grab = useRef<number | null>(null)
  const lengthM = Math.max(4, (cells.count * cells.cellM) / 8)
  const geometry = useMemo(() => arrowGeometry(lengthM), [lengthM])
  useEffect(() => () => geometry.dispose(), [geometry])
  const heightM = topM + lengthM / 6
  // three's frame: site x → x, site y → −z; the arrow points along the slice axis.
  const position: [number, number, number] = axis === 'x' ? [at, heightM, -acrossM] : [acrossM, heightM, -at]
  const along = (e: ThreeEvent<PointerEvent>): number | null => {
    const o = e.ray.origin
    const d = e.ray.direction
    return axisCoordinateOfRay([o.x, o.y, o.z], [d.x, d.y, d.z], position, axis)
  }
  const cursor = (c: string): void => {
    const host = gl.domElement.parentElement
    if (host) host.style.cursor = c
  }
  const end = (): void => {
    if (grab.current === null) return
    grab.current = null
    setActive(false)
    setDragging(false)
    if (controls) controls.enabled = true
  }
  // Unmounted mid-drag (the mode turned off): give the camera its controls back.
  useEffect(
    () => () => {
      if (controls) controls.enabled = true
      cursor('')
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [controls],
  )
  return (
    <mesh
      name="airflow3d-slice-handle"
      geometry={geometry}
      position={position}
      rotation-y={axis === 'x' ? 0 : Math.PI / 2}
      userData={{ grip: true }}
      renderOrder={5}
      onPointerOver={(e) => {
        e.stopPropagation()
        setHover(true)
        cursor('ew-resize')
      }}
      onPointerOut={() => {
        setHover(false)
        if (grab.current === null) cursor('')
      }}
      onPointerDown={(e) => {
        if (e.button !== 0) return
        e.stopPropagation()
        const p = along(e)
        if (p === null) return
        // The orbit controls took the press first (they listen on the canvas): switch them off
        // before the pointer moves, so the drag moves the slice, not the camera.
        if (controls) controls.enabled = false
        ;(e.target as unknown as Element).setPointerCapture(e.pointerId)
        grab.current = at - p
        setActive(true)
        setDragging(true)
      }}
      onPointerMove={(e) => {
        if (grab.current === null) return
        e.stopPropagation()
        const p = along(e)
        if (p !== null) setSlice(snapToCell(p + grab.current, cells))
      }}
      onPointerUp={(e) => {
        if (grab.current === null) return
        e.stopPropagation()
        ;(e.target as unknown as Element).releasePointerCapture(e.pointerId)
        end()
      }}
      onLostPointerCapture={end}
    >
      <meshBasicMaterial color={active || hover ? COLOUR_ACTIVE : COLOUR} depthTest={false} transparent opacity={0.95} toneMapped={false} />
    </mesh>
  )
}
