// Recognisable shapes for each kind of equipment, one merged geometry per kind: the parts (fan
// rings, pad ribs, transformer fins, dry-cooler fans, rack doors…) are drawn in metres for a
// typical unit of the kind, then brought into the unit box the instance matrices scale (x width,
// y height from −0.5, z depth with +z the front). Each part carries a grey level as a vertex
// colour that multiplies the instance colour: detail and shading without another draw call, so
// one instanced mesh per kind draws any number of units. Display only.
import { Box3, BoxGeometry, BufferGeometry, CylinderGeometry, Euler, Float32BufferAttribute, Matrix4, Quaternion, Vector3 } from 'three'
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js'
import type { CoolingUnitKind } from '../model/catalogSchema'
import type { PowerNodeKind } from '../model/sceneSchema'

export type SilhouetteKind = 'rack-asic' | 'rack-gpu' | CoolingUnitKind | PowerNodeKind

interface Size {
  w: number
  h: number
  d: number
}

type Axis = 'x' | 'y' | 'z'

/** Parts of a shape in metres: x across the front (centred), y up from the floor, z out of the front (centred). */
class Shape {
  readonly parts: BufferGeometry[] = []
  constructor(readonly size: Size) {}

  box(x: number, y: number, z: number, w: number, h: number, d: number, shade: number, rotYDeg = 0): this {
    return this.add(new BoxGeometry(1, 1, 1), [x, y + h / 2, z], [w, h, d], new Euler(0, (rotYDeg * Math.PI) / 180, 0), shade)
  }

  /** A flat bar centred on (x, y, z) in the front plane, turned by `rotZDeg` about the z axis (fan blades). */
  blade(x: number, y: number, z: number, length: number, width: number, d: number, rotZDeg: number, shade: number): this {
    return this.add(new BoxGeometry(1, 1, 1), [x, y, z], [length, width, d], new Euler(0, 0, (rotZDeg * Math.PI) / 180), shade)
  }

  /** A cylinder (a disc when short) centred on (x, y, z), its axis along `axis`. */
  cylinder(x: number, y: number, z: number, r: number, length: number, axis: Axis, shade: number, segments = 18): this {
    const rot = axis === 'y' ? new Euler() : axis === 'z' ? new Euler(Math.PI / 2, 0, 0) : new Euler(0, 0, Math.PI / 2)
    return this.add(new CylinderGeometry(1, 1, 1, segments), [x, y, z], [r, length, r], rot, shade)
  }

  private add(g: BufferGeometry, at: [number, number, number], scale: [number, number, number], rot: Euler, shade: number): this {
    const m = new Matrix4().compose(new Vector3(...at), new Quaternion().setFromEuler(rot), new Vector3(...scale))
    g.applyMatrix4(m)
    const n = g.getAttribute('position').count
    g.setAttribute('color', new Float32BufferAttribute(new Array<number>(n * 3).fill(shade), 3))
    this.parts.push(g)
    return this
  }

  /** The merged geometry in the unit box. */
  build(): BufferGeometry {
    const merged = mergeGeometries(this.parts, false)
    if (!merged) throw new Error('silhouette parts do not merge')
    // The coarse stand-in drawn while the camera moves (coarseSilhouette): the shape's bounding
    // box in the shade of its largest part.
    let shade = 1
    let largest = -1
    for (const p of this.parts) {
      p.computeBoundingBox()
      const size = p.boundingBox!.getSize(new Vector3())
      const volume = size.x * size.y * size.z
      if (volume > largest) {
        largest = volume
        shade = p.getAttribute('color').getX(0)
      }
      p.dispose()
    }
    this.shade = shade
    const { w, h, d } = this.size
    merged.applyMatrix4(new Matrix4().makeTranslation(0, -0.5, 0).multiply(new Matrix4().makeScale(1 / w, 1 / h, 1 / d)))
    merged.computeBoundingBox()
    merged.computeBoundingSphere()
    return merged
  }

  /** Shade of the largest part, known once built. */
  shade = 1
}

/** A cabinet line-up: body on a dark plinth, door seams on the front. */
function cabinet(s: Shape, doors: number, shade = 1): Shape {
  const { w, h, d } = s.size
  s.box(0, 0, 0, w, 0.1, d * 0.96, 0.35).box(0, 0.1, 0, w, h - 0.1, d, shade)
  for (let i = 1; i < doors; i++) s.box(-w / 2 + (w * i) / doors, 0.15, d / 2, 0.025, h - 0.3, 0.02, 0.45)
  return s
}

const BUILDERS: Record<SilhouetteKind, () => Shape> = {
  // Open mining shelf: four posts, shelves of miners with their dark fan faces to the front.
  'rack-asic': () => {
    const s = new Shape({ w: 1.5, h: 2.0, d: 0.9 })
    for (const x of [-0.72, 0.72]) s.box(x, 0, 0, 0.06, 2.0, 0.9, 0.42) // side frames
    for (let k = 0; k < 4; k++) {
      const y = 0.1 + k * 0.47
      s.box(0, y, 0, 1.38, 0.38, 0.8, 1) // a shelf of miners
      s.box(0, y + 0.05, 0.405, 1.3, 0.28, 0.02, 0.4) // their fan faces
    }
    return s
  },
  // Server rack: body, a darker perforated front door with a handle, a rear door, a top cap.
  'rack-gpu': () => {
    const s = new Shape({ w: 0.6, h: 2.2, d: 1.2 })
    s.box(0, 0, 0, 0.6, 2.2, 1.2, 1)
    s.box(0, 0.08, 0.605, 0.54, 2.02, 0.02, 0.5)
    s.box(0.22, 0.95, 0.62, 0.025, 0.3, 0.02, 1.4)
    s.box(0, 0.08, -0.605, 0.54, 2.02, 0.02, 0.6)
    s.box(0, 2.2, 0, 0.56, 0.03, 1.1, 0.75)
    return s
  },
  // Wall fan: housing, dark throat ring, hub and two blades (kept lean: a fan wall has hundreds).
  'exhaust-fan': () => {
    const s = new Shape({ w: 1.38, h: 1.38, d: 0.45 })
    s.box(0, 0, -0.02, 1.38, 1.38, 0.41, 0.85)
    s.cylinder(0, 0.69, 0.19, 0.6, 0.02, 'z', 0.22, 12)
    s.cylinder(0, 0.69, 0.21, 0.1, 0.04, 'z', 1.1, 6)
    for (const deg of [20, 110]) s.blade(0, 0.69, 0.205, 1.05, 0.09, 0.015, deg, 0.75)
    return s
  },
  // Evaporative pad: a wet-media panel of vertical flutes in a frame, a trough at the foot.
  'evap-pad': () => {
    const s = new Shape({ w: 2.0, h: 2.0, d: 0.15 })
    s.box(0, 0, -0.02, 2.0, 2.0, 0.1, 0.6)
    for (let i = 0; i < 6; i++) s.box(-0.83 + i * 0.333, 0.12, 0.04, 0.2, 1.76, 0.06, 1.1)
    s.box(0, 0, 0.02, 2.0, 0.12, 0.12, 0.45)
    return s
  },
  // Computer-room air handler: cabinet with a grille on top.
  crah: () => {
    const s = cabinet(new Shape({ w: 2.55, h: 1.97, d: 0.9 }), 3)
    s.box(0, 1.97, 0, 2.3, 0.05, 0.7, 0.4)
    return s
  },
  // Coolant distribution unit: cabinet with two doors and the loop pipes on top.
  cdu: () => {
    const s = cabinet(new Shape({ w: 1.2, h: 2.3, d: 1.2 }), 2)
    s.box(-0.3, 0.9, 0.61, 0.3, 0.2, 0.02, 1.35) // display
    s.cylinder(-0.25, 2.45, 0, 0.09, 0.3, 'y', 0.8, 12).cylinder(0.25, 2.45, 0, 0.09, 0.3, 'y', 0.8, 12)
    return s
  },
  // Dry cooler: a long V-coil block on legs, a row of big fans on top.
  'dry-cooler': () => {
    const s = new Shape({ w: 12, h: 2.6, d: 2.4 })
    for (const x of [-5.8, -2, 2, 5.8]) for (const z of [-1.1, 1.1]) s.box(x, 0, z, 0.15, 0.9, 0.15, 0.45)
    s.box(0, 0.9, 0, 12, 1.4, 2.4, 1)
    s.box(0, 1.05, 1.21, 11.6, 1.1, 0.02, 0.7).box(0, 1.05, -1.21, 11.6, 1.1, 0.02, 0.7) // coil faces
    for (let i = 0; i < 5; i++) {
      const x = -4.8 + i * 2.4
      s.cylinder(x, 2.42, 0, 1.05, 0.36, 'y', 0.85, 24) // fan shroud
      s.cylinder(x, 2.61, 0, 0.95, 0.02, 'y', 0.25, 24) // dark opening
      s.cylinder(x, 2.63, 0, 0.16, 0.03, 'y', 1.2, 12) // hub
    }
    return s
  },
  // Air-cooled chiller: long box, compressor bay, fans on top.
  chiller: () => {
    const s = new Shape({ w: 10, h: 2.5, d: 2.3 })
    s.box(0, 0, 0, 10, 2.3, 2.3, 1).box(-3.5, 0.1, 1.16, 2.6, 1.6, 0.02, 0.55)
    for (let i = 0; i < 4; i++) s.cylinder(-3 + i * 2.2, 2.4, 0, 0.9, 0.2, 'y', 0.3, 20)
    return s
  },
  // Immersion tank: a tub with a lid and a rim.
  'immersion-tank': () => {
    const s = new Shape({ w: 2.6, h: 1.3, d: 1.2 })
    s.box(0, 0, 0, 2.6, 1.15, 1.2, 1).box(0, 1.15, 0, 2.66, 0.05, 1.26, 0.6).box(0, 1.2, -0.1, 2.5, 0.1, 0.95, 0.8)
    return s
  },
  grid: () => {
    // Substation bay: a plinth with a gantry of posts and a cross beam.
    const s = new Shape({ w: 12, h: 4, d: 8 })
    s.box(0, 0, 0, 12, 0.3, 8, 0.5)
    for (const x of [-5, 5]) s.box(x, 0.3, 0, 0.3, 3.7, 0.3, 0.9)
    s.box(0, 3.6, 0, 10.3, 0.3, 0.3, 0.9)
    for (const x of [-2.5, 0, 2.5]) s.box(x, 0.3, 1.5, 0.6, 2.2, 0.6, 1)
    return s
  },
  // Oil transformer: tank, radiator fins on both long faces, bushings and a conservator on top.
  transformer: () => {
    const s = new Shape({ w: 2.3, h: 2.4, d: 1.45 })
    s.box(0, 0, 0, 2.3, 0.12, 1.0, 0.4)
    s.box(0, 0.12, 0, 1.5, 1.78, 0.8, 1)
    for (let i = 0; i < 8; i++) {
      const x = -0.7 + i * 0.2
      s.box(x, 0.25, 0.55, 0.04, 1.45, 0.3, 0.78).box(x, 0.25, -0.55, 0.04, 1.45, 0.3, 0.78)
    }
    for (const x of [-0.45, 0, 0.45]) s.cylinder(x, 2.08, 0.15, 0.07, 0.36, 'y', 1.35, 10)
    s.cylinder(0, 2.2, -0.3, 0.2, 1.3, 'x', 0.85, 14)
    return s
  },
  switchgear: () => cabinet(new Shape({ w: 4.8, h: 2.2, d: 1.2 }), 6),
  feeder: () => cabinet(new Shape({ w: 0.8, h: 2.1, d: 0.6 }), 1),
  board: () => {
    const s = cabinet(new Shape({ w: 2.4, h: 2.1, d: 0.8 }), 3)
    for (const x of [-0.8, 0, 0.8]) s.box(x, 1.4, 0.41, 0.4, 0.3, 0.02, 0.55) // meters and breakers
    return s
  },
  busway: () => new Shape({ w: 1, h: 1, d: 1 }).box(0, 0, 0, 1, 1, 1, 1),
  pdu: () => cabinet(new Shape({ w: 0.6, h: 1.2, d: 0.3 }), 1),
  // UPS: cabinet line-up with a bright display on the first door and battery cabinets after it.
  ups: () => {
    const s = cabinet(new Shape({ w: 3.0, h: 2.0, d: 1.0 }), 5)
    s.box(-1.2, 1.35, 0.51, 0.35, 0.22, 0.02, 1.5)
    for (let i = 2; i < 5; i++) s.box(-1.5 + 0.3 + i * 0.6, 0.3, 0.51, 0.4, 1.2, 0.02, 0.7)
    return s
  },
  // Containerised diesel set: container, radiator grille at one end, exhaust stack and silencer.
  generator: () => {
    const s = new Shape({ w: 6, h: 2.8, d: 2.4 })
    s.box(0, 0, 0, 6, 2.6, 2.4, 1)
    s.box(2.99, 0.2, 0, 0.04, 2.2, 2.0, 0.35) // radiator end
    for (let i = 0; i < 5; i++) s.box(-2.4 + i * 0.9, 0.2, 1.21, 0.03, 2.2, 0.02, 0.6) // container ribs
    s.cylinder(-1.5, 2.7, 0, 0.28, 0.2, 'y', 0.6, 12).cylinder(-2.4, 2.75, 0, 0.12, 0.5, 'y', 0.45, 10)
    return s
  },
}

const cache = new Map<SilhouetteKind, { detailed: BufferGeometry; coarse: BufferGeometry }>()

function built(kind: SilhouetteKind): { detailed: BufferGeometry; coarse: BufferGeometry } {
  let entry = cache.get(kind)
  if (!entry) {
    const shape = BUILDERS[kind]()
    const detailed = shape.build()
    entry = { detailed, coarse: boxIn(detailed.boundingBox!, shape.shade) }
    cache.set(kind, entry)
  }
  return entry
}

/** A box filling `bounds`, one grey level. */
function boxIn(bounds: Box3, shade: number): BufferGeometry {
  const size = bounds.getSize(new Vector3())
  const centre = bounds.getCenter(new Vector3())
  const g = new BoxGeometry(size.x, size.y, size.z)
  g.translate(centre.x, centre.y, centre.z)
  g.setAttribute('color', new Float32BufferAttribute(new Array<number>(g.getAttribute('position').count * 3).fill(shade), 3))
  g.computeBoundingBox()
  g.computeBoundingSphere()
  return g
}

/** The merged geometry of a kind, built once and shared by every mesh that draws the kind. */
export function silhouette(kind: SilhouetteKind): BufferGeometry {
  return built(kind).detailed
}

/** The kind's stand-in while the camera moves: its bounding box (12 triangles) in the shade of its
 *  largest part. Software WebGL pays for every triangle, and a moving view needs the form, not the
 *  fan blades; the detailed silhouette comes back when the camera stops. */
export function coarseSilhouette(kind: SilhouetteKind): BufferGeometry {
  return built(kind).coarse
}
