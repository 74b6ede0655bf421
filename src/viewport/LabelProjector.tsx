// Inside the canvas: projects the label anchors to screen pixels every frame (see labels.ts).
import { useMemo } from 'react'
import { useFrame } from '@react-three/fiber'
import { Vector3 } from 'three'
import { selectVariant, useStore } from '../store'
import { hallLabelAnchors, labelBus } from './labels'

const v = new Vector3()

export function LabelProjector() {
  const variant = useStore(selectVariant)
  const anchors = useMemo(() => hallLabelAnchors(variant), [variant])
  const positions = useMemo(() => new Float32Array(anchors.length * 2), [anchors])
  useFrame(({ camera, size }) => {
    anchors.forEach((a, i) => {
      v.set(a.position[0], a.position[1], a.position[2]).project(camera)
      const inFront = v.z > -1 && v.z < 1
      positions[2 * i] = inFront ? ((v.x + 1) / 2) * size.width : Number.NaN
      positions[2 * i + 1] = inFront ? ((1 - v.y) / 2) * size.height : Number.NaN
    })
    labelBus.publish(positions)
  })
  return null
}
