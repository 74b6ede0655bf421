// One instancedMesh for many boxes: matrices when the boxes change, colours when the colouring
// changes. One draw call however many boxes there are. The shape is a unit box, or a kind's
// silhouette (silhouettes.ts) that the box's matrix scales to size. Renders on demand: every
// change of matrices or colours asks for a frame.
import { useLayoutEffect, useRef } from 'react'
import { Color, Matrix4, type BufferGeometry, type InstancedMesh } from 'three'
import { useThree, type ThreeEvent } from '@react-three/fiber'
import type { Box } from '../model/layout'
import { boxMatrix, type BoxMatrixOptions } from './boxMatrix'

/** Pointer travel (px) above which a press is a camera drag, not a click. */
const CLICK_TOLERANCE_PX = 4

export interface InstancedBoxesProps {
  boxes: readonly Box[]
  /** Fills `out` with the colour of box i; omit for one material colour. */
  colourAt?: (index: number, out: Color) => Color
  /** Changes whenever colourAt would give other colours. */
  colourKey?: unknown
  /** Material colour; with colourAt it multiplies the instance colours (a darker tint). */
  materialColour?: string
  matrixOptions?: BoxMatrixOptions | ((box: Box) => BoxMatrixOptions)
  roughness?: number
  metalness?: number
  /** Below 1 the boxes are drawn see-through (and do not hide what is behind them). */
  opacity?: number
  onPick?: (index: number) => void
  name?: string
  /** A shape in the unit box (x, y, z in −0.5…0.5) with per-vertex grey levels; default a box. */
  geometry?: BufferGeometry
  /** Drawn instead of `geometry` while the camera moves (a coarse stand-in, same unit box). */
  movingGeometry?: BufferGeometry
  /** Id of what each instance draws: the pointer tools pick through these (tools/picking.ts). */
  pickIds?: readonly string[]
}

export function InstancedBoxes(props: InstancedBoxesProps) {
  const { boxes, colourAt, colourKey, matrixOptions, onPick } = props
  const ref = useRef<InstancedMesh>(null)
  const capacity = Math.max(1, boxes.length)
  const invalidate = useThree((s) => s.invalidate)
  const moving = useThree((s) => s.performance.current < 1)

  useLayoutEffect(() => {
    const mesh = ref.current
    if (!mesh) return
    const m = new Matrix4()
    boxes.forEach((box, i) => {
      const options = typeof matrixOptions === 'function' ? matrixOptions(box) : matrixOptions
      mesh.setMatrixAt(i, boxMatrix(box, m, options))
    })
    mesh.count = boxes.length
    mesh.instanceMatrix.needsUpdate = true
    mesh.computeBoundingBox()
    mesh.computeBoundingSphere()
    invalidate()
  }, [boxes, matrixOptions, capacity, invalidate])

  useLayoutEffect(() => {
    if (ref.current) ref.current.userData.pickIds = props.pickIds
  }, [props.pickIds, capacity])

  useLayoutEffect(() => {
    const mesh = ref.current
    if (!mesh || !colourAt) return
    const c = new Color()
    for (let i = 0; i < boxes.length; i++) mesh.setColorAt(i, colourAt(i, c))
    if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true
    invalidate()
  }, [boxes, colourAt, colourKey, capacity, invalidate])

  // The coarse stand-in while the camera moves, the detailed shape at rest.
  useLayoutEffect(() => {
    const mesh = ref.current
    if (!mesh || !props.geometry) return
    const want = moving && props.movingGeometry ? props.movingGeometry : props.geometry
    if (mesh.geometry === want) return
    mesh.geometry = want
    invalidate()
  }, [moving, props.geometry, props.movingGeometry, capacity, invalidate])

  const handleClick = onPick
    ? (e: ThreeEvent<MouseEvent>) => {
        if (e.delta > CLICK_TOLERANCE_PX || e.instanceId === undefined) return
        e.stopPropagation()
        onPick(e.instanceId)
      }
    : undefined

  return (
    <instancedMesh
      key={capacity}
      ref={ref}
      name={props.name}
      args={[props.geometry, undefined, capacity]}
      onClick={handleClick}
      visible={boxes.length > 0}
    >
      {!props.geometry && <boxGeometry args={[1, 1, 1]} />}
      <meshStandardMaterial
        vertexColors={!!props.geometry}
        color={props.materialColour ?? '#ffffff'}
        roughness={props.roughness ?? 0.75}
        metalness={props.metalness ?? 0.05}
        transparent={(props.opacity ?? 1) < 1}
        opacity={props.opacity ?? 1}
        depthWrite={(props.opacity ?? 1) >= 1}
      />
    </instancedMesh>
  )
}
