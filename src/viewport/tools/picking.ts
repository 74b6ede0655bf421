// From a pointer on the canvas to what it points at: the floor point (site metres) and the row or
// cooling placement under it (a ray against the instanced meshes, instance id → item id).
import { Plane, Raycaster, Vector2, Vector3, type Camera, type InstancedMesh, type Object3D } from 'three'
import type { Vec2 } from '../../model/sceneSchema'
import type { SceneLayout } from '../sceneLayout'

const FLOOR = new Plane(new Vector3(0, 1, 0), 0)
const raycaster = new Raycaster()
const ndc = new Vector2()
const hit = new Vector3()

export function toNdc(canvas: HTMLElement, clientX: number, clientY: number): Vector2 {
  const r = canvas.getBoundingClientRect()
  return ndc.set(((clientX - r.left) / r.width) * 2 - 1, -((clientY - r.top) / r.height) * 2 + 1)
}

/** Site point (x east, y north) where the ray through the pointer meets the floor. */
export function floorPoint(point: Vector2, camera: Camera): Vec2 | null {
  raycaster.setFromCamera(point, camera)
  const p = raycaster.ray.intersectPlane(FLOOR, hit)
  return p ? { x: p.x, y: -p.z } : null
}

/** Id of the row or cooling placement the pointer is on, nearest first. */
export function pickItem(point: Vector2, camera: Camera, root: Object3D, layout: SceneLayout): string | null {
  raycaster.setFromCamera(point, camera)
  const meshes = ['rack-bodies', 'cooling-units'].map((n) => root.getObjectByName(n)).filter((m): m is InstancedMesh => !!m && m.visible)
  const hits = raycaster.intersectObjects(meshes, false)
  for (const h of hits) {
    if (h.instanceId === undefined) continue
    if (h.object.name === 'rack-bodies') return layout.racks[h.instanceId]?.rowId ?? null
    if (h.object.name === 'cooling-units') return layout.cooling[h.instanceId]?.placementId ?? null
  }
  return null
}

/** Screen (client px) of a site point at a height. */
export function toScreen(canvas: HTMLElement, camera: Camera, x: number, y: number, z: number): { x: number; y: number } {
  const v = new Vector3(x, z, -y).project(camera)
  const r = canvas.getBoundingClientRect()
  return { x: r.left + ((v.x + 1) / 2) * r.width, y: r.top + ((1 - v.y) / 2) * r.height }
}

export const snapTo = (value: number, stepM: number): number => (stepM > 0 ? Math.round(value / stepM) * stepM : value)
