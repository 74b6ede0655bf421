// Hands the canvas to the export buttons outside it: a PNG of the view at a chosen size, and the
// site as a binary glTF. CaptureBridge.tsx registers the renderer's state getter here.
import type { RootState } from '@react-three/fiber'
import { PerspectiveCamera, Vector2, type Object3D } from 'three'

let getState: (() => RootState) | null = null

export function registerCanvas(get: (() => RootState) | null): void {
  getState = get
}

export function canvasReady(): boolean {
  return getState !== null
}

/** Resolves after n rendered frames (the canvas renders continuously while shown). */
export function afterFrames(n: number): Promise<void> {
  return new Promise((resolve) => {
    let left = n
    const tick = () => (--left <= 0 ? resolve() : requestAnimationFrame(tick))
    requestAnimationFrame(tick)
  })
}

/** Renders the current view at width × height pixels and returns it as a PNG data URL; the canvas
 *  gets its size back right after (toDataURL runs before the buffer is presented, so no
 *  preserveDrawingBuffer is needed) and its picture with the next frame (the canvas draws on
 *  demand: a render here would be a second full frame per capture). */
export function capturePng(width: number, height: number, mime: 'image/png' | 'image/jpeg' = 'image/png'): string {
  const session = captureSession(width, height)
  try {
    return session.capture(mime)
  } finally {
    session.end()
  }
}

export interface CaptureSession {
  /** The view as it is now, at the session's size, as a data URL. */
  capture(mime?: 'image/png' | 'image/jpeg'): string
  /** Gives the canvas its size and camera back (once; later calls do nothing). */
  end(): void
}

/** The drawing buffer at width × height for several captures in a row, resized once and given its
 *  size back at end(): the report's snapshot of every variant. Each resize waits for the GPU to
 *  finish and reallocates the buffer; with software WebGL, resizing there and back for each of the
 *  default scene's five snapshots took about as long as rendering them. Frames in between must be
 *  held (FrameScheduler holdFrames): a frame drawn on screen would be drawn at this size. */
export function captureSession(width: number, height: number): CaptureSession {
  if (!getState) throw new Error('the 3D view is not ready')
  const { gl } = getState()
  const size = gl.getSize(new Vector2())
  const ratio = gl.getPixelRatio()
  /** Each camera a capture drew with, and its aspect before: all are given it back at end(). */
  const aspects = new Map<PerspectiveCamera, number>()
  gl.setPixelRatio(1)
  gl.setSize(width, height, false)
  let ended = false
  return {
    capture(mime = 'image/png') {
      if (ended || !getState) throw new Error('the capture has ended')
      const { scene, camera } = getState()
      if (camera instanceof PerspectiveCamera) {
        if (!aspects.has(camera)) aspects.set(camera, camera.aspect)
        camera.aspect = width / height
        camera.updateProjectionMatrix()
      }
      gl.shadowMap.needsUpdate = true
      gl.render(scene, camera)
      return gl.domElement.toDataURL(mime, 0.9)
    },
    end() {
      if (ended) return
      ended = true
      gl.setPixelRatio(ratio)
      gl.setSize(size.x, size.y, false)
      for (const [camera, aspect] of aspects) {
        camera.aspect = aspect
        camera.updateProjectionMatrix()
      }
      getState?.().invalidate()
    },
  }
}

/** The site as binary glTF (instanced racks as EXT_mesh_gpu_instancing), for other viewers. */
export async function exportGlb(): Promise<ArrayBuffer> {
  if (!getState) throw new Error('the 3D view is not ready')
  const { scene } = getState()
  const { GLTFExporter } = await import('three/examples/jsm/exporters/GLTFExporter.js')
  const site = scene.getObjectByName('site-export') ?? scene
  const keep = (o: Object3D) => o.name !== 'site-context-grid'
  const hidden: Object3D[] = []
  site.traverse((o) => {
    if (!keep(o) && o.visible) {
      o.visible = false
      hidden.push(o)
    }
  })
  try {
    const result = await new GLTFExporter().parseAsync(site, { binary: true, onlyVisible: true })
    if (!(result instanceof ArrayBuffer)) throw new Error('GLTFExporter did not return a binary')
    return result
  } finally {
    for (const o of hidden) o.visible = true
  }
}

/** Where the camera stands and looks now (three.js world coordinates). */
export function currentViewPose(): { position: [number, number, number]; target: [number, number, number] } | null {
  if (!getState) return null
  const { camera, controls } = getState()
  const t = (controls as unknown as { target?: { x: number; y: number; z: number } } | null)?.target ?? { x: 0, y: 0, z: 0 }
  return { position: [camera.position.x, camera.position.y, camera.position.z], target: [t.x, t.y, t.z] }
}
