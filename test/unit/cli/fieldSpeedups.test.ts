// The cold-start rewrites of the field's helpers give what the code they replaced gave, on random
// input: cellsAlongBox (a run of repeats dropped instead of a Set), and the memo key's stored form
// and hash (word loops written out, the hash kept once computed; a re-hash after a part is added).
// The replaced code is restated here as the reference.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Box } from '../../../src/model/layout'
import { cellAt, cellsAlongBox, hallGrid, type ThermalGrid } from '../../../src/solver/thermal/grid'
import { Key } from '../../../src/solver/thermal/memo'
import type { Hall } from '../../../src/model/sceneSchema'

/** cellsAlongBox as it was: every sample's cell into a Set, in the order first met. */
function cellsAlongBoxBySet(g: ThermalGrid, box: Box, offsetM: number): Int32Array {
  const ux = Math.cos(box.rotationRad)
  const uy = Math.sin(box.rotationRad)
  const step = 0.5 * Math.min(g.hx, g.hy)
  const samples = Math.max(1, Math.ceil(box.widthM / step))
  const cx = box.cx + -uy * offsetM
  const cy = box.cy + ux * offsetM
  const seen = new Set<number>()
  for (let s = 0; s < samples; s++) {
    const along = ((s + 0.5) / samples - 0.5) * box.widthM
    seen.add(cellAt(g, cx + ux * along, cy + uy * along))
  }
  return Int32Array.from(seen)
}

const scratch = new Float64Array(1)
const words = new Uint32Array(scratch.buffer)
const sameBits = (a: number, b: number): boolean => {
  scratch[0] = a
  const [lo, hi] = [words[0], words[1]]
  scratch[0] = b
  return lo === words[0] && hi === words[1]
}

/** The key's stored form as it was (a helper call per element). */
function reference(parts: (number | Float64Array | Int32Array)[]): { built: Float64Array } {
  const out: number[] = []
  for (const p of parts) {
    if (typeof p === 'number') {
      out.push(p)
      continue
    }
    out.push(p.length, 0)
    const runsAt = out.length - 1
    let runs = 0
    for (let i = 0; i < p.length; ) {
      let j = i + 1
      while (j < p.length && sameBits(p[j]!, p[i]!)) j++
      out.push(p[i]!, j - i)
      runs++
      i = j
    }
    out[runsAt] = runs
  }
  return { built: Float64Array.from(out) }
}

const hall = (lengthM: number, widthM: number): Hall => ({ lengthM, widthM, heightM: 6, origin: { x: 3, y: -2 } }) as Hall

describe('cellsAlongBox', () => {
  it('gives the cells the Set did, in the same order, for any box on any grid', () => {
    fc.assert(
      fc.property(
        fc.record({
          lengthM: fc.double({ min: 3, max: 80, noNaN: true }),
          widthM: fc.double({ min: 3, max: 50, noNaN: true }),
          cellM: fc.double({ min: 0.3, max: 1.2, noNaN: true }),
          cx: fc.double({ min: -10, max: 100, noNaN: true }),
          cy: fc.double({ min: -10, max: 60, noNaN: true }),
          boxW: fc.double({ min: 0.01, max: 40, noNaN: true }),
          depth: fc.double({ min: 0.1, max: 3, noNaN: true }),
          rot: fc.double({ min: -7, max: 7, noNaN: true }),
          offset: fc.double({ min: -3, max: 3, noNaN: true }),
        }),
        (c) => {
          const g = hallGrid(hall(c.lengthM, c.widthM), c.cellM)
          const box: Box = { cx: c.cx, cy: c.cy, widthM: c.boxW, depthM: c.depth, heightM: 2, rotationRad: c.rot, elevationM: 0 }
          expect(Array.from(cellsAlongBox(g, box, c.offset))).toEqual(Array.from(cellsAlongBoxBySet(g, box, c.offset)))
        },
      ),
      { numRuns: 300, seed: 13 },
    )
  })
})

describe('memo key', () => {
  const part = fc.oneof(
    fc.double(),
    fc.array(fc.constantFrom(0, -0, 1, 0.5, NaN, Infinity), { maxLength: 40 }).map((a) => Float64Array.from(a)),
    fc.array(fc.integer({ min: -3, max: 3 }), { maxLength: 40 }).map((a) => Int32Array.from(a)),
  )
  it('stores as before, and again after a part is added', () => {
    fc.assert(
      fc.property(fc.array(part, { maxLength: 8 }), part, (parts, extra) => {
        const k = new Key()
        for (const p of parts) (typeof p === 'number' ? k.num(p) : k.array(p))
        const bits = (a: Float64Array) => Array.from(new Uint32Array(a.buffer))
        expect(bits(k.build())).toEqual(bits(reference(parts).built))
        ;(typeof extra === 'number' ? k.num(extra) : k.array(extra))
        expect(bits(k.build())).toEqual(bits(reference([...parts, extra]).built))
      }),
      { numRuns: 300, seed: 13 },
    )
  })
})
