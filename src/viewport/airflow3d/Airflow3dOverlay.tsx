// The 3-D airflow overlay (issue 12, point 5): per hall a horizontal slice at rack inlet height
// and a vertical slice across the rows (one textured plane each, the heat map's colour ramp), the
// streamlines (one line-segments object), and every rack coloured by its 3-D inlet air (one
// instanced mesh). Draws whatever view the worker last sent (airflow3dStore.ts; the panel starts
// the runs).
import { useEffect, useMemo } from 'react'
import { useThree } from '@react-three/fiber'
import { BoxGeometry, Color, DataTexture, DoubleSide, InstancedMesh, LinearFilter, Matrix4, MeshStandardMaterial, RGBAFormat, SRGBColorSpace } from 'three'
import type { Airflow3dHallView, Airflow3dView } from '../../solver/thermal3d/view'
import { selectVariant, useStore } from '../../store'
import { boxMatrix } from '../boxMatrix'
import type { RackItem } from '../sceneLayout'
import { thermalCss, type ThermalRange } from '../thermalScale'
import { useAirflow3d } from './airflow3dStore'
import { Airflow3dProbe } from './Airflow3dProbe'
import { AirflowParticles } from './AirflowParticles'
import { SliceHandle } from './SliceHandle'
import { sliceCells, snapToCell } from './sliceDrag'
import { InletLabels } from './InletLabels'
import { airflowScale, horizontalSlicePixels, inletLayer, sliceAxisOf, sliceIndex, streamlineBuffers, verticalSlicePixels, type SliceAxis } from './slices'

/** Overlays are not picked: clicks and hovers go to the equipment under them. */
const noRaycast = (): void => {}
const SLICE_OPACITY = 0.9
/** The inlet-coloured shell round each rack: just outside the rack silhouettes (silhouettes.ts:
 *  the GPU rack's top plate reaches 1.4 % above its box, its doors 2.5 % beyond its depth). */
const RACK_SHELL = { widthScale: 1.02, heightScale: 1.03 }

function texture(pixels: Uint8Array, width: number, height: number): DataTexture {
  const t = new DataTexture(pixels, width, height, RGBAFormat)
  t.colorSpace = SRGBColorSpace
  t.magFilter = LinearFilter
  t.minFilter = LinearFilter
  t.needsUpdate = true
  return t
}

function useDisposed<T extends { dispose: () => void }>(thing: T): T {
  useEffect(() => () => thing.dispose(), [thing])
  return thing
}

function HallAirflow({ hall, axis, slice, range }: { hall: Airflow3dHallView; axis: SliceAxis; slice: number | null; range: ThermalRange }) {
  const widthM = hall.nx * hall.cellXM
  const depthM = hall.ny * hall.cellYM
  const heightM = hall.nz * hall.cellZM
  const k = inletLayer(hall)
  const flat = useDisposed(useMemo(() => texture(horizontalSlicePixels(hall, k, range), hall.nx, hall.ny), [hall, k, range]))
  const mid = axis === 'x' ? hall.originX + widthM / 2 : hall.originY + depthM / 2
  const index = sliceIndex(hall, axis, slice ?? mid)
  const upright = useDisposed(
    useMemo(() => {
      const { pixels, width } = verticalSlicePixels(hall, axis, index, range)
      return texture(pixels, width, hall.nz)
    }, [hall, axis, index, range]),
  )
  const lines = useMemo(() => streamlineBuffers(hall.streamlines, range), [hall, range])
  const cells = sliceCells(hall, axis)
  const at = snapToCell(slice ?? mid, cells) // the centre of column `index`
  const across = axis === 'x' ? hall.originY + depthM / 2 : hall.originX + widthM / 2
  // The handle: on the slice's top edge at its south (x slice) or west (y slice) end, the near
  // side of the opening camera, clear of the labels over the racks in the middle.
  const nearEdge = axis === 'x' ? hall.originY : hall.originX
  const uprightAt: [number, number, number] = axis === 'x' ? [at, heightM / 2, -across] : [across, heightM / 2, -at]
  return (
    <group name={`airflow3d-${hall.hallId}`}>
      <mesh name="airflow3d-inlet-slice" raycast={noRaycast} rotation-x={-Math.PI / 2} position={[hall.originX + widthM / 2, (k + 0.5) * hall.cellZM, -(hall.originY + depthM / 2)]} renderOrder={2}>
        <planeGeometry args={[widthM, depthM]} />
        <meshBasicMaterial map={flat} transparent opacity={SLICE_OPACITY} alphaTest={0.01} side={DoubleSide} forceSinglePass depthWrite={false} toneMapped={false} />
      </mesh>
      <mesh name="airflow3d-row-slice" raycast={noRaycast} rotation-y={axis === 'x' ? Math.PI / 2 : 0} position={uprightAt} renderOrder={2}>
        <planeGeometry args={[axis === 'x' ? depthM : widthM, heightM]} />
        <meshBasicMaterial map={upright} transparent opacity={SLICE_OPACITY} alphaTest={0.01} side={DoubleSide} forceSinglePass depthWrite={false} toneMapped={false} />
      </mesh>
      <lineSegments name="airflow3d-streamlines" raycast={noRaycast} renderOrder={3}>
        <bufferGeometry key={lines.index.length}>
          <bufferAttribute attach="attributes-position" args={[lines.positions, 3]} />
          <bufferAttribute attach="attributes-color" args={[lines.colours, 3]} />
          <bufferAttribute attach="index" args={[lines.index, 1]} />
        </bufferGeometry>
        <lineBasicMaterial vertexColors transparent opacity={0.85} toneMapped={false} />
      </lineSegments>
      <SliceHandle axis={axis} cells={cells} at={at} topM={heightM} acrossM={nearEdge} />
    </group>
  )
}

/** Racks coloured by their 3-D inlet air: boxes a touch larger than the racks, one draw call.
 *  Built whole (matrices and colours set before it is first drawn) and handed to the scene. */
function RackInletColours({ racks, view, range }: { racks: readonly RackItem[]; view: Airflow3dView; range: ThermalRange }) {
  const mesh = useMemo(() => {
    const byHall = new Map(view.halls.map((h) => [h.hallId, h.rackInletC]))
    const shown = racks.flatMap((r) => {
      const t = byHall.get(r.hallId)?.[r.rowId]?.[r.index]
      return t === undefined ? [] : [{ box: r.box, inletC: t }]
    })
    if (shown.length === 0) return null
    const m = new InstancedMesh(new BoxGeometry(1, 1, 1), new MeshStandardMaterial({ roughness: 0.8 }), shown.length)
    m.name = 'airflow3d-rack-inlets'
    m.raycast = noRaycast
    const matrix = new Matrix4()
    const c = new Color()
    shown.forEach((r, i) => {
      m.setMatrixAt(i, boxMatrix(r.box, matrix, { ...RACK_SHELL, depthM: r.box.depthM * 1.05 }))
      m.setColorAt(i, c.setStyle(thermalCss(r.inletC, range)))
    })
    m.instanceMatrix.needsUpdate = true
    if (m.instanceColor) m.instanceColor.needsUpdate = true
    m.computeBoundingSphere()
    return m
  }, [racks, view, range])
  useEffect(
    () => () => {
      mesh?.geometry.dispose()
      ;(mesh?.material as MeshStandardMaterial | undefined)?.dispose()
      mesh?.dispose()
    },
    [mesh],
  )
  return mesh ? <primitive object={mesh} /> : null
}

export function Airflow3dOverlay({ racks }: { racks: readonly RackItem[] }) {
  const on = useAirflow3d((s) => s.on)
  const view = useAirflow3d((s) => s.view)
  const slice = useAirflow3d((s) => s.slice)
  const variantId = useStore((s) => s.variantId)
  const variant = useStore(selectVariant)
  const invalidate = useThree((s) => s.invalidate)
  useEffect(() => invalidate(), [on, view, slice, invalidate])
  const axis = useMemo(() => sliceAxisOf(variant?.halls.flatMap((h) => h.rows) ?? []), [variant])
  const range = useMemo(() => airflowScale(view?.halls ?? []), [view])
  if (!on || !view || view.variantId !== variantId) return null
  return (
    <group name="airflow3d">
      {view.halls.map((h) => (
        <HallAirflow key={h.hallId} hall={h} axis={axis} slice={slice} range={range} />
      ))}
      <RackInletColours racks={racks} view={view} range={range} />
      <AirflowParticles halls={view.halls} range={range} />
      <InletLabels racks={racks} view={view} range={range} />
      <Airflow3dProbe />
    </group>
  )
}
