// Test probe of the 3-D airflow overlay (window.__airflow3dProbe), like tools' __editorProbe: where
// the slice handle is drawn on screen and how many particles the scene holds, read from the scene.
import { useEffect } from 'react'
import { useThree } from '@react-three/fiber'
import { Vector3 } from 'three'

declare global {
  interface Window {
    __airflow3dProbe?: {
      /** Client px of the slice handle's centre (the first hall's), or null without one. */
      handle: () => { x: number; y: number } | null
      /** Puffs in the scene's particle objects. */
      particles: () => number
    }
  }
}

export function Airflow3dProbe() {
  const scene = useThree((s) => s.scene)
  const camera = useThree((s) => s.camera)
  const gl = useThree((s) => s.gl)
  useEffect(() => {
    const probe: NonNullable<Window['__airflow3dProbe']> = {
      handle: () => {
        const h = scene.getObjectByName('airflow3d-slice-handle')
        if (!h) return null
        const v = h.getWorldPosition(new Vector3()).project(camera)
        const r = gl.domElement.getBoundingClientRect()
        return { x: r.left + ((v.x + 1) / 2) * r.width, y: r.top + ((1 - v.y) / 2) * r.height }
      },
      particles: () => {
        let n = 0
        scene.traverse((o) => {
          if (o.name === 'airflow3d-particles') n += Number(o.userData.particles ?? 0)
        })
        return n
      },
    }
    window.__airflow3dProbe = probe
    return () => {
      if (window.__airflow3dProbe === probe) delete window.__airflow3dProbe
    }
  }, [scene, camera, gl])
  return null
}
