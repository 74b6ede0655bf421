// The 3-D pressure solve's inner loops as WebAssembly (kernels3.wat, assembled into kernels3Wasm.ts
// by scripts/build-wasm.mjs; `npm run build:wasm`) and the memory they work in. Why: the loops run
// at compiled speed from their first call (a cold process, a test, the app's worker) and read
// their arrays without a bounds test each. The module's bytes are in the source as base64, so Node,
// the CLI bundle and the app's Web Worker load it alike, synchronously. Each kernel is the loop it
// replaced, operation for operation (test/unit/thermal3d/kernels3.test.ts restates the loops and
// compares bit for bit):
//   sweepForward, sweepBackward — multigrid3.ts, a level's Gauss–Seidel sweep (rows as a wavefront,
//                                 the same bits as cell by cell);
//   residual                    — multigrid3.ts, r = b − A·x on a level;
//   multiply                    — pressure.ts, y = A·x;
//   faceViscosity               — diffuse.ts, ν + ν_t on the faces (test/unit/thermal3d/
//                                 viscosityKernel.test.ts restates its loop);
//   divergence, subtractGradient — ffd.ts, the projection's ∇·u and u − ∇φ (its loops:
//                                 test/unit/thermal3d/projectionKernels.test.ts restates them);
//   dot, cgStep, cgDirection    — pressure.ts solvePoisson, the conjugate gradients' vector loops;
//   restrict, prolong           — multigrid3.ts vcycle3, the transfers between levels;
//   sweepMomentum               — momentum.ts, the momentum's Gauss–Seidel sweep of one velocity
//                                 component (rows as a wavefront, the same bits as face by face);
//   assembleMomentum            — momentum.ts, the momentum's system for one step (its per-face
//                                 loop: test/unit/thermal3d/momentumAssembly.test.ts restates it);
//   assembleTemperature         — temperature.ts, the temperature system (its per-face loop:
//                                 test/unit/thermal3d/temperatureAssembly.test.ts restates it);
//   sweepTemperature            — temperature.ts, a Gauss–Seidel sweep of the temperatures (the
//                                 same way);
//   eddyViscosity               — turbulence.ts, the zero-equation ν_t per cell;
//   flowChange, maxChange, accumulate — ffd.ts solveFlow3d's per-step loops: the largest change of
//                                 a face velocity and the largest speed, of a cell temperature,
//                                 φ ← φ + δφ and the running sum of the velocities;
//   startResidual               — pressure.ts solvePoisson, the first r = b − A·φ and its max;
//   diffuse                     — diffuse.ts, the Gauss–Seidel sweeps of the implicit diffusion;
//   advect                      — advect.ts, the semi-Lagrangian step (and MacCormack's)
//   (test/unit/thermal3d/stepKernels.test.ts restates these last loops).
import { KERNELS3_WASM_BASE64 } from './kernels3Wasm'
import { BumpAllocator, compileWasm, growTo } from '../wasm'

/** A byte offset into the kernels' memory. */
type Ptr = number

export interface Kernels3 {
  memory: WebAssembly.Memory
  /** `save`: room for SWEEP_ROWS·nx doubles (the kernel's scratch). */
  sweepForward(n: number, nx: number, nxy: number, diag: Ptr, ax: Ptr, ay: Ptr, az: Ptr, b: Ptr, x: Ptr, save: Ptr): void
  sweepBackward(n: number, nx: number, nxy: number, diag: Ptr, ax: Ptr, ay: Ptr, az: Ptr, b: Ptr, x: Ptr, save: Ptr): void
  residual(n: number, nx: number, nxy: number, diag: Ptr, ax: Ptr, ay: Ptr, az: Ptr, b: Ptr, x: Ptr, r: Ptr): void
  multiply(n: number, nx: number, nxy: number, diag: Ptr, ax: Ptr, ay: Ptr, az: Ptr, x: Ptr, y: Ptr): void
  sweepMomentum(off: number, sx: number, sy: number, sz: number, forward: number, isActive: Ptr, a: Ptr, diag: Ptr, rhs: Ptr, vel: Ptr): void
  /** `flags`: 1 TVD, 2 buoyancy (temp), 4 porous (pK, pU), 8 · 16 · 32 slip normal to x · y · z. */
  assembleMomentum(
    nx: number, ny: number, nz: number, dx: number, dy: number, dz: number, dt: number, flags: number, kFree: number, kOpening: number, kClosed: number,
    gBeta: number, refC: number, lidU: number, floor: number, kind: Ptr, prev: Ptr, nu: Ptr, phi: Ptr, temp: Ptr, pK: Ptr, pU: Ptr, a: Ptr, diag: Ptr, rhs: Ptr,
  ): void
  assembleTemperature(
    nx: number, ny: number, nz: number, dx: number, dy: number, dz: number, dt: number, rhoCp: number, alpha: number, prandtlT: number, kFree: number, kClosed: number, porous: number,
    vel: Ptr, nuT: Ptr, prev: Ptr, heatW: Ptr, kind: Ptr, solid: Ptr, pK: Ptr, faceUnit: Ptr, inflowC: Ptr, a: Ptr, aP: Ptr, b: Ptr,
  ): void
  faceViscosity(nx: number, ny: number, nz: number, nu: number, solid: Ptr, nuT: Ptr, out: Ptr): void
  /** `negate` 1: −∇·u (also −0 in a solid). */
  divergence(nx: number, ny: number, nz: number, dx: number, dy: number, dz: number, negate: number, solid: Ptr, vel: Ptr, out: Ptr): void
  subtractGradient(nx: number, ny: number, nz: number, dx: number, dy: number, dz: number, kFree: number, kOpening: number, kind: Ptr, phi: Ptr, vel: Ptr): void
  /** Σ a[c]·b[c] over n values, in order. */
  dot(n: number, a: Ptr, b: Ptr): number
  /** φ += α·s, r −= α·Ax; returns max |r| (NaN counting as none). */
  cgStep(n: number, alpha: number, phi: Ptr, s: Ptr, r: Ptr, ax: Ptr): number
  /** s = z + β·s. */
  cgDirection(n: number, beta: number, z: Ptr, s: Ptr): void
  /** cb[C] += r[c] over a level's cells (cb zeroed before); shift = fx − 1. */
  restrict(nx: number, ny: number, nz: number, shift: number, fy: number, fz: number, cnx: number, cny: number, r: Ptr, cb: Ptr): void
  /** x[c] += cx[C] where diag[c] > 0. */
  prolong(nx: number, ny: number, nz: number, shift: number, fy: number, fz: number, cnx: number, cny: number, diag: Ptr, cx: Ptr, x: Ptr): void
  /** Returns the largest change of a cell's temperature, K. */
  sweepTemperature(nx: number, ny: number, nz: number, forward: number, aP: Ptr, a: Ptr, b: Ptr, extra: Ptr, t: Ptr): number
  /** `nearWall` 1: `aWall` in cells beside a wall; `slip`: 1, 2, 4 for slip walls normal to x, y, z. */
  eddyViscosity(nx: number, ny: number, nz: number, a: number, aWall: number, nearWall: number, slip: number, solid: Ptr, vel: Ptr, dist: Ptr, out: Ptr): void
  /** out[0] = max |vel − prev|, out[1] = max |vel| over n values (Math.max's NaN). */
  flowChange(n: number, vel: Ptr, prev: Ptr, out: Ptr): void
  /** max |a − b| over n values (Math.max's NaN). */
  maxChange(n: number, a: Ptr, b: Ptr): number
  /** sum += x over n values. */
  accumulate(n: number, sum: Ptr, x: Ptr): void
  /** r = diag = 0 ? 0 : b − ax; returns max |r| (Math.max's NaN). */
  startResidual(n: number, diag: Ptr, b: Ptr, ax: Ptr, r: Ptr): number
  /** `maccormack` 1: back, lo, hi in use (else 0). */
  advect(
    nx: number, ny: number, nz: number, dx: number, dy: number, dz: number, dt: number, rk2: number, clip: number, maccormack: number, kFixed: number, kClosed: number,
    kind: Ptr, solid: Ptr, vel: Ptr, out: Ptr, back: Ptr, lo: Ptr, hi: Ptr,
  ): void
  /** `slip`: 1, 2, 4 for slip walls normal to x, y, z; hx2 = 1/dx² and so on. */
  diffuse(nx: number, ny: number, nz: number, hx2: number, hy2: number, hz2: number, dt: number, lidU: number, slip: number, kFixed: number, kClosed: number, sweeps: number, kind: Ptr, nu: Ptr, rhs: Ptr, vel: Ptr): void
}

/** Rows the sweeps take together as a wavefront (kernels3.wat $sweep). */
export const SWEEP_ROWS = 8

let compiled: WebAssembly.Module | null = null

/**
 * An instance of the kernels with a memory of its own, holding `doubles` float64 values, handed
 * out as zeroed arrays one after another. Each Poisson system has its own (instantiating the
 * compiled module is cheap), so systems alive at the same time never share, and the memory grows
 * once, here, before any array is made (growing later would detach the arrays handed out).
 */
export class Memory3 {
  readonly kernels: Kernels3
  private readonly buffer: ArrayBuffer
  private readonly blocks: BumpAllocator

  constructor(doubles: number) {
    compiled ??= compileWasm(KERNELS3_WASM_BASE64)
    this.kernels = new WebAssembly.Instance(compiled, {}).exports as unknown as Kernels3
    growTo(this.kernels.memory, doubles * 8)
    this.buffer = this.kernels.memory.buffer
    this.blocks = new BumpAllocator(doubles * 8, () => `3-D kernels: memory of ${doubles} doubles overrun`)
  }

  /** A zeroed array of n doubles in the kernels' memory. */
  f64(n: number): Float64Array {
    return new Float64Array(this.buffer, this.blocks.take(n * 8), n)
  }

  /** A zeroed array of n 32-bit integers in the kernels' memory (taking whole doubles). */
  i32(n: number): Int32Array {
    return new Int32Array(this.buffer, this.blocks.take(n * 4), n)
  }

  /** A zeroed array of n bytes in the kernels' memory (taking whole doubles). */
  u8(n: number): Uint8Array {
    return new Uint8Array(this.buffer, this.blocks.take(n), n)
  }
}
