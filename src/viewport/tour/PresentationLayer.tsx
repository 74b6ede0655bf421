// Inside the canvas, for the presentation and the exports: the tour driver, the canvas bridge for
// PNG/glTF export, and (while presenting) the projector of the equipment labels.
import { useLayoutEffect, useMemo } from 'react'
import { useFrame, useThree } from '@react-three/fiber'
import { Vector3 } from 'three'
import { builtInCatalog } from '../../model/catalog'
import { selectVariant, useStore } from '../../store'
import type { SceneLayout } from '../sceneLayout'
import { registerCanvas } from './captureBridge'
import { equipmentAnchors, equipmentLabelBus } from './equipmentLabels'
import { TourDriver } from './TourDriver'
import { useTour } from './tourStore'

const v = new Vector3()

function EquipmentLabelProjector({ layout }: { layout: SceneLayout }) {
  const variant = useStore(selectVariant)
  const anchors = useMemo(() => (variant ? equipmentAnchors(layout, variant, builtInCatalog()) : []), [layout, variant])
  const positions = useMemo(() => new Float32Array(anchors.length * 2), [anchors])
  useFrame(({ camera, size }) => {
    anchors.forEach((a, i) => {
      v.set(a.position[0], a.position[1], a.position[2]).project(camera)
      const inView = v.z > -1 && v.z < 1 && Math.abs(v.x) < 1.05 && Math.abs(v.y) < 1.05
      positions[2 * i] = inView ? ((v.x + 1) / 2) * size.width : Number.NaN
      positions[2 * i + 1] = inView ? ((1 - v.y) / 2) * size.height : Number.NaN
    })
    equipmentLabelBus.publish(anchors, positions)
  })
  return null
}

export function PresentationLayer({ layout }: { layout: SceneLayout }) {
  const get = useThree((s) => s.get)
  const presenting = useTour((s) => s.presenting)
  useLayoutEffect(() => {
    registerCanvas(get)
    return () => registerCanvas(null)
  }, [get])
  return (
    <>
      <TourDriver />
      {presenting && <EquipmentLabelProjector layout={layout} />}
    </>
  )
}
