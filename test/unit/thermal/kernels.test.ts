// The field's WebAssembly kernels (solver/thermal/kernels.wat) give, bit for bit, what the
// TypeScript loops they replaced gave, on random grids, operators and racks: the replaced loops are
// restated here as the reference. And the committed module is kernels.wat assembled (when wabt, a
// devDependency, is installed).
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { bits, expectBits, random, sameBits } from '../fixtures/bits'
import { Arena, f64Bytes, i32Bytes } from '../../../src/solver/thermal/kernels'
import { KERNELS_WASM_BASE64 } from '../../../src/solver/thermal/kernelsWasm'
import { downstreamOrder as orderKernel } from '../../../src/solver/thermal/order'
import { prolong, relaxBackward, relaxForward, residual, restrict, type Level } from '../fixtures/multigridReference'

// --- The reference: multigrid.ts and flow.ts before the kernels (the multigrid's loops in
// fixtures/multigridReference.ts). ---
function dotInterior(L: Level, z: Float64Array, r: Float64Array): number {
  let sum = 0
  for (let j = 1; j <= L.ny; j++) for (let p = j * L.w + 1, end = p + L.nx; p < end; p++) sum += z[p]! * r[p]!
  return sum
}
function multiplyDot(A: Level, x: Float64Array, y: Float64Array): number {
  const { nx, ny, w, gE, gN, d } = A
  let sum = 0
  for (let j = 1; j <= ny; j++) {
    for (let p = j * w + 1, end = p + nx; p < end; p++) {
      const v = d[p]! * x[p]! - gE[p - 1]! * x[p - 1]! - gE[p]! * x[p + 1]! - gN[p - w]! * x[p - w]! - gN[p]! * x[p + w]!
      y[p] = v
      sum += v * x[p]!
    }
  }
  return sum
}
function cgStep(phi: Float64Array, s: Float64Array, r: Float64Array, t: Float64Array, alpha: number): number {
  let res = 0
  for (let p = 0; p < phi.length; p++) {
    phi[p] = phi[p]! + alpha * s[p]!
    const v = r[p]! - alpha * t[p]!
    r[p] = v
    if (v > res) res = v
    else if (-v > res) res = -v
  }
  return res
}
function direction(s: Float64Array, z: Float64Array, beta: number): void {
  for (let p = 0; p < s.length; p++) s[p] = z[p]! + beta * s[p]!
}

// --- temperature.ts's sweep before the kernels. ---
interface Loop {
  position: Int32Array
  frontAt: Int32Array
  front: Int32Array
  backAt: Int32Array
  back: Int32Array
  flowM3s: Float64Array
  riseK: Float64Array
  share: Float64Array
  clamped: boolean
}
function refreshRack(loop: Loop, u: number, t: Float64Array, back: Float64Array, maxC: number): void {
  const f0 = loop.frontAt[u]!
  const f1 = loop.frontAt[u + 1]!
  let tin = 0
  for (let i = f0; i < f1; i++) tin += t[loop.front[i]!]!
  tin /= f1 - f0
  let tout = tin + loop.riseK[u]!
  if (tout > maxC) {
    tout = maxC
    loop.clamped = true
  }
  const b0 = loop.backAt[u]!
  const b1 = loop.backAt[u + 1]!
  const share = (loop.flowM3s[u]! * tout) / (b1 - b0)
  const d = share - loop.share[u]!
  loop.share[u] = share
  for (let i = b0; i < b1; i++) back[loop.back[i]!] = back[loop.back[i]!]! + d
}
function sweep(cell: Int32Array, c: Float64Array, loop: Loop, back: Float64Array, t: Float64Array, w: number, lowC: number, maxC: number): number {
  let change = 0
  let next = 0
  loop.clamped = false
  const racks = loop.position.length
  for (let pos = 0; pos < cell.length; pos++) {
    while (next < racks && loop.position[next] === pos) refreshRack(loop, next++, t, back, maxC)
    const o = pos * 6
    const q = cell[pos]!
    let v = (c[o + 1]! + back[q]! + c[o + 2]! * t[q - 1]! + c[o + 3]! * t[q + 1]! + c[o + 4]! * t[q - w]! + c[o + 5]! * t[q + w]!) * c[o]!
    if (v > maxC) v = maxC
    else if (!(v >= lowC)) v = lowC
    const d = v > t[q]! ? v - t[q]! : t[q]! - v
    if (d > change) change = d
    t[q] = v
  }
  return change
}



describe('the multigrid and conjugate-gradient kernels', () => {
  it('give the TypeScript loops\' results bit for bit, any grid', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 }), fc.integer(), (nx, ny, seed) => {
        const rnd = random(seed)
        const w = nx + 2
        const size = w * (ny + 2)
        const cnx = Math.ceil(nx / (nx > 1 ? 2 : 1))
        const cny = Math.ceil(ny / (ny > 1 ? 2 : 1))
        const cw = cnx + 2
        const csize = cw * (cny + 2)
        const sx = nx > 1 ? 1 : 0
        const sy = ny > 1 ? 1 : 0
        // Reference arrays (JS heap) with interior values; ghosts 0, as the solver keeps them.
        const ref = (fill: () => number): Float64Array => {
          const a = new Float64Array(size)
          for (let j = 1; j <= ny; j++) for (let i = 1; i <= nx; i++) a[j * w + i] = fill()
          return a
        }
        const gE = ref(() => (rnd() < 0.2 ? 0 : rnd() * 2))
        const gN = ref(() => (rnd() < 0.2 ? 0 : rnd() * 2))
        for (let j = 1; j <= ny; j++) gE[j * w + nx] = 0
        for (let i = 1; i <= nx; i++) gN[ny * w + i] = 0
        const d = ref(() => 0)
        for (let j = 1; j <= ny; j++) for (let p = j * w + 1; p < j * w + 1 + nx; p++) d[p] = (rnd() < 0.1 ? rnd() : 0) + gE[p]! + gE[p - 1]! + gN[p]! + gN[p - w]! + 1e-3
        const L: Level = { nx, ny, w, gE, gN, d, x: ref(() => rnd() - 0.5), b: ref(() => rnd() - 0.5), r: new Float64Array(size) }
        const cb = new Float64Array(csize)
        const cx = Float64Array.from({ length: csize }, () => rnd() - 0.5)
        const z = ref(() => rnd() - 0.5)
        const phi = Float64Array.from({ length: size }, () => rnd())
        const s = Float64Array.from({ length: size }, () => rnd() - 0.5)
        const t = new Float64Array(size)
        const alpha = rnd()
        const beta = rnd()

        const arena = new Arena(12 * f64Bytes(size) + 2 * f64Bytes(csize))
        try {
          const k = arena.kernels
          const W = { gE: arena.copyF64(gE), gN: arena.copyF64(gN), d: arena.copyF64(d), x: arena.copyF64(L.x), b: arena.copyF64(L.b), r: arena.f64(size) }
          const wcb = arena.f64(csize)
          const wcx = arena.copyF64(cx)
          const wz = arena.copyF64(z)
          const wphi = arena.copyF64(phi)
          const ws = arena.copyF64(s)
          const wt = arena.f64(size)
          const args = [nx, ny, w, W.gE.byteOffset, W.gN.byteOffset, W.d.byteOffset, W.x.byteOffset, W.b.byteOffset] as const

          relaxForward(L)
          k.relaxForward(...args)
          expectBits(W.x, L.x)
          residual(L)
          k.residual(...args, W.r.byteOffset)
          expectBits(W.r, L.r)
          restrict(L, sx, sy, cb, cw)
          k.restrict(nx, ny, w, W.r.byteOffset, sx, sy, wcb.byteOffset, cw)
          expectBits(wcb, cb)
          prolong(L, sx, sy, cx, cw)
          k.prolong(nx, ny, w, W.x.byteOffset, sx, sy, wcx.byteOffset, cw)
          expectBits(W.x, L.x)
          relaxBackward(L)
          k.relaxBackward(...args)
          expectBits(W.x, L.x)
          expect(sameBits(k.dotInterior(nx, ny, w, wz.byteOffset, W.r.byteOffset), dotInterior(L, z, L.r))).toBe(true)
          const st = multiplyDot(L, s, t)
          expect(sameBits(k.multiplyDot(nx, ny, w, W.gE.byteOffset, W.gN.byteOffset, W.d.byteOffset, ws.byteOffset, wt.byteOffset), st)).toBe(true)
          expectBits(wt, t)
          const res = cgStep(phi, s, L.r, t, alpha)
          expect(sameBits(k.cgStep(size, wphi.byteOffset, ws.byteOffset, W.r.byteOffset, wt.byteOffset, alpha), res)).toBe(true)
          expectBits(wphi, phi)
          expectBits(W.r, L.r)
          direction(s, z, beta)
          k.direction(size, ws.byteOffset, wz.byteOffset, beta)
          expectBits(ws, s)
        } finally {
          arena.close()
        }
      }),
      { numRuns: 150, seed: 13 },
    )
  })
})

describe('the temperature sweep kernel', () => {
  it('gives the TypeScript sweep\'s field, change and clamp bit for bit, with racks that clamp and NaN coefficients', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 25 }), fc.integer({ min: 1, max: 25 }), fc.integer({ min: 0, max: 12 }), fc.integer(), (nx, ny, rackCount, seed) => {
        const rnd = random(seed)
        const w = nx + 2
        const size = w * (ny + 2)
        const n = nx * ny
        // A random sweep order of the hall's cells (padded indices).
        const order = Array.from({ length: n }, (_, k) => (Math.floor(k / nx) + 1) * w + (k % nx) + 1)
        for (let k = n - 1; k > 0; k--) {
          const m = Math.floor(rnd() * (k + 1))
          ;[order[k], order[m]] = [order[m]!, order[k]!]
        }
        const cell = Int32Array.from(order)
        const c = Float64Array.from({ length: n * 6 }, (_, i) => (i % 6 === 0 ? (rnd() < 0.02 ? NaN : 1 / (1 + rnd() * 4)) : rnd() * (i % 6 === 1 ? 40 : 1)))
        const pick = (): number => order[Math.floor(rnd() * n)]!
        const counts = Array.from({ length: rackCount }, () => [1 + Math.floor(rnd() * 3), 1 + Math.floor(rnd() * 3)] as const)
        const frontAt = new Int32Array(rackCount + 1)
        const backAt = new Int32Array(rackCount + 1)
        counts.forEach(([f, b], u) => {
          frontAt[u + 1] = frontAt[u]! + f
          backAt[u + 1] = backAt[u]! + b
        })
        const loop: Loop = {
          position: Int32Array.from({ length: rackCount }, () => Math.floor(rnd() * n)).sort(),
          frontAt,
          front: Int32Array.from({ length: frontAt[rackCount]! }, pick),
          backAt,
          back: Int32Array.from({ length: backAt[rackCount]! }, pick),
          flowM3s: Float64Array.from({ length: rackCount }, () => 0.1 + rnd()),
          riseK: Float64Array.from({ length: rackCount }, () => rnd() * 80),
          share: new Float64Array(rackCount),
          clamped: false,
        }
        const t = new Float64Array(size).fill(20)
        const back = new Float64Array(size)
        const maxC = 60
        const lowC = 18

        const bytes = f64Bytes(n * 6) + i32Bytes(n) + 2 * f64Bytes(size) + 5 * i32Bytes(n + rackCount + 10) + 3 * f64Bytes(rackCount)
        const arena = new Arena(bytes)
        try {
          const k = arena.kernels
          const wc = arena.copyF64(c)
          const wcell = arena.copyI32(cell)
          const wt = arena.copyF64(t)
          const wback = arena.f64(size)
          const wl = {
            position: arena.copyI32(loop.position),
            frontAt: arena.copyI32(loop.frontAt),
            front: arena.copyI32(loop.front),
            backAt: arena.copyI32(loop.backAt),
            back: arena.copyI32(loop.back),
            flowM3s: arena.copyF64(loop.flowM3s),
            riseK: arena.copyF64(loop.riseK),
            share: arena.f64(rackCount),
          }
          for (let s = 0; s < 3; s++) {
            const change = sweep(cell, c, loop, back, t, w, lowC, maxC)
            const got = k.sweep(
              n,
              wcell.byteOffset,
              wc.byteOffset,
              wt.byteOffset,
              wback.byteOffset,
              w,
              lowC,
              maxC,
              rackCount,
              wl.position.byteOffset,
              wl.frontAt.byteOffset,
              wl.front.byteOffset,
              wl.backAt.byteOffset,
              wl.back.byteOffset,
              wl.flowM3s.byteOffset,
              wl.riseK.byteOffset,
              wl.share.byteOffset,
            )
            expect(sameBits(got, change)).toBe(true)
            expect(k.clamped.value !== 0).toBe(loop.clamped)
            expectBits(wt, t)
            expectBits(wback, back)
            expectBits(wl.share, loop.share)
          }
        } finally {
          arena.close()
        }
      }),
      { numRuns: 150, seed: 13 },
    )
  })
})

// --- temperature.ts's packedCoefficients and flow.ts's faceFlows before the kernels. ---
function packedCoefficients(nx: number, ny: number, order: Int32Array, a: Float64Array, b: Float64Array, east: Float64Array, north: Float64Array, dx: number, dy: number) {
  const w = nx + 2
  const n = order.length
  const c = new Float64Array(n * 6)
  const cell = new Int32Array(n)
  for (let pos = 0; pos < n; pos++) {
    const k = order[pos]!
    const i = k % nx
    const j = (k - i) / nx
    const q = (j + 1) * w + i + 1
    let sum = a[q]!
    let cW = 0
    let cE = 0
    let cS = 0
    let cN = 0
    if (i > 0) {
      const F = east[k - 1]!
      cW = Math.max(F, 0) + dx
      sum += Math.max(-F, 0) + dx
    }
    if (i < nx - 1) {
      const F = east[k]!
      cE = Math.max(-F, 0) + dx
      sum += Math.max(F, 0) + dx
    }
    if (j > 0) {
      const F = north[k - nx]!
      cS = Math.max(F, 0) + dy
      sum += Math.max(-F, 0) + dy
    }
    if (j < ny - 1) {
      const F = north[k]!
      cN = Math.max(-F, 0) + dy
      sum += Math.max(F, 0) + dy
    }
    const o = pos * 6
    cell[pos] = q
    c[o] = sum > 0 ? 1 / sum : 0
    c[o + 1] = b[q]!
    c[o + 2] = cW
    c[o + 3] = cE
    c[o + 4] = cS
    c[o + 5] = cN
  }
  return { cell, c }
}

describe('the coefficient and face-flow kernels', () => {
  it('give the TypeScript loops\' results bit for bit, with zero, negative-zero and NaN flows', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 25 }), fc.integer({ min: 1, max: 25 }), fc.integer(), (nx, ny, seed) => {
        const rnd = random(seed)
        const w = nx + 2
        const size = w * (ny + 2)
        const n = nx * ny
        const flow = (): number => {
          const u = rnd()
          return u < 0.1 ? 0 : u < 0.15 ? -0 : u < 0.17 ? NaN : (rnd() - 0.5) * 4
        }
        const order = Int32Array.from({ length: n }, (_, k) => k)
        for (let k = n - 1; k > 0; k--) {
          const m = Math.floor(rnd() * (k + 1))
          ;[order[k], order[m]] = [order[m]!, order[k]!]
        }
        const a = Float64Array.from({ length: size }, () => (rnd() < 0.3 ? 0 : rnd()))
        const b = Float64Array.from({ length: size }, () => rnd() * 30)
        const east = Float64Array.from({ length: n }, flow)
        const north = Float64Array.from({ length: n }, flow)
        const dx = rnd() < 0.5 ? 0 : rnd() * 0.1
        const dy = rnd() < 0.5 ? 0 : rnd() * 0.1
        const gE = Float64Array.from({ length: size }, () => rnd())
        const gN = Float64Array.from({ length: size }, () => rnd())
        const phi = Float64Array.from({ length: size }, flow)
        const refEast = new Float64Array(size)
        const refNorth = new Float64Array(size)
        for (let p = 0; p < size - w; p++) {
          refEast[p] = gE[p]! * (phi[p]! - phi[p + 1]!)
          refNorth[p] = gN[p]! * (phi[p]! - phi[p + w]!)
        }
        const ref = packedCoefficients(nx, ny, order, a, b, east, north, dx, dy)

        const arena = new Arena(i32Bytes(n) + 2 * f64Bytes(size) + 2 * f64Bytes(n) + i32Bytes(n) + f64Bytes(n * 6) + 5 * f64Bytes(size))
        try {
          const k = arena.kernels
          const wOrder = arena.copyI32(order)
          const wa = arena.copyF64(a)
          const wb = arena.copyF64(b)
          const wEast = arena.copyF64(east)
          const wNorth = arena.copyF64(north)
          const cell = arena.i32(n)
          const c = arena.f64(n * 6)
          k.pack(n, wOrder.byteOffset, nx, ny, w, wa.byteOffset, wb.byteOffset, wEast.byteOffset, wNorth.byteOffset, dx, dy, cell.byteOffset, c.byteOffset)
          expect(Array.from(cell)).toEqual(Array.from(ref.cell))
          expectBits(c, ref.c)
          const wgE = arena.copyF64(gE)
          const wgN = arena.copyF64(gN)
          const wPhi = arena.copyF64(phi)
          const outE = arena.f64(size)
          const outN = arena.f64(size)
          k.faceFlows(size, w, wgE.byteOffset, wgN.byteOffset, wPhi.byteOffset, outE.byteOffset, outN.byteOffset)
          expectBits(outE, refEast)
          expectBits(outN, refNorth)
        } finally {
          arena.close()
        }
      }),
      { numRuns: 150, seed: 13 },
    )
  })
})

// --- order.ts's downstreamOrder before the kernel. ---
function downstreamOrder(nx: number, ny: number, east: Float64Array, north: Float64Array): Int32Array {
  const n = nx * ny
  const inflows = new Uint8Array(n)
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const k = j * nx + i
      let c = 0
      if (i > 0 && east[k - 1]! > 0) c++
      if (i < nx - 1 && east[k]! < 0) c++
      if (j > 0 && north[k - nx]! > 0) c++
      if (j < ny - 1 && north[k]! < 0) c++
      inflows[k] = c
    }
  }
  const order = new Int32Array(n)
  let tail = 0
  for (let k = 0; k < n; k++) if (inflows[k] === 0) order[tail++] = k
  for (let head = 0; head < tail; head++) {
    const k = order[head]!
    const i = k % nx
    if (i < nx - 1 && east[k]! > 0 && --inflows[k + 1]! === 0) order[tail++] = k + 1
    if (i > 0 && east[k - 1]! < 0 && --inflows[k - 1]! === 0) order[tail++] = k - 1
    if (k + nx < n && north[k]! > 0 && --inflows[k + nx]! === 0) order[tail++] = k + nx
    if (k >= nx && north[k - nx]! < 0 && --inflows[k - nx]! === 0) order[tail++] = k - nx
  }
  if (tail < n) for (let k = 0; k < n; k++) if (inflows[k]! > 0) order[tail++] = k
  return order
}

describe('the downstream-order kernel', () => {
  it('gives the TypeScript order, for potential flows and for flows with cycles, zeros and NaN', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 }), fc.boolean(), fc.integer(), (nx, ny, potential, seed) => {
        const rnd = random(seed)
        const n = nx * ny
        let east: Float64Array
        let north: Float64Array
        if (potential) {
          // Face flows from a potential (no cycles), some faces closed.
          const phi = Float64Array.from({ length: n }, () => rnd())
          east = Float64Array.from({ length: n }, (_, k) => (k % nx < nx - 1 && rnd() > 0.1 ? phi[k]! - phi[k + 1]! : 0))
          north = Float64Array.from({ length: n }, (_, k) => (k + nx < n && rnd() > 0.1 ? phi[k]! - phi[k + nx]! : 0))
        } else {
          const any = (): number => {
            const u = rnd()
            return u < 0.1 ? 0 : u < 0.13 ? NaN : rnd() - 0.5
          }
          east = Float64Array.from({ length: n }, any)
          north = Float64Array.from({ length: n }, any)
        }
        const expected = downstreamOrder(nx, ny, east, north)
        const arena = new Arena(2 * f64Bytes(n) + 2 * i32Bytes(n))
        try {
          const g = { nx, ny, n } as Parameters<typeof orderKernel>[1]
          const got = orderKernel(arena, g, arena.copyF64(east), arena.copyF64(north))
          expect(Array.from(got)).toEqual(Array.from(expected))
        } finally {
          arena.close()
        }
      }),
      { numRuns: 200, seed: 13 },
    )
  })
})

// --- flow.ts's operator and multigrid.ts's coarsen before the kernels. ---
const harmonic = (a: number, b: number): number => (a + b > 0 ? (2 * a * b) / (a + b) : 0)
function operator(nx: number, ny: number, hx: number, hy: number, cellG: Float64Array, dPadded: Float64Array) {
  const w = nx + 2
  const size = w * (ny + 2)
  const gE = new Float64Array(size)
  const gN = new Float64Array(size)
  const d = Float64Array.from(dPadded)
  const ax = hy / hx
  const ay = hx / hy
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const k = j * nx + i
      const p = (j + 1) * w + i + 1
      const c = cellG[k]!
      if (i < nx - 1) gE[p] = ax * harmonic(c, cellG[k + 1]!)
      if (j < ny - 1) gN[p] = ay * harmonic(c, cellG[k + nx]!)
    }
  }
  for (let j = 1; j <= ny; j++) for (let p = j * w + 1, end = p + nx; p < end; p++) d[p] = d[p]! + gE[p]! + gE[p - 1]! + gN[p]! + gN[p - w]!
  return { gE, gN, d }
}
function coarsen(f: { nx: number; ny: number; w: number; fx: number; fy: number; gE: Float64Array; gN: Float64Array; d: Float64Array }) {
  const nx = Math.ceil(f.nx / f.fx)
  const ny = Math.ceil(f.ny / f.fy)
  const w = nx + 2
  const size = w * (ny + 2)
  const gE = new Float64Array(size)
  const gN = new Float64Array(size)
  const d = new Float64Array(size)
  for (let J = 0; J < ny; J++) {
    for (let I = 0; I < nx; I++) {
      const p = (J + 1) * w + I + 1
      let east = 0
      let north = 0
      let dirichlet = 0
      for (let dj = 0; dj < f.fy; dj++) {
        const j = f.fy * J + dj
        if (j >= f.ny) continue
        for (let di = 0; di < f.fx; di++) {
          const i = f.fx * I + di
          if (i >= f.nx) continue
          const q = (j + 1) * f.w + i + 1
          dirichlet += f.d[q]! - f.gE[q]! - f.gE[q - 1]! - f.gN[q]! - f.gN[q - f.w]!
          if (di === f.fx - 1 && I < nx - 1) east += f.gE[q]!
          if (dj === f.fy - 1 && J < ny - 1) north += f.gN[q]!
        }
      }
      gE[p] = 0.5 * east
      gN[p] = 0.5 * north
      d[p] = 0.5 * dirichlet
    }
  }
  for (let J = 1; J <= ny; J++) for (let p = J * w + 1, end = p + nx; p < end; p++) d[p] = d[p]! + gE[p]! + gE[p - 1]! + gN[p]! + gN[p - w]!
  return { nx, ny, w, gE, gN, d }
}

describe('the operator and coarsening kernels', () => {
  it('give the TypeScript loops\' operator and coarse level bit for bit, closed cells and one-cell-wide sides included', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 }), fc.integer(), (nx, ny, seed) => {
        const rnd = random(seed)
        const w = nx + 2
        const size = w * (ny + 2)
        const n = nx * ny
        const hx = 0.3 + rnd()
        const hy = 0.3 + rnd()
        const cellG = Float64Array.from({ length: n }, () => (rnd() < 0.15 ? 0 : rnd() < 0.3 ? 1 : rnd() * 2))
        const dPadded = new Float64Array(size)
        for (let j = 1; j <= ny; j++) for (let i = 1; i <= nx; i++) dPadded[j * w + i] = rnd() < 0.1 ? rnd() : 0
        const ref = operator(nx, ny, hx, hy, cellG, dPadded)
        const fx = nx > 1 ? 2 : 1
        const fy = ny > 1 ? 2 : 1
        const coarse = coarsen({ nx, ny, w, fx, fy, ...ref })
        const csize = coarse.w * (coarse.ny + 2)
        const arena = new Arena(f64Bytes(n) + 3 * f64Bytes(size) + 3 * f64Bytes(csize))
        try {
          const k = arena.kernels
          const g = arena.copyF64(cellG)
          const gE = arena.f64(size)
          const gN = arena.f64(size)
          const d = arena.copyF64(dPadded)
          k.faces(nx, ny, w, g.byteOffset, gE.byteOffset, gN.byteOffset, hy / hx, hx / hy)
          k.addDiagonal(nx, ny, w, gE.byteOffset, gN.byteOffset, d.byteOffset)
          expectBits(gE, ref.gE)
          expectBits(gN, ref.gN)
          expectBits(d, ref.d)
          const cE = arena.f64(csize)
          const cN = arena.f64(csize)
          const cd = arena.f64(csize)
          k.coarsenFaces(nx, ny, w, fx, fy, gE.byteOffset, gN.byteOffset, d.byteOffset, coarse.nx, coarse.ny, coarse.w, cE.byteOffset, cN.byteOffset, cd.byteOffset)
          k.addDiagonal(coarse.nx, coarse.ny, coarse.w, cE.byteOffset, cN.byteOffset, cd.byteOffset)
          expectBits(cE, coarse.gE)
          expectBits(cN, coarse.gN)
          expectBits(cd, coarse.d)
        } finally {
          arena.close()
        }
      }),
      { numRuns: 200, seed: 13 },
    )
  })
})

describe('the kernels module', () => {
  const wabtPackage = 'wabt' // a devDependency: by name, so a checkout without it still type-checks
  const wabt = import(wabtPackage).then(
    () => true,
    () => false,
  )
  it('is kernels.wat assembled (scripts/build-wasm.mjs; skipped where wabt is not installed)', async (ctx) => {
    if (!(await wabt)) ctx.skip()
    const { assemble, moduleSource, WAT } = await import('../../../scripts/build-wasm.mjs')
    const bytes = await assemble(readFileSync(WAT, 'utf8'))
    expect(moduleSource(bytes)).toContain(KERNELS_WASM_BASE64)
    expect(Buffer.from(KERNELS_WASM_BASE64, 'base64').equals(Buffer.from(bytes))).toBe(true)
  })

  it('one arena at a time, and an overrun is an error, not a write past its arrays', () => {
    const arena = new Arena(16)
    try {
      expect(() => new Arena(8)).toThrow(/already open/)
      arena.f64(2)
      expect(() => arena.f64(1)).toThrow(/overrun/)
    } finally {
      arena.close()
    }
    new Arena(8).close()
  })
})
