// Hands the WebGL renderer to browser tests (window.__gl): draw calls, triangles, frame count;
// and the canvas's pixel ratio (window.__setDpr), as the adaptive resolution sets it.
import { useLayoutEffect } from 'react'
import { useThree } from '@react-three/fiber'
import type { WebGLRenderer } from 'three'

declare global {
  interface Window {
    __gl?: WebGLRenderer
    __setDpr?: (dpr: number) => void
  }
}

export function ExposeGl() {
  const gl = useThree((s) => s.gl)
  const setDpr = useThree((s) => s.setDpr)
  useLayoutEffect(() => {
    window.__gl = gl
    window.__setDpr = setDpr
  }, [gl, setDpr])
  return null
}
