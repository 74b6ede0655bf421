// From a pointer on the canvas to what it points at: the floor point (site metres) and the row,
// cooling placement or power node under it (a ray against the instanced meshes that carry the id
// of each instance in userData.pickIds, see InstancedBoxes).
import { InstancedMesh, Plane, Raycaster, Vector2, Vector3, type Camera, type Object3D } from 'three'
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

/** Id of the row, cooling placement or placed power node the pointer is on, nearest first. */
export function pickItem(point: Vector2, camera: Camera, root: Object3D, _layout?: SceneLayout): string | null {
  raycaster.setFromCamera(point, camera)
  const meshes: Object3D[] = []
  root.traverseVisible((o) => {
    // A grip (the 3-D airflow slice handle) in front of an item takes the press itself.
    if ((o instanceof InstancedMesh && Array.isArray(o.userData.pickIds)) || o.userData.grip === true) meshes.push(o)
  })
  for (const h of raycaster.intersectObjects(meshes, false)) {
    if (h.object.userData.grip === true) return null
    if (h.instanceId === undefined) continue
    const id = (h.object.userData.pickIds as readonly string[])[h.instanceId]
    if (id) return id
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
