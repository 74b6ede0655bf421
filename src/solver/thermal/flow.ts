// Mass-conserving plan airflow of a hall from a potential: face flow F = g·(φ_P − φ_N), and in
// every cell the flow out equals the air created there (fans, racks, handlers, intakes):
//   Σ_faces g·(φ_P − φ_nb) + G_intake·φ_P = s_P        (finite-volume Poisson equation)
// Intake openings are Dirichlet faces (φ = 0 outside), walls carry no flow. The matrix is
// symmetric positive definite and is solved with conjugate gradients preconditioned by one
// multigrid V-cycle (multigrid.ts): 8–9 iterations on the example hall on both the 0.6 m and the
// 0.3 m grid, where incomplete Cholesky took 55 and 103. Works on the padded grid (padded.ts);
// the solve's arrays live in the WebAssembly kernels' memory and its loops are those kernels
// (kernels.ts); the face flows are copied out before it returns.
import type { ThermalGrid } from './grid'
import { Arena, f64Bytes } from './kernels'
import { multigrid, multigridBytes, precondition, type Stencil } from './multigrid'
import { padded, padIn, padInBytes, padOut } from './padded'
/** Stop when no cell is out of balance by more than this share of the largest cell source. */
const RELATIVE_TOLERANCE = 1e-5
/** Absolute floor of the tolerance, m³/s, for a hall with (almost) nothing moving air. */
const ABSOLUTE_TOLERANCE_M3S = 1e-9

export interface FlowField {
  /** Flow through the east / north face of each cell, m³/s (negative: westward / southward). */
  east: Float64Array
  north: Float64Array
  /** Flow into each cell from outside through an intake (negative: out through it), m³/s. */
  intake: Float64Array
  /** The positive intake flows summed in cell order: the outside air coming in, m³/s. */
  inflowM3s: number
  iterations: number
  converged: boolean
}

/** Face conductances (open air 1, scaled by the cell aspect ratio; harmonic mean across cells:
 *  2·a·b/(a + b), 0 unless a + b > 0; kernel `faces`) and the diagonal (the Dirichlet conductance
 *  plus the four faces; kernel `addDiagonal`), all padded, in the arena. */
function operator(arena: Arena, g: ThermalGrid, cellG: Float64Array, dirichlet: Float64Array): { A: Stencil; dirichletCells: Float64Array } {
  const { nx, ny } = g
  const { w, size } = padded(g)
  const k = arena.kernels
  const gE = arena.f64(size)
  const gN = arena.f64(size)
  const dirichletCells = arena.copyF64(dirichlet)
  const d = arena.f64(size)
  k.pad(nx, ny, w, dirichletCells.byteOffset, d.byteOffset)
  const cells = arena.copyF64(cellG)
  k.faces(nx, ny, w, cells.byteOffset, gE.byteOffset, gN.byteOffset, g.hy / g.hx, g.hx / g.hy)
  k.addDiagonal(nx, ny, w, gE.byteOffset, gN.byteOffset, d.byteOffset)
  return { A: { nx, ny, w, gE, gN, d }, dirichletCells }
}

/**
 * Solves for the potential and returns the face flows. `source`: air created in each cell, m³/s
 * (negative: removed); `dirichlet`: conductance of each cell to the outside (φ = 0). At least one
 * cell must have dirichlet > 0 (the caller pins a cell of a closed hall).
 */
export function solveFlow(g: ThermalGrid, cellG: Float64Array, dirichlet: Float64Array, source: Float64Array, maxIterations: number): FlowField {
  const { size } = padded(g)
  // The cell conductances, the operator (gE, gN, d with its hall-indexed copy), the hierarchy,
  // phi, r (with its copy), z, s, t, the padded face flows, and the face flows and intakes copied
  // out.
  const arena = new Arena(f64Bytes(g.n) + 2 * padInBytes(g) + 8 * f64Bytes(size) + multigridBytes(g.nx, g.ny) + 3 * f64Bytes(g.n))
  try {
    const k = arena.kernels
    const { A, dirichletCells } = operator(arena, g, cellG, dirichlet)
    const mg = multigrid(A, arena)
    const phi = arena.f64(size)
    const r = padIn(arena, g, source)
    const z = arena.f64(size)
    const s = arena.f64(size)
    const t = arena.f64(size)
    // The largest |r| (kernel `maxAbs`).
    const largest = k.maxAbs(size, r.byteOffset)
    const tolerance = Math.max(ABSOLUTE_TOLERANCE_M3S, RELATIVE_TOLERANCE * largest)
    let iterations = 0
    let converged = largest <= tolerance
    if (!converged) {
      let sigma = precondition(mg, r, z)
      s.set(z)
      while (iterations < maxIterations) {
        iterations++
        // t = A·s and s·t (y = d·x − Σ g·x_nb over the hall's cells).
        const st = k.multiplyDot(A.nx, A.ny, A.w, A.gE.byteOffset, A.gN.byteOffset, A.d.byteOffset, s.byteOffset, t.byteOffset)
        if (!(st > 0)) break
        const alpha = sigma / st
        // phi += alpha·s, r −= alpha·t; the largest |r|.
        const residual = k.cgStep(size, phi.byteOffset, s.byteOffset, r.byteOffset, t.byteOffset, alpha)
        if (residual <= tolerance) {
          converged = true
          break
        }
        const sigmaNew = precondition(mg, r, z)
        const beta = sigmaNew / sigma
        sigma = sigmaNew
        // s = z + beta·s
        k.direction(size, s.byteOffset, z.byteOffset, beta)
      }
    }
    return { ...faceFlows(arena, g, A, phi, dirichletCells), iterations, converged }
  } finally {
    arena.close()
  }
}

/** The flow through every face from the potential, and through every intake (copied out of the
 *  arena). The intake of cell k is −dirichlet[k]·φ_k (kernel `intake`, which also sums the
 *  positive ones); `dirichlet`: the arena's hall-indexed copy. */
function faceFlows(arena: Arena, g: ThermalGrid, A: Stencil, phi: Float64Array, dirichlet: Float64Array): Pick<FlowField, 'east' | 'north' | 'intake' | 'inflowM3s'> {
  const { w, size } = padded(g)
  const k = arena.kernels
  const east = arena.f64(size)
  const north = arena.f64(size)
  // east[p] = gE[p]·(φ[p] − φ[p+1]), north[p] = gN[p]·(φ[p] − φ[p+w]), every p < size − w.
  k.faceFlows(size, w, A.gE.byteOffset, A.gN.byteOffset, phi.byteOffset, east.byteOffset, north.byteOffset)
  const intake = arena.f64(g.n)
  const inflowM3s = k.intake(g.nx, g.ny, w, dirichlet.byteOffset, phi.byteOffset, intake.byteOffset)
  return { east: padOut(arena, g, east), north: padOut(arena, g, north), intake: intake.slice(), inflowM3s }
}
