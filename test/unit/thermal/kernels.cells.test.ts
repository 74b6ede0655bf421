// The field's per-cell kernels that replaced the last TypeScript loops over every cell (padding,
// boundary terms, heat out, the field's range, intakes, rack positions, hot spots, boxes on the
// grid, the memo's comparison) give, bit for bit, what those loops gave, on random grids and values
// with zeros, negative zeros and NaN. The replaced loops are restated here as the reference.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { expectBits, random, sameBits } from '../fixtures/bits'
import { prolong, relaxBackward, relaxForward, residual, restrict, type Level as ReferenceLevel } from '../fixtures/multigridReference'
import type { Box } from '../../../src/model/layout'
import { BOX_STRIDE, boxCells, boxLine, cellsAlongLines, hallGrid, LINE_STRIDE, rasteriseBoxes, type ThermalGrid } from '../../../src/solver/thermal/grid'
import { findHotSpots } from '../../../src/solver/thermal/hotSpots'
import { multigrid, multigridBytes, precondition } from '../../../src/solver/thermal/multigrid'
import { Arena, f64Bytes, i32Bytes, sameBitsOf } from '../../../src/solver/thermal/kernels'
import type { Hall } from '../../../src/model/sceneSchema'


// --- The reference: padded.ts, flow.ts, temperature.ts, hallField.ts before the kernels. ---
function padIndex(nx: number, k: number): number {
  const j = Math.floor(k / nx)
  return (j + 1) * (nx + 2) + (k - j * nx) + 1
}
function toPadded(nx: number, ny: number, a: Float64Array): Float64Array {
  const w = nx + 2
  const out = new Float64Array(w * (ny + 2))
  for (let j = 0; j < ny; j++) out.set(a.subarray(j * nx, (j + 1) * nx), (j + 1) * w + 1)
  return out
}
function fromPadded(nx: number, ny: number, a: Float64Array): Float64Array {
  const w = nx + 2
  const out = new Float64Array(nx * ny)
  for (let j = 0; j < ny; j++) out.set(a.subarray((j + 1) * w + 1, (j + 1) * w + 1 + nx), j * nx)
  return out
}
function maxAbs(a: Float64Array): number {
  let m = 0
  for (let k = 0; k < a.length; k++) {
    const v = Math.abs(a[k]!)
    if (v > m) m = v
  }
  return m
}
function boundary(nx: number, ny: number, fanSink: Float64Array, intakeOf: Float64Array, leak: Float64Array, intakeC: number, a: Float64Array, outflow: Float64Array, b: Float64Array): void {
  const w = nx + 2
  for (let j = 0; j < ny; j++) {
    for (let i = 0, k = j * nx, q = (j + 1) * w + 1; i < nx; i++, k++, q++) {
      const intake = intakeOf[k]!
      const out = fanSink[k]! + Math.max(-intake, 0) + leak[k]!
      a[q] = out
      outflow[q] = out
      b[q] = Math.max(intake, 0) * intakeC + leak[k]! * intakeC
    }
  }
}
function heatOut(outflow: Float64Array, t: Float64Array, intakeC: number): number {
  let sum = 0
  for (let q = 0; q < t.length; q++) {
    const out = outflow[q]!
    if (out > 0) sum += out * (t[q]! - intakeC)
  }
  return sum
}
function range(tempC: Float64Array): [number, number] {
  let minC = Infinity
  let maxC = -Infinity
  for (let k = 0; k < tempC.length; k++) {
    const v = tempC[k]!
    if (v < minC) minC = v
    if (v > maxC) maxC = v
  }
  return [minC, maxC]
}

// --- hotSpots.ts before the kernel. ---
function hotSpots(g: ThermalGrid, tempC: Float64Array, count: number) {
  const spots: { x: number; y: number; tempC: number }[] = []
  const taken: { i: number; j: number }[] = []
  const ri = 3 / g.hx
  const rj = 3 / g.hy
  const near = (i: number, j: number): boolean => taken.some((t) => ((t.i - i) / ri) ** 2 + ((t.j - j) / rj) ** 2 < 1)
  for (let s = 0; s < count; s++) {
    let best = -1
    let bestC = -Infinity
    for (let k = 0; k < tempC.length; k++) {
      const v = tempC[k]!
      if (v > bestC && !near(k % g.nx, Math.floor(k / g.nx))) {
        bestC = v
        best = k
      }
    }
    if (best < 0) break
    const i = best % g.nx
    const j = Math.floor(best / g.nx)
    taken.push({ i, j })
    spots.push({ x: g.originX + (i + 0.5) * g.hx, y: g.originY + (j + 0.5) * g.hy, tempC: bestC })
  }
  return spots
}

// --- grid.ts before the kernels. ---
function axes(box: Box) {
  const ux = Math.cos(box.rotationRad)
  const uy = Math.sin(box.rotationRad)
  return { ux, uy, nx: -uy, ny: ux }
}
function cellAt(g: ThermalGrid, x: number, y: number): number {
  const i = Math.min(g.nx - 1, Math.max(0, Math.floor((x - g.originX) / g.hx)))
  const j = Math.min(g.ny - 1, Math.max(0, Math.floor((y - g.originY) / g.hy)))
  return j * g.nx + i
}
function cellsAlongBox(g: ThermalGrid, box: Box, offsetM: number): number[] {
  const a = axes(box)
  const step = 0.5 * Math.min(g.hx, g.hy)
  const samples = Math.max(1, Math.ceil(box.widthM / step))
  const cx = box.cx + a.nx * offsetM
  const cy = box.cy + a.ny * offsetM
  const cells: number[] = []
  for (let s = 0; s < samples; s++) {
    const along = ((s + 0.5) / samples - 0.5) * box.widthM
    const k = cellAt(g, cx + a.ux * along, cy + a.uy * along)
    if (cells.length === 0 || cells[cells.length - 1] !== k) cells.push(k)
  }
  return cells
}
function rasteriseBox(g: ThermalGrid, box: Box, value: number, out: Float64Array): void {
  const a = axes(box)
  const halfW = box.widthM / 2
  const halfD = box.depthM / 2
  const reach = Math.hypot(halfW, halfD)
  const i0 = Math.max(0, Math.floor((box.cx - reach - g.originX) / g.hx))
  const i1 = Math.min(g.nx - 1, Math.floor((box.cx + reach - g.originX) / g.hx))
  const j0 = Math.max(0, Math.floor((box.cy - reach - g.originY) / g.hy))
  const j1 = Math.min(g.ny - 1, Math.floor((box.cy + reach - g.originY) / g.hy))
  for (let j = j0; j <= j1; j++) {
    const dy = g.originY + (j + 0.5) * g.hy - box.cy
    for (let i = i0; i <= i1; i++) {
      const dx = g.originX + (i + 0.5) * g.hx - box.cx
      const along = dx * a.ux + dy * a.uy
      const across = dx * a.nx + dy * a.ny
      if (Math.abs(along) <= halfW && Math.abs(across) <= halfD) {
        const k = j * g.nx + i
        if (value < (out[k] ?? 1)) out[k] = value
      }
    }
  }
}

describe('the padding, boundary, heat-out, range and intake kernels', () => {
  it('give the TypeScript loops\' results bit for bit, with zero, negative-zero and NaN values', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 25 }), fc.integer({ min: 1, max: 25 }), fc.integer(), (nx, ny, seed) => {
        const rnd = random(seed)
        const w = nx + 2
        const size = w * (ny + 2)
        const n = nx * ny
        const value = (): number => {
          const u = rnd()
          return u < 0.1 ? 0 : u < 0.15 ? -0 : u < 0.17 ? NaN : (rnd() - 0.5) * 4
        }
        const a = Float64Array.from({ length: n }, value)
        const fanSink = Float64Array.from({ length: n }, () => (rnd() < 0.8 ? 0 : rnd()))
        const intake = Float64Array.from({ length: n }, value)
        const leak = Float64Array.from({ length: n }, () => (rnd() < 0.8 ? 0 : rnd() * 0.01))
        const dirichlet = Float64Array.from({ length: n }, () => (rnd() < 0.7 ? 0 : rnd() * 2))
        const intakeC = 10 + rnd() * 20
        const phi = Float64Array.from({ length: size }, value)
        const t = Float64Array.from({ length: size }, () => (rnd() < 0.05 ? NaN : rnd() < 0.1 ? 150 : 10 + rnd() * 60))
        const cells = Int32Array.from({ length: 2 * n }, () => Math.floor(rnd() * n))

        const refA = new Float64Array(size)
        const refOut = new Float64Array(size)
        const refB = new Float64Array(size)
        boundary(nx, ny, fanSink, intake, leak, intakeC, refA, refOut, refB)
        const refIntake = new Float64Array(n)
        const phiCells = fromPadded(nx, ny, phi)
        for (let k = 0; k < n; k++) refIntake[k] = -dirichlet[k]! * phiCells[k]!
        let refInflow = 0
        for (let k = 0; k < n; k++) if (refIntake[k]! > 0) refInflow += refIntake[k]!
        let refHot = false
        for (let q = 0; q < size && !refHot; q++) if (t[q]! >= 150) refHot = true

        const arena = new Arena(16 * f64Bytes(size) + 8 * f64Bytes(n) + 2 * i32Bytes(2 * n))
        try {
          const k = arena.kernels
          const wa = arena.copyF64(a)
          const padded = arena.f64(size)
          k.pad(nx, ny, w, wa.byteOffset, padded.byteOffset)
          expectBits(padded, toPadded(nx, ny, a))
          const back = arena.f64(n)
          k.unpad(nx, ny, w, padded.byteOffset, back.byteOffset)
          expectBits(back, a)
          const wphi = arena.copyF64(phi)
          const unpadded = arena.f64(n)
          k.unpad(nx, ny, w, wphi.byteOffset, unpadded.byteOffset)
          expectBits(unpadded, phiCells)
          const wcells = arena.copyI32(cells)
          const pcells = arena.i32(cells.length)
          k.padCells(cells.length, nx, w, wcells.byteOffset, pcells.byteOffset)
          expect(Array.from(pcells)).toEqual(Array.from(cells, (c) => padIndex(nx, c)))
          expect(sameBits(k.maxAbs(size, wphi.byteOffset), maxAbs(phi))).toBe(true)

          const wa2 = arena.f64(size)
          const wout = arena.f64(size)
          const wb = arena.f64(size)
          const wfan = arena.copyF64(fanSink)
          const wint = arena.copyF64(intake)
          const wleak = arena.copyF64(leak)
          k.boundary(nx, ny, w, wfan.byteOffset, wint.byteOffset, wleak.byteOffset, intakeC, wa2.byteOffset, wout.byteOffset, wb.byteOffset)
          expectBits(wa2, refA)
          expectBits(wout, refOut)
          expectBits(wb, refB)
          const wt = arena.copyF64(t)
          expect(sameBits(k.heatOut(size, wout.byteOffset, wt.byteOffset, intakeC), heatOut(refOut, t, intakeC))).toBe(true)

          const out = arena.f64(2)
          const hot = k.range(nx, ny, w, wt.byteOffset, size, 150, out.byteOffset)
          expect(hot !== 0).toBe(refHot)
          const [minC, maxC] = range(fromPadded(nx, ny, t))
          expect(sameBits(out[0]!, minC) && sameBits(out[1]!, maxC)).toBe(true)

          const wdir = arena.copyF64(dirichlet)
          const wintake = arena.f64(n)
          const inflow = k.intake(nx, ny, w, wdir.byteOffset, wphi.byteOffset, wintake.byteOffset)
          expectBits(wintake, refIntake)
          expect(sameBits(inflow, refInflow)).toBe(true)
        } finally {
          arena.close()
        }
      }),
      { numRuns: 150, seed: 13 },
    )
  })
})

describe('the rack-position kernel', () => {
  it('gives every padded cell its sweep position, as the TypeScript loop did', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 20 }), fc.integer(), (nx, ny, seed) => {
        const rnd = random(seed)
        const n = nx * ny
        const order = Int32Array.from({ length: n }, (_, k) => k)
        for (let k = n - 1; k > 0; k--) {
          const m = Math.floor(rnd() * (k + 1))
          ;[order[k], order[m]] = [order[m]!, order[k]!]
        }
        const size = (nx + 2) * (ny + 2)
        const ref = new Int32Array(size)
        for (let pos = 0; pos < n; pos++) ref[padIndex(nx, order[pos]!)] = pos
        const arena = new Arena(2 * i32Bytes(size))
        try {
          const cell = arena.copyI32(Int32Array.from(order, (k) => padIndex(nx, k)))
          const posOf = arena.i32(size)
          arena.kernels.positions(n, cell.byteOffset, posOf.byteOffset)
          expect(Array.from(posOf)).toEqual(Array.from(ref))
        } finally {
          arena.close()
        }
      }),
      { numRuns: 100, seed: 13 },
    )
  })
})

describe('the hot-spot kernel', () => {
  it('picks the hot spots the TypeScript scan picked, with ties, NaN and −∞', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 }), fc.double({ min: 0.1, max: 2, noNaN: true }), fc.integer(), (nx, ny, cellM, seed) => {
        const rnd = random(seed)
        const g: ThermalGrid = { nx, ny, n: nx * ny, hx: cellM, hy: cellM * (0.5 + rnd()), originX: rnd() * 10, originY: rnd() * 10, heightM: 5 }
        const t = Float64Array.from({ length: g.n }, () => {
          const u = rnd()
          return u < 0.05 ? NaN : u < 0.08 ? -Infinity : u < 0.3 ? 40 : 20 + Math.round(rnd() * 40) / 2
        })
        expect(findHotSpots(g, t, 7)).toEqual(hotSpots(g, t, 7))
      }),
      { numRuns: 200, seed: 13 },
    )
  })
})

describe('the box kernels', () => {
  it('give the cells along a box face and under a box the TypeScript loops gave', () => {
    const hall = (l: number, w: number): Hall => ({ lengthM: l, widthM: w, heightM: 6, origin: { x: 3, y: -2 } }) as unknown as Hall
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 12 }), (seed, count) => {
        const rnd = random(seed)
        const g = hallGrid(hall(5 + rnd() * 40, 5 + rnd() * 30), 0.3 + rnd() * 0.6)
        const boxes: Box[] = Array.from({ length: count }, () => ({
          cx: 3 + (rnd() * 1.4 - 0.2) * g.nx * g.hx,
          cy: -2 + (rnd() * 1.4 - 0.2) * g.ny * g.hy,
          widthM: rnd() < 0.1 ? 0 : rnd() * 4,
          depthM: 0.3 + rnd() * 1.5,
          heightM: 2,
          rotationRad: rnd() < 0.5 ? Math.round(rnd() * 4) * (Math.PI / 2) : rnd() * 2 * Math.PI,
          elevationM: 0,
        }))
        const offsets = boxes.map(() => (rnd() - 0.5) * 3)
        const lines = new Float64Array(count * LINE_STRIDE)
        let samples = 0
        boxes.forEach((b, r) => (samples += boxLine(g, b, offsets[r]!, lines, r)))
        const { at, cells } = cellsAlongLines(g, lines, count, samples)
        boxes.forEach((b, r) => expect(Array.from(cells.subarray(at[r]!, at[r + 1]!))).toEqual(cellsAlongBox(g, b, offsets[r]!)))

        const params = new Float64Array(count * BOX_STRIDE)
        const values = boxes.map(() => rnd())
        boxes.forEach((b, r) => boxCells(g, b, values[r]!, params, r))
        const got = new Float64Array(g.n).fill(1)
        rasteriseBoxes(g, params, count, got)
        const ref = new Float64Array(g.n).fill(1)
        boxes.forEach((b, r) => rasteriseBox(g, b, values[r]!, ref))
        expectBits(got, ref)
      }),
      { numRuns: 200, seed: 13 },
    )
  })
})

// --- memo.ts's comparison of two arrays before the kernel. ---
function sameWords(a: Float64Array | Int32Array, b: Float64Array | Int32Array): boolean {
  if (a instanceof Int32Array) {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
    return true
  }
  const wa = new Uint32Array(a.buffer, a.byteOffset, a.length * 2)
  const wb = new Uint32Array(b.buffer, b.byteOffset, b.length * 2)
  for (let i = 0; i < wa.length; i++) if (wa[i] !== wb[i]) return false
  return true
}

describe('the comparison kernel', () => {
  it('tells arrays apart as the word loop did: one element changed, 0 against −0, NaN against NaN, any length', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 700 }), fc.boolean(), fc.integer(), (length, floats, seed) => {
        const rnd = random(seed)
        const value = (): number => (floats ? [0, -0, NaN, 1.5, rnd()][Math.floor(rnd() * 5)]! : Math.floor(rnd() * 4) - 2)
        const a = floats ? Float64Array.from({ length }, value) : Int32Array.from({ length }, value)
        const b = a.slice()
        const u = rnd()
        if (length > 0 && u < 0.7) b[Math.floor(rnd() * length)] = value()
        if (length > 0 && u > 0.9) b[length - 1] = floats ? (Object.is(b[length - 1], 0) ? -0 : 0) : b[length - 1]! + 1
        expect(sameBitsOf(a, b)).toBe(sameWords(a, b))
        expect(sameBitsOf(a, a.slice())).toBe(true)
      }),
      { numRuns: 300, seed: 13 },
    )
  })
})

// --- multigrid.ts's factor, coarsest solve and cycle before the kernel (smoothing, residual,
// restriction and prolongation: fixtures/multigridReference.ts, as kernels.test.ts checks them). ---
interface Level extends ReferenceLevel {
  fx: number
  fy: number
}
function factor(L: Level): Float64Array {
  const n = L.nx * L.ny
  const a = new Float64Array(n * n)
  const at = (k: number): number => (Math.floor(k / L.nx) + 1) * L.w + (k % L.nx) + 1
  for (let k = 0; k < n; k++) {
    const p = at(k)
    a[k * n + k] = L.d[p]!
    if (k % L.nx < L.nx - 1) a[k * n + k + 1] = a[(k + 1) * n + k] = -L.gE[p]!
    if (k + L.nx < n) a[k * n + k + L.nx] = a[(k + L.nx) * n + k] = -L.gN[p]!
  }
  for (let j = 0; j < n; j++) {
    let s = a[j * n + j]!
    for (let k = 0; k < j; k++) s -= a[j * n + k]! * a[j * n + k]!
    const ljj = Math.sqrt(Math.max(s, 1e-300))
    a[j * n + j] = ljj
    for (let i = j + 1; i < n; i++) {
      let t = a[i * n + j]!
      for (let k = 0; k < j; k++) t -= a[i * n + k]! * a[j * n + k]!
      a[i * n + j] = t / ljj
    }
  }
  return a
}
function solveCoarsest(L: Level, a: Float64Array): void {
  const n = L.nx * L.ny
  const y = L.r
  for (let k = 0; k < n; k++) {
    let s = L.b[(Math.floor(k / L.nx) + 1) * L.w + (k % L.nx) + 1]!
    for (let m = 0; m < k; m++) s -= a[k * n + m]! * y[m]!
    y[k] = s / a[k * n + k]!
  }
  for (let k = n - 1; k >= 0; k--) {
    let s = y[k]!
    for (let m = k + 1; m < n; m++) s -= a[m * n + k]! * y[m]!
    y[k] = s / a[k * n + k]!
  }
  L.x.fill(0)
  for (let k = 0; k < n; k++) L.x[(Math.floor(k / L.nx) + 1) * L.w + (k % L.nx) + 1] = y[k]!
  L.r.fill(0)
}
function cycle(levels: Level[], chol: Float64Array, at: number): void {
  const L = levels[at]!
  if (at === levels.length - 1) return solveCoarsest(L, chol)
  L.x.fill(0)
  relaxForward(L)
  residual(L)
  const C = levels[at + 1]!
  C.b.fill(0)
  restrict(L, L.fx - 1, L.fy - 1, C.b, C.w)
  cycle(levels, chol, at + 1)
  prolong(L, L.fx - 1, L.fy - 1, C.x, C.w)
  relaxBackward(L)
}

describe('the V-cycle and factor kernels', () => {
  it('give the TypeScript cycle\'s z and r·z and the TypeScript Cholesky factor bit for bit, any grid', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 }), fc.integer(), (nx, ny, seed) => {
        const rnd = random(seed)
        const w = nx + 2
        const size = w * (ny + 2)
        const arena = new Arena(5 * f64Bytes(size) + multigridBytes(nx, ny))
        try {
          const gE = arena.f64(size)
          const gN = arena.f64(size)
          const d = arena.f64(size)
          for (let j = 1; j <= ny; j++) {
            for (let i = 1; i <= nx; i++) {
              const p = j * w + i
              gE[p] = i < nx && rnd() > 0.1 ? rnd() * 2 : 0
              gN[p] = j < ny && rnd() > 0.1 ? rnd() * 2 : 0
            }
          }
          for (let j = 1; j <= ny; j++) for (let p = j * w + 1; p < j * w + 1 + nx; p++) d[p] = (rnd() < 0.1 ? rnd() : 0) + gE[p]! + gE[p - 1]! + gN[p]! + gN[p - w]! + 1e-3
          const mg = multigrid({ nx, ny, w, gE, gN, d }, arena)
          // The reference works on copies of the hierarchy the kernels built.
          const levels: Level[] = mg.levels.map((L) => ({ ...L, gE: L.gE.slice(), gN: L.gN.slice(), d: L.d.slice(), b: L.b.slice(), x: L.x.slice(), r: L.r.slice() }))
          const chol = factor(levels[levels.length - 1]!)
          expectBits(mg.chol, chol)
          const r = arena.copyF64(Float64Array.from({ length: size }, (_, p) => (p % w === 0 || p % w === w - 1 || p < w || p >= size - w ? 0 : rnd() - 0.5)))
          const z = arena.f64(size)
          for (let round = 0; round < 2; round++) {
            const dot = precondition(mg, r, z)
            levels[0]!.b.set(r)
            cycle(levels, chol, 0)
            const zRef = levels[0]!.x.slice()
            let dotRef = 0
            for (let j = 1; j <= ny; j++) for (let p = j * w + 1, end = p + nx; p < end; p++) dotRef += zRef[p]! * r[p]!
            expectBits(z, zRef)
            expect(sameBits(dot, dotRef)).toBe(true)
            mg.levels.forEach((L, i) => {
              expectBits(L.x, levels[i]!.x)
              expectBits(L.r, levels[i]!.r)
            })
            for (let p = 0; p < size; p++) r[p] = r[p]! * 0.5 + z[p]! * 0.25
          }
        } finally {
          arena.close()
        }
      }),
      { numRuns: 120, seed: 13 },
    )
  })
})
