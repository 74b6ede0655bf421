// The default camera sees the whole site: every corner of the bounds projects inside the view,
// and the picture fills it (no corner-to-corner space wasted beyond the margin).
import { describe, expect, it } from 'vitest'
import { PerspectiveCamera, Vector3 } from 'three'
import { DEFAULT_VIEW_DIRECTION, boundsOfBoxes, fitPose } from '../../../src/viewport/cameraFit'
import type { SiteBounds } from '../../../src/viewport/sceneLayout'

function ndcOfCorners(b: SiteBounds, fovDeg: number, aspect: number, margin: number) {
  const pose = fitPose(b, DEFAULT_VIEW_DIRECTION, fovDeg, aspect, margin)
  const cam = new PerspectiveCamera(fovDeg, aspect, 0.1, 1e5)
  cam.position.set(...pose.position)
  cam.lookAt(...pose.target)
  cam.updateMatrixWorld()
  const out: Vector3[] = []
  for (const x of [b.minX, b.maxX]) for (const y of [b.minY, b.maxY]) for (const z of [0, b.maxZ]) out.push(new Vector3(x, z, -y).project(cam))
  return out
}

describe('fitPose', () => {
  // The GB200 variant of the example: the 72 × 48 m hall with transformers west of it and dry
  // coolers 30 m east of it (a site about 150 × 60 m).
  const site: SiteBounds = { minX: -40, maxX: 110, minY: -5, maxY: 55, maxZ: 8 }
  it.each([
    [1.28, 40],
    [0.6, 40],
    [2.2, 30],
  ])('at aspect %s, fov %s° every corner is inside and the picture fills the view', (aspect, fov) => {
    const ndc = ndcOfCorners(site, fov, aspect, 1.1)
    for (const p of ndc) {
      expect(Math.abs(p.x)).toBeLessThanOrEqual(1)
      expect(Math.abs(p.y)).toBeLessThanOrEqual(1)
      expect(p.z).toBeLessThan(1) // in front of the camera
    }
    const spanX = Math.max(...ndc.map((p) => p.x)) - Math.min(...ndc.map((p) => p.x))
    const spanY = Math.max(...ndc.map((p) => p.y)) - Math.min(...ndc.map((p) => p.y))
    // One of the spans is the full view less the margin: 2 / 1.1 = 1.82 (within 2 %).
    expect(Math.max(spanX, spanY)).toBeGreaterThan(1.78)
    // Centred: the picture's middle is the view's middle.
    expect(Math.abs(Math.max(...ndc.map((p) => p.x)) + Math.min(...ndc.map((p) => p.x)))).toBeLessThan(0.05)
  })

  it('bounds of a turned box take its turned extent', () => {
    // A 10 × 2 m box turned 90° spans 2 m in x and 10 m in y.
    const b = boundsOfBoxes([{ cx: 0, cy: 0, widthM: 10, depthM: 2, heightM: 3, rotationRad: Math.PI / 2, elevationM: 0 }])!
    expect(b.maxX - b.minX).toBeCloseTo(2, 9)
    expect(b.maxY - b.minY).toBeCloseTo(10, 9)
    expect(b.maxZ).toBe(3)
  })
})
