// The staggered (MAC, Harlow & Welch 1965) grid of the 3-D airflow model: pressure, temperature
// and eddy viscosity at cell centres; each velocity component on the faces normal to it.
// Every face of the grid has one index in one array: x-faces first, then y-faces, then z-faces,
// so velocities, face kinds and prescribed values are flat typed arrays (no per-cell objects).
//   cell (i, j, k)    c = i + nx·(j + ny·k)                      0 ≤ i < nx
//   x-face (i, j, k)  i + (nx+1)·(j + ny·k)                      0 ≤ i ≤ nx, between cells i−1 and i
//   y-face (i, j, k)  nU + i + nx·(j + (ny+1)·k)                 0 ≤ j ≤ ny
//   z-face (i, j, k)  nU + nV + i + nx·(j + ny·k)                0 ≤ k ≤ nz
// x east, y north, z up; metres; cell sizes may differ per axis but are uniform along it.

export interface Grid3 {
  nx: number
  ny: number
  nz: number
  dx: number
  dy: number
  dz: number
  /** Site position of the grid's corner (x, y) and floor (z), metres. */
  originX: number
  originY: number
  originZ: number
  /** Cells. */
  n: number
  /** x-, y-, z-faces. */
  nU: number
  nV: number
  nW: number
  /** All faces: nU + nV + nW. */
  nFaces: number
}

export function makeGrid3(nx: number, ny: number, nz: number, dx: number, dy: number, dz: number, originX = 0, originY = 0, originZ = 0): Grid3 {
  for (const [name, v] of [['nx', nx], ['ny', ny], ['nz', nz]] as const) {
    if (!Number.isInteger(v) || v < 1) throw new Error(`grid.${name}: expected a positive integer, got ${v}`)
  }
  for (const [name, v] of [['dx', dx], ['dy', dy], ['dz', dz]] as const) {
    if (!(v > 0) || !Number.isFinite(v)) throw new Error(`grid.${name}: expected a positive cell size, got ${v}`)
  }
  const nU = (nx + 1) * ny * nz
  const nV = nx * (ny + 1) * nz
  const nW = nx * ny * (nz + 1)
  return { nx, ny, nz, dx, dy, dz, originX, originY, originZ, n: nx * ny * nz, nU, nV, nW, nFaces: nU + nV + nW }
}

export const cellIndex = (g: Grid3, i: number, j: number, k: number): number => i + g.nx * (j + g.ny * k)
export const uIndex = (g: Grid3, i: number, j: number, k: number): number => i + (g.nx + 1) * (j + g.ny * k)
export const vIndex = (g: Grid3, i: number, j: number, k: number): number => g.nU + i + g.nx * (j + (g.ny + 1) * k)
export const wIndex = (g: Grid3, i: number, j: number, k: number): number => g.nU + g.nV + i + g.nx * (j + g.ny * k)

/** Axis of a face index: 0 x, 1 y, 2 z. */
export function faceAxis(g: Grid3, f: number): 0 | 1 | 2 {
  return f < g.nU ? 0 : f < g.nU + g.nV ? 1 : 2
}

/** The two cells either side of a face (−1 outside the grid): [lower, upper] along its axis. */
export function faceCells(g: Grid3, f: number): [number, number] {
  const { nx, ny, nz } = g
  if (f < g.nU) {
    const i = f % (nx + 1)
    const r = (f - i) / (nx + 1)
    const j = r % ny
    const k = (r - j) / ny
    return [i > 0 ? cellIndex(g, i - 1, j, k) : -1, i < nx ? cellIndex(g, i, j, k) : -1]
  }
  if (f < g.nU + g.nV) {
    const q = f - g.nU
    const i = q % nx
    const r = (q - i) / nx
    const j = r % (ny + 1)
    const k = (r - j) / (ny + 1)
    return [j > 0 ? cellIndex(g, i, j - 1, k) : -1, j < ny ? cellIndex(g, i, j, k) : -1]
  }
  const q = f - g.nU - g.nV
  const i = q % nx
  const r = (q - i) / nx
  const j = r % ny
  const k = (r - j) / ny
  return [k > 0 ? cellIndex(g, i, j, k - 1) : -1, k < nz ? cellIndex(g, i, j, k) : -1]
}

/** Area of a face normal to an axis, m². */
export function faceArea(g: Grid3, axis: 0 | 1 | 2): number {
  return axis === 0 ? g.dy * g.dz : axis === 1 ? g.dx * g.dz : g.dx * g.dy
}

/** The cell holding a point (clamped into the grid). */
export function cellAt3(g: Grid3, x: number, y: number, z: number): number {
  const i = Math.min(g.nx - 1, Math.max(0, Math.floor((x - g.originX) / g.dx)))
  const j = Math.min(g.ny - 1, Math.max(0, Math.floor((y - g.originY) / g.dy)))
  const k = Math.min(g.nz - 1, Math.max(0, Math.floor((z - g.originZ) / g.dz)))
  return cellIndex(g, i, j, k)
}
