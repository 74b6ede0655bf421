// Hands the WebGL renderer to browser tests (window.__gl): draw calls, triangles, frame count.
import { useLayoutEffect } from 'react'
import { useThree } from '@react-three/fiber'
import type { WebGLRenderer } from 'three'

declare global {
  interface Window {
    __gl?: WebGLRenderer
  }
}

export function ExposeGl() {
  const gl = useThree((s) => s.gl)
  useLayoutEffect(() => {
    window.__gl = gl
  }, [gl])
  return null
}
