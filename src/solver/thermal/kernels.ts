// The field's inner loops as WebAssembly (kernels.wat, assembled into kernelsWasm.ts by
// scripts/build-wasm.mjs) and the memory they work in. Why: a CLI process solves a campus's halls
// once, cold; JavaScript loops run interpreted until V8's optimiser has compiled them (tens of
// milliseconds for each loop, while the solve is in them), WebAssembly is compiled as it loads (a
// few kilobytes, well under a millisecond) and runs at compiled speed from its first call. The
// same module runs in Node, in the CLI bundle and in the app's Web Worker (its bytes are in the
// source as base64: nothing to fetch). Every kernel is its TypeScript loop, operation for
// operation (see kernels.wat): results are the same bits.
//   relaxForward, relaxBackward, residual, restrict, prolong, dotInterior — multigrid.ts's V-cycle,
//   run as a whole by precondition (with the coarsest level's Cholesky solve); factor — its factor
//   coarsenFaces, addDiagonal — multigrid.ts's coarse levels
//   faces, addDiagonal — flow.ts's operator
//   multiplyDot, cgStep, direction, faceFlows — flow.ts's conjugate gradients and face flows
//   pack, sweep (with each rack's refresh) — temperature.ts's coefficients and Gauss–Seidel sweep
//   andersonRecord, andersonMix — anderson.ts's acceleration of that sweep
//   downstream — order.ts's order of the cells
//   pad, unpad, padCells — padded.ts's copies to and from the padded grid
//   maxAbs, intake — flow.ts's tolerance and intake flows (with the inflow hallField.ts reports)
//   boundary, heatOut, positions — temperature.ts's boundary terms, heat out and rack positions
//   range — hallField.ts's coldest and hottest air, temperature.ts's saturation test
//   hottest — hotSpots.ts's pick of the hottest cell not near one taken
//   sameWords — memo.ts's comparison of a key's arrays
//   along, rasterise — grid.ts's cells along a box face and under a box
import { KERNELS_WASM_BASE64 } from './kernelsWasm'
import { align8, BumpAllocator, compileWasm, growTo } from '../wasm'

type Ptr = number

export interface FieldKernels {
  memory: WebAssembly.Memory
  /** 1 after a sweep that clamped a rack outlet at maxC. */
  clamped: WebAssembly.Global
  /** 1 after a sweep that clamped a cell at maxC. */
  capped: WebAssembly.Global
  relaxForward(nx: number, ny: number, w: number, gE: Ptr, gN: Ptr, d: Ptr, x: Ptr, b: Ptr): void
  relaxBackward(nx: number, ny: number, w: number, gE: Ptr, gN: Ptr, d: Ptr, x: Ptr, b: Ptr): void
  residual(nx: number, ny: number, w: number, gE: Ptr, gN: Ptr, d: Ptr, x: Ptr, b: Ptr, r: Ptr): void
  restrict(nx: number, ny: number, w: number, r: Ptr, sx: number, sy: number, cb: Ptr, cw: number): void
  prolong(nx: number, ny: number, w: number, x: Ptr, sx: number, sy: number, cx: Ptr, cw: number): void
  dotInterior(nx: number, ny: number, w: number, z: Ptr, r: Ptr): number
  multiplyDot(nx: number, ny: number, w: number, gE: Ptr, gN: Ptr, d: Ptr, x: Ptr, y: Ptr): number
  cgStep(size: number, phi: Ptr, s: Ptr, r: Ptr, t: Ptr, alpha: number): number
  direction(size: number, s: Ptr, z: Ptr, beta: number): void
  faceFlows(size: number, w: number, gE: Ptr, gN: Ptr, phi: Ptr, east: Ptr, north: Ptr): void
  faces(nx: number, ny: number, w: number, g: Ptr, gE: Ptr, gN: Ptr, ax: number, ay: number): void
  addDiagonal(nx: number, ny: number, w: number, gE: Ptr, gN: Ptr, d: Ptr): void
  coarsenFaces(fnx: number, fny: number, fw: number, fx: number, fy: number, fgE: Ptr, fgN: Ptr, fd: Ptr, nx: number, ny: number, w: number, gE: Ptr, gN: Ptr, d: Ptr): void
  downstream(n: number, nx: number, east: Ptr, north: Ptr, inflows: Ptr, order: Ptr): void
  pack(n: number, order: Ptr, nx: number, ny: number, w: number, a: Ptr, b: Ptr, east: Ptr, north: Ptr, dx: number, dy: number, cell: Ptr, c: Ptr): void
  pad(nx: number, ny: number, w: number, src: Ptr, dst: Ptr): void
  unpad(nx: number, ny: number, w: number, src: Ptr, dst: Ptr): void
  padCells(count: number, nx: number, w: number, src: Ptr, dst: Ptr): void
  maxAbs(size: number, a: Ptr): number
  intake(nx: number, ny: number, w: number, dirichlet: Ptr, phi: Ptr, out: Ptr): number
  boundary(nx: number, ny: number, w: number, fanSink: Ptr, intake: Ptr, leak: Ptr, intakeC: number, a: Ptr, outflow: Ptr, b: Ptr): void
  heatOut(size: number, outflow: Ptr, t: Ptr, intakeC: number): number
  range(nx: number, ny: number, w: number, t: Ptr, size: number, maxC: number, out: Ptr): number
  positions(n: number, cell: Ptr, posOf: Ptr): void
  hottest(n: number, t: Ptr, mask: Ptr): number
  sameWords(words: number, a: Ptr, b: Ptr): number
  factor(nx: number, ny: number, w: number, gE: Ptr, gN: Ptr, d: Ptr, a: Ptr): void
  precondition(levels: Ptr, count: number, chol: Ptr, r: Ptr, z: Ptr): number
  along(count: number, params: Ptr, originX: number, originY: number, hx: number, hy: number, nx: number, ny: number, cells: Ptr, at: Ptr): void
  rasterise(count: number, params: Ptr, originX: number, originY: number, hx: number, hy: number, nx: number, out: Ptr): void
  andersonRecord(size: number, x: Ptr, g: Ptr, fPrev: Ptr, gPrev: Ptr, dF: Ptr, dG: Ptr, slot: number, first: number, others: Ptr, count: number, out: Ptr): number
  andersonMix(size: number, t: Ptr, x: Ptr, gPrev: Ptr, dG: Ptr, slots: Ptr, gamma: Ptr, count: number, lowC: number, maxC: number): void
  sweep(
    cells: number,
    cell: Ptr,
    c: Ptr,
    t: Ptr,
    back: Ptr,
    w: number,
    lowC: number,
    maxC: number,
    racks: number,
    position: Ptr,
    frontAt: Ptr,
    front: Ptr,
    backAt: Ptr,
    backCells: Ptr,
    flow: Ptr,
    rise: Ptr,
    share: Ptr,
  ): number
}

let instance: FieldKernels | null = null

/** The kernels, compiled and instantiated on first use (synchronously: the module is small). */
export function fieldKernels(): FieldKernels {
  if (instance) return instance
  instance = new WebAssembly.Instance(compileWasm(KERNELS_WASM_BASE64), {}).exports as unknown as FieldKernels
  return instance
}

/** Bytes an arena needs for arrays of these element counts (each one 8-byte aligned). */
export const f64Bytes = (n: number): number => n * 8
export const i32Bytes = (n: number): number => align8(n * 4)

let open = false

/**
 * Zeroed typed arrays in the kernels' memory for one solve, handed out one after another. The
 * memory grows (never shrinks) to `bytes` when the arena opens, before any array is made: growing
 * it later would detach the arrays already handed out. One arena at a time (each solve opens its
 * own and closes it before it returns; its results are copied out of the kernels' memory first).
 */
export class Arena {
  readonly kernels: FieldKernels
  private readonly buffer: ArrayBuffer
  private readonly blocks: BumpAllocator

  constructor(bytes: number) {
    if (open) throw new Error('field kernels: an arena is already open')
    this.kernels = fieldKernels()
    growTo(this.kernels.memory, bytes)
    this.buffer = this.kernels.memory.buffer
    this.blocks = new BumpAllocator(bytes, () => `field kernels: arena of ${bytes} bytes overrun`)
    open = true
  }

  f64(n: number): Float64Array {
    return new Float64Array(this.buffer, this.blocks.take(n * 8), n).fill(0)
  }

  i32(n: number): Int32Array {
    return new Int32Array(this.buffer, this.blocks.take(n * 4), n).fill(0)
  }

  /** A copy of `a` in the kernels' memory. */
  copyI32(a: Int32Array): Int32Array {
    const out = new Int32Array(this.buffer, this.blocks.take(a.length * 4), a.length)
    out.set(a)
    return out
  }

  copyF64(a: Float64Array): Float64Array {
    const out = new Float64Array(this.buffer, this.blocks.take(a.length * 8), a.length)
    out.set(a)
    return out
  }

  close(): void {
    open = false
  }
}

/** Elements below which sameBits compares in TypeScript (copying into the kernels' memory costs
 *  more than the loop). */
const SAME_BITS_KERNEL_MIN = 256

/** Are a and b (same type, same length) the same bits, element for element? A long pair is
 *  compared by the kernel `sameWords` in the kernels' memory (both copied in, zero-padded to whole
 *  64-bit words), unless an arena is open. */
export function sameBitsOf(a: Float64Array | Int32Array, b: Float64Array | Int32Array): boolean {
  const bytes = a.byteLength
  if (a.length >= SAME_BITS_KERNEL_MIN && !open) {
    const words = Math.ceil(bytes / 8)
    const arena = new Arena(2 * words * 8)
    try {
      const k = arena.kernels
      const x = new Uint8Array(arena.kernels.memory.buffer, arena.f64(words).byteOffset, bytes)
      const y = new Uint8Array(arena.kernels.memory.buffer, arena.f64(words).byteOffset, bytes)
      x.set(new Uint8Array(a.buffer, a.byteOffset, bytes))
      y.set(new Uint8Array(b.buffer, b.byteOffset, bytes))
      return k.sameWords(words, x.byteOffset, y.byteOffset) !== 0
    } finally {
      arena.close()
    }
  }
  // Same bits: equal 32-bit words (so 0 ≠ −0, and NaN = the same NaN).
  const wa = new Int32Array(a.buffer, a.byteOffset, bytes / 4)
  const wb = new Int32Array(b.buffer, b.byteOffset, bytes / 4)
  for (let i = 0; i < wa.length; i++) if (wa[i] !== wb[i]) return false
  return true
}

