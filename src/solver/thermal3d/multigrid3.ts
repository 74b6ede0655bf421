// A multigrid V-cycle for the projection's 7-point Poisson matrix (pressure.ts), used as the
// preconditioner of its conjugate gradients — the same construction as the 2-D field's
// (src/solver/thermal/multigrid.ts; Trottenberg, Oosterlee & Schüller, Multigrid, 2001, §2.8 and
// §7.8), in 3-D: each coarser level merges 2 × 2 × 2 cells (an axis already one cell thick
// stops halving), the correction is copied to the children, residuals are summed, and the coarse
// operator is ½·PᵀAP — PᵀAP adds the four fine faces between two blocks but ignores that block
// centres are twice as far apart; ½ makes it the re-discretised operator (face area 4h², distance
// 2h), symmetric positive (semi)definite. Smoothing: one forward Gauss–Seidel sweep down, one
// backward up, so the cycle is symmetric as CG needs. Coarsest level: symmetric Gauss–Seidel.
// The levels' arrays live in the memory of the 3-D kernels (kernels3.ts), which do the sweeps and
// the residual.
import { SWEEP_ROWS, type Kernels3, type Memory3 } from './kernels3'

const COARSEST_CELLS = 64
const COARSEST_SWEEPS = 40

export interface Level3 {
  nx: number
  ny: number
  nz: number
  diag: Float64Array
  ax: Float64Array
  ay: Float64Array
  az: Float64Array
  fx: number
  fy: number
  fz: number
  b: Float64Array
  x: Float64Array
  r: Float64Array
  kernels: Kernels3
  /** The sweep kernels' scratch (SWEEP_ROWS rows of the finest level), shared by the levels. */
  save: Float64Array
}

/** Each level's cells, the finest first: an axis more than one cell long halves (rounded up) until
 *  a level has at most COARSEST_CELLS cells or no axis can halve. */
export function levelSizes(nx: number, ny: number, nz: number): [number, number, number][] {
  const sizes: [number, number, number][] = [[nx, ny, nz]]
  for (;;) {
    const [x, y, z] = sizes[sizes.length - 1]!
    if (x * y * z <= COARSEST_CELLS || (x === 1 && y === 1 && z === 1)) break
    sizes.push([x > 1 ? Math.ceil(x / 2) : 1, y > 1 ? Math.ceil(y / 2) : 1, z > 1 ? Math.ceil(z / 2) : 1])
  }
  return sizes
}

/** Doubles the levels of an nx × ny × nz system take in the kernels' memory, beyond the finest
 *  level's diag, ax, ay, az (the system's own). */
export function multigridDoubles(nx: number, ny: number, nz: number): number {
  return levelSizes(nx, ny, nz).reduce((sum, [x, y, z], l) => sum + (l === 0 ? 3 : 7) * x * y * z, SWEEP_ROWS * nx)
}

function level(mem: Memory3, save: Float64Array, nx: number, ny: number, nz: number, diag: Float64Array, ax: Float64Array, ay: Float64Array, az: Float64Array): Level3 {
  const n = nx * ny * nz
  return { nx, ny, nz, diag, ax, ay, az, fx: nx > 1 ? 2 : 1, fy: ny > 1 ? 2 : 1, fz: nz > 1 ? 2 : 1, b: mem.f64(n), x: mem.f64(n), r: mem.f64(n), kernels: mem.kernels, save }
}

function coarsen(mem: Memory3, f: Level3, nx: number, ny: number, nz: number): Level3 {
  const n = nx * ny * nz
  const diag = mem.f64(n)
  const ax = mem.f64(n)
  const ay = mem.f64(n)
  const az = mem.f64(n)
  for (let k = 0; k < f.nz; k++) {
    const K = Math.floor(k / f.fz)
    for (let j = 0; j < f.ny; j++) {
      const J = Math.floor(j / f.fy)
      for (let i = 0; i < f.nx; i++) {
        const I = Math.floor(i / f.fx)
        const c = i + f.nx * (j + f.ny * k)
        const C = I + nx * (J + ny * K)
        diag[C] = diag[C]! + 0.5 * f.diag[c]!
        // A link to +x inside the block counts twice (both directions) in PᵀAP; across, once.
        if (i + 1 < f.nx) {
          if (Math.floor((i + 1) / f.fx) === I) diag[C] = diag[C]! + f.ax[c]!
          else ax[C] = ax[C]! + 0.5 * f.ax[c]!
        }
        if (j + 1 < f.ny) {
          if (Math.floor((j + 1) / f.fy) === J) diag[C] = diag[C]! + f.ay[c]!
          else ay[C] = ay[C]! + 0.5 * f.ay[c]!
        }
        if (k + 1 < f.nz) {
          if (Math.floor((k + 1) / f.fz) === K) diag[C] = diag[C]! + f.az[c]!
          else az[C] = az[C]! + 0.5 * f.az[c]!
        }
      }
    }
  }
  return level(mem, f.save, nx, ny, nz, diag, ax, ay, az)
}

/** The levels, in `mem` (room for multigridDoubles(nx, ny, nz) more doubles). */
export function buildMultigrid3(mem: Memory3, nx: number, ny: number, nz: number, diag: Float64Array, ax: Float64Array, ay: Float64Array, az: Float64Array): Level3[] {
  const sizes = levelSizes(nx, ny, nz)
  const levels = [level(mem, mem.f64(SWEEP_ROWS * nx), nx, ny, nz, diag, ax, ay, az)]
  for (let l = 1; l < sizes.length; l++) {
    const [x, y, z] = sizes[l]!
    levels.push(coarsen(mem, levels[l - 1]!, x, y, z))
  }
  return levels
}

/** One Gauss–Seidel sweep of A·x = b on a level, forward (cell 0 first) or backward: the kernel
 *  sweepForward / sweepBackward (kernels3.wat; cells with diag ≤ 0 stay as they are; rows swept
 *  as a wavefront, the same bits as cell by cell). */
function sweep(L: Level3, forward: boolean): void {
  const n = L.x.length
  if (forward) L.kernels.sweepForward(n, L.nx, L.nx * L.ny, L.diag.byteOffset, L.ax.byteOffset, L.ay.byteOffset, L.az.byteOffset, L.b.byteOffset, L.x.byteOffset, L.save.byteOffset)
  else L.kernels.sweepBackward(n, L.nx, L.nx * L.ny, L.diag.byteOffset, L.ax.byteOffset, L.ay.byteOffset, L.az.byteOffset, L.b.byteOffset, L.x.byteOffset, L.save.byteOffset)
}

/** r = b − A·x on a level (0 where diag ≤ 0): the kernel residual (kernels3.wat). */
function residual(L: Level3): void {
  L.kernels.residual(L.x.length, L.nx, L.nx * L.ny, L.diag.byteOffset, L.ax.byteOffset, L.ay.byteOffset, L.az.byteOffset, L.b.byteOffset, L.x.byteOffset, L.r.byteOffset)
}

/** z = V-cycle(r): one symmetric V-cycle from zero. */
export function vcycle3(levels: Level3[], rIn: Float64Array, zOut: Float64Array): void {
  levels[0]!.b.set(rIn)
  for (let l = 0; l < levels.length; l++) {
    const L = levels[l]!
    L.x.fill(0)
    if (l === levels.length - 1) {
      for (let s = 0; s < COARSEST_SWEEPS; s++) {
        sweep(L, true)
        sweep(L, false)
      }
      break
    }
    sweep(L, true)
    residual(L)
    const C = levels[l + 1]!
    C.b.fill(0)
    // The kernel restrict (kernels3.wat): C.b[C] += r[c] over the cells c of each coarse cell C.
    L.kernels.restrict(L.nx, L.ny, L.nz, L.fx - 1, L.fy, L.fz, C.nx, C.ny, L.r.byteOffset, C.b.byteOffset)
  }
  for (let l = levels.length - 2; l >= 0; l--) {
    const L = levels[l]!
    const C = levels[l + 1]!
    // The kernel prolong (kernels3.wat): x[c] += C.x[C] where diag[c] > 0.
    L.kernels.prolong(L.nx, L.ny, L.nz, L.fx - 1, L.fy, L.fz, C.nx, C.ny, L.diag.byteOffset, C.x.byteOffset, L.x.byteOffset)
    sweep(L, false)
  }
  zOut.set(levels[0]!.x)
}
