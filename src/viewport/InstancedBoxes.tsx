// One instancedMesh for many boxes: matrices when the boxes change, colours when the colouring
// changes. One draw call however many boxes there are. The shape is a unit box, or a kind's
// silhouette (silhouettes.ts) that the box's matrix scales to size. Renders on demand: every
// change of matrices or colours asks for a frame.
import { useLayoutEffect, useRef } from 'react'
import { Color, InstancedBufferAttribute, Matrix4, type BufferGeometry, type InstancedMesh } from 'three'
import { useThree, type ThreeEvent } from '@react-three/fiber'
import type { Box } from '../model/layout'
import { boxMatrix, type BoxMatrixOptions } from './boxMatrix'
import { mergeRuns } from './movingRuns'
import { useCheapFrames } from './FrameScheduler'

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
  /** Drawn instead of `geometry` while the camera moves (a coarse stand-in, same unit box), one
   *  instance for each run of boxes in a row (movingRuns.ts). Not with matrixOptions. */
  movingGeometry?: BufferGeometry
  /** Id of what each instance draws: the pointer tools pick through these (tools/picking.ts). */
  pickIds?: readonly string[]
}

export function InstancedBoxes(props: InstancedBoxesProps) {
  const { boxes, colourAt, colourKey, matrixOptions, onPick } = props
  const ref = useRef<InstancedMesh>(null)
  const capacity = Math.max(1, boxes.length)
  const invalidate = useThree((s) => s.invalidate)
  const moving = useCheapFrames()

  // The rest attributes of a mesh drawn with its stand-in, while it is (see below).
  const standIn = useRef<{ mesh: InstancedMesh; matrix: InstancedBufferAttribute; colour: InstancedBufferAttribute | null; pickIds: unknown } | null>(null)
  const restore = () => {
    const s = standIn.current
    standIn.current = null
    if (!s) return
    s.mesh.geometry = props.geometry ?? s.mesh.geometry
    s.mesh.instanceMatrix = s.matrix
    s.mesh.instanceColor = s.colour
    s.mesh.count = boxes.length
    s.mesh.userData.pickIds = s.pickIds
    s.mesh.userData.instanceItems = undefined
  }

  useLayoutEffect(() => {
    const mesh = ref.current
    if (!mesh) return
    restore()
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
    restore()
    if (ref.current) ref.current.userData.pickIds = props.pickIds
  }, [props.pickIds, capacity])

  useLayoutEffect(() => {
    const mesh = ref.current
    if (!mesh || !colourAt) return
    restore()
    const c = new Color()
    for (let i = 0; i < boxes.length; i++) mesh.setColorAt(i, colourAt(i, c))
    if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true
    invalidate()
  }, [boxes, colourAt, colourKey, capacity, invalidate])

  // While the camera moves: the coarse stand-in shape, and each row of boxes with the same pick
  // id and colour joined into one box (movingRuns.ts); at rest the detailed shape, box by box.
  // The rest attributes are kept and put back as they were, so nothing else sees a change.
  useLayoutEffect(() => {
    const mesh = ref.current
    const { geometry, movingGeometry, pickIds } = props
    if (!mesh || !geometry || !movingGeometry || matrixOptions) return
    if (!moving) {
      if (standIn.current) {
        restore()
        invalidate()
      }
      return
    }
    if (standIn.current) return
    const c = new Color()
    const colours = boxes.map((_, i) => (colourAt ? colourAt(i, c).getHexString() : ''))
    const runs = mergeRuns(boxes, (i) => `${pickIds?.[i] ?? i}|${colours[i]}`)
    const matrix = new InstancedBufferAttribute(new Float32Array(runs.length * 16), 16)
    const colour = mesh.instanceColor ? new InstancedBufferAttribute(new Float32Array(runs.length * 3), 3) : null
    const m = new Matrix4()
    runs.forEach((run, k) => {
      boxMatrix(run.box, m).toArray(matrix.array, 16 * k)
      if (colour && mesh.instanceColor) colour.copyAt(k, mesh.instanceColor, run.first)
    })
    standIn.current = { mesh, matrix: mesh.instanceMatrix, colour: mesh.instanceColor, pickIds: mesh.userData.pickIds }
    mesh.geometry = movingGeometry
    mesh.instanceMatrix = matrix
    mesh.instanceColor = colour
    mesh.count = runs.length
    mesh.userData.pickIds = pickIds ? runs.map((r) => pickIds[r.first]) : undefined
    mesh.userData.instanceItems = runs.map((r) => r.first)
    invalidate()
    // Rebuilt when the boxes or their colours change (the effects above restore first).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [moving, boxes, colourAt, colourKey, props.pickIds, props.geometry, props.movingGeometry, capacity, invalidate])

  const handleClick = onPick
    ? (e: ThreeEvent<MouseEvent>) => {
        if (e.delta > CLICK_TOLERANCE_PX || e.instanceId === undefined) return
        e.stopPropagation()
        // While a stand-in is drawn an instance is a run of boxes: its first box.
        const items = e.object.userData.instanceItems as readonly number[] | undefined
        onPick(items ? (items[e.instanceId] ?? e.instanceId) : e.instanceId)
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
