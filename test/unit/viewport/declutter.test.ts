// The presentation's equipment labels: none covers another (viewport/labels.ts, declutter).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { declutter, labelSizes, type LabelBox } from '../../../src/viewport/labels'

const box = (x: number, y: number, width = 100, height = 30): LabelBox => ({ x, y, width, height })

describe('declutter', () => {
  it('leaves labels apart where they are', () => {
    expect(declutter([box(100, 200), box(300, 200)], 90)).toEqual([0, 0])
  })

  it('lifts a later label just above the one it would cover, with the gap', () => {
    // The first spans y 170–200; the second (anchor y 210) must end at 170 − 4 = 166: lift 210 − 166 = 44.
    expect(declutter([box(100, 200), box(150, 210)], 90)).toEqual([0, 44])
  })

  it('lifts past a label met on the way up', () => {
    // Third at y 205 meets the first (170–200): to 166 (lift 39); there it meets the second, lifted
    // to 136–166 in turn (lift 44 from 210), so it ends at 132: lift 205 − 132 = 73.
    expect(declutter([box(100, 200), box(150, 210), box(120, 205)], 90)).toEqual([0, 44, 73])
  })

  it('leaves out a label that would rise more than the most allowed, and one without a position', () => {
    const lifts = declutter([box(100, 200), box(150, 210), box(120, 205), box(Number.NaN, 10)], 60)
    expect(lifts.slice(0, 2)).toEqual([0, 44])
    expect(lifts[2]).toBeNaN()
    expect(lifts[3]).toBeNaN()
  })

  it('never leaves two shown labels overlapping, and never lowers one', () => {
    const boxes = fc.array(
      fc.record({ x: fc.integer({ min: 0, max: 1200 }), y: fc.integer({ min: 0, max: 800 }), width: fc.integer({ min: 20, max: 200 }), height: fc.integer({ min: 10, max: 50 }) }),
      { maxLength: 14 },
    )
    fc.assert(
      fc.property(boxes, (bs) => {
        const lifts = declutter(bs, 120)
        const shown = bs.flatMap((b, i) => (Number.isNaN(lifts[i]) ? [] : [{ ...b, lift: lifts[i]! }]))
        for (const s of shown) expect(s.lift).toBeGreaterThanOrEqual(0)
        for (const s of shown) expect(s.lift).toBeLessThanOrEqual(120)
        for (let i = 0; i < shown.length; i++) {
          for (let j = i + 1; j < shown.length; j++) {
            const a = shown[i]!
            const b = shown[j]!
            const apartX = a.x + a.width / 2 <= b.x - b.width / 2 || b.x + b.width / 2 <= a.x - a.width / 2
            const apartY = a.y - a.lift <= b.y - b.lift - b.height || b.y - b.lift <= a.y - a.lift - a.height
            expect(apartX || apartY).toBe(true)
          }
        }
        // The first label always keeps its place.
        if (bs.length > 0) expect(lifts[0]).toBe(0)
      }),
      { seed: 13, numRuns: 300 },
    )
  })
})

describe('labelSizes', () => {
  // A label in a layer that is not shown yet measures 0 × 0 (offsetWidth/offsetHeight of an element
  // under display: none); an element whose size is what it reads when shown.
  const label = (width: number, height: number) => ({ offsetWidth: width, offsetHeight: height })

  it('measures every label, with the leader added to its height', () => {
    expect(labelSizes([label(120, 30), label(80, 28)], [], 7)).toEqual([
      { width: 120, height: 37 },
      { width: 80, height: 35 },
    ])
  })

  it('keeps the sizes once measured (the labels’ text does not change)', () => {
    const measured = [{ width: 120, height: 37 }]
    expect(labelSizes([label(999, 999)], measured, 7)).toBe(measured)
  })

  it('measures again when a label read 0 × 0 because its layer was hidden', () => {
    const hidden = labelSizes([label(0, 0), label(0, 0)], [], 7)
    expect(hidden).toEqual([
      { width: 0, height: 7 },
      { width: 0, height: 7 },
    ])
    // Shown now: real sizes, so two labels at one spot are told apart by declutter.
    const shown = labelSizes([label(120, 30), label(120, 30)], hidden, 7)
    expect(shown).toEqual([
      { width: 120, height: 37 },
      { width: 120, height: 37 },
    ])
    expect(declutter(shown.map((s) => ({ x: 100, y: 200, ...s })), 90)).toEqual([0, 41])
  })
})
