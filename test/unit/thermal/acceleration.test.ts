// The Anderson acceleration of the plan field's sweeps (temperature.ts ACCELERATION, anderson.ts):
// a field that converges by sweep ACCELERATION.after is the plain sweeps' field bit for bit; a
// slow field converges in far fewer sweeps to the same fixed point; a saturating field is left to
// the plain sweeps; the mixer itself solves a linear fixed point as a multisecant method should,
// and its two kernels are the loops they stand for.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { builtInCatalog } from '../../../src/model/catalog'
import { resolveParams } from '../../../src/model/params'
import { parseSceneText } from '../../../src/model/parse'
import { variantLoads } from '../../../src/solver/loads'
import { climateFieldAir } from '../../../src/solver/thermal'
import { AndersonMixer, andersonBytes } from '../../../src/solver/thermal/anderson'
import { hallRackInlets } from '../../../src/solver/thermal/hallField'
import { Arena } from '../../../src/solver/thermal/kernels'
import { ACCELERATION, BALANCE_TOLERANCE, solveTemperature, type TemperatureInput, type TemperatureSolution } from '../../../src/solver/thermal/temperature'
import { channelInput, type ChannelRack } from './channelField'

const bits = (a: Float64Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength)
const maxDiff = (a: Float64Array, b: Float64Array): number => a.reduce((m, x, i) => Math.max(m, Math.abs(x - b[i]!)), 0)

/** Every output the same, bit for bit. */
function expectSame(a: TemperatureSolution, b: TemperatureSolution): void {
  expect(bits(a.tempC).equals(bits(b.tempC))).toBe(true)
  expect(bits(a.rackInletC).equals(bits(b.rackInletC))).toBe(true)
  expect(bits(a.rackOutletC).equals(bits(b.rackOutletC))).toBe(true)
  expect([a.sweeps, a.converged, a.saturated, a.minC, a.maxC, a.heatOutKW]).toEqual([b.sweeps, b.converged, b.saturated, b.minC, b.maxC, b.heatOutKW])
}

const plain = (p: TemperatureInput, over: Partial<TemperatureInput> = {}): TemperatureSolution => solveTemperature({ ...p, acceleration: null, ...over })

// A 20 × 8 m channel (1 m cells, 4 m high) with two racks. Downstream racks blow along the
// through-flow; upstream racks blow against it, into the cell just west of (or two west of)
// their front, and take much of their own exhaust back.
const down: ChannelRack[] = [
  { front: [5, 3], back: [6, 3], flowM3s: 1, heatKW: 20 },
  { front: [10, 4], back: [11, 4], flowM3s: 1, heatKW: 20 },
]
const up: ChannelRack[] = [
  { front: [10, 3], back: [9, 3], flowM3s: 3, heatKW: 10 },
  { front: [14, 5], back: [13, 5], flowM3s: 3, heatKW: 10 },
]
const upFar: ChannelRack[] = [
  { front: [10, 3], back: [8, 3], flowM3s: 5, heatKW: 10 },
  { front: [14, 5], back: [12, 5], flowM3s: 5, heatKW: 10 },
]

describe('a field that converges by sweep ACCELERATION.after', () => {
  // Plain sweeps: 12, 17, 21 and 24 (measured; the test checks they are at most `after`).
  const fast = [
    channelInput({ nx: 20, ny: 8, throughM3s: 20, racks: down }),
    channelInput({ nx: 20, ny: 8, throughM3s: 20, racks: up }),
    channelInput({ nx: 20, ny: 8, throughM3s: 20, racks: upFar }),
    channelInput({ nx: 20, ny: 8, throughM3s: 8, racks: down }),
  ]

  it.each(fast.map((p, i) => [i, p] as const))('is the plain sweeps’ field, bit for bit (channel %i)', (_, p) => {
    const reference = plain(p)
    expect(reference.converged).toBe(true)
    expect(reference.sweeps).toBeLessThanOrEqual(ACCELERATION.after)
    expectSame(solveTemperature(p), reference)
  })

  it('converging at sweep `after` exactly is still plain; one sweep later is not', () => {
    // A slow field (plain: 278 sweeps) with the acceleration put off to its last sweep: the same
    // field; put off to the sweep before, the last step is extrapolated and the field differs.
    const p = channelInput({ nx: 20, ny: 8, throughM3s: 1, racks: up })
    const reference = plain(p)
    expect(reference.converged).toBe(true)
    expectSame(solveTemperature({ ...p, acceleration: { ...ACCELERATION, after: reference.sweeps } }), reference)
    const early = solveTemperature({ ...p, acceleration: { ...ACCELERATION, after: reference.sweeps - 1 } })
    expect(bits(early.tempC).equals(bits(reference.tempC))).toBe(false)
  })

  it('the example hall’s fields (siberia-20mw, every variant) converge by then, so keep their plain answer', () => {
    const catalog = builtInCatalog()
    const parsed = parseSceneText(readFileSync('scenes/siberia-20mw.json', 'utf8'), catalog)
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues))
    const scene = parsed.scene
    for (const variant of scene.variants) {
      const params = resolveParams(scene.params, variant.params)
      const rows = variantLoads(variant, catalog, params).rows
      for (const hall of variant.halls) {
        const air = climateFieldAir(hall, catalog.climates.get(scene.site.climateId)!, catalog, params)
        const field = hallRackInlets(hall, rows, air, catalog, params)
        expect(field.converged).toBe(true)
        expect(field.iterations.temperature).toBeLessThanOrEqual(ACCELERATION.after)
      }
    }
  })
})

describe('a slow field', () => {
  // Upstream racks in a weak through-flow (1 m³/s): each rack re-breathes its exhaust, and the
  // plain sweeps take 365.
  const p = channelInput({ nx: 20, ny: 8, throughM3s: 1, racks: upFar })
  const fast = solveTemperature(p)
  const slow = plain(p, { maxSweeps: 20_000 })
  // The fixed point itself, to 1e-10 K a sweep (plain sweeps, about 1000).
  const fixed = plain(p, { maxSweeps: 20_000, toleranceK: 1e-10 })
  // How far from the fixed point a field stopped with a sweep change below toleranceK can be:
  // the plain sweep contracts the error by about ρ a sweep (measured from three late sweeps,
  // ≈ 0.977 here), so a sweep that moves the field by c leaves an error of about c·ρ/(1 − ρ):
  // 1e-4 K · 0.977/0.023 ≈ 4.2e-3 K. A rack inlet is a mean of cells, no farther.
  const late = slow.sweeps - 5
  const [x0, x1, x2] = [late, late + 1, late + 2].map((cap) => plain(p, { maxSweeps: cap }).tempC)
  const rho = maxDiff(x2!, x1!) / maxDiff(x1!, x0!)
  const boundK = (p.toleranceK * rho) / (1 - rho)

  it('converges in a fifth of the plain sweeps or fewer, by the same stopping test', () => {
    expect(slow.converged).toBe(true)
    expect(fast.converged).toBe(true)
    expect(fast.saturated).toBe(false)
    expect(fast.sweeps).toBeGreaterThan(ACCELERATION.after)
    expect(fast.sweeps * 5).toBeLessThan(slow.sweeps)
  })

  it('lands on the plain sweeps’ fixed point, within what the stopping tolerance allows', () => {
    expect(fixed.converged).toBe(true)
    expect(rho).toBeGreaterThan(0.9)
    expect(rho).toBeLessThan(1)
    expect(boundK).toBeLessThan(5e-3)
    expect(maxDiff(fast.rackInletC, fixed.rackInletC)).toBeLessThan(boundK)
    expect(maxDiff(slow.rackInletC, fixed.rackInletC)).toBeLessThan(boundK)
    // So the accelerated and the plain (cap 20,000) inlets are within 2 × 4.2e-3 K of each other.
    expect(maxDiff(fast.rackInletC, slow.rackInletC)).toBeLessThan(2 * boundK)
    // The outlets follow: inlet + the rise 10 kW/(1.2 kg/m³ · 1005 J/kg·K · 5 m³/s) = 1.66 K.
    for (let r = 0; r < 2; r++) expect(fast.rackOutletC[r]! - fast.rackInletC[r]!).toBeCloseTo(10_000 / (1.2 * 1005 * 5), 10)
  })

  it('gives the extrapolation up when it does not gain enough, and converges on with plain sweeps', () => {
    // A gain no window can reach (1e9-fold in one sweep): the sweep after the 25th starts from an
    // extrapolation, every later one is plain. That one step takes out most of the slow loop:
    // 52 sweeps (measured), against 32 accelerated throughout and 365 plain.
    const givenUp = solveTemperature({ ...p, acceleration: { ...ACCELERATION, window: 1, gain: 1e9 } })
    expect(givenUp.converged).toBe(true)
    expect(givenUp.sweeps).toBeGreaterThan(fast.sweeps + 10)
    expect(givenUp.sweeps).toBeLessThan(slow.sweeps)
    // Still the same fixed point, within the bound above.
    expect(maxDiff(givenUp.rackInletC, fixed.rackInletC)).toBeLessThan(boundK)
  })

  it('conserves energy as the plain sweeps do: heat out = 20 kW in, within the balance tolerance', () => {
    expect(p.features.heatInKW).toBe(20)
    for (const s of [fast, slow]) expect(Math.abs(s.heatOutKW - 20)).toBeLessThanOrEqual(BALANCE_TOLERANCE * 20)
    expect(Math.abs(fast.heatOutKW - fixed.heatOutKW)).toBeLessThan(Math.abs(slow.heatOutKW - fixed.heatOutKW) + 1e-3)
  })
})

describe('a saturating field', () => {
  // A 2 MW rack with 2 m³/s in a 12 × 6 m channel that lets 1 m³/s through (a rise of
  // 2e6 W/(1.2 · 1005 · 2) = 829 K): the air reaches the 150 °C clamp. The rack's outlet clamps
  // on every sweep, so no sweep is extrapolated: the field is the plain sweeps' to the cap, bit
  // for bit. The plain sweeps stop changing any bit by sweep 400; the accelerated solve returns
  // there, at its fixed point: converged (the clamp's loss is the imbalance), at the sweeps taken,
  // so a report does not say both "saturated" and "stopped after 3000 sweeps".
  const p = channelInput({ nx: 12, ny: 6, throughM3s: 1, racks: [{ front: [6, 3], back: [5, 3], flowM3s: 2, heatKW: 2000 }], maxSweeps: 3000 })

  it('is the plain sweeps’ field at the cap, converged where it stops changing', () => {
    const reference = plain(p)
    expect(reference.saturated).toBe(true)
    expect(reference.converged).toBe(false)
    expect(reference.sweeps).toBe(3000)
    // Frozen: sweep 401 changes nothing of sweep 400's field.
    expect(bits(plain(p, { maxSweeps: 400 }).tempC).equals(bits(plain(p, { maxSweeps: 401 }).tempC))).toBe(true)
    const fast = solveTemperature(p)
    expectSame({ ...fast, sweeps: 3000, converged: false }, reference)
    expect(fast.converged).toBe(true)
    expect(fast.sweeps).toBeGreaterThan(ACCELERATION.after)
    expect(fast.sweeps).toBeLessThanOrEqual(401)
    // Heat out falls short of the 2000 kW in: the clamp discards the rest.
    expect(fast.heatOutKW).toBeLessThan(2000 * (1 - BALANCE_TOLERANCE))
    // Its own sweep count is a cap that gives the same field, converged.
    expectSame(solveTemperature({ ...p, maxSweeps: fast.sweeps }), fast)
  })
})

describe('the Anderson kernels (kernels.wat andersonRecord, andersonMix)', () => {
  it('are their loops: differences, sums and the clamped combination', () => {
    // Seven cells, three columns; values from a fixed formula, not a random seed.
    const size = 7
    const depth = 3
    const val = (i: number, k: number): number => Math.sin(1.3 * i + 0.7 * k) * (k + 1) + 0.25 * k
    const arena = new Arena(4096)
    try {
      const k = arena.kernels
      /** An array of the arena holding these values. */
      const inArena = (n: number, value: (i: number) => number): Float64Array => {
        const a = arena.f64(n)
        for (let i = 0; i < n; i++) a[i] = value(i)
        return a
      }
      const x = inArena(size, (i) => val(i, 0))
      const g = inArena(size, (i) => val(i, 1))
      const fPrev = inArena(size, (i) => val(i, 2))
      const gPrev = inArena(size, (i) => val(i, 3))
      const fPrev0 = fPrev.slice()
      const gPrev0 = gPrev.slice()
      const dF = inArena(depth * size, (i) => val(i, 4))
      const dG = inArena(depth * size, (i) => val(i, 5))
      const others = arena.i32(depth)
      others[0] = 2
      others[1] = 0
      const sums = arena.f64(5)
      // Record into column 1, against columns 2 and 0.
      const norm2 = k.andersonRecord(size, x.byteOffset, g.byteOffset, fPrev.byteOffset, gPrev.byteOffset, dF.byteOffset, dG.byteOffset, 1, 0, others.byteOffset, 2, sums.byteOffset)
      let expectNorm2 = 0
      let [dotF, dotSelf, dotCol2, dotCol0] = [0, 0, 0, 0]
      for (let i = 0; i < size; i++) {
        const f = g[i]! - x[i]!
        const d = f - fPrev0[i]!
        expectNorm2 += f * f
        dotF += d * f
        dotSelf += d * d
        dotCol2 += d * val(2 * size + i, 4)
        dotCol0 += d * val(i, 4)
        expect(dF[size + i]).toBe(d)
        expect(dG[size + i]).toBe(g[i]! - gPrev0[i]!)
        expect(fPrev[i]).toBe(f)
        expect(gPrev[i]).toBe(g[i])
      }
      expect(norm2).toBe(expectNorm2)
      expect(Array.from(sums.subarray(0, 4))).toEqual([dotF, dotSelf, dotCol2, dotCol0])
      // Mix columns 1 and 2 with γ = (0.5, −2), clamped to [−1, 1], into t and x.
      const slots = arena.i32(depth)
      slots[0] = 1
      slots[1] = 2
      const gamma = arena.f64(depth)
      gamma[0] = 0.5
      gamma[1] = -2
      const t = arena.f64(size)
      k.andersonMix(size, t.byteOffset, x.byteOffset, gPrev.byteOffset, dG.byteOffset, slots.byteOffset, gamma.byteOffset, 2, -1, 1)
      for (let i = 0; i < size; i++) {
        const v = g[i]! - 0.5 * dG[size + i]! - -2 * dG[2 * size + i]!
        const clamped = Math.min(1, Math.max(-1, v))
        expect(t[i]).toBe(clamped)
        expect(x[i]).toBe(clamped)
      }
    } finally {
      arena.close()
    }
  })
})

describe('the Anderson mixer', () => {
  it('solves a slow linear fixed point x = A·x + b in a few steps', () => {
    // A = [[0.99, 0.5, 0], [0, 0.98, 0.3], [0, 0, 0.97]] (non-normal, spectral radius 0.99):
    // the plain iteration gains 0.99 a step, over 2000 steps for 1e-9. With three differences
    // kept, a multisecant step on a 3-dimensional linear map is exact after four pairs.
    const A = [
      [0.99, 0.5, 0],
      [0, 0.98, 0.3],
      [0, 0, 0.97],
    ]
    const b = [1, 2, 3]
    // x* by back substitution of (I − A)·x = b.
    const x3 = b[2]! / (1 - 0.97)
    const x2 = (b[1]! + 0.3 * x3) / (1 - 0.98)
    const x1 = (b[0]! + 0.5 * x2) / (1 - 0.99)
    const exact = [x1, x2, x3]
    const arena = new Arena(andersonBytes(3, 3) + 8 * 3)
    try {
      const mixer = new AndersonMixer(arena, 3, 3)
      const t = arena.f64(3)
      const errors: number[] = []
      for (let step = 0; step < 8; step++) {
        mixer.before.set(t)
        const x = Array.from(t)
        for (let i = 0; i < 3; i++) t[i] = A[i]!.reduce((s, a, j) => s + a * x[j]!, b[i]!)
        mixer.record(t)
        mixer.mix(t, -1e9, 1e9)
        errors.push(Math.max(...exact.map((e, i) => Math.abs(t[i]! - e) / e)))
      }
      // Three steps are plain-like (one, two, three differences), the fourth is exact; the ring
      // then wraps (depth 3) and keeps it there.
      expect(errors[0]).toBeGreaterThan(0.5)
      for (const e of errors.slice(4)) expect(e).toBeLessThan(1e-9)
    } finally {
      arena.close()
    }
  })

  it('keeps every value within the clamps', () => {
    const arena = new Arena(andersonBytes(2, 2) + 8 * 2)
    try {
      const mixer = new AndersonMixer(arena, 2, 2)
      const t = arena.f64(2)
      // x ← 2x + 1 diverges: its extrapolation points far away, and the clamps hold it.
      for (let step = 0; step < 4; step++) {
        mixer.before.set(t)
        for (let i = 0; i < 2; i++) t[i] = 2 * t[i]! + 1 + i
        mixer.record(t)
        mixer.mix(t, 0, 5)
        for (const v of t) expect(v >= 0 && v <= 5).toBe(true)
      }
    } finally {
      arena.close()
    }
  })
})
