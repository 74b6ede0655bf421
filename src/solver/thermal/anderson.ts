// Anderson acceleration of a fixed-point iteration x ← G(x) (D. G. Anderson, J. ACM 12 (1965) 547;
// in the form of H. F. Walker & P. Ni, SIAM J. Numer. Anal. 49 (2011) 1715, "Anderson
// acceleration for fixed-point iterations", with mixing β = 1): from the last m + 1 pairs
// (x_i, g_i = G(x_i)) with residuals f_i = g_i − x_i, the next iterate is
//   x_{k+1} = g_k − Σ_j γ_j Δg_j,   γ = argmin ‖f_k − Σ_j γ_j Δf_j‖₂,
// Δf_j = f_{j+1} − f_j and Δg_j = g_{j+1} − g_j over the kept pairs. On a linear G it is a
// multisecant (GMRES-like) method; temperature.ts uses it on the Gauss–Seidel sweep.
// The least squares are solved by their normal equations (ΔFᵀΔF)γ = ΔFᵀf, m × m, with a small
// ridge so that nearly dependent columns give a small γ rather than a huge one. The vectors live
// in the field kernels' arena (padded grid) and the passes over them are kernels (kernels.wat:
// andersonRecord, andersonMix: one pass each); the m × m algebra is here.

import { f64Bytes, i32Bytes, type Arena } from './kernels'

/** Ridge added to the normal equations' diagonal, relative to their largest diagonal entry. */
const RIDGE = 1e-10

/** Differences the kernels combine at most (kernels.wat andersonRecord, andersonMix). */
export const MAX_DEPTH = 4

/** Arena bytes of an AndersonMixer over `size` padded cells keeping `depth` differences. */
export const andersonBytes = (size: number, depth: number): number => (3 + 2 * depth) * f64Bytes(size) + i32Bytes(depth) + f64Bytes(depth) + f64Bytes(MAX_DEPTH + 1)

export class AndersonMixer {
  private readonly k: Arena['kernels']
  /** The iterate before the sweep, x. */
  readonly before: Float64Array
  private readonly fPrev: Float64Array
  private readonly gPrev: Float64Array
  /** depth columns of Δf and of Δg, column s at s·size. */
  private readonly dF: Float64Array
  private readonly dG: Float64Array
  private readonly slots: Int32Array
  private readonly gamma: Float64Array
  /** Gram matrix of the kept Δf columns, depth × depth, by ring slot. */
  private readonly gram: Float64Array
  /** Δf_sᵀ f of each ring slot s against the newest residual f (the right-hand side), kept up
   *  to date as f moves on: f_k = f_{k−1} + Δf_new gives Δf_sᵀ f_k = Δf_sᵀ f_{k−1} + gram[s][new]. */
  private readonly rhs: Float64Array
  /** The record kernel's sums: Δf_new·f, Δf_new·Δf_new, Δf_new·(each other kept column). */
  private readonly sums: Float64Array
  /** Ring: the newest column is in slot (head − 1) mod depth; `kept` columns are valid. */
  private head = 0
  private kept = 0
  private hasPrev = false

  /** Takes its arrays from the arena (andersonBytes). size: the padded grid's; depth 1 to
   *  MAX_DEPTH (the kernels' columns). */
  constructor(
    arena: Arena,
    private readonly size: number,
    private readonly depth: number,
  ) {
    if (!(depth >= 1 && depth <= MAX_DEPTH)) throw new Error(`anderson: depth ${depth} outside 1…${MAX_DEPTH}`)
    this.k = arena.kernels
    this.before = arena.f64(size)
    this.fPrev = arena.f64(size)
    this.gPrev = arena.f64(size)
    this.dF = arena.f64(depth * size)
    this.dG = arena.f64(depth * size)
    this.slots = arena.i32(depth)
    this.gamma = arena.f64(depth)
    this.sums = arena.f64(MAX_DEPTH + 1)
    this.gram = new Float64Array(depth * depth)
    this.rhs = new Float64Array(depth)
  }

  /** Forgets every pair: the next `mix` starts a new history. */
  reset(): void {
    this.kept = 0
    this.head = 0
    this.hasPrev = false
  }

  /** Records the pair (before, g = G(before)) and returns ‖g − before‖₂. */
  record(g: Float64Array): number {
    const { k, size, depth: d, slots, sums } = this
    const slot = this.head
    // The other columns kept after this one: the newest min(kept, d − 1) before it.
    const others = this.hasPrev ? Math.min(this.kept, d - 1) : 0
    for (let c = 0; c < others; c++) slots[c] = (slot - 1 - c + d) % d
    const norm2 = k.andersonRecord(size, this.before.byteOffset, g.byteOffset, this.fPrev.byteOffset, this.gPrev.byteOffset, this.dF.byteOffset, this.dG.byteOffset, slot, this.hasPrev ? 0 : 1, slots.byteOffset, others, sums.byteOffset)
    if (this.hasPrev) {
      this.head = (slot + 1) % d
      this.kept = others + 1
      this.gram[slot * d + slot] = sums[1]!
      this.rhs[slot] = sums[0]!
      for (let c = 0; c < others; c++) {
        const s = slots[c]!
        const dot = sums[2 + c]!
        this.gram[slot * d + s] = dot
        this.gram[s * d + slot] = dot
        this.rhs[s] = this.rhs[s]! + dot
      }
    }
    this.hasPrev = true
    return Math.sqrt(norm2)
  }

  /** The extrapolated next iterate from the recorded pairs, into t and `before` (the last g when
   *  no difference is kept yet), each value clamped to [low, high]. */
  mix(t: Float64Array, low: number, high: number): void {
    const { kept, depth: d } = this
    for (let c = 0; c < kept; c++) this.slots[c] = (this.head - 1 - c + 2 * d) % d
    this.coefficients(kept)
    this.k.andersonMix(this.size, t.byteOffset, this.before.byteOffset, this.gPrev.byteOffset, this.dG.byteOffset, this.slots.byteOffset, this.gamma.byteOffset, kept, low, high)
  }

  /** γ of the normal equations over the first m slots (Gaussian elimination with partial
   *  pivoting), into gamma; all 0 if the system is singular or gives a non-finite γ. At most
   *  MAX_DEPTH × MAX_DEPTH, once a sweep: written here rather than taken from ml-matrix (which
   *  calibration uses), so that every solve does not load a matrix library for it. */
  private coefficients(m: number): void {
    const { depth: d, slots, gamma } = this
    const a = new Float64Array(m * m)
    const rhs = new Float64Array(m)
    let diag = 0
    for (let r = 0; r < m; r++) {
      for (let c = 0; c < m; c++) a[r * m + c] = this.gram[slots[r]! * d + slots[c]!]!
      diag = Math.max(diag, a[r * m + r]!)
      rhs[r] = this.rhs[slots[r]!]!
    }
    gamma.fill(0)
    if (!(diag > 0)) return
    for (let r = 0; r < m; r++) a[r * m + r] = a[r * m + r]! + RIDGE * diag
    const piv = Array.from({ length: m }, (_, i) => i)
    for (let k = 0; k < m; k++) {
      let best = k
      for (let r = k + 1; r < m; r++) if (Math.abs(a[piv[r]! * m + k]!) > Math.abs(a[piv[best]! * m + k]!)) best = r
      ;[piv[k], piv[best]] = [piv[best]!, piv[k]!]
      const p = a[piv[k]! * m + k]!
      if (!(Math.abs(p) > 0)) return
      for (let r = k + 1; r < m; r++) {
        const factor = a[piv[r]! * m + k]! / p
        for (let c = k; c < m; c++) a[piv[r]! * m + c] = a[piv[r]! * m + c]! - factor * a[piv[k]! * m + c]!
        rhs[piv[r]!] = rhs[piv[r]!]! - factor * rhs[piv[k]!]!
      }
    }
    for (let k = m - 1; k >= 0; k--) {
      let s = rhs[piv[k]!]!
      for (let c = k + 1; c < m; c++) s -= a[piv[k]! * m + c]! * gamma[c]!
      gamma[k] = s / a[piv[k]! * m + k]!
    }
    for (let k = 0; k < m; k++) if (!Number.isFinite(gamma[k]!)) gamma.fill(0)
  }
}
