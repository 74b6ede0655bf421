// The capacity card's "What stops the next rack" writes the figures `halltwin capacity` writes
// (report/format capacityFiguresText), not figures of its own.
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { Binding } from '../../../src/ui/economics/CapacityCard'
import type { CapacityBinding } from '../../../src/solver/economics/types'

const figures = (b: CapacityBinding) => {
  const html = renderToStaticMarkup(createElement(Binding, { binding: b }))
  return /<span class="num capacity-binding-figures">([^<]*)<\/span>/.exec(html)?.[1]
}

describe('capacity card binding', () => {
  it('a cooling loss that overheats racks whatever the ride-through states its minutes alone', () => {
    // checks/cooling/contingency.ts: such a case fails with limit null; the CLI writes '169 min'.
    // The card wrote '169 / — min'.
    const b: CapacityBinding = { checkId: 'cooling.n1:hall-1', kind: 'cooling.n1', title: 'Cooling N-1', subject: 'Main hall', value: 169, limit: null, unit: 'min' }
    expect(figures(b)).toBe('169 min')
  })
  it('a demand against a limit reads "value against limit", as in the CLI', () => {
    // The default scene's GB200 search at 2N: usable IT 20,790 kW short, limit 0 kW (the card: '20,790 / 0 kW').
    const b: CapacityBinding = { checkId: 'power.usable-it:asic-baseline', kind: 'power.usable-it', title: 'Usable IT after redundancy', subject: 'ASIC baseline', value: 20_790, limit: 0, unit: 'kW' }
    expect(figures(b)).toBe('20,790 against 0 kW')
  })
})
