// The 3-D pressure solve's WebAssembly kernels (solver/thermal3d/kernels3.wat) give, bit for bit,
// what the TypeScript loops they replaced gave (multigrid3.ts sweep and residual, pressure.ts
// multiply), on random grids and operators with 0, −0, NaN, ±∞ and non-positive diagonals among
// the values: the replaced loops are restated here as the reference. And the committed module is
// kernels3.wat assembled (when wabt, a devDependency, is installed).
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { Memory3 } from '../../../src/solver/thermal3d/kernels3'
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

function bits(a: Float64Array): string[] {
  return Array.from(new BigUint64Array(a.buffer, a.byteOffset, a.length), (v) => v.toString(16))
}

/** Same bits, NaN for NaN (a NaN's payload is not something either side promises). */
function expectBits(a: Float64Array, b: Float64Array): void {
  const canon = (v: Float64Array) => bits(Float64Array.from(v, (x) => (Number.isNaN(x) ? NaN : x)))
  expect(canon(a)).toEqual(canon(b))
}

describe('the 3-D pressure kernels', () => {
  it("give the TypeScript loops' results bit for bit, any grid", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), fc.integer(), fc.boolean(), (nx, ny, nz, seed, special) => {
        const n = nx * ny * nz
        const ref: Sys = {
          nx,
          ny,
          diag: values(seed, n, special).map((v, i) => (i % 7 === 3 ? v : Math.abs(v) * 8)),
          ax: values(seed + 1, n, special),
          ay: values(seed + 2, n, special),
          az: values(seed + 3, n, special),
          b: values(seed + 4, n, special),
          x: values(seed + 5, n, special),
          r: new Float64Array(n),
        }
        const mem = new Memory3(9 * n)
        const k = mem.kernels
        const copy = (a: Float64Array) => {
          const out = mem.f64(n)
          out.set(a)
          return out
        }
        const W: Sys = { nx, ny, diag: copy(ref.diag), ax: copy(ref.ax), ay: copy(ref.ay), az: copy(ref.az), b: copy(ref.b), x: copy(ref.x), r: mem.f64(n) }
        const y = mem.f64(n)
        const yRef = new Float64Array(n)
        const at = (L: Sys) => [n, nx, nx * ny, L.diag.byteOffset, L.ax.byteOffset, L.ay.byteOffset, L.az.byteOffset] as const
        k.multiply(...at(W), W.x.byteOffset, y.byteOffset)
        multiply(ref, ref.x, yRef)
        expectBits(y, yRef)
        k.residual(...at(W), W.b.byteOffset, W.x.byteOffset, W.r.byteOffset)
        residual(ref)
        expectBits(W.r, ref.r)
        k.sweepForward(...at(W), W.b.byteOffset, W.x.byteOffset)
        sweep(ref, true)
        expectBits(W.x, ref.x)
        k.sweepBackward(...at(W), W.b.byteOffset, W.x.byteOffset)
        sweep(ref, false)
        expectBits(W.x, ref.x)
      }),
      { numRuns: 300, seed: 31 },
    )
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
