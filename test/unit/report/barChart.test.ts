// A bar chart of the report leaves room for the longest figure written after a bar: the NPV chart's
// "−$280 M · not buildable" was cut at the chart's right edge.
import { describe, expect, it } from 'vitest'
import { barChart } from '../../../src/report/charts'

/** Width of a text at 11.5 px semibold (svg .val), at a generous 0.62 em a character. */
const textWidth = (s: string) => s.length * 11.5 * 0.62

describe('report bar chart', () => {
  it('every value text ends inside the chart', () => {
    const svg = barChart(
      [
        { label: 'GB200 NVL72, liquid', value: 96.9e6, colour: '#2e8b57', text: '$96.9 M · best' },
        { label: 'GB200, no liquid plant', value: 105e6, colour: '#888', text: '$105 M · not buildable' },
        { label: 'DGX H100, rear doors', value: -280e6, colour: '#888', text: '−$280 M · not buildable' },
      ],
      'NPV by variant',
    )
    const width = Number(/viewBox="0 0 (\d+)/.exec(svg)![1])
    const texts = [...svg.matchAll(/<text x="([\d.]+)"[^>]*class="val">([^<]+)<\/text>/g)]
    expect(texts).toHaveLength(3)
    for (const [, x, text] of texts) expect(Number(x) + textWidth(text!), text).toBeLessThanOrEqual(width)
  })
})
