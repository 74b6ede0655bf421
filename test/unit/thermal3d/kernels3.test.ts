// The 3-D pressure solve's WebAssembly kernels (solver/thermal3d/kernels3.wat) give, bit for bit,
// what the TypeScript loops they replaced gave (multigrid3.ts sweep — cell by cell, where the
// kernel sweeps rows as a wavefront — and residual, pressure.ts multiply), on random grids and operators with 0, −0, NaN, ±∞ and non-positive diagonals among
// the values: the replaced loops are restated here as the reference. And the committed module is
// kernels3.wat assembled (when wabt, a devDependency, is installed).
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { expectBitsNaNAlike as expectBits } from '../fixtures/bits'
import { Memory3, SWEEP_ROWS } from '../../../src/solver/thermal3d/kernels3'
import { KERNELS3_WASM_BASE64 } from '../../../src/solver/thermal3d/kernels3Wasm'

interface Sys {
  nx: number
  ny: number
  diag: Float64Array
  ax: Float64Array
  ay: Float64Array
  az: Float64Array
  b: Float64Array
  x: Float64Array
  r: Float64Array
}

// --- The reference: multigrid3.ts and pressure.ts before the kernels. ---
function sweep(L: Sys, forward: boolean): void {
  const { nx, ny, diag, ax, ay, az, b, x } = L
  const n = x.length
  const nxy = nx * ny
  for (let q = 0; q < n; q++) {
    const c = forward ? q : n - 1 - q
    const d = diag[c]!
    if (d <= 0) continue
    let s = b[c]!
    if (c >= 1) s -= ax[c - 1]! * x[c - 1]!
    if (c + 1 < n) s -= ax[c]! * x[c + 1]!
    if (c >= nx) s -= ay[c - nx]! * x[c - nx]!
    if (c + nx < n) s -= ay[c]! * x[c + nx]!
    if (c >= nxy) s -= az[c - nxy]! * x[c - nxy]!
    if (c + nxy < n) s -= az[c]! * x[c + nxy]!
    x[c] = s / d
  }
}
function residual(L: Sys): void {
  const { nx, ny, diag, ax, ay, az, b, x, r } = L
  const n = x.length
  const nxy = nx * ny
  for (let c = 0; c < n; c++) {
    if (diag[c]! <= 0) {
      r[c] = 0
      continue
    }
    let v = diag[c]! * x[c]!
    if (c >= 1) v += ax[c - 1]! * x[c - 1]!
    if (c + 1 < n) v += ax[c]! * x[c + 1]!
    if (c >= nx) v += ay[c - nx]! * x[c - nx]!
    if (c + nx < n) v += ay[c]! * x[c + nx]!
    if (c >= nxy) v += az[c - nxy]! * x[c - nxy]!
    if (c + nxy < n) v += az[c]! * x[c + nxy]!
    r[c] = b[c]! - v
  }
}
function multiply(L: Sys, x: Float64Array, y: Float64Array): void {
  const { nx, ny, diag, ax, ay, az } = L
  const n = x.length
  const nxy = nx * ny
  for (let c = 0; c < n; c++) {
    let v = diag[c]! * x[c]!
    if (c >= 1) v += ax[c - 1]! * x[c - 1]!
    if (c + 1 < n) v += ax[c]! * x[c + 1]!
    if (c >= nx) v += ay[c - nx]! * x[c - nx]!
    if (c + nx < n) v += ay[c]! * x[c + nx]!
    if (c >= nxy) v += az[c - nxy]! * x[c - nxy]!
    if (c + nxy < n) v += az[c]! * x[c + nxy]!
    y[c] = v
  }
}

/** Deterministic values from a seed (xorshift), with the awkward ones among them. */
function values(seed: number, n: number, special: boolean): Float64Array {
  let s = seed >>> 0 || 1
  const next = (): number => {
    s ^= s << 13
    s >>>= 0
    s ^= s >>> 17
    s ^= s << 5
    s >>>= 0
    return s / 4294967296
  }
  const odd = [0, -0, NaN, Infinity, -Infinity, 1e-300, -1e300]
  const out = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const u = next()
    out[i] = special && u < 0.08 ? odd[Math.floor(next() * odd.length)]! : (next() - 0.3) * 10 ** Math.floor(next() * 6 - 3)
  }
  return out
}


describe('the 3-D pressure kernels', () => {
  it("give the TypeScript loops' results bit for bit, any grid", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 4 }), fc.integer(), fc.boolean(), fc.boolean(), (nx, ny, nz, seed, special, edges) => {
        const n = nx * ny * nz
        // The operator pressure.ts builds has no coupling across the grid's edges (ax at i = nx − 1
        // and so on): the sweeps' wavefront path. Without that, a group of rows falls back to cell
        // by cell wherever a cell's coupling across a row's start is read.
        const cut = (a: Float64Array, axis: number) =>
          edges ? a.map((v, c) => ((axis === 0 ? c % nx : axis === 1 ? Math.floor(c / nx) % ny : Math.floor(c / (nx * ny))) === [nx, ny, nz][axis]! - 1 ? 0 : v)) : a
        const ref: Sys = {
          nx,
          ny,
          diag: values(seed, n, special).map((v, i) => (i % 7 === 3 ? v : Math.abs(v) * 8)),
          ax: cut(values(seed + 1, n, special), 0),
          ay: cut(values(seed + 2, n, special), 1),
          az: cut(values(seed + 3, n, special), 2),
          b: values(seed + 4, n, special),
          x: values(seed + 5, n, special),
          r: new Float64Array(n),
        }
        const mem = new Memory3(9 * n + SWEEP_ROWS * nx)
        const k = mem.kernels
        const copy = (a: Float64Array) => {
          const out = mem.f64(n)
          out.set(a)
          return out
        }
        const W: Sys = { nx, ny, diag: copy(ref.diag), ax: copy(ref.ax), ay: copy(ref.ay), az: copy(ref.az), b: copy(ref.b), x: copy(ref.x), r: mem.f64(n) }
        const y = mem.f64(n)
        const save = mem.f64(SWEEP_ROWS * nx)
        const yRef = new Float64Array(n)
        const at = (L: Sys) => [n, nx, nx * ny, L.diag.byteOffset, L.ax.byteOffset, L.ay.byteOffset, L.az.byteOffset] as const
        k.multiply(...at(W), W.x.byteOffset, y.byteOffset)
        multiply(ref, ref.x, yRef)
        expectBits(y, yRef)
        k.residual(...at(W), W.b.byteOffset, W.x.byteOffset, W.r.byteOffset)
        residual(ref)
        expectBits(W.r, ref.r)
        k.sweepForward(...at(W), W.b.byteOffset, W.x.byteOffset, save.byteOffset)
        sweep(ref, true)
        expectBits(W.x, ref.x)
        k.sweepBackward(...at(W), W.b.byteOffset, W.x.byteOffset, save.byteOffset)
        sweep(ref, false)
        expectBits(W.x, ref.x)
      }),
      { numRuns: 200, seed: 31 },
    )
  })

  it('a row whose first cell has b = −0 (the sum where the wavefront leaves out a zero coupling) still gives the same bits', () => {
    // −0 − 0·x is +0 when x < 0: the kernel must sweep such a row cell by cell.
    const nx = 3
    const ny = 11
    const nz = 2
    const n = nx * ny * nz
    const ref: Sys = { nx, ny, diag: new Float64Array(n).fill(4), ax: new Float64Array(n), ay: new Float64Array(n), az: new Float64Array(n), b: new Float64Array(n), x: new Float64Array(n), r: new Float64Array(n) }
    for (let c = 0; c < n; c++) {
      const i = c % nx
      const j = Math.floor(c / nx) % ny
      // The first column uncoupled but for the −x neighbour (the previous row's last cell, which
      // ends negative): its sum stays a zero whose sign that product sets.
      ref.ax[c] = i === nx - 1 || i === 0 ? 0 : -1
      ref.ay[c] = j === ny - 1 || i === 0 ? 0 : -1
      ref.az[c] = c >= n - nx * ny || i === 0 ? 0 : -1
      ref.b[c] = i === 0 ? -0 : i === nx - 1 ? -10 : 1
      ref.x[c] = 0.5
    }
    const mem = new Memory3(7 * n + SWEEP_ROWS * nx)
    const W = { ...ref, diag: mem.f64(n), ax: mem.f64(n), ay: mem.f64(n), az: mem.f64(n), b: mem.f64(n), x: mem.f64(n), r: mem.f64(n) }
    for (const key of ['diag', 'ax', 'ay', 'az', 'b', 'x'] as const) W[key].set(ref[key])
    const save = mem.f64(SWEEP_ROWS * nx)
    for (const forward of [true, false, true]) {
      const at = [n, nx, nx * ny, W.diag.byteOffset, W.ax.byteOffset, W.ay.byteOffset, W.az.byteOffset, W.b.byteOffset, W.x.byteOffset, save.byteOffset] as const
      if (forward) mem.kernels.sweepForward(...at)
      else mem.kernels.sweepBackward(...at)
      sweep(ref, forward)
      expectBits(W.x, ref.x)
    }
  })

  it('a memory overrun is an error, not an array past its end', () => {
    const mem = new Memory3(4)
    mem.f64(3)
    expect(() => mem.f64(2)).toThrow(/overrun/)
  })
})

describe('the 3-D kernels module', () => {
  const wabtPackage = 'wabt' // a devDependency: by name, so a checkout without it still type-checks
  const wabt = import(wabtPackage).then(
    () => true,
    () => false,
  )
  it('is kernels3.wat assembled (scripts/build-wasm.mjs; skipped where wabt is not installed)', async (ctx) => {
    if (!(await wabt)) ctx.skip()
    const { assemble, moduleSource3, WAT3 } = await import('../../../scripts/build-wasm.mjs')
    const bytes = await assemble(readFileSync(WAT3, 'utf8'), 'kernels3.wat')
    expect(moduleSource3(bytes)).toContain(KERNELS3_WASM_BASE64)
    expect(Buffer.from(KERNELS3_WASM_BASE64, 'base64').equals(Buffer.from(bytes))).toBe(true)
  })
})
