// Site box → three.js instance matrix. Site (x, y, z) maps to three (x, z, −y); a rotation θ about
// site z is the same θ about three's y. Local +z of the box is its front (site −y at θ = 0).
import { Euler, Matrix4, Quaternion, Vector3 } from 'three'
import type { Box } from '../model/layout'

const position = new Vector3()
const quaternion = new Quaternion()
const scale = new Vector3()
const euler = new Euler()
const offset = new Vector3()

export interface BoxMatrixOptions {
  /** Extra lift of the box's bottom above its own elevation, metres. */
  baseM?: number
  /** Shift along the box's own front normal, metres (for front panels). */
  frontOffsetM?: number
  /** Size override as fractions of the box, and an absolute depth. */
  widthScale?: number
  heightScale?: number
  depthM?: number
}

export function boxMatrix(box: Box, out: Matrix4, options: BoxMatrixOptions = {}): Matrix4 {
  const height = box.heightM * (options.heightScale ?? 1)
  euler.set(0, box.rotationRad, 0)
  quaternion.setFromEuler(euler)
  offset.set(0, 0, options.frontOffsetM ?? 0).applyQuaternion(quaternion)
  position.set(box.cx + offset.x, box.elevationM + (options.baseM ?? 0) + height / 2, -box.cy + offset.z)
  scale.set(box.widthM * (options.widthScale ?? 1), height, options.depthM ?? box.depthM)
  return out.compose(position, quaternion, scale)
}
